"""Per-language word lists of the indexer (parity check, tokenizer), read from
indexer/lexicon/<language>.yaml.

The lists are data so that a translator can extend them without touching code: month names,
how numbers are written, number words and the phrases that mark a hedge, and the tokenizer's
own stopwords, content words and stem exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from indexer.yaml_lines import safe_load

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
    # the tokenizer's (indexer/text.py): stopwords beside the `stopwords` package's, words of
    # its list that are content words here, and stems kept apart from the stemmer's
    extra_stopwords: frozenset[str]
    content_words: frozenset[str]
    stem_exceptions: dict[str, str]


@cache
def words(language: str) -> Words:
    """The word lists of `language` (en, id or de)."""
    data: dict[str, Any] = safe_load((LEXICON / f"{language}.yaml").read_text("utf-8"))
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
        extra_stopwords=frozenset(str(w) for w in data["extra_stopwords"]),
        content_words=frozenset(str(w) for w in data["content_words"]),
        stem_exceptions={str(k): str(v) for k, v in data["stem_exceptions"].items()},
    )


def month_name(month: int, language: str) -> str:
    """'May', 'Mei' or 'Mai' for month 5."""
    return words(language).months[month - 1]
