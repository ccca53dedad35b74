"""Sources read 'publisher: title (date)' in the reader's language, with trust in words."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answers.model import Answer, Quote, SourceRef
from bot.answers.render import to_text
from bot.citations import cited, label, published, reliability
from indexer.models import Source, SourceQuality

BLOG = Source(id="blog", publisher="Priangan Pos blog", title="History of GGM Bandung",
              published="2012-09", url=None, site="prianganpos.blogspot.com",
              accessed=dt.date(2026, 11, 28), confidence=SourceQuality.LOW)


@pytest.mark.parametrize(("date", "language", "shown"), [
    ("2016", "en", "2016"),
    ("2016-03", "id", "Maret 2016"),
    ("2016-03-18", "en", "18 March 2016"),
    ("2016-03-18", "de", "18. März 2016"),
])
def test_dates_are_written_out_in_the_readers_language(date: str, language: str,
                                                       shown: str) -> None:
    assert published(date, language) == shown


def test_a_source_reads_publisher_title_date() -> None:
    assert label(BLOG, "de") == "Priangan Pos blog: History of GGM Bandung (September 2012)"
    assert reliability(BLOG, "id") == "sumber kurang tepercaya"


def test_an_answer_names_its_sources_and_says_when_no_address_is_recorded() -> None:
    answer = Answer("Kapan GGM dibuka?", "id", False,
                    quotes=(Quote("GGM dibuka pada 1976.", "ggm#0", (1,), "S1"),),
                    sources=(SourceRef(1, "blog", "History of GGM Bandung", None),))
    text = to_text(answer, sources={"blog": BLOG})
    assert ("[1] Priangan Pos blog: History of GGM Bandung (September 2012) · sumber kurang "
            "tepercaya · alamat artikel tidak tercatat") in text


def test_a_source_missing_from_the_corpus_falls_back_to_its_title() -> None:
    ref = SourceRef(2, "gone", "Some page", "https://example.org/page")
    assert cited(ref, {"blog": BLOG}, "en") == ("Some page", "https://example.org/page", None)
