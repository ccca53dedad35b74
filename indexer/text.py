"""Text processing shared by indexing and querying: words, stopwords, stemming.

English and German use nltk's Snowball stemmers (pure Python, no data download). nltk has no
Indonesian stemmer, so Indonesian uses PyStemmer's Snowball one. Stopword lists come from the
`stopwords` package, minus the words listed in CONTENT_WORDS that carry meaning in this corpus.

The configuration (`TokenizerConfig`) is saved with the index; an index built with another
configuration is rebuilt, so documents and queries always go through the same pipeline.

The stemmers are loaded on the first word whose stem is not known yet: a saved index brings
the stems of every corpus word in every language (`remember`), so most questions are
answered without importing nltk (a third of the time `python -m bot ask` takes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata

from indexer.models import LANGUAGES
from indexer.wordlists import words

TOKEN_PATTERN = r"[^\W\d_]+|\d+"

# The word lists of indexer/lexicon/<lang>.yaml the tokenizer reads (see indexer.wordlists):
# question words and fillers the stopword package lacks, words of its lists that are content
# words here ("usaha kecil" = small business), and stems kept apart from the stemmer's.
EXTRA_STOPWORDS: dict[str, frozenset[str]] = {lang: words(lang).extra_stopwords
                                              for lang in LANGUAGES}
CONTENT_WORDS: dict[str, frozenset[str]] = {lang: words(lang).content_words for lang in LANGUAGES}
_LIST_NAMES = {"en": "english", "id": "indonesian", "de": "german"}
# Words the Snowball stemmers would merge with unrelated ones: "founded" and "found" (the past
# of "find", frequent in this corpus's hedges: "no source was found") both become "found".
STEM_EXCEPTIONS: dict[str, dict[str, str]] = {lang: words(lang).stem_exceptions
                                              for lang in LANGUAGES}
# American spellings become British ones before English stemming ("analyze" → "analyse",
# "organization" → "organisation"): the corpus writes British English, askers write both.
_AMERICAN_Z = re.compile(r"(?<=[a-z]{3})([iy])z(e|es|ed|ing|er|ers|ation|ations)$")


@cache
def version(package: str) -> str:
    """The installed version of `package` (read once: each read parses its metadata file, and
    a cold start makes the tokenizer configuration twice)."""
    return metadata.version(package)


@dataclass(frozen=True)
class TokenizerConfig:
    """Everything that decides which tokens a text becomes."""

    format: int = 6  # 6: words split by `re` on folded text; 5: German compound parts indexed
    token_pattern: str = TOKEN_PATTERN
    stemmers: dict[str, str] = field(default_factory=lambda: {
        "en": f"nltk-snowball-english-{version('nltk')}",
        "de": f"nltk-snowball-german-{version('nltk')}",
        "id": f"pystemmer-indonesian-{version('PyStemmer')}",
    })
    stopwords: str = f"stopwords-{version('stopwords')}-curated-8"
    commonness: str = f"wordfreq-{version('wordfreq')}"
    fold_accents: bool = True

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def fold(text: str) -> str:
    """Lower-case, strip accents and map ß to ss, so 'Brücke' and 'brucke' meet."""
    text = text.casefold().replace("ß", "ss")
    if text.isascii():
        return text
    return _combining_marks().sub("", unicodedata.normalize("NFKD", text))


@cache
def _combining_marks() -> re.Pattern[str]:
    """The combining marks (accents left over by NFKD) of the Basic Multilingual Plane: every
    script this corpus or its askers write (scanning all of Unicode would add 70 ms to the
    first question). A regex removes them ten times faster than str.translate."""
    marks = "".join(chr(c) for c in range(0x10000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


def _load_stopwords() -> dict[str, frozenset[str]]:
    from stopwords import get_stopwords

    lists = {}
    for lang in LANGUAGES:
        words = {fold(w) for w in get_stopwords(_LIST_NAMES[lang]) if w}
        words |= {form for w in words for form in _contraction_forms(w)}
        lists[lang] = frozenset((words | EXTRA_STOPWORDS[lang]) - CONTENT_WORDS[lang])
    return lists


_CONTRACTION = re.compile(r"^([^\W\d_]+)['\u2019](t|s|re|ve|m|d|ll)$")


def _contraction_forms(stopword: str) -> list[str]:
    """A contracted stopword ("didn't", "what's") as the tokenizer splits it (didn, t; what, s)
    and as chat writes it without the apostrophe ("didnt", "whats"); a possessive 's is the
    same clitic. Only the forms with n't, 's, 're, 've and 'm lose the apostrophe: "she'll",
    "we'd" would become "shell", "wed"."""
    match = _CONTRACTION.match(stopword)
    if not match:
        return []
    head, clitic = match.groups()
    forms = [head, clitic]
    if clitic in ("t", "s", "re", "ve", "m"):
        forms.append(head + clitic)
    return forms


def _load_stemmers() -> dict[str, Callable[[str], str]]:
    import Stemmer
    from nltk.stem.snowball import GermanStemmer, SnowballStemmer

    indonesian = Stemmer.Stemmer("indonesian")
    return {
        "en": SnowballStemmer("english").stem,
        "de": GermanStemmer().stem,
        "id": indonesian.stemWord,
    }


class Tokenizer:
    """Turns text into index terms. Build one per process; it caches stems."""

    def __init__(self, config: TokenizerConfig | None = None) -> None:
        self.config = config or TokenizerConfig()
        # The stdlib `re` rather than nltk's RegexpTokenizer: the same findall, but nltk 3.10
        # runs it through a ReDoS guard that made answering twice as slow, and this one
        # pattern has no nested repetition to guard against.
        self._split = re.compile(self.config.token_pattern).findall
        self.stopwords = _load_stopwords()
        self._stemmers: dict[str, Callable[[str], str]] | None = None
        self._cache: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}

    def remember(self, stems: dict[str, dict[str, str]]) -> None:
        """Take known stems (language → word → stem), e.g. those saved with an index."""
        for language, table in stems.items():
            if language in self._cache:
                self._cache[language].update(table)

    def stems_of(self, words: Iterable[str]) -> dict[str, dict[str, str]]:
        """language → word → stem of `words` in every language, for `remember`."""
        return {lang: {w: self.stem(w, lang) for w in words} for lang in LANGUAGES}

    def _stemmer(self, language: str) -> Callable[[str], str]:
        if self._stemmers is None:
            self._stemmers = _load_stemmers()
        return self._stemmers[language]

    def words(self, text: str) -> list[str]:
        """Lower-cased words and numbers; letters and digits are split ('Rp2' → rp, 2)."""
        return self._split(fold(unicodedata.normalize("NFKC", text)))

    def stem(self, word: str, language: str) -> str:
        cache = self._cache[language]
        stem = cache.get(word)
        if stem is None:
            spelt = _AMERICAN_Z.sub(r"\1s\2", word) if language == "en" else word
            stem = STEM_EXCEPTIONS[language].get(spelt) or (
                fold(self._stemmer(language)(spelt)) if not word.isdigit() else word)
            if len(cache) < 500_000:
                cache[word] = stem
        return stem

    def known_stem(self, word: str, language: str) -> str | None:
        """The stem of a word saved with the index or stemmed before, else None: never
        loads the stemmers (a third of a cold start)."""
        return self._cache[language].get(word)

    def is_stopword(self, word: str, language: str) -> bool:
        return word in self.stopwords[language]

    def tokens(self, text: str, language: str) -> list[str]:
        """Index terms of a text written in `language`."""
        stops = self.stopwords[language]
        return [self.stem(w, language) for w in self.words(text) if w not in stops]

    def query_terms(self, words: Iterable[str], language: str) -> list[list[str]]:
        """For each query word, its stems in every corpus language (asker's language first).

        A word is dropped if it is a stopword in the asker's language. Stemming a word in all
        three languages lets names and shared words match passages of any language.
        """
        order = [language, *(lang for lang in LANGUAGES if lang != language)]
        result = []
        for word in words:
            if word in self.stopwords[language]:
                continue
            stems: list[str] = []
            for lang in order:
                if lang != language and word in self.stopwords[lang]:
                    continue
                stem = self.stem(word, lang)
                if stem not in stems:
                    stems.append(stem)
            result.append(stems)
        return result
