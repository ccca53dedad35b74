"""Telling English, Indonesian and German apart in short questions."""

from __future__ import annotations

from indexer.language import detect_language


def test_function_words_decide() -> None:
    assert detect_language("When was the charter signed?") == "en"
    assert detect_language("Kapan piagam itu ditandatangani?") == "id"
    assert detect_language("Wann wurde die Urkunde unterzeichnet?") == "de"


def test_the_words_of_a_name_are_not_function_words() -> None:
    """'und' in 'Harz und Heide' says nothing about the asker's language."""
    phrases = {("harz", "und", "heide"): {"en": 1 / 3, "id": 1 / 3, "de": 1 / 3}}
    hints = {"penyelenggara": {"id": 1.0}}
    assert detect_language("harz und heide penyelenggara", hints) == "de"
    assert detect_language("harz und heide penyelenggara", hints, phrases) == "id"


def test_everyday_words_outside_the_corpus_are_weak_evidence() -> None:
    vocabulary = {"en": {"address": 4.5}, "id": {"alamat": 4.8}, "de": {"adresse": 4.4}}
    assert detect_language("GGM alamat", vocabulary=vocabulary) == "id"
    assert detect_language("GGM adresse", vocabulary=vocabulary) == "de"
    assert detect_language("GGM", vocabulary=vocabulary) is None
