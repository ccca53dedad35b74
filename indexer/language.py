"""Guess whether a question is English, Indonesian or German.

Two readings, the learned one first. `LanguageCounts` counts every word in each language's
passages and in the questions people ask of them (the question bank and the known gaps, whose
folders say their language: casual, keyword and code-mixed questions included). Naive Bayes
over those counts weighs each word by how much more often one language uses it, so the names
every language's questions share ("IG-Nano", "Indonesien ganz nah") say little and a word
like "kepanjangan", "Bedeutung" or "kapan" says much. Where its odds are too even (a question
of names only, words the corpus never uses), function and question words of each language
are counted instead. It returns None when the evidence is a tie or absent, and the caller
falls back to the user's locale, then English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import numpy as np

from indexer.commonness import sorted_row
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


# Chosen by holding out each bank and gap file in turn (4,670 of their questions): read this
# way, 99.3% of them are given their folder's language, by the function words alone 98.4%.
SMOOTHING = 0.05  # added to every word's count in every language
MIN_ODDS = 1.0  # natural-log odds by which the best language must lead for the counts to decide

HINT_WEIGHT = 0.6
# A word outside the corpus that is everyday vocabulary (Zipf ≥ GENERAL_ZIPF) in only one or two
# of the languages ("alamat", "penyelenggara") is weaker evidence still.
GENERAL_WEIGHT = 0.4
GENERAL_ZIPF = 3.0

Hints = dict[str, dict[str, float]]


class _Table:
    """Counts per language of a set of keys: a sorted array of keys (UTF-8) and a row of
    counts per key, in LANGUAGES order."""

    def __init__(self, keys: np.ndarray, counts: np.ndarray) -> None:
        self.keys = keys
        self.counts = counts.reshape(-1, len(LANGUAGES))
        totals = self.counts.sum(axis=0)
        self.denominators = np.log(totals + SMOOTHING * len(keys)) if len(keys) else totals

    @classmethod
    def of(cls, table: dict[bytes, list[float]]) -> _Table:
        ordered = sorted(table)
        width = max(map(len, ordered), default=1)
        return cls(np.array(ordered, dtype=f"S{width}"),
                   np.array([table[k] for k in ordered], dtype=np.float64).reshape(-1))

    def log_likelihoods(self, key: str) -> list[float] | None:
        """Each language's smoothed log-probability of `key`; None for a key never seen."""
        i = sorted_row(self.keys, key)
        if i is None:
            return None
        row = self.counts[i]
        return [math.log(row[c] + SMOOTHING) - self.denominators[c] for c in range(len(row))]


class LanguageTally:
    """The counts of LanguageCounts, gathered text by text while the index is built (held per
    word and trigram, never per text)."""

    def __init__(self) -> None:
        self._words: dict[bytes, list[float]] = {}
        self._grams: dict[bytes, list[float]] = {}

    def add(self, language: str, text: str) -> None:
        column = LANGUAGES.index(language)
        for word in words_of(text):
            self._words.setdefault(word.encode("utf-8"), [0.0] * len(LANGUAGES))[column] += 1
            for gram in _trigrams(word):
                self._grams.setdefault(gram.encode("utf-8"), [0.0] * len(LANGUAGES))[column] += 1

    def counts(self) -> LanguageCounts:
        words, grams = _Table.of(self._words), _Table.of(self._grams)
        return LanguageCounts(words.keys, words.counts.reshape(-1), grams.keys,
                              grams.counts.reshape(-1))


class LanguageCounts:
    """How often each word (folded, lower case) and each letter trigram of a word occurs in
    each language's texts; saved with the index and memory-mapped from it. A word the texts
    never use is scored by the mean of its trigrams ("früherer", "didiriin")."""

    def __init__(self, words: np.ndarray, counts: np.ndarray, grams: np.ndarray,
                 gram_counts: np.ndarray) -> None:
        self.words = _Table(words, counts)
        self.grams = _Table(grams, gram_counts)

    @classmethod
    def build(cls, texts: Iterable[tuple[str, str]]) -> LanguageCounts:
        """From (language, text) pairs."""
        tally = LanguageTally()
        for language, text in texts:
            tally.add(language, text)
        return tally.counts()

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays as saved (counts flat: a row of LANGUAGES per key)."""
        return {"language_words": self.words.keys,
                "language_counts": self.words.counts.reshape(-1),
                "language_grams": self.grams.keys,
                "language_gram_counts": self.grams.counts.reshape(-1)}

    def log_odds(self, words: Iterable[str]) -> dict[str, float]:
        """Each language's log-likelihood of `words` (naive Bayes, smoothed); a word whose
        trigrams are all unknown too is left out: it says nothing here."""
        score = dict.fromkeys(LANGUAGES, 0.0)
        for word in words:
            values = self.words.log_likelihoods(word)
            if values is None:
                rows = [r for r in map(self.grams.log_likelihoods, _trigrams(word)) if r]
                if not rows:
                    continue
                values = [sum(column) / len(rows) for column in zip(*rows, strict=True)]
            for lang, value in zip(LANGUAGES, values, strict=True):
                score[lang] += value
        return score


def _trigrams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


def words_of(text: str) -> list[str]:
    """The words language detection reads: letters only, lower case, folded."""
    return [fold(w.casefold()) for w in _WORD.findall(text)]


def learned_language(text: str, counts: LanguageCounts) -> str | None:
    """The language the counts favour by at least MIN_ODDS, else None."""
    score = counts.log_odds(words_of(text))
    first, second = sorted(LANGUAGES, key=score.__getitem__, reverse=True)[:2]
    return first if score[first] - score[second] >= MIN_ODDS else None


def detect_language(text: str, hints: Hints | None = None,
                    phrases: dict[tuple[str, ...], dict[str, float]] | None = None,
                    vocabulary: Mapping[str, Mapping[str, float]] | None = None,
                    counts: LanguageCounts | None = None) -> str | None:
    """'en', 'id', 'de', or None when unsure.

    With `counts`, the learned reading decides when its odds are clear (see the module
    docstring); otherwise, or without them, function and question words are counted.
    `hints` maps words to the share of each language among the corpus passages that use them
    ('kostenlos' → {'de': 1.0}); `phrases` does the same for multi-word names of the glossary,
    whose words are then not read as function words (the "und" of "Harz und Heide", the "of"
    of "Plan of Action"); `vocabulary` is each language's everyday words with their Zipf
    frequency. All three are weaker evidence than function words."""
    if counts is not None:
        learned = learned_language(text, counts)
        if learned:
            return learned
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
