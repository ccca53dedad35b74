"""How much of a question a passage's terms hold (Query.information)."""

from __future__ import annotations

from indexer.index import SearchIndex
from indexer.query import Query, QueryWord


def _query(*words: QueryWord) -> Query:
    return Query("…", "en", True, list(words))


def test_information_is_the_weighed_share_of_question_words_matched() -> None:
    query = _query(QueryWord("charter", ["charter"], 3.0, True),
                   QueryWord("signed", ["sign"], 1.0, True))
    assert query.information({"charter", "sign"}) == 1.0
    assert query.information({"charter"}) == 0.75
    assert query.information(set()) == 0.0


def test_information_follows_the_weights_once_the_question_is_reweighed() -> None:
    """Answering asks the same term sets many times, so the shares are kept; reweighing the
    words (the analyze stage does) must not leave the old shares behind."""
    charter = QueryWord("charter", ["charter"], 3.0, True)
    query = _query(charter, QueryWord("signed", ["sign"], 1.0, True))
    terms = frozenset({"charter"})
    assert query.information(terms) == 0.75
    charter.weight = 1.0
    query.reweighed()
    assert query.information(terms) == 0.5
    assert query.information({"charter"}) == 0.5


def test_the_askers_story_does_not_count_against_evidence_that_lacks_it() -> None:
    """'I roast coffee in Lembang. When was …?': the corpus cannot know the asker's shop, so a
    passage without 'Lembang' holds the whole question; one with it holds it too."""
    asked = QueryWord("offer", ["offer"], 2.0, True)
    story = QueryWord("lembang", ["lembang"], 1.0, True, context=True)
    query = _query(asked, story)
    assert query.information({"offer"}) == 1.0
    assert query.information({"offer", "lembang"}) == 1.0
    assert query.information({"lembang"}) == 1.0 / 3.0


def test_a_function_word_with_one_slip_weighs_nothing(real_index: SearchIndex) -> None:
    """"thier", "habn": a stopword of the question's language one edit away weighs nothing
    (it used to weigh like the rarest term and sink the coverage); a capitalised word is a
    name, not a slip ("Oker" is no "over"); a content word the corpus lacks keeps its weight."""
    from indexer.query import QueryAnalyzer

    analyzer = QueryAnalyzer(real_index)
    words = {w.text: w for w in analyzer.analyze(
        "when did the city sign thier charter near the Oker river?", "en").words}
    assert words["thier"].weight == 0.0 and words["thier"].note == "typo→their"
    assert words["oker"].weight > 0.0
    german = {w.text: w for w in analyzer.analyze(
        "wann habn die städte die urkunde unterschrieben?", "de").words}
    assert german["habn"].weight == 0.0
    born = {w.text: w for w in analyzer.analyze("when was georg eckert born?", "en").words}
    assert born["born"].weight > 1.0
