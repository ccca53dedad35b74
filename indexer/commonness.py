"""How common a word is in everyday language, from the `wordfreq` package.

BM25's idf only knows this small corpus, where "many", "took" or "zwischen" are rare and look
informative. When judging whether a passage covers a question, a word that is common in
general language ("many", Zipf 5.9) counts for less than a specific one ("GGM", Zipf 1.2).
The table is cut from wordfreq when the index is built and saved with it, so answering a
question never imports wordfreq. It is saved as sorted arrays (`table_arrays`) and read
back as `ZipfTable`s over their mappings: a question looks up a few words, and parsing the
whole table (90,000 words, 1.5 MB of JSON) was a tenth of a cold start.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

TOP_WORDS = 30_000  # per language; rarer words count as fully specific


def build_table(languages: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """language → word → Zipf frequency (log10 of occurrences per billion words)."""
    from wordfreq import get_frequency_list

    from indexer.text import fold

    table: dict[str, dict[str, float]] = {}
    for lang in languages:
        words: dict[str, float] = {}
        # wordfreq's list is in bins of a hundredth of a decade: bin i holds the words with
        # frequency 10^(-i/100), i.e. Zipf 9 - i/100. Reading the bins avoids building the
        # full frequency dict (hundreds of MB for three languages).
        for bin_index, bin_words in enumerate(get_frequency_list(lang)):
            for word in bin_words:
                words.setdefault(fold(word), round(9 - bin_index / 100, 2))
            if len(words) >= TOP_WORDS:
                break
        table[lang] = words
        get_frequency_list.cache_clear()
    return table


class ZipfTable(Mapping[str, float]):
    """word → Zipf frequency of one language, looked up by binary search in its words (UTF-8,
    sorted as bytes; a fixed-width numpy array, memory-mapped from the index)."""

    def __init__(self, words: np.ndarray, zipf: np.ndarray) -> None:
        self.words = words
        self.zipf = zipf

    def __getitem__(self, word: str) -> float:
        row = sorted_row(self.words, word)
        if row is None:
            raise KeyError(word)
        return float(self.zipf[row])

    def __iter__(self) -> Iterator[str]:
        return (bytes(w).decode("utf-8") for w in self.words)

    def __len__(self) -> int:
        return len(self.words)


def sorted_row(keys: np.ndarray, word: str) -> int | None:
    """The row of `word` in `keys` (UTF-8, sorted as bytes; a fixed-width numpy array), by
    binary search; None when it is not there."""
    try:
        key = word.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no key of the table
        return None
    if len(key) > keys.itemsize:  # (a longer key would copy the array to compare)
        return None
    i = int(np.searchsorted(keys, key))
    return i if i < len(keys) and keys[i] == key else None


def table_arrays(table: Mapping[str, Mapping[str, float]]
                 ) -> tuple[np.ndarray, np.ndarray, dict[str, list[int]]]:
    """The table as saved: every language's words (UTF-8, sorted within the language), their
    Zipf frequencies, and each language's rows [start, stop)."""
    words: list[bytes] = []
    zipf: list[float] = []
    rows: dict[str, list[int]] = {}
    for language, frequencies in table.items():
        encoded = sorted((w.encode("utf-8"), f) for w, f in frequencies.items())
        rows[language] = [len(words), len(words) + len(encoded)]
        words += [w for w, _ in encoded]
        zipf += [f for _, f in encoded]
    width = max(map(len, words), default=1)
    return (np.array(words, dtype=f"S{width}"), np.array(zipf, dtype=np.float64), rows)


def tables(words: np.ndarray, zipf: np.ndarray, rows: Mapping[str, list[int]]
           ) -> dict[str, ZipfTable]:
    """language → its ZipfTable, from the saved arrays (views: nothing is copied)."""
    return {language: ZipfTable(words[start:stop], zipf[start:stop])
            for language, (start, stop) in rows.items()}


def specificity(zipf: float, floor: float = 3.0, ceiling: float = 6.5, minimum: float = 0.2
                ) -> float:
    """1.0 for words no more common than Zipf `floor`, falling linearly to `minimum`."""
    if zipf <= floor:
        return 1.0
    return max(minimum, 1.0 - (1.0 - minimum) * (zipf - floor) / (ceiling - floor))
