"""What the answer to a question looks like, learnt from the question bank: which words of a
question make its answering sentence hold the day of a date, a year, a figure, a list or a
quoted title.

Every bank question names the sentence that answers it, so the bank is a labelled sample of
questions and the shapes of their answers. For each word (stemmed, stopwords kept: "wann",
"berapa" and "how" say most about the answer) the share of its bank questions whose answer
has each shape is counted, smoothed towards the shape's share over the whole bank, and kept as
its log lift. On the project's corpus "tanggal", "Datum" and "Tag" lift the day of a date by
about e^1.1, "viele" and "many" a figure by e^1.3. A word asked of few passages names a topic,
not a kind of answer, and is left out. The answer gate weighs the largest lift of a shape the
quoted sentences lack (bot.answers.features): "An welchem Tag genau wurde 2011 …?" answered
with a sentence that names only the year is a near miss, not an answer.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from indexer.models import LANGUAGES
from indexer.wordlists import words

# A day of a date ("22 June 2019", "10.–13. Dezember", "21. bis 25. Mai", "June 22"): the
# months are the indexer lexicon's, in all three languages.
_MONTHS = "|".join(sorted({re.escape(m) for lang in LANGUAGES for m in words(lang).months},
                          key=len, reverse=True))
_DAY = r"\d{1,2}\.?"
DATES = re.compile(rf"\b{_DAY}(?:\s*(?:[–-]|bis|to|until|and|und|sampai|hingga|dan)\s*{_DAY})?"
                   rf"\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b", re.IGNORECASE)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
FIGURE = r"\b(?!(1[89]|20)\d\d\b)\d"  # a number that is not a year
_FIGURE = re.compile(FIGURE)
_TITLE = re.compile(r"[„“\"«]")  # a quoted name of an event, a book, a program

SHAPES = ("day", "year", "figure", "list", "title")
SMOOTHING = 10.0  # bank questions' worth of the shape's overall share added to each word's
MIN_PASSAGES = 8  # a word asked of fewer passages names a topic rather than a kind of answer


def without_dates(sentence: str) -> str:
    """The sentence with the days of its dates taken out (the month and year stay)."""
    return DATES.sub(lambda m: re.sub(r"\d", " ", m.group(0)), sentence)


# one test per shape, in the order of SHAPES
_TESTS: tuple[Callable[[str], bool], ...] = (
    lambda t: bool(DATES.search(t)), lambda t: bool(YEAR.search(t)),
    lambda t: bool(_FIGURE.search(without_dates(t))), lambda t: t.count(",") >= 2,
    lambda t: bool(_TITLE.search(t)))


def shapes(text: str) -> tuple[bool, ...]:
    """Which of SHAPES the text has."""
    return tuple(test(text) for test in _TESTS)


class ShapeTally:
    """The counts, gathered bank question by bank question while the index is built."""

    def __init__(self) -> None:
        self._questions: dict[str, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
        self._with: dict[str, list[Counter[str]]] = {
            lang: [Counter() for _ in SHAPES] for lang in LANGUAGES}
        self._passages: dict[str, dict[str, set[int]]] = {lang: {} for lang in LANGUAGES}
        self._overall = [0] * len(SHAPES)
        self._total = 0

    def add(self, language: str, stems: Iterable[str], has: tuple[bool, ...], passage: int
            ) -> None:
        """One bank question's stems, in its passage's language, and the shapes of the
        sentence that answers it."""
        distinct = set(stems)
        self._total += 1
        self._questions[language].update(distinct)
        for k in (k for k, h in enumerate(has) if h):
            self._overall[k] += 1
            self._with[language][k].update(distinct)
        where = self._passages[language]
        for stem in distinct:
            where.setdefault(stem, set()).add(passage)

    def lifts(self) -> dict[str, dict[str, list[float]]]:
        """language → stem → the log lift of each shape among its bank questions' answers."""
        if not self._total:
            return {}
        base = [max(n, 1) / self._total for n in self._overall]
        return {lang: {stem: [round(math.log((with_shape[stem] + SMOOTHING * p)
                                             / (n + SMOOTHING) / p), 4)
                              for with_shape, p in zip(self._with[lang], base, strict=True)]
                       for stem, n in sorted(counted.items())
                       if len(self._passages[lang][stem]) >= MIN_PASSAGES}
                for lang, counted in self._questions.items()}


def unmet(lifts: dict[str, list[float]], stems: Iterable[str], text: str) -> float:
    """The largest lift a question's stems give a shape `text` lacks (0: none lacking).
    Shapes are tested on `text` from the most lifted down, and only those lifted at all."""
    need = [0.0] * len(SHAPES)
    for stem in stems:
        for k, lift in enumerate(lifts.get(stem, ())):
            need[k] = max(need[k], lift)
    for lift, test in sorted(zip(need, _TESTS, strict=True), key=lambda pair: -pair[0]):
        if lift <= 0.0:
            break
        if not test(text):
            return lift
    return 0.0
