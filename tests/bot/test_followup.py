"""Follow-up questions: which ones lack a topic, and how they borrow the previous one."""

from __future__ import annotations

import pytest

from bot.answers.followup import Turn, combine, follow_up, lacks_topic, start, topic_of

CHARTER = start("When was the partnership charter signed?")


@pytest.mark.parametrize("question", [
    "And when was that?", "Who signed it?", "Where?", "In which year?", "What about Bandung?",
    "Dan di Bandung?", "Kapan itu?", "Siapa yang menandatanganinya?", "Bagaimana caranya?",
    "Und wo?", "Wann war das?", "Wer hat sie unterzeichnet?",
])
def test_questions_without_a_topic_of_their_own(question: str) -> None:
    """Openers like and/dan/und, pronouns and bare question words mark a follow-up."""
    assert lacks_topic(question)


@pytest.mark.parametrize("question", [
    "When was the partnership charter signed?", "Who is the mayor of Bandung?",
    "Are there programs for SMEs?", "Gibt es Programme?", "Kapan piagam itu ditandatangani?",
    "Wann wurde das Abkommen unterzeichnet?", "Who signed it for the German side?",
    "thanks!", "hello", "1960?", "", "Apa saja program lainnya untuk UMKM di Bandung?",
])
def test_questions_with_a_topic_or_no_question(question: str) -> None:
    """A question that names its topic, small talk and determiners ('that charter',
    'das Abkommen', 'piagam itu') start afresh."""
    assert not lacks_topic(question)


def test_topic_is_the_naming_words_in_order() -> None:
    assert topic_of("When was the partnership charter signed?") == "partnership charter signed"
    assert topic_of("Kapan piagam persahabatan ditandatangani?") == \
        "piagam persahabatan ditandatangani"


def test_a_follow_up_with_a_question_word_borrows_the_topic() -> None:
    """'Und wo?' keeps its question word and adds the earlier topic."""
    turn = combine("Und wo?", start("Wann wurde die Partnerschaftsurkunde unterzeichnet?"))
    assert turn.question == "Und wo Partnerschaftsurkunde unterzeichnet?"
    assert turn.topic == "Partnerschaftsurkunde unterzeichnet"
    assert turn.about == "Wann wurde die Partnerschaftsurkunde unterzeichnet?"


def test_a_follow_up_without_a_question_word_repeats_the_earlier_question() -> None:
    """'Dan di Bandung?' asks the earlier question again, about Bandung."""
    turn = combine("Dan di Bandung?", start("Kapan piagam persahabatan ditandatangani?"))
    assert turn.question == "Kapan piagam persahabatan ditandatangani di Bandung?"


def test_words_already_in_the_follow_up_are_not_repeated() -> None:
    assert combine("Who signed it?", CHARTER).question == "Who signed it partnership charter?"


def test_a_chain_of_follow_ups_keeps_the_first_topic() -> None:
    """Each follow-up borrows the topic the conversation started with."""
    second = follow_up("And where?", CHARTER)
    assert second is not None
    third = follow_up("Who signed it?", second)
    assert third is not None and third.topic == CHARTER.topic and third.about == CHARTER.about


def test_nothing_to_follow_up_on_or_a_new_topic() -> None:
    assert follow_up("And where?", None) is None
    assert follow_up("Who is the mayor of Bandung?", CHARTER) is None
    assert follow_up("And where?", Turn("?", "", "?")) is None
