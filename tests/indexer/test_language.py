"""Telling English, Indonesian and German apart in short questions."""

from __future__ import annotations

from indexer.language import LanguageCounts, detect_language, learned_language


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


def _counts() -> LanguageCounts:
    """Counts from a few lines per language, as the index counts its passages and the
    questions of the bank (each language's questions name the same things)."""
    return LanguageCounts.build([
        ("en", "When did the DIG Niedersachsen celebrate its anniversary?"),
        ("en", "Who founded the DIG Niedersachsen and when was it founded?"),
        ("en", "What is the meaning of the name Bandungbrücke in Braunschweig? It was renamed."),
        ("id", "Kapan DIG Niedersachsen merayakan ulang tahunnya?"),
        ("id", "Siapa yang mendirikan DIG Niedersachsen dan kapan didirikan?"),
        ("id", "Apa arti nama Bandungbrücke di Braunschweig? Kapan jembatan itu diberi nama?"),
        ("de", "Wann feierte die DIG Niedersachsen ihr Jubiläum?"),
        ("de", "Wer gründete die DIG Niedersachsen und wann wurde sie gegründet?"),
        ("de", "Was bedeutet der Name Bandungbrücke in Braunschweig? Sie wurde umbenannt."),
    ])


def test_learned_counts_weigh_what_one_language_uses_and_not_shared_names() -> None:
    """A code-mixed Indonesian question is Indonesian for its Indonesian words, whatever
    English it borrows; a German keyword query is German for its one German word; names
    every language's questions use decide nothing."""
    counts = _counts()
    assert detect_language("DIG Niedersachsen celebrate anniversary-nya kapan?",
                           counts=counts) == "id"
    assert detect_language("Bandungbrücke Bedeutung", counts=counts) == "de"
    assert learned_language("DIG Niedersachsen", counts) is None


def test_a_word_the_counts_never_saw_is_read_by_its_letters() -> None:
    """'gegründeten' is in no text, but its trigrams are German ones."""
    counts = _counts()
    assert learned_language("gegründeten", counts) == "de"
    assert learned_language("zzqx", counts) is None  # nothing known: function words decide


def test_without_clear_odds_the_function_words_decide() -> None:
    counts = _counts()
    assert learned_language("Braunschweig Bandungbrücke", counts) is None
    assert detect_language("Braunschweig Bandungbrücke", counts=counts) == "de"  # the ü
