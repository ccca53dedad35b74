"""Rupiah amounts as people type them, and the PP 7/2021 size classes."""

from __future__ import annotations

import pytest

from bot.sme import AmountError, SizeClass, classify_capital, classify_sales, parse_rupiah


@pytest.mark.parametrize(("text", "rupiah"), [
    ("750 juta", 750_000_000),
    ("1.5 miliar", 1_500_000_000),
    ("1,5 miliar", 1_500_000_000),
    ("2,000,000,000", 2_000_000_000),
    ("2.000.000.000", 2_000_000_000),
    ("Rp 300 juta", 300_000_000),
    ("Rp2.5bn", 2_500_000_000),
    ("2 Mrd", 2_000_000_000),
    ("1.500 juta", 1_500_000_000),
    ("50000000", 50_000_000),
])
def test_amounts(text: str, rupiah: int) -> None:
    assert parse_rupiah(text) == rupiah


@pytest.mark.parametrize("text", ["", "lots", "-5 juta", "0", "2 M", "1.2.3 juta", "9 gazillion",
                                  "99999999999 triliun"])
def test_nonsense_amounts_get_a_message(text: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_rupiah(text)
    assert str(caught.value)


@pytest.mark.parametrize(("rupiah", "expected"), [
    (1_000_000_000, SizeClass.MICRO), (1_000_000_001, SizeClass.SMALL),
    (5_000_000_000, SizeClass.SMALL), (10_000_000_000, SizeClass.MEDIUM),
    (10_000_000_001, SizeClass.LARGE),
])
def test_capital_classes(rupiah: int, expected: SizeClass) -> None:
    assert classify_capital(rupiah) is expected


@pytest.mark.parametrize(("rupiah", "expected"), [
    (2_000_000_000, SizeClass.MICRO), (2_000_000_001, SizeClass.SMALL),
    (15_000_000_000, SizeClass.SMALL), (50_000_000_000, SizeClass.MEDIUM),
    (50_000_000_001, SizeClass.LARGE),
])
def test_sales_classes(rupiah: int, expected: SizeClass) -> None:
    assert classify_sales(rupiah) is expected
