"""Guess whether a question is English, Indonesian or German.

Short questions defeat statistical detectors, so this counts function words and question words
of each language (plus German letters). It returns None when the evidence is a tie or absent,
and the caller falls back to the user's locale, then English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from indexer.models import LANGUAGES
from indexer.text import fold

# Function and question words typical of one language; shared words ("in", "di") are weak.
_CUES: dict[str, frozenset[str]] = {
    "en": frozenset("""what who when where which why how is are was were the a an of and or to
        for with did does do can from about there this that these those has have had been be by
        its their into any many much""".split()),
    "id": frozenset("""apa apakah siapa kapan dimana di mana bagaimana mengapa kenapa berapa
        yang dan atau untuk dengan dari ke ini itu adalah ada saja sudah akan bisa cara
        tentang oleh pada dalam sebagai antara juga tidak bagi saya kami kita mereka punya
        jadi menjadi para sejak""".split()),
    "de": frozenset("""was wer wann wo welche welcher welches warum wie ist sind war waren der die
        das den dem des ein eine einer und oder zu für mit von vom zum zur im am auf aus bei
        nach seit gibt es kann ich wir sie sich nicht auch noch über wurde wurden hat haben
        man""".split()),
}
_GERMAN_LETTERS = re.compile(r"[äöüßÄÖÜ]")
_WORD = re.compile(r"[^\W\d_]+")


HINT_WEIGHT = 0.6
# A word outside the corpus that is everyday vocabulary (Zipf ≥ GENERAL_ZIPF) in only one or two
# of the languages ("alamat", "penyelenggara") is weaker evidence still.
GENERAL_WEIGHT = 0.4
GENERAL_ZIPF = 3.0

Hints = dict[str, dict[str, float]]


def detect_language(text: str, hints: Hints | None = None,
                    phrases: dict[tuple[str, ...], dict[str, float]] | None = None,
                    vocabulary: Mapping[str, Mapping[str, float]] | None = None
                    ) -> str | None:
    """'en', 'id', 'de', or None when unsure.

    `hints` maps words to the share of each language among the corpus passages that use them
    ('kostenlos' → {'de': 1.0}); `phrases` does the same for multi-word names of the glossary,
    whose words are then not read as function words (the "und" of "Harz und Heide", the "of"
    of "Plan of Action"); `vocabulary` is each language's everyday words with their Zipf
    frequency. All three are weaker evidence than function words."""
    words = [w.casefold() for w in _WORD.findall(text)]
    score = dict.fromkeys(LANGUAGES, 0.0)
    named = _named_positions(words, phrases or {}, score)
    for position, word in enumerate(words):
        if position in named:
            continue
        owners = [lang for lang in LANGUAGES if word in _CUES[lang]]
        for lang in owners:
            score[lang] += 1.0 / len(owners)
        if owners:
            continue
        if hints and word in hints:
            for lang, share in hints[word].items():
                score[lang] += HINT_WEIGHT * share
        elif vocabulary:
            folded = fold(word)
            users = [lang for lang in LANGUAGES
                     if vocabulary.get(lang, {}).get(folded, 0.0) >= GENERAL_ZIPF]
            if 0 < len(users) < len(LANGUAGES):
                for lang in users:
                    score[lang] += GENERAL_WEIGHT / len(users)
    # Umlauts are weak evidence: English and Indonesian questions name "Bandungbrücke" too.
    umlaut_words = {w for w in words if _GERMAN_LETTERS.search(w)}
    score["de"] += min(1.2, 0.6 * len(umlaut_words))
    best = max(LANGUAGES, key=score.__getitem__)
    ranked = sorted(score.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return None
    return best


def _named_positions(words: list[str], phrases: dict[tuple[str, ...], dict[str, float]],
                     score: dict[str, float]) -> set[int]:
    """Positions of words inside multi-word glossary names, longest names first; each name
    found adds its languages' shares to `score`."""
    longest = max(map(len, phrases), default=0)
    folded = [fold(w) for w in words]
    taken: set[int] = set()
    for size in range(longest, 1, -1):
        for start in range(len(words) - size + 1):
            span = set(range(start, start + size))
            shares = phrases.get(tuple(folded[start:start + size]))
            if shares and not span & taken:
                taken |= span
                for lang, share in shares.items():
                    score[lang] += HINT_WEIGHT * share
    return taken
