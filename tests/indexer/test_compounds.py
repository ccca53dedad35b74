"""German compounds are split into parts the corpus also uses on their own."""

from __future__ import annotations

from indexer.compounds import split_compounds
from indexer.index import SearchIndex
from indexer.text import Tokenizer


def test_a_compound_splits_into_words_of_the_corpus() -> None:
    tok = Tokenizer()
    words = ["kooperationsvertrag", "kooperation", "vertrag", "auslandsmessen", "ausland",
             "messen", "nachrichten", "richten", "unternehmen"]
    table = split_compounds(words, lambda w: tok.stem(w, "de"))
    assert table["kooperationsvertrag"] == [tok.stem("kooperation", "de"),
                                            tok.stem("vertrag", "de")]
    assert table["auslandsmessen"] == [tok.stem("ausland", "de"), tok.stem("messen", "de")]
    # a verb particle is no first part; a word without a known second part stays whole
    assert "nachrichten" not in table
    assert "unternehmen" not in table


def test_the_index_finds_a_compound_by_its_part(real_index: SearchIndex) -> None:
    stems = real_index.tokens("Die Auslandsmessen der KMU", "de")
    assert real_index.tokenizer.stem("messen", "de") in stems
    assert real_index.tokens("overseas fairs", "en") == real_index.tokenizer.tokens(
        "overseas fairs", "en")
