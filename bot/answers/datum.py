"""Questions that ask for one particular kind of datum — a price, a phone number, opening
hours, an e-mail address, a population, a count — can only be answered by a sentence that holds one.

When the corpus has no such sentence among the candidates, the bot declines instead of
quoting a sentence that merely shares the question's other words ("What are the opening hours
of the GGM youth centre?" must not be answered with the centre's address). The cue words are
lexicon data (bot/answers/lexicon/<lang>.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from bot.answers.lexicon import cues, raw, word_pattern
from indexer.answershapes import FIGURE, without_dates
from indexer.models import LANGUAGES
from indexer.wordlists import words

# The same in every language: the digits of a phone number, a clock time, an e-mail address, a
# count (a number that is not a year; "one/ein/satu" are left out of the number words of the
# lexicon: they are articles far more often).
_SHAPES = {
    "phone": r"\+?\d[\d\s().-]{6,}\d",
    "hours": r"\b\d{1,2}[:.]\d{2}\b|24/7",
    "email": r"\S+@\S+\.\w+",
    "count": FIGURE,
}


def _number_compounds() -> str:
    """A number word joined to an ending of the indexer lexicon ("vierstöckig",
    "siebenköpfig"; the parity check reads them as numbers too), as alternatives of a count."""
    found = ""
    for lists in map(words, LANGUAGES):
        if lists.number_word_endings:
            found += (r"|\b(?:" + "|".join(map(re.escape, lists.numbers)) + ")(?:"
                      + "|".join(map(re.escape, lists.number_word_endings)) + ")")
    return found


_SHAPES["count"] += _number_compounds()


# (cue in the question, the datum it asks for), in the order they are tried: the lexicon's
# datum_cues (bot/answers/lexicon/<lang>.yaml), all languages.
_CUES: list[tuple[re.Pattern[str], str]] = [
    (word_pattern(cues("datum_cues", name)), name) for name in raw("en")["datum_cues"]]


@cache
def _datum(name: str) -> re.Pattern[str]:
    """What the answering sentence must hold: the lexicon's datum_values, all languages, and
    the datum's shape. Compiled when a question first asks for it."""
    return re.compile("|".join(cues("datum_values", name) + (
        [_SHAPES[name]] if name in _SHAPES else [])), re.IGNORECASE)


def required_datum(question: str) -> re.Pattern[str] | None:
    """The pattern an answer sentence must contain, if the question asks for such a datum."""
    for cue, name in _CUES:
        if cue.search(question):
            return _datum(name)
    return None


def carries(datum: re.Pattern[str], sentence: str) -> bool:
    """Does the sentence hold the datum, not counting the days of its dates?"""
    return bool(datum.search(without_dates(sentence)))


# "Who is the mayor now?" The corpus records who held an office at some date; only a sentence
# dated within a few years of the corpus says anything about the present holder.
_PRESENT = word_pattern(cues("present"))


def asks_about_now(question: str) -> bool:
    return bool(_PRESENT.search(question))
