"""Question kinds and the words that only ask for a kind of answer."""

from __future__ import annotations

import pytest

from bot.answers.question import Kind, frame_words, kind_of


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
