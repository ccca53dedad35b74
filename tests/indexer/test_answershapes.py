"""What a question's words say its answer looks like, learnt from the bank
(indexer.answershapes)."""

from __future__ import annotations

from indexer.answershapes import MIN_PASSAGES, SHAPES, ShapeTally, shapes, unmet
from indexer.index import SearchIndex

DAY, YEAR, FIGURE, LIST, TITLE = (SHAPES.index(s) for s in
                                  ("day", "year", "figure", "list", "title"))


def test_shapes_of_sentences() -> None:
    assert shapes("The charter was signed on 24 May 1960.")[DAY]
    assert shapes("Die Messe fand vom 21. bis 25. Mai 2026 statt.")[DAY]
    only_year = shapes("The partnership began in 1960.")
    assert only_year[YEAR] and not only_year[DAY] and not only_year[FIGURE]
    assert not shapes("Pada 24 Mei 1960 piagam ditandatangani.")[FIGURE]  # a day is no count
    assert shapes("Braunschweig has seven partner cities and 250,000 people.")[FIGURE]
    assert shapes("Batik, leather goods, fashion and souvenirs were shown.")[LIST]
    assert shapes("The day was called „Indonesien ganz nah“.")[TITLE]


def _tally(day_word_passages: int) -> ShapeTally:
    tally = ShapeTally()
    day, year = shapes("It opened on 5 November 1976."), shapes("It opened in 1976.")
    for passage in range(day_word_passages):  # "tanggal" is asked where the day is given
        for _ in range(10):
            tally.add("id", ["tanggal", "buka"], day, passage)
            tally.add("id", ["kapan", "buka"], year, passage)
    tally.add("id", ["ggm"], day, 0)  # a topic word of one passage
    return tally


def test_a_word_asked_for_days_lifts_the_day_and_a_topic_word_is_left_out() -> None:
    lifts = _tally(MIN_PASSAGES).lifts()["id"]
    assert lifts["tanggal"][DAY] > 0.5 > abs(lifts["buka"][DAY])
    assert lifts["kapan"][DAY] < 0
    assert "ggm" not in lifts
    assert "tanggal" not in _tally(MIN_PASSAGES - 1).lifts()["id"]


def test_an_answer_lacking_the_asked_shape_is_unmet() -> None:
    lifts = _tally(MIN_PASSAGES).lifts()["id"]
    asked = ["tanggal", "berapa", "buka"]
    assert unmet(lifts, asked, "GGM dibuka pada tahun 1976.") == lifts["tanggal"][DAY]
    assert unmet(lifts, asked, "GGM dibuka pada 5 November 1976.") == 0.0
    assert unmet(lifts, ["kapan"], "GGM dibuka pada tahun 1976.") == 0.0  # lifts nothing


def test_no_bank_no_lifts() -> None:
    assert ShapeTally().lifts() == {}


def test_the_real_corpus_learns_that_asking_for_a_date_wants_a_day(real_index: SearchIndex
                                                                    ) -> None:
    stem = real_index.tokenizer.stem
    for language, word in (("id", "tanggal"), ("de", "datum"), ("en", "date")):
        assert real_index.shape_lifts[language][stem(word, language)][DAY] > 0.5
    assert real_index.shape_lifts["en"][stem("many", "en")][FIGURE] > 0.5
