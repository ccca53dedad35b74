"""The gate's likeness of two questions (bot.answers.features.closest) and what it measures of
an answer."""

from __future__ import annotations

from bot.answers import AnswerEngine
from bot.answers.features import FEATURES, KIND_MISMATCH, Shape, closest
from bot.answers.question import Kind
from indexer.query import Query, QueryWord
from indexer.sentences import split_sentences


def _asked() -> Query:
    return Query("How many members does the DIG have?", "en", True, [
        QueryWord("members", ["member"], 3.0, True), QueryWord("dig", ["dig"], 2.0, True)])


def _shape(question: str, weights: dict[str, float]) -> Shape:
    return Shape(question, frozenset(weights), tuple(weights.items()), sum(weights.values()))


def test_the_same_words_asking_the_same_kind_are_alike() -> None:
    query = _asked()
    same = _shape("How many members has the DIG?", {"member": 3.0, "dig": 2.0})
    assert closest(query, query.vocabulary, Kind.HOW_MANY, [same]) == 1.0


def test_another_kind_of_question_in_the_same_words_is_less_alike() -> None:
    """"How do I become a member of the DIG?" shares the words, not the question."""
    query = _asked()
    other = _shape("How do I become a member of the DIG?", {"member": 3.0, "dig": 2.0})
    assert closest(query, query.vocabulary, Kind.HOW_MANY, [other]) == KIND_MISMATCH


def test_a_longer_question_asking_for_more_is_not_alike() -> None:
    """It holds every asked word, but its own heaviest word ("founder") the asked lacks."""
    query = _asked()
    longer = _shape("How many members did the DIG's founder recruit?",
                    {"member": 3.0, "dig": 2.0, "founder": 5.0})
    likeness = closest(query, query.vocabulary, Kind.HOW_MANY, [longer])
    assert likeness == 2 * 1.0 * 0.5 / 1.5
    assert closest(query, query.vocabulary, Kind.HOW_MANY, [longer, _shape(
        "How many members has the DIG?", {"member": 3.0, "dig": 2.0})]) == 1.0
    assert closest(query, query.vocabulary, Kind.HOW_MANY, []) == 0.0


def test_the_gate_sees_whether_the_bank_names_the_quoted_sentence(engine: AnswerEngine
                                                                     ) -> None:
    """Asked in a bank question's own words, an answer that quotes the sentence the bank
    names for that question measures full likeness (sentence_bank)."""
    index = engine.index
    where = FEATURES.index("sentence_bank")
    values = []
    for row in range(0, len(index.passages), 7):
        passage = index.passages[row]
        sentences = split_sentences(passage.text)
        for question, number in zip(index.bank_questions[row], index.bank_sentences[row],
                                    strict=True):
            if number < 0:
                continue
            answer = engine.ask(question)
            if answer.abstained or not answer.gate_features:
                break
            first = answer.quotes[0]
            if first.passage_id == passage.id and first.text == sentences[number]:
                values.append(answer.gate_features[where])
            break
        if len(values) >= 20:
            break
    assert len(values) >= 10
    # a German compound's parts, indexed beside it, count on the bank question's side only
    assert all(value >= 0.75 for value in values)
    assert sum(value == 1.0 for value in values) >= len(values) // 2
