"""Which index terms the questions the corpus leaves open use more than those it answers.

Each term's log odds of being in a known gap's question (corpus/gaps) rather than in a bank
question (corpus/bank), both counted once per question and smoothed. On the project's corpus
"budget" (+3.4), "Öffnungszeit" (+3.0) or "Eintritt" (+2.6) are asked far more often of what
the corpus does not say, and "procedure" (−2.7) of what it does. The answer gate weighs a
question by the odds of its words (bot.answers.features), so a near miss that is like no gap
of its own passages still reads like the questions that go unanswered elsewhere in the corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

SMOOTHING = 1.0  # added to every count (and to the number of questions) before the odds


class GapTally:
    """The two counts, gathered question by question while the index is built."""

    def __init__(self) -> None:
        self._open: Counter[str] = Counter()
        self._answered: Counter[str] = Counter()
        self._open_questions = self._answered_questions = 0

    def add(self, terms: Iterable[str], answered: bool) -> None:
        """One question's index terms: a bank question's (`answered`) or a known gap's."""
        if answered:
            self._answered.update(set(terms))
            self._answered_questions += 1
        else:
            self._open.update(set(terms))
            self._open_questions += 1

    def odds(self) -> dict[str, float]:
        """Term → log odds of open against answered questions (0 for a term in neither)."""
        if not self._open_questions or not self._answered_questions:
            return {}
        open_total = math.log(self._open_questions + SMOOTHING)
        answered_total = math.log(self._answered_questions + SMOOTHING)
        return {term: round(math.log(self._open[term] + SMOOTHING) - open_total
                            - math.log(self._answered[term] + SMOOTHING) + answered_total, 4)
                for term in sorted(self._open.keys() | self._answered.keys())}
