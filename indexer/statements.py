"""What a text states that its translations must state too: dates, numbers and hedges.

A text is read sentence by sentence, because the bot quotes single sentences: a hedge only
covers the facts of its own sentence. Facts are written language-neutrally so that the English,
Indonesian and German versions can be compared:

    24 May 1960 · 24 Mei 1960 · 24. Mai 1960     → '1960-05-24'
    May 1957 · Mei 1957 · Mai 1957               → '1957-05'
    30 April (no year) · in May (no day)         → '--04-30', '--05'
    330,000 (en) · 330.000 (id, de) · 2.5 · 2,5  → '330000', '2.5'
    three · tiga · drei · siebenköpfig           → '3', '7'

The number 1 is never compared (it doubles as an article and as "first" in every language).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from indexer.sentences import split_sentences
from indexer.wordlists import Words, words

# Web addresses and names carry digits that are not facts ("unser38.de", "COVID-19").
_DOMAIN = re.compile(r"\b[\w-]*[^\W\d_][\w-]*(?:\.[a-z]{2,6})+\b")
_CODE = re.compile(r"\b[A-Z]{2,}-\d+\b")


@dataclass(frozen=True)
class Statement:
    """The comparable content of one text in one language."""

    facts: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()  # kinds of hedge that occur
    hedged: dict[str, frozenset[str]] = field(default_factory=dict)  # kind → facts it covers


def read(text: str, language: str) -> Statement:
    """Dates, numbers and hedges of `text`, sentence by sentence."""
    lexicon = words(language)
    facts: set[str] = set()
    hedged: dict[str, set[str]] = {}
    for sentence in split_sentences(text):
        found = sentence_facts(sentence, lexicon)
        facts |= found
        for kind in hedges(sentence, lexicon):
            hedged.setdefault(kind, set()).update(found)
    return Statement(frozenset(facts), frozenset(hedged),
                     {kind: frozenset(values) for kind, values in hedged.items()})


def hedges(sentence: str, lexicon: Words) -> set[str]:
    """The kinds of hedge whose markers occur in `sentence`."""
    lowered = sentence.casefold()
    return {kind for kind, markers in lexicon.hedges.items()
            if any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", lowered) for m in markers)}


def sentence_facts(sentence: str, lexicon: Words) -> set[str]:
    """Dates first (their numbers are used up), then numbers in digits, then number words."""
    text = _CODE.sub(" ", _DOMAIN.sub(" ", sentence))
    found: set[str] = set()
    text = _take(_date_pattern(lexicon.language), text, lambda m: _dates(m, lexicon), found)
    text = _take(_number_pattern(lexicon.language), text, lambda m: {_number(m, lexicon)}, found)
    lowered = text.casefold()
    for phrase in lexicon.not_counts:
        lowered = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", lowered)
    for pattern, value in _word_patterns(lexicon.language):
        if pattern.search(lowered):
            found.add(str(value))
            lowered = pattern.sub(" ", lowered)
    found.discard("1")
    return found


def _take(pattern: re.Pattern[str], text: str, convert: Callable[[re.Match[str]], set[str]],
          found: set[str]) -> str:
    """Add what `pattern` finds to `found` and blank it out of `text`."""
    def replace(match: re.Match[str]) -> str:
        found.update(convert(match))
        return " "
    return pattern.sub(replace, text)


@cache
def _date_pattern(language: str) -> re.Pattern[str]:
    lexicon = words(language)
    month = "|".join(re.escape(m) for m in lexicon.months)
    day = r"(\d{1,2})\." if language == "de" else r"(\d{1,2})"
    joiner = "|".join(re.escape(w) for w in lexicon.range_words)
    between = rf"(?:\s*[\u2013\u2014-]\s*|\s+(?:{joiner})\s+)"  # en/em dash, hyphen
    return re.compile(
        rf"(?<![\d.,]){day}(?:{between}{day})?\s+(?P<m1>{month})\b(?:\s+(?P<y1>\d{{4}})\b)?"
        rf"|\b(?P<m2>{month})(?:\s+(?P<y2>\d{{4}})\b)?"
        rf"(?!\w)")


def _dates(match: re.Match[str], lexicon: Words) -> set[str]:
    name = match.group("m1") or match.group("m2")
    month = lexicon.months.index(name) + 1
    year = match.group("y1") or match.group("y2")
    prefix = f"{year}-" if year else "--"
    days = [d for d in (match.group(1), match.group(2)) if d]
    if not days:
        return {f"{prefix}{month:02d}"}
    return {f"{prefix}{month:02d}-{int(d):02d}" for d in days}


@cache
def _number_pattern(language: str) -> re.Pattern[str]:
    lexicon = words(language)
    thousands = re.escape(lexicon.thousands_separator)
    decimal = re.escape(lexicon.decimal_separator)
    return re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:{thousands}\d{{3}})+|\d+)(?:{decimal}(\d+))?")


def _number(match: re.Match[str], lexicon: Words) -> str:
    whole = match.group(1).replace(lexicon.thousands_separator, "")
    fraction = (match.group(2) or "").rstrip("0")
    return f"{int(whole)}.{fraction}" if fraction else str(int(whole))


@cache
def _word_patterns(language: str) -> list[tuple[re.Pattern[str], int]]:
    """One pattern per number word, longest first ('dua puluh' before 'dua')."""
    lexicon = words(language)
    endings = "|".join(re.escape(e) for e in sorted(lexicon.number_word_endings, key=len,
                                                     reverse=True))
    glued = f"(?:{endings})?" if endings else ""
    return [(re.compile(rf"(?<!\w){re.escape(word)}{glued}(?!\w)"), value)
            for word, value in sorted(lexicon.numbers.items(), key=lambda kv: -len(kv[0]))]
