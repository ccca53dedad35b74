"""Per-language word lists of the parity check, read from indexer/lexicon/<language>.yaml.

The lists are data so that a translator can extend them without touching code: month names,
how numbers are written, number words and the phrases that mark a hedge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON = Path(__file__).with_name("lexicon")


@dataclass(frozen=True)
class Words:
    language: str
    months: tuple[str, ...]  # January … December, as written (capitalised)
    thousands_separator: str
    decimal_separator: str
    range_words: tuple[str, ...]
    numbers: dict[str, int]
    number_word_endings: tuple[str, ...]
    not_counts: tuple[str, ...]  # phrases whose number words are no counts ('the two')
    hedges: dict[str, tuple[str, ...]]  # kind of hedge → marker phrases (lower case)


@cache
def words(language: str) -> Words:
    """The word lists of `language` (en, id or de)."""
    data: dict[str, Any] = yaml.safe_load((LEXICON / f"{language}.yaml").read_text("utf-8"))
    months = tuple(str(m) for m in data["months"])
    if len(months) != 12:
        raise ValueError(f"{language}.yaml lists {len(months)} months, not 12")
    return Words(
        language=language,
        months=months,
        thousands_separator=str(data["thousands_separator"]),
        decimal_separator=str(data["decimal_separator"]),
        range_words=tuple(str(w) for w in data["range_words"]),
        numbers={str(k).casefold(): int(v) for k, v in data["numbers"].items()},
        number_word_endings=tuple(str(e).casefold() for e in data["number_word_endings"]),
        not_counts=tuple(str(p).casefold() for p in data.get("not_counts", [])),
        hedges={str(kind): tuple(str(m).casefold() for m in markers)
                for kind, markers in data["hedges"].items()},
    )


def month_name(month: int, language: str) -> str:
    """'May', 'Mei' or 'Mai' for month 5."""
    return words(language).months[month - 1]
