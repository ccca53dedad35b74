"""German compounds split into the words they are made of, learnt from the corpus itself.

"Kooperationsvertrag" is indexed as itself and also as "Kooperation" and "Vertrag", so a
question about a "Kooperation" finds the passage on the "Kooperationsvertrag". A word is
split only where both parts are German words the corpus also uses on their own (allowing the
linking -s-, -es-, -n- of the first part), so no dictionary is needed and nothing is guessed
beyond the corpus's own vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

MIN_COMPOUND = 10  # letters; shorter words are rarely compounds worth splitting
MIN_PART = 4  # letters of each part
_LINKS = ("s", "es", "n", "en")
# Verb particles make separable verbs, not compounds: "nachrichten", "stattgefunden".
_PARTICLES = frozenset("ab an auf aus bei durch ein her hervor heraus hin mit nach statt uber um "
                       "unter vor voran vorbei weg weiter wieder zu zuruck zusammen".split())


def split_compounds(words: Iterable[str], stem: Callable[[str], str]) -> dict[str, list[str]]:
    """German word → stems of its two parts, for the words that split."""
    vocabulary = set(words)
    stems = {stem(w) for w in vocabulary}
    table = {}
    for word in vocabulary:
        if len(word) >= MIN_COMPOUND and not word.isdigit():
            parts = _split(word, vocabulary, stems, stem)
            if parts:
                table[word] = parts
    return table


def _split(word: str, vocabulary: set[str], stems: set[str], stem: Callable[[str], str]
           ) -> list[str] | None:
    best: list[str] | None = None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        if right not in vocabulary:
            continue
        heads = [left] + [left[: -len(link)] for link in _LINKS if left.endswith(link)]
        for head in heads:
            if head in _PARTICLES:
                break
            if len(head) >= MIN_PART and (head in vocabulary or stem(head) in stems):
                parts = [stem(head), stem(right)]
                if best is None or min(map(len, parts)) > min(map(len, best)):
                    best = parts
                break
    return best
