"""Turn a question into BM25 query terms: language, glossary expansion, typos, compounds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from indexer.commonness import specificity
from indexer.index import SearchIndex
from indexer.language import detect_language
from indexer.models import LANGUAGES
from indexer.spelling import standard_indonesian, without_umlaut_spelling
from indexer.text import fold
from indexer.wordlists import words as word_lists

MAX_PHRASE = 4  # longest glossary phrase, in words
EXPANSION_MAX_DF = 0.05  # glossary equivalents in more passages than this are not searched
MIN_FUZZY_LENGTH = 5
MIN_STOPWORD_TYPO = 4  # letters a word needs to be read as a misspelt stopword ("habn")
REAL_WORD_ZIPF = 3.0  # a word this common in one of the languages is not corrected
FUZZY_CUTOFF = 0.79  # Damerau-Levenshtein similarity a typo must reach to be corrected
# A place constraint ("fairs in Berlin") is a capitalised corpus name (a word used in at least
# two languages, each with this share of its occurrences) that the corpus only mentions in
# passing: not a glossary, program or document topic, and in at most PLACE_MAX_DF of passages.
NAME_LANGUAGE_SHARE = 0.15
PLACE_MAX_DF = 0.05
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_PLACE = re.compile(r"\b(?:in|im|at|di|bei|near|dekat)\s+(?:the\s+|der\s+|dem\s+|kota\s+)?"
                    r"([^\W\d_a-z][\w-]*)")


@dataclass
class QueryWord:
    """One content word of the question and the index terms that stand for it."""

    text: str
    stems: list[str]
    weight: float  # highest idf among its stems; unknown words get the index's maximum idf
    known: bool  # whether any stem is in the index
    note: str = ""  # "typo→braunschweig", "compound", …
    alternatives: list[str] = field(default_factory=list)  # glossary equivalents' stems
    # Share of its weight a match earns: a typo fix earns its similarity to the corrected word
    # squared (one slip in 'Braunschwieg' 0.84, in 'Bandng' 0.69).
    credit: float = 1.0
    # Only said around the question ("I roast coffee in Lembang. When was …?"): it describes
    # the asker, which the corpus cannot know, so evidence without it is not the weaker for that.
    context: bool = False

    def matches(self, terms: set[str] | frozenset[str]) -> bool:
        return not self.keys.isdisjoint(terms)

    @cached_property
    def keys(self) -> frozenset[str]:
        """Every index term that matches the word: its stems and its glossary equivalents
        (read once the analysis has set them; answering tests it thousands of times)."""
        return frozenset((*self.stems, *self.alternatives))


@dataclass
class Query:
    text: str
    language: str
    language_detected: bool
    words: list[QueryWord]
    expansions: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # "in Berlin" → ["berlin"]
    # information(terms) of the term sets asked about so far: answering asks it of every
    # candidate passage's bank questions, again for their sentences and for the gate
    _held: dict[frozenset[str], float] = field(default_factory=dict, repr=False,
                                               compare=False)

    def locates(self, text: str) -> bool:
        """Does `text` place something where the question asks ("… in Berlin")? A passage
        naming Berlin only as a company's home ("Expotec GmbH of Berlin") does not."""
        return all(re.search(rf"\b(?:in|im|at|di|bei|near|dekat)\s+(?:the\s+|der\s+|dem\s+|"
                             rf"kota\s+)?{re.escape(place)}\b", fold(text), re.IGNORECASE)
                   for place in self.places)

    def mentions(self, text: str) -> bool:
        """Does `text` name every place the question asks about, in whatever role?"""
        folded = fold(text)
        return all(re.search(rf"\b{re.escape(place)}\b", folded) for place in self.places)

    def information(self, terms: set[str] | frozenset[str],
                    more: set[str] | frozenset[str] = frozenset()) -> float:
        """Share of the question's information (word weights) that `terms` contain (with
        `more`: that `terms | more` contain, without building the union)."""
        if not more and isinstance(terms, frozenset):
            known = self._held.get(terms)
            if known is None:
                known = self._held[terms] = self._information(terms, more)
            return known
        return self._information(terms, more)

    def reweighed(self) -> None:
        """Forget what `information` worked out: the words' weights have changed."""
        self._held.clear()

    def _information(self, terms: set[str] | frozenset[str],
                     more: set[str] | frozenset[str]) -> float:
        asked = said = held = 0.0  # summed in word order, as sum() would
        for w in self.words:
            hit = not w.keys.isdisjoint(terms) or (bool(more) and not w.keys.isdisjoint(more))
            if not w.context:
                asked += w.weight
            elif hit:
                said += w.weight
            if hit:
                held += w.weight * w.credit
        return held / ((asked + said) or 1.0)

    @property
    def vocabulary(self) -> set[str]:
        """Every index term a question word can be matched by (what `information` looks at)."""
        return {t for w in self.words for t in (*w.stems, *w.alternatives)}

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
        idf = index.bm25.idf
        self.max_idf = float(idf.max()) if len(idf) else 1.0
        self.median_idf = _median(idf) if len(idf) else 1.0
        # Typos are matched against the words of the corpus text, then stemmed.
        self._long_stopwords: dict[str, list[str]] = {}
        self._surface = [w for w in index.word_languages
                         if len(w) >= MIN_FUZZY_LENGTH - 1 and not w.isdigit()]
        self.phrases: dict[tuple[str, ...], int] = {}
        glossary_langs: dict[tuple[str, ...], set[str]] = {}
        for n, entry in enumerate(index.glossary):
            for lang, term in entry.terms():
                words = tuple(self.tokenizer.words(term))
                if words:
                    self.phrases.setdefault(words, n)
                if words:
                    glossary_langs.setdefault(words, set()).add(lang)
        # Only single-word equivalents stand for a question word: a word of a multi-word
        # alias ("Paris van Java", "TU Braunschweig") means little alone. A concept the corpus
        # never names in one word ("EU") stands for the rarest word of each longer name
        # ("European Union" → union).
        vocab = index.bm25.vocabulary
        self._concept_stems = []
        for entry in index.glossary:
            single = [t for lang, term in entry.terms() if len(self.tokenizer.words(term)) == 1
                      for t in self.tokenizer.tokens(term, lang) if t in vocab]
            if not single:
                for lang, term in entry.terms():
                    known = [t for t in self.tokenizer.tokens(term, lang) if t in vocab]
                    if known:
                        single.append(max(known, key=lambda t: index.bm25.term_idf(t) or 0))
            self._concept_stems.append(list(dict.fromkeys(single)))
        topics = {w for phrase in self.phrases for w in phrase}
        topics.update(w for p in index.programs for name in (p.name.en, p.name.id, p.name.de)
                      for w in self.tokenizer.words(name))
        topics.update(w for d in index.documents for w in self.tokenizer.words(d["title"]))
        # "im August" names a time, not a place: month names never count as places
        months = {fold(m) for lang in LANGUAGES for m in word_lists(lang).months}
        self._passing_names = frozenset(
            w for w, shares in index.word_languages.items() if not w.isdigit()
            and w not in topics and w not in months
            and sum(share >= NAME_LANGUAGE_SHARE for share in shares.values()) >= 2)
        # Glossary terms hint at the languages they are listed under; the words of a
        # multi-word term are not read as function words ("und" in "Harz und Heide").
        self.hints = {w[0]: {lang: 1 / len(langs) for lang in langs}
                      for w, langs in glossary_langs.items() if len(w) == 1}
        self.phrase_hints = {w: {lang: 1 / len(langs) for lang in langs}
                             for w, langs in glossary_langs.items() if len(w) > 1}
        # corpus words used (almost) only in one language are evidence for that language
        self.hints.update({w: shares for w, shares in index.word_languages.items()
                           if max(shares.values()) >= 0.8 and not w.isdigit()})

    def analyze(self, text: str, language: str | None = None, fallback: str = "en") -> Query:
        """`language` forces the reply language; the words are still read in the language
        they are written in, when that can be told."""
        words = self.tokenizer.words(text)
        acronyms = {fold(a) for a in _ACRONYM.findall(text)}
        capitalised = {fold(w) for w in re.findall(r"\w+", text) if w[:1].isupper()}
        detected = detect_language(text, self.hints, self.phrase_hints, self.index.commonness,
                                   self.index.language_counts)
        lang = detected or language or fallback
        query_words = [
            self._word(word, stems, lang, word in acronyms, word in capitalised)
            for word, stems in zip(
                [w for w in words if not self.tokenizer.is_stopword(w, lang)],
                self.tokenizer.query_terms(words, lang), strict=True)
        ]
        by_text = {w.text: w for w in query_words}
        expansions: list[str] = []
        concepts = self._concepts(words)
        bm25 = self.index.bm25
        common = EXPANSION_MAX_DF * bm25.size
        for n, phrase in concepts:
            stems = self._concept_stems[n]
            # Searched for: those that are not in most passages anyway.
            expansions += [t for t in stems if bm25.document_frequency(t) <= common]
            for word in phrase:
                if word in by_text:
                    by_text[word].alternatives = list(dict.fromkeys(
                        [*by_text[word].alternatives, *stems]))
        # A word the corpus lacks counts as much as the concept it names, which is as common
        # as its most common equivalent ("kooperieren" → "Kooperation", "kerja sama").
        for qword in query_words:
            idfs = [i for a in qword.alternatives if (i := bm25.term_idf(a)) is not None]
            if not qword.known and idfs:
                qword.weight = min(qword.weight, min(idfs))
        return Query(text, language or lang, detected is not None, query_words,
                     list(dict.fromkeys(expansions)),
                     [self.index.glossary[n].concept for n, _ in concepts],
                     self._places(text))

    def _places(self, text: str) -> list[str]:
        """Names the corpus only mentions in passing that the question uses as a location."""
        bm25 = self.index.bm25
        places = []
        for match in _PLACE.finditer(text):
            word = fold(match.group(1))
            if word in self._passing_names and not any(self.tokenizer.is_stopword(word, lang)
                                                       for lang in LANGUAGES):
                stem = self.tokenizer.stem(word, "en")
                if bm25.document_frequency(stem) <= PLACE_MAX_DF * bm25.size:
                    places.append(word)
        return places

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

    def _word(self, word: str, stems: list[str], language: str, acronym: bool,
              capitalised: bool = False) -> QueryWord:
        found = self._known_word(word, stems, language, capitalised)
        # "TU" or "EU" written in capitals is a name, however common "tu" is in German
        zipf = 0.0 if acronym else self.index.commonness.get(language, {}).get(word, 0.0)
        found.weight *= specificity(zipf)
        return found

    def _known_word(self, word: str, stems: list[str], language: str,
                    capitalised: bool = False) -> QueryWord:
        bm25 = self.index.bm25
        idfs = [bm25.term_idf(s) for s in stems]
        known = [i for i in idfs if i is not None]
        if known:
            return QueryWord(word, stems, max(known), True)
        respelt = self._respelt(word, language)
        if respelt:
            return respelt
        if word.isdigit():  # the asker's own figure ("Rp 20 billion"), rarely in the corpus
            return QueryWord(word, stems, self.median_idf, False)
        parts = self._decompound(word) if language == "de" or len(word) >= 10 else []
        if parts:
            return QueryWord(word, parts, max(bm25.term_idf(p) or 0 for p in parts), True,
                             "compound")
        real = self._is_real_word(word)
        # "thier", "habn": a function word with one slip weighs nothing ("Oker" is a name)
        slip = None if real or capitalised else self._misspelt_stopword(word, language)
        if slip:
            return QueryWord(word, [], 0.0, True, f"typo→{slip}")
        fixed, similarity = (None, 0.0) if real else self._correct(word)
        if fixed:
            shares = self.index.word_languages[fixed]
            fixed_stems = [s for s in dict.fromkeys(self.tokenizer.stem(fixed, lang)
                                                      for lang in shares) if s in bm25.vocabulary]
            if fixed_stems:
                return QueryWord(word, fixed_stems,
                                 max(bm25.term_idf(s) or 0 for s in fixed_stems), True,
                                 f"typo→{fixed}", credit=similarity ** 2)
        return QueryWord(word, stems, self.max_idf, False)

    def _respelt(self, word: str, language: str) -> QueryWord | None:
        """The word as the corpus would spell it: umlauts written out, colloquial
        Indonesian verbs (see indexer.spelling)."""
        bm25 = self.index.bm25
        candidates = [(form, lang) for form in without_umlaut_spelling(word) for lang in LANGUAGES]
        if language == "id" or word.startswith(("ng", "ny", "di")):
            candidates += [(form, "id") for form in standard_indonesian(word)]
        for form, lang in candidates:
            if self.tokenizer.is_stopword(form, lang):  # "taun" is "tahun", a stopword
                return QueryWord(word, [], 0.0, True, f"spelling→{form}")
            stem = self.tokenizer.stem(form, lang)
            idf = bm25.term_idf(stem)
            if idf is not None:
                return QueryWord(word, [stem], idf, True, f"spelling→{form}")
        return None

    def _is_real_word(self, word: str) -> bool:
        """Common in everyday English, Indonesian or German: then it is no typo ('weather')."""
        return any(table.get(word, 0.0) >= REAL_WORD_ZIPF
                   for table in self.index.commonness.values())

    def _misspelt_stopword(self, word: str, language: str) -> str | None:
        """The stopword of the question's language one edit (a swap of two letters counts as
        one) away from a word the corpus does not know, for words of MIN_STOPWORD_TYPO
        letters or more."""
        if len(word) < MIN_STOPWORD_TYPO:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        words = self._long_stopwords.get(language)
        if words is None:
            words = self._long_stopwords[language] = sorted(
                w for w in self.tokenizer.stopwords[language] if len(w) >= MIN_STOPWORD_TYPO)
        match = process.extractOne(word, words, scorer=DamerauLevenshtein.distance,
                                   score_cutoff=1)
        return match[0] if match else None

    def _correct(self, word: str) -> tuple[str | None, float]:
        """The corpus word closest to a misspelt one (a swap of two letters counts as one
        edit), if close enough."""
        if len(word) < MIN_FUZZY_LENGTH:
            return None, 0.0
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        match = process.extractOne(word, self._surface,
                                   scorer=DamerauLevenshtein.normalized_similarity,
                                   score_cutoff=FUZZY_CUTOFF)
        return (match[0], match[1]) if match else (None, 0.0)

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


def _median(values: npt.NDArray[np.float64]) -> float:
    """np.median's value (the mean of the middle two), without the import of numpy.ma that
    np.median makes on first use (a twentieth of a second at every start)."""
    n = len(values)
    low, high = (n - 1) // 2, n // 2
    part = np.partition(values, [low, high])
    return float((part[low] + part[high]) / 2)
