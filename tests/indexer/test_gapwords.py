"""Which terms the corpus's open questions use more than its bank (indexer.gapwords)."""

from __future__ import annotations

import math

from indexer.gapwords import GapTally
from indexer.index import SearchIndex


def test_terms_asked_only_of_gaps_score_above_those_asked_only_of_the_bank() -> None:
    tally = GapTally()
    tally.add(["budget", "festival"], answered=False)
    tally.add(["budget", "budget", "fair"], answered=False)  # counted once a question
    tally.add(["founded", "festival"], answered=True)
    tally.add(["founded", "fair"], answered=True)
    odds = tally.odds()
    assert odds["budget"] == round(math.log(3 / 3) - math.log(1 / 3), 4)
    assert odds["founded"] < 0 < odds["budget"]
    assert odds["festival"] == odds["fair"] == 0.0  # as often in both
    assert "weather" not in odds


def test_no_odds_without_both_kinds_of_question() -> None:
    tally = GapTally()
    tally.add(["budget"], answered=False)
    assert tally.odds() == {}


def test_the_real_corpus_reads_details_it_lacks_as_gap_words(real_index: SearchIndex) -> None:
    """A budget is what the known gaps ask about (the corpus gives none); a procedure to
    take part is what the bank asks (the corpus says, passage by passage, whether one is
    published)."""
    odds = real_index.gap_odds
    stem = real_index.tokenizer.stem
    assert odds[stem("budget", "en")] > 1.0
    assert odds[stem("procedure", "en")] < -1.0
