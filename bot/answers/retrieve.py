"""Stage 3, retrieve: candidate passages from both BM25 fields, with the features the gate reads.

The passage text and the question bank (questions each passage answers, as people ask them)
are two BM25 fields over the same passages. A candidate is a passage either field ranks
high; its features say how well the evidence covers the question, in both directions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bot.answers.analyze import Analysis
from bot.answers.figures import holds
from bot.answers.params import PARAMS
from bot.answers.question import Kind, newest_year, satisfies
from indexer.index import SearchIndex
from indexer.passages import Passage, is_take_part
from indexer.sentences import split_sentences

# The gate's inputs, in order. Each is measured on data; the gate learns how much each counts.
FEATURES = (
    "text_coverage",  # share of the question's weight the passage text holds
    "bank_coverage",  # ... that the passage's best-matching bank question holds
    "bank_reverse",  # share of that bank question's weight the user's question holds
    "union_coverage",  # ... text and best bank question together
    "text_score",  # BM25 on the text, over its upper bound for this query
    "bank_score",  # BM25 on the bank field, over its upper bound
    "text_rank",  # 1 / (1 + rank) among the text hits (0 if not a text hit)
    "bank_rank",  # ... among the bank hits
    "lead",  # union coverage minus the best other candidate's
    "missing_focus",  # heaviest question word the evidence lacks, over the heaviest word
    "unknown_share",  # share of the question's weight in words the corpus never uses
    "kind_fit",  # a sentence has what the question kind asks for (a year for "when")
    "kind_testable",  # the kind has such a test at all
    "datum_missing",  # the question asks for a datum (a price…) no sentence holds
    "stale",  # "Who is … now?" and nothing recent enough
    "place_missing",  # "… in Berlin" and the passage places nothing there
    "same_language",  # the passage is in the asker's language
    "take_part_fit",  # a how-to question and a "how to take part" passage
    "words",  # log(1 + number of content words)
    "text_relative",  # text BM25 over the best text BM25 among the candidates
    "bank_relative",  # bank BM25 over the best bank BM25 among the candidates
)
_TESTABLE = frozenset({Kind.WHEN, Kind.WHO, Kind.WHERE, Kind.HOW_MANY, Kind.HOW_TO, Kind.WHY,
                       Kind.LIST})


@dataclass
class Candidate:
    row: int  # passage number in the index
    passage: Passage
    text_score: float = 0.0
    bank_score: float = 0.0
    text_rank: int | None = None
    bank_rank: int | None = None
    terms: frozenset[str] = frozenset()  # the query vocabulary the passage text holds
    best_question: str = ""  # its bank question closest to the asked one
    bank_terms: frozenset[str] = frozenset()
    features: list[float] = field(default_factory=list)
    ranking: float = 0.0  # the gate's ranking score among this question's candidates
    probability: float = 0.0  # the gate's probability that its answer is right


class Retriever:
    """Built once per index; caches sentence and bank-question tokens per passage."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._sentences: dict[int, list[tuple[str, frozenset[str]]]] = {}
        self._bank: dict[int, list[tuple[str, frozenset[str]]]] = {}
        self.recent_year = _recent_year(index.corpus_date)

    def sentences(self, row: int, passage: Passage) -> list[tuple[str, frozenset[str]]]:
        cached = self._sentences.get(row)
        if cached is None:
            cached = [(s, frozenset(self.index.tokens(s, passage.language)))
                      for s in split_sentences(passage.text)]
            self._sentences[row] = cached
        return cached

    def bank_questions(self, row: int, passage: Passage) -> list[tuple[str, frozenset[str]]]:
        cached = self._bank.get(row)
        if cached is None:
            cached = [(q, frozenset(self.index.tokens(q, passage.language)))
                      for q in self.index.bank_questions[row]]
            self._bank[row] = cached
        return cached

    def candidates(self, analysis: Analysis) -> list[Candidate]:
        query = analysis.query
        terms = query.terms
        text_hits = self.index.bm25.top(terms, PARAMS.retrieve_text)
        bank_hits = self.index.bank.top(terms, PARAMS.retrieve_bank)
        found: dict[int, Candidate] = {}
        for rank, (row, score) in enumerate(text_hits):
            found[row] = Candidate(row, self.index.passages[row], text_score=score, text_rank=rank)
        for rank, (row, score) in enumerate(bank_hits):
            cand = found.get(row) or Candidate(row, self.index.passages[row])
            cand.bank_score, cand.bank_rank = score, rank
            found[row] = cand
        rows = list(found)
        present = self.index.bm25.containing(query.vocabulary, rows)
        figure_words = frozenset(w for _, written in analysis.figures
                                 for w in self.index.tokenizer.words(written))
        dense = None
        for row, held in zip(rows, present, strict=True):
            cand = found[row]
            if cand.text_rank is None and held:  # a bank hit beyond the text hits
                dense = self.index.bm25.scores(terms) if dense is None else dense
                cand.text_score = float(dense[row])
            if analysis.figures and any(holds(s, analysis.figures[0][0])
                                        for s, _ in self.sentences(row, cand.passage)):
                held = held | figure_words
            cand.terms = frozenset(held)
            best = max(self.bank_questions(row, cand.passage), default=None,
                       key=lambda item: (query.information(item[1]), -len(item[1])))
            if best is not None:
                cand.best_question, cand.bank_terms = best
        result = list(found.values())
        self._measure(analysis, result)
        return result

    def _measure(self, analysis: Analysis, candidates: list[Candidate]) -> None:
        query = analysis.query
        words = query.words
        heaviest = max((w.weight for w in words), default=1.0) or 1.0
        total = sum(w.weight for w in words) or 1.0
        unknown = sum(w.weight for w in words if not w.known and not w.alternatives) / total
        text_bound = _upper_bound(self.index.bm25, query.terms)
        bank_bound = _upper_bound(self.index.bank, query.terms)
        unions = [query.information(c.terms | c.bank_terms) for c in candidates]
        vocabulary = query.vocabulary
        top_text = max((c.text_score for c in candidates), default=0.0) or 1.0
        top_bank = max((c.bank_score for c in candidates), default=0.0) or 1.0
        for n, cand in enumerate(candidates):
            union = cand.terms | cand.bank_terms
            missing = max((w.weight for w in words if not w.matches(union)), default=0.0)
            sentences = self.sentences(cand.row, cand.passage)
            text = cand.passage.text
            others = max((u for m, u in enumerate(unions) if m != n), default=0.0)
            datum_missing = analysis.datum is not None and not analysis.datum.search(text)
            stale = (analysis.kind is Kind.WHO and analysis.about_now
                     and newest_year(text) < self.recent_year)
            cand.features = [
                query.information(cand.terms),
                query.information(cand.bank_terms),
                _reverse(self.index, cand.bank_terms, vocabulary),
                unions[n],
                cand.text_score / text_bound if text_bound else 0.0,
                cand.bank_score / bank_bound if bank_bound else 0.0,
                1 / (1 + cand.text_rank) if cand.text_rank is not None else 0.0,
                1 / (1 + cand.bank_rank) if cand.bank_rank is not None else 0.0,
                unions[n] - others,
                missing / heaviest,
                unknown,
                float(any(satisfies(analysis.kind, s) for s, _ in sentences)),
                float(analysis.kind in _TESTABLE),
                float(datum_missing),
                float(stale),
                float(not query.locates(text)),
                float(cand.passage.language == query.language),
                float(analysis.kind is Kind.HOW_TO and is_take_part(cand.passage)),
                math.log1p(len(words)),
                cand.text_score / top_text,
                cand.bank_score / top_bank,
            ]


def _upper_bound(bm25: object, terms: list[str]) -> float:
    """The most a passage could score for these terms (every term, idf × (k1 + 1))."""
    from indexer.bm25 import BM25Index

    assert isinstance(bm25, BM25Index)
    k1 = bm25.params.k1
    return sum((bm25.term_idf(t) or 0.0) * (k1 + 1) for t in terms)


def _reverse(index: SearchIndex, bank_terms: frozenset[str], vocabulary: set[str]) -> float:
    """Share of a bank question's (idf-weighted) terms that the asked question also has."""
    if not bank_terms:
        return 0.0
    weights = {t: index.bank.term_idf(t) or 0.0 for t in bank_terms}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if t in vocabulary) / total


def _recent_year(corpus_date: str) -> int:
    year = corpus_date[:4]
    return (int(year) if year.isdigit() else 0) - PARAMS.recent_years
