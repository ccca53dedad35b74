"""Amounts in questions and the sentences whose ranges hold them."""

from __future__ import annotations

from bot.answers.figures import amounts, holds, restates

BILLION = 10**9


def test_amounts_are_read_in_every_language() -> None:
    assert amounts("Omzet saya Rp 10 miliar") == [(10 * BILLION, "10")]
    assert amounts("sales of Rp2.5 billion") == [(2_500_000_000, "2.5")]
    assert amounts("bis 5 Milliarden Rupiah") == [(5 * BILLION, "5")]
    assert amounts("in 2021, 300 people came") == []


def test_a_range_holds_figures_above_its_floor_up_to_its_ceiling() -> None:
    small = "usaha kecil: lebih dari Rp2 miliar sampai paling banyak Rp15 miliar"
    assert holds(small, 15 * BILLION)
    assert holds(small, 3 * BILLION)
    assert not holds(small, 2 * BILLION)
    assert not holds(small, 16 * BILLION)


def test_a_single_amount_is_an_upper_bound() -> None:
    assert holds("micro: up to Rp2 billion", 800_000_000)
    assert not holds("micro: up to Rp2 billion", 3 * BILLION)
    assert not holds("founded in 1960", 1960)


def test_two_sentences_with_the_same_figures_restate_one_fact() -> None:
    founded = "The DIG was founded in Braunschweig on 30 May 1964."
    assert restates(founded, "On 30 May 1964, the DIG Niedersachsen came into being.")
    assert restates("It was founded on 30 May 1964 with 40 members.", founded)  # a superset
    assert not restates(founded, "The DIG marked its 40th year on 27 November 2004.")
    assert not restates("Founded in 1964.", "Renamed in 1964.")  # one figure says too little
