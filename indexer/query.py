"""Turn a question into BM25 query terms: language, glossary expansion, typos, compounds."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from indexer.index import SearchIndex
from indexer.language import detect_language
from indexer.models import LANGUAGES

MAX_PHRASE = 4  # longest glossary phrase, in words
MIN_FUZZY_LENGTH = 5
FUZZY_CUTOFF = 80.0  # rapidfuzz ratio (0–100) a typo must reach to be corrected


@dataclass
class QueryWord:
    """One content word of the question and the index terms that stand for it."""

    text: str
    stems: list[str]
    weight: float  # highest idf among its stems; unknown words get the index's maximum idf
    known: bool  # whether any stem is in the index
    note: str = ""  # "typo→braunschweig", "compound", …
    alternatives: list[str] = field(default_factory=list)  # glossary equivalents' stems

    @property
    def credit(self) -> float:
        """Share of its weight a match earns: a guessed typo fix is only half a match."""
        return 0.5 if self.note.startswith("typo") else 1.0

    def matches(self, terms: set[str] | frozenset[str]) -> bool:
        return any(s in terms for s in self.stems) or any(a in terms for a in self.alternatives)


@dataclass
class Query:
    text: str
    language: str
    language_detected: bool
    words: list[QueryWord]
    expansions: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)

    @property
    def terms(self) -> list[str]:
        """Flat BM25 query: each word's stems, then glossary expansions not already present."""
        seen: set[str] = set()
        terms = []
        for stem in [s for w in self.words for s in w.stems] + self.expansions:
            if stem not in seen:
                seen.add(stem)
                terms.append(stem)
        return terms


class QueryAnalyzer:
    """Built once per index; analyses questions against its vocabulary and glossary."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self.tokenizer = index.tokenizer
        vocab = index.bm25.vocabulary
        idf = index.bm25.idf
        self.max_idf = float(idf.max()) if len(idf) else 1.0
        self.median_idf = float(np.median(idf)) if len(idf) else 1.0
        self._vocab_list = [t for t in vocab if len(t) >= MIN_FUZZY_LENGTH - 1 and not t.isdigit()]
        self.phrases: dict[tuple[str, ...], int] = {}
        glossary_langs: dict[str, set[str]] = {}
        for n, entry in enumerate(index.glossary):
            for lang, term in entry.terms():
                words = tuple(self.tokenizer.words(term))
                if words:
                    self.phrases.setdefault(words, n)
                if len(words) == 1:
                    glossary_langs.setdefault(words[0], set()).add(lang)
        self.hints = {w: {lang: 1 / len(langs) for lang in langs}
                      for w, langs in glossary_langs.items()}
        self.hints.update(index.word_languages)

    def analyze(self, text: str, language: str | None = None, fallback: str = "en") -> Query:
        """`language` forces the reply language; the words are still read in the language
        they are written in, when that can be told."""
        words = self.tokenizer.words(text)
        detected = detect_language(text, self.hints)
        lang = detected or language or fallback
        query_words = [
            self._word(word, stems, lang) for word, stems in zip(
                [w for w in words if not self.tokenizer.is_stopword(w, lang)],
                self.tokenizer.query_terms(words, lang), strict=True)
        ]
        by_text = {w.text: w for w in query_words}
        vocab = self.index.bm25.vocabulary
        expansions: list[str] = []
        concepts = self._concepts(words)
        for n, phrase in concepts:
            stems = [t for lang_, term in self.index.glossary[n].terms()
                     for t in self.tokenizer.tokens(term, lang_) if t in vocab]
            expansions += stems
            for word in phrase:
                if word in by_text:
                    by_text[word].alternatives = list(dict.fromkeys(
                        [*by_text[word].alternatives, *stems]))
        return Query(text, language or lang, detected is not None, query_words,
                     list(dict.fromkeys(expansions)),
                     [self.index.glossary[n].concept for n, _ in concepts])

    def _concepts(self, words: list[str]) -> list[tuple[int, tuple[str, ...]]]:
        """Glossary concepts named in the question, longest phrases first."""
        found: dict[int, tuple[str, ...]] = {}
        for size in range(MAX_PHRASE, 0, -1):
            for start in range(len(words) - size + 1):
                phrase = tuple(words[start : start + size])
                n = self.phrases.get(phrase)
                if n is not None and n not in found:
                    found[n] = phrase
        return list(found.items())

    def _word(self, word: str, stems: list[str], language: str) -> QueryWord:
        bm25 = self.index.bm25
        idfs = [bm25.term_idf(s) for s in stems]
        known = [i for i in idfs if i is not None]
        if known:
            return QueryWord(word, stems, max(known), True)
        if word.isdigit():  # the asker's own figure ("Rp 20 billion"), rarely in the corpus
            return QueryWord(word, stems, self.median_idf, False)
        parts = self._decompound(word) if language == "de" or len(word) >= 10 else []
        if parts:
            return QueryWord(word, parts, max(bm25.term_idf(p) or 0 for p in parts), True,
                             "compound")
        fixed = self._correct(stems[0])
        if fixed:
            return QueryWord(word, [fixed], bm25.term_idf(fixed) or 0, True, f"typo→{fixed}")
        return QueryWord(word, stems, self.max_idf, False)

    def _correct(self, stem: str) -> str | None:
        if len(stem) < MIN_FUZZY_LENGTH:
            return None
        from rapidfuzz import fuzz, process

        match = process.extractOne(stem, self._vocab_list, scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF)
        return match[0] if match else None

    def _decompound(self, word: str) -> list[str]:
        """Split a German compound into two known parts ('Partnerschaftsurkunde')."""
        vocab = self.index.bm25.vocabulary
        best: list[str] = []
        for cut in range(4, len(word) - 3):
            left, right = word[:cut], word[cut:]
            right_stem = self.tokenizer.stem(right, "de")
            if right_stem not in vocab:
                continue
            for head in (left, left[:-1] if left.endswith("s") else None,
                         left[:-2] if left.endswith("es") else None):
                if head and len(head) >= 4:
                    for lang in LANGUAGES:
                        head_stem = self.tokenizer.stem(head, lang)
                        if head_stem in vocab:
                            candidate = [head_stem, right_stem]
                            if min(map(len, candidate)) > min(map(len, best or ["", ""])):
                                best = candidate
                            break
        return best
