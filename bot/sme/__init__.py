"""SME (UMKM) size classes under PP 7/2021 and parsing of rupiah amounts."""

from bot.sme.amounts import AmountError, parse_rupiah
from bot.sme.classes import SizeClass, classify_capital, classify_sales

__all__ = ["AmountError", "SizeClass", "classify_capital", "classify_sales", "parse_rupiah"]
