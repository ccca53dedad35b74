"""Spellings askers use that the corpus does not: umlauts written out, chat Indonesian."""

from __future__ import annotations

from indexer.spelling import standard_indonesian, without_umlaut_spelling


def test_written_out_umlauts_become_folded_letters() -> None:
    assert without_umlaut_spelling("staedtepartnerschaft") == ["stadtepartnerschaft"]
    assert without_umlaut_spelling("foerdert") == ["fordert"]


def test_vowel_pairs_that_are_no_umlaut_stay() -> None:
    assert without_umlaut_spelling("quelle") == []
    assert without_umlaut_spelling("bauer") == []
    assert without_umlaut_spelling("euer") == []


def test_colloquial_indonesian_verbs_have_standard_forms() -> None:
    assert "mengurus" in standard_indonesian("ngurusin")
    assert "mengusulkan" in standard_indonesian("ngusulin")
    assert "dikirimkan" in standard_indonesian("dikirimin")
    assert "mencari" in standard_indonesian("nyari")
    assert standard_indonesian("kopi") == []


def test_chat_words_stand_for_other_standard_words() -> None:
    assert standard_indonesian("dikasih") == ["diberi"]
    assert standard_indonesian("dapet") == ["dapat"]
    assert standard_indonesian("dibikin") == ["dibuat"]
    assert standard_indonesian("ngasih") == ["beri"]
    assert standard_indonesian("taun") == ["tahun"]
