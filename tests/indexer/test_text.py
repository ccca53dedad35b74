"""Tokenization per language, with no downloads."""

from __future__ import annotations

import pytest

from indexer.sentences import split_sentences
from indexer.text import Tokenizer


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer()


def test_english_stems_and_drops_stopwords(tok: Tokenizer) -> None:
    assert tok.tokens("The cities were signing partnerships", "en") == [
        "citi", "sign", "partnership"]


def test_german_folds_umlauts_so_spellings_meet(tok: Tokenizer) -> None:
    assert tok.tokens("Städtepartnerschaften", "de") == tok.tokens("Stadtepartnerschaft", "de")
    assert tok.tokens("die Brücke", "de") == ["bruck"]


def test_indonesian_strips_affixes(tok: Tokenizer) -> None:
    assert tok.tokens("pameran perdagangan", "id") == ["pamer", "dagang"]
    assert tok.tokens("bekerja", "id") == tok.tokens("kerja", "id")


def test_indonesian_keeps_content_words_the_list_would_drop(tok: Tokenizer) -> None:
    assert "kecil" in tok.tokens("usaha kecil", "id")


def test_letters_and_digits_are_split(tok: Tokenizer) -> None:
    assert tok.words("Rp2 miliar, PP 7/2021") == ["rp", "2", "miliar", "pp", "7", "2021"]


def test_query_terms_stem_in_every_language(tok: Tokenizer) -> None:
    groups = tok.query_terms(tok.words("When was Braunschweig founded"), "en")
    assert groups[0] == ["braunschweig"]
    assert groups[1][0] == "founded"


def test_founded_is_not_merged_with_found(tok: Tokenizer) -> None:
    """'No source was found' must not match 'When was it founded?'."""
    assert tok.tokens("founded", "en") != tok.tokens("found", "en")


def test_american_and_british_spellings_meet(tok: Tokenizer) -> None:
    assert tok.tokens("analyze organizations", "en") == tok.tokens("analyse organisations", "en")
    assert tok.tokens("size prize", "en") == ["size", "prize"]


def test_sentences_keep_abbreviations_and_german_dates() -> None:
    text = ("GGM stands at Jl. Merdeka No. 64. Prof. Eckert came. "
            "Die Urkunde wurde am 24. Mai 1960 unterzeichnet. Es war die 17. Ausgabe. Next one.")
    assert split_sentences(text) == [
        "GGM stands at Jl. Merdeka No. 64.", "Prof. Eckert came.",
        "Die Urkunde wurde am 24. Mai 1960 unterzeichnet.", "Es war die 17. Ausgabe.",
        "Next one."]


def test_the_tokenizers_word_lists_are_data_in_all_three_languages() -> None:
    """Stopwords beside the package's, content words and stem exceptions live in
    indexer/lexicon/<lang>.yaml; a list missing in one language is an error at load, and the
    words are plain strings (YAML would read a bare `no` as false)."""
    import yaml

    from indexer.wordlists import LEXICON

    for lang in ("en", "id", "de"):
        data = yaml.safe_load((LEXICON / f"{lang}.yaml").read_text("utf-8"))
        assert data["extra_stopwords"], lang
        for name in ("extra_stopwords", "content_words"):
            assert all(isinstance(w, str) and w == w.strip().lower() for w in data[name]), name
        assert isinstance(data["stem_exceptions"], dict)
    tokenizer = Tokenizer()
    assert tokenizer.is_stopword("eigentlich", "de") and tokenizer.is_stopword("sih", "id")
    assert not tokenizer.is_stopword("kecil", "id")  # "usaha kecil": a small business


def test_english_contractions_and_possessives_leave_no_word_fragments() -> None:
    """"didn't" splits into didn + t, "Bandung's" into bandung + s: the fragments, and the
    apostrophe-less chat forms ("whats", "dont"), are stopwords like the contractions."""
    tokenizer = Tokenizer()
    assert tokenizer.tokens("Why didn't it happen? What's Bandung's role", "en") == [
        "happen", "bandung", "role"]
    assert tokenizer.tokens("whats the name, dont know", "en") == ["name"]
