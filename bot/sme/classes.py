"""Business size classes under PP 7/2021 (Government Regulation No. 7 of 2021), Arts. 35–36.

New businesses are classed by business capital (excluding land and buildings), existing
ones by annual sales. These figures restate the corpus's SME guide; keep both in step.
"""

from __future__ import annotations

from enum import StrEnum

BILLION = 10**9
# (upper bound inclusive, class) in rupiah
CAPITAL_LIMITS = ((1 * BILLION, "micro"), (5 * BILLION, "small"), (10 * BILLION, "medium"))
SALES_LIMITS = ((2 * BILLION, "micro"), (15 * BILLION, "small"), (50 * BILLION, "medium"))
RULE = "PP 7/2021, Arts. 35–36"
RULE_SOURCES = ("ddtc-2021", "kontrakhukum", "fortune-idn")


class SizeClass(StrEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"  # above the medium ceiling: not an UMKM


def _classify(amount: int, limits: tuple[tuple[int, str], ...]) -> SizeClass:
    for ceiling, name in limits:
        if amount <= ceiling:
            return SizeClass(name)
    return SizeClass.LARGE


def classify_capital(rupiah: int) -> SizeClass:
    """Class of a new business by its business capital."""
    return _classify(rupiah, CAPITAL_LIMITS)


def classify_sales(rupiah: int) -> SizeClass:
    """Class of an existing business by its annual sales."""
    return _classify(rupiah, SALES_LIMITS)
