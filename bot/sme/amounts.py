"""Read rupiah amounts the way people type them: '750 juta', '1,5 miliar', '2,000,000,000'."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_AMOUNT = 10**16  # ten quadrillion rupiah: far beyond any business
_UNITS = {
    "ribu": 10**3, "rb": 10**3, "k": 10**3, "thousand": 10**3, "tausend": 10**3,
    "juta": 10**6, "jt": 10**6, "million": 10**6, "millionen": 10**6, "mio": 10**6,
    "miliar": 10**9, "milyar": 10**9, "m": None, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "mrd": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "triliun": 10**12, "trillion": 10**12, "t": 10**12, "billionen": 10**12,
}
_SHAPE = re.compile(r"^(?P<number>\d[\d.,]*)\s*(?P<unit>[a-z]+)?\.?$")


class AmountError(ValueError):
    """The text is not an amount of rupiah; the message says what was expected."""


def parse_rupiah(text: str) -> int:
    """Whole rupiah in `text`, or AmountError with a message for the user."""
    cleaned = text.strip().lower().replace("\u00a0", " ")
    cleaned = re.sub(r"^(rp\.?|idr)\s*", "", cleaned)
    cleaned = re.sub(r"\s*(rupiah|idr)$", "", cleaned).strip()
    match = _SHAPE.match(cleaned)
    if not match:
        raise AmountError(f"'{text.strip()[:40]}' is not an amount; write e.g. 750 juta, "
                          "1.5 miliar or 2,000,000,000")
    unit = match.group("unit")
    multiplier = 1
    if unit:
        if unit not in _UNITS:
            raise AmountError(f"unknown unit '{unit}'; use ribu, juta, miliar or triliun")
        if _UNITS[unit] is None:
            raise AmountError("'M' is ambiguous (million or miliar); write juta or miliar")
        multiplier = _UNITS[unit]  # type: ignore[assignment]
    value = _number(match.group("number")) * multiplier
    if value <= 0:
        raise AmountError("the amount must be more than zero")
    if value > MAX_AMOUNT:
        raise AmountError("that amount is implausibly large")
    return int(value)


def _number(raw: str) -> Decimal:
    """'2,000,000' and '2.000.000' are thousands; '1,5' and '1.5' are decimals."""
    if "," in raw and "." in raw:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        raw = raw.replace(thousands, "").replace(decimal_mark, ".")
    else:
        mark = "," if "," in raw else "." if "." in raw else None
        if mark and re.fullmatch(rf"\d{{1,3}}(\{mark}\d{{3}})+", raw):
            raw = raw.replace(mark, "")
        elif mark:
            if raw.count(mark) > 1:
                raise AmountError(f"'{raw}' has more than one decimal mark")
            raw = raw.replace(mark, ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise AmountError(f"'{raw}' is not a number") from None
