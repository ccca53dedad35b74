"""How common a word is in everyday language, from the `wordfreq` package.

BM25's idf only knows this small corpus, where "many", "took" or "zwischen" are rare and look
informative. When judging whether a passage covers a question, a word that is common in
general language ("many", Zipf 5.9) counts for less than a specific one ("GGM", Zipf 1.2).
The table is cut from wordfreq when the index is built and saved with it, so answering a
question never imports wordfreq.
"""

from __future__ import annotations

from importlib.metadata import version

TOP_WORDS = 30_000  # per language; rarer words count as fully specific
SOURCE = f"wordfreq-{version('wordfreq')}-top{TOP_WORDS}"


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


def specificity(zipf: float, floor: float = 3.0, ceiling: float = 6.5, minimum: float = 0.2
                ) -> float:
    """1.0 for words no more common than Zipf `floor`, falling linearly to `minimum`."""
    if zipf <= floor:
        return 1.0
    return max(minimum, 1.0 - (1.0 - minimum) * (zipf - floor) / (ceiling - floor))
