"""What kind of answer a question wants, from its question words (en, id, de), and whether a
sentence holds that kind of thing. The cue words are data: bot/answers/lexicon/<lang>.yaml."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from bot.answers.lexicon import cues, raw, word_pattern
from indexer.answershapes import YEAR, without_dates
from indexer.models import LANGUAGES
from indexer.text import fold


class Kind(StrEnum):
    WHEN = "when"
    WHO = "who"
    WHERE = "where"
    HOW_MANY = "how_many"
    HOW_TO = "how_to"
    WHY = "why"
    DEFINE = "define"
    LIST = "list"
    WHAT = "what"


# Kinds in the order their cues are tried: on a tie the earlier wins, so "Whom can I ask…",
# which wants a way in rather than a name, comes before "whom". The cues are lexicon data
# (bot/answers/lexicon/<lang>.yaml, `kinds:`), one list per language, joined here: a question
# mixing languages is read with all of them.
_ORDER: tuple[tuple[Kind, str], ...] = (
    (Kind.HOW_TO, "ask_whom"), (Kind.HOW_MANY, "how_many"), (Kind.WHEN, "when"),
    (Kind.WHO, "who"), (Kind.WHERE, "where"), (Kind.HOW_TO, "how_to"), (Kind.WHY, "why"),
    (Kind.LIST, "list"))


_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [(kind, word_pattern(cues("kinds", key)))
                                                 for kind, key in _ORDER]
# Kinds whose cue words are about the form of the answer, not its topic ("Anzahl", "address",
# "requirements"): once the kind is known, they say little about which passage is meant.
_FORM_KINDS = frozenset({Kind.HOW_MANY, Kind.WHEN, Kind.WHERE, Kind.HOW_TO})
# Words asking for a definition or explanation, whatever the kind.
_FRAME = word_pattern(cues("frame"))
# "What is X?" with no other cue asks for a definition: the whole question (anchored with ^)
# or a phrase in it.
_DEFINE = re.compile("|".join(p if p.startswith("^") else rf"\b(?:{p})" for p in cues("define")),
                     re.I)
_FIGURE = re.compile(r"\d+")
_NAME = re.compile(r"\b(?:[A-Z]\.\s*)*[A-ZÄÖÜ][a-zäöüß]+"
                   r"(?:[\s-]+(?:[A-Z]\.\s*)*[A-ZÄÖÜ][a-zäöüß]+)+"
                   r"|\b[A-Z]\.\s*[A-ZÄÖÜ][a-zäöüß]{3,}")


@cache
def _holds(kind: Kind) -> re.Pattern[str]:
    """What a sentence answering a where, how-to or why question holds (lexicon cues),
    compiled when a question of that kind first comes."""
    if kind is Kind.WHERE:  # case matters: "in Bandung"
        return word_pattern(cues("places"), flags=0, end=False)
    return word_pattern(cues({Kind.HOW_TO: "steps", Kind.WHY: "reasons"}[kind]))


def kind_of(question: str) -> Kind:
    """The kind whose cue comes first ("Who was mayor when…" is a who-question)."""
    found = [(m.start(), n, kind) for n, (kind, pattern) in enumerate(_PATTERNS)
             if (m := pattern.search(question))]
    if found:
        return min(found)[2]
    return Kind.DEFINE if _DEFINE.search(question) else Kind.WHAT


# Words the corpus uses where a question of that kind has its cue: "how many" is answered by
# a sentence on "the number of …" (lexicon data, `kind_words:`).
KIND_WORDS: dict[Kind, dict[str, tuple[str, ...]]] = {
    Kind(kind): {lang: tuple(str(w) for w in raw(lang)["kind_words"].get(kind, ()))
                 for lang in LANGUAGES}
    for kind in raw("en")["kind_words"]}


def frame_words(question: str) -> set[str]:
    """The question's words that ask for a kind of answer rather than name a topic."""
    kind = kind_of(question)
    spans = [m.group(0) for m in _FRAME.finditer(question)]
    for cue_kind, pattern in _PATTERNS:
        if cue_kind is kind and kind in _FORM_KINDS:
            spans += [m.group(0) for m in pattern.finditer(question)]
    return {fold(word) for span in spans for word in span.split()}


def newest_year(sentence: str) -> int:
    """The latest year a sentence names (0 if none)."""
    return max((int(y) for y in YEAR.findall(sentence)), default=0)


def satisfies(kind: Kind, sentence: str, question: str = "") -> bool:
    """Does the sentence contain the sort of thing the question asks for? A number the
    question itself gives ("Under PP 7/2021, how much …?") is no answer to how many or how
    much; a year it gives still is to when (it asks for the date within that year)."""
    if kind is Kind.WHEN:
        return bool(YEAR.search(sentence))
    if kind is Kind.HOW_MANY:  # nor is the day of a date
        given = set(_FIGURE.findall(question))
        return any(figure not in given for figure in _FIGURE.findall(without_dates(sentence)))
    if kind is Kind.WHO:
        return bool(_NAME.search(sentence))
    if kind in (Kind.WHERE, Kind.HOW_TO, Kind.WHY):
        return bool(_holds(kind).search(sentence))
    if kind is Kind.LIST:
        return sentence.count(",") >= 2
    return False
