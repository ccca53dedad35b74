"""Question kinds and the words that only ask for a kind of answer."""

from __future__ import annotations

import pytest

from bot.answers.question import Kind, frame_words, kind_of, satisfies


@pytest.mark.parametrize(("question", "kind"), [
    ("Kapan Bandung menjadi kota kreatif UNESCO?", Kind.WHEN),
    ("Who was mayor when the charter was signed?", Kind.WHO),
    ("Wie viele Partnerstädte hat Braunschweig?", Kind.HOW_MANY),
    ("Bagaimana cara mendaftar pameran?", Kind.HOW_TO),
    ("Wo liegt die Bandungbrücke?", Kind.WHERE),
    ("Whom should we contact about the youth exchange?", Kind.HOW_TO),
    ("Siapa yang bisa dihubungi soal Pojok Bandung?", Kind.HOW_TO),
    ("An wen kann ich mich wegen der Messe wenden?", Kind.HOW_TO),
    ("What does the ITB and HBK cooperation include?", Kind.LIST),
    ("Kenapa Bandung dipilih jadi kota kembar Braunschweig?", Kind.WHY),
    ("harz und heide aussteller liste", Kind.LIST),
    ("Wie heißt der Generalkonsul in Hamburg?", Kind.WHO),
])
def test_the_first_question_word_decides_the_kind(question: str, kind: Kind) -> None:
    assert kind_of(question) is kind


def test_form_words_are_found_in_every_language() -> None:
    assert "anzahl" in frame_words("Harz und Heide Aussteller Anzahl")
    assert "address" in frame_words("What is the address of the GGM?")
    assert "define" in frame_words("How does the study define a sister city?")
    assert "artinya" in frame_words("UMKM artinya apa?")
    assert "liste" in frame_words("braunschweig partnerstädte liste")


def test_topic_words_are_not_form_words() -> None:
    """'join' names the topic of a when-question; 'cities' that of a list question."""
    assert frame_words("When did Bandung join the UNESCO network?") <= {"when"}
    assert frame_words("Which cities are partners of Bandung?") == set()


def test_a_number_the_question_gives_does_not_answer_how_many() -> None:
    """'Under PP 7/2021, up to how much capital …?' is not answered by a sentence whose only
    number is the regulation's; a year given to a when-question still leaves the date to ask."""
    question = "Under PP 7/2021, up to how much capital is a new business small?"
    assert kind_of(question) is Kind.HOW_MANY
    assert not satisfies(Kind.HOW_MANY, "Under PP 7/2021, a new business is classed by its "
                         "capital.", question)
    assert satisfies(Kind.HOW_MANY, "Under PP 7/2021, small means up to Rp5 billion.", question)
    assert satisfies(Kind.WHEN, "The delegation visited on 20-26 June 2019.",
                     "When in 2019 did the delegation visit?")
