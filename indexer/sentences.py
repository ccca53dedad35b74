"""Split passages into sentences with nltk's Punkt, told the abbreviations of this corpus.

Punkt normally loads trained parameters with nltk.download(); here it runs untrained with a
list of abbreviations, and German ordinal dates ("24. Mai 1960") and a name's initials
("Jalan R.E. Martadinata") are glued back together.

Splitting is done when the index is built and saved with it (`spans`); a loaded index hands
each passage's sentences to `remember` when the passage is first read, so answering from a
saved index never imports nltk for this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

ABBREVIATIONS = frozenset({
    "jl", "no", "nr", "prof", "dr", "h", "st", "e.g", "i.e", "ca", "bzw", "z.b", "u.a", "mrd",
    "mio", "bn", "m", "amb", "dll", "dsb", "ir", "drs", "hj", "r", "u.s", "jr", "vs", "etc",
    "approx", "inkl", "ggf", "sog", "str", "ttg", "kab", "pt", "cv", "tbk", "mr", "mrs", "ms",
})
_MONTHS = ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun", "jul", "aug",
           "sep", "okt", "nov", "dez")
_ENDS_WITH_ORDINAL = re.compile(r"(?:^|\s|\()\d{1,2}\.$")
# "die 17. Ausgabe": an ordinal after an article or preposition never ends a sentence.
_ARTICLE_ORDINAL = re.compile(r"\b(der|die|das|den|dem|des|am|im|zum|zur|vom|beim|ihr|ihre|seine|"
                              r"seiner|seit|zu|ab|bis)\s+\d{1,3}\.$", re.IGNORECASE)
# A name's initials ("Jalan R.E. Martadinata", "J. F. Kennedy") never end a sentence: Punkt
# knows single-letter abbreviations only when listed, and "r.e" is not.
_ENDS_WITH_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.\s?)*[A-Z]\.$")


@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


# No . ? ! at all, or one mark right after a word at the very end: Punkt finds no break.
_ONE_SENTENCE = re.compile(r"[^.?!]*(?:(?<=\w)[.?!])?\s*\Z")
_REMEMBERED: dict[str, tuple[str, ...]] = {}
_REMEMBER_AT_MOST = 200_000


def remember(text: str, spans: Sequence[list[int] | str]) -> None:
    """Record the sentences of `text` as saved by `spans(text)`."""
    if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
        _REMEMBERED.clear()
    _REMEMBERED[text] = tuple(from_spans(text, spans))


def from_spans(text: str, spans: Sequence[list[int] | str]) -> list[str]:
    """The sentences that `spans(text)` saved."""
    return [text[s[0] : s[1]] if isinstance(s, list) else s for s in spans]


def spans(text: str) -> list[list[int] | str]:
    """The sentences of `text`, each as [start, end] in the text (or as itself when glued
    from pieces with other whitespace between them): compact enough to save per passage."""
    result: list[list[int] | str] = []
    at = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, at)
        if start < 0:
            result.append(sentence)
        else:
            at = start + len(sentence)
            result.append([start, at])
    return result


def split_sentences(text: str) -> list[str]:
    known = _REMEMBERED.get(text)
    if known is not None:
        return list(known)
    if _ONE_SENTENCE.match(text):
        # Punkt only breaks at . ? ! followed by more text; a question usually has just its
        # final mark, and answering it this way needs no nltk.
        return [text.strip()] if text.strip() else []
    parts = _tokenizer().tokenize(text)
    merged: list[str] = []
    for part in parts:
        if merged and _glue(merged[-1], part):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return [s.strip() for s in merged if s.strip()]


def _glue(previous: str, following: str) -> bool:
    if _ENDS_WITH_INITIALS.search(previous) and following[:1].isupper():
        return True
    if not _ENDS_WITH_ORDINAL.search(previous):
        return False
    if _ARTICLE_ORDINAL.search(previous):
        return True
    first = following.split(" ", 1)[0].casefold().rstrip(",.")
    return first in _MONTHS or following[:1].islower() or following[:1].isdigit()
