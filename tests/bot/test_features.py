"""The gate's likeness of two questions (bot.answers.features.closest)."""

from __future__ import annotations

from bot.answers.features import KIND_MISMATCH, Shape, closest
from bot.answers.question import Kind
from indexer.query import Query, QueryWord


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
