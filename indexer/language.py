"""Guess whether a question is English, Indonesian or German.

Short questions defeat statistical detectors, so this counts function words and question words
of each language (plus German letters). It returns None when the evidence is a tie or absent,
and the caller falls back to the user's locale, then English.
"""

from __future__ import annotations

import re

from indexer.models import LANGUAGES

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


def detect_language(text: str, hints: dict[str, dict[str, float]] | None = None) -> str | None:
    """'en', 'id', 'de', or None when unsure. `hints` maps words to the share of each language
    among the corpus passages that use them ('kostenlos' → {'de': 1.0}); weak evidence."""
    words = [w.casefold() for w in _WORD.findall(text)]
    score = dict.fromkeys(LANGUAGES, 0.0)
    for word in words:
        owners = [lang for lang in LANGUAGES if word in _CUES[lang]]
        for lang in owners:
            score[lang] += 1.0 / len(owners)
        if not owners and hints and word in hints:
            for lang, share in hints[word].items():
                score[lang] += HINT_WEIGHT * share
    # Umlauts are weak evidence: English and Indonesian questions name "Bandungbrücke" too.
    umlaut_words = {w for w in words if _GERMAN_LETTERS.search(w)}
    score["de"] += min(1.2, 0.6 * len(umlaut_words))
    best = max(LANGUAGES, key=score.__getitem__)
    ranked = sorted(score.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return None
    return best
