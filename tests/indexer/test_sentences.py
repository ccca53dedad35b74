"""Sentence splitting: the shortcut for one-sentence texts agrees with Punkt."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import sentences

PIECES = st.sampled_from([*"ab Z1.?!\"')]};*:@([{,-\n\t", "Dr", "Mai", "17", "die"])


def punkt(text: str) -> list[str]:
    merged: list[str] = []
    for part in sentences._tokenizer().tokenize(text):
        if merged and sentences._glue(merged[-1], part):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return [s.strip() for s in merged if s.strip()]


@settings(max_examples=1500, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_shortcut_splits_as_punkt_does(text: str) -> None:
    """Texts Punkt cannot break (most questions) skip it and come out the same."""
    assert sentences.split_sentences(text) == punkt(text)


def test_saved_spans_give_back_the_sentences() -> None:
    text = "Der Vertrag wurde am 24. Mai 1960 unterzeichnet.  Er gilt bis heute.\nDanach?"
    spans = sentences.spans(text)
    sentences.remember(text, spans)
    assert sentences.split_sentences(text) == punkt(text)


def test_initials_do_not_end_a_sentence() -> None:
    """A street named with a person's initials stays one sentence with the next word."""
    text = ("Monumen itu berdiri di sudut Jalan Riau (Jalan R.E. Martadinata). "
            "Ia menjadi penanda kerja sama kota kembar.")
    assert sentences.split_sentences(text) == [
        "Monumen itu berdiri di sudut Jalan Riau (Jalan R.E. Martadinata).",
        "Ia menjadi penanda kerja sama kota kembar."]
    assert sentences.split_sentences("Er traf J. F. Kennedy. Dann reiste er ab.") == [
        "Er traf J. F. Kennedy.", "Dann reiste er ab."]
    # an acronym is no initial: the sentence it ends still ends there
    assert sentences.split_sentences("Sie war Mitglied der SPD. Sie unterschrieb 1960.") == [
        "Sie war Mitglied der SPD.", "Sie unterschrieb 1960."]
