"""Amounts of money in questions and sentences ("Rp 10 miliar", "Rp2.5 billion", "5 Mrd.").

A question that gives its own figure ("my sales are Rp 10 billion — micro, small or medium?")
is answered by the sentence whose range holds that figure: "small: above Rp2 billion up to
Rp15 billion" holds 10 billion; the asker's "10" itself is rarely in the corpus.
"""

from __future__ import annotations

import re

from bot.sme import AmountError, parse_rupiah

_AMOUNT = re.compile(
    r"(?:\b(?:rp|idr)\.?\s?)?(?<![\d.,])(\d+(?:[.,]\d+)*)\s?"
    r"(ribu|rb|juta|jt|miliar|milyar|triliun|thousand|million|billion|trillion|tausend|"
    r"mio|millionen|mrd|milliarden?|billionen)\b", re.IGNORECASE)


def amounts(text: str) -> list[tuple[int, str]]:
    """Each amount in `text` in whole rupiah, with the number as written ('10', '2,5')."""
    found = []
    for match in _AMOUNT.finditer(text):
        try:
            found.append((parse_rupiah(f"{match.group(1)} {match.group(2).lower()}"),
                          match.group(1)))
        except AmountError:
            continue
    return found


def holds(sentence: str, figure: int) -> bool:
    """Does the sentence give a range that holds `figure`? Two or more amounts span from the
    smallest (exclusive) to the largest; a single one is an upper bound ("up to Rp2 billion")."""
    values = {value for value, _ in amounts(sentence)}
    if not values:
        return False
    low = min(values) if len(values) > 1 else 0
    return low < figure <= max(values)


_FIGURE = re.compile(r"\b\d[\d.,:–-]*\d\b|\b\d\b")


def restates(sentence: str, other: str) -> bool:
    """Do the two sentences state the same dated or counted fact: at least two figures each,
    those of one all in the other ("30 May 1964" twice)?"""
    a, b = set(_FIGURE.findall(sentence)), set(_FIGURE.findall(other))
    return len(a) >= 2 and len(b) >= 2 and (a <= b or b <= a)

