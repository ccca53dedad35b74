"""BM25 Okapi scored through an inverted index.

rank-bm25's `BM25Okapi` defines the scores; it scans every passage for every query term.
Here each term keeps a postings list (passage ids and the term's precomputed BM25 weight in
each), so a query touches only the postings of its own terms. The weights are computed with
the same floating-point operations, in the same order, as `BM25Okapi.get_scores`, and summed
per passage in query-term order, so the scores are bit-identical (tests check this).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


class BM25Index:
    """Postings in CSR form: term t's passages are doc_ids[indptr[t]:indptr[t+1]]."""

    def __init__(self, vocabulary: dict[str, int], indptr: Ints, doc_ids: npt.NDArray[np.int32],
                 weights: Floats, doc_len: Ints, idf: Floats, params: BM25Params,
                 avgdl: float) -> None:
        self.vocabulary = vocabulary
        self.indptr = indptr
        self.doc_ids = doc_ids
        self.weights = weights
        self.doc_len = doc_len
        self.idf = idf
        self.params = params
        self.avgdl = avgdl

    @property
    def size(self) -> int:
        return len(self.doc_len)

    @classmethod
    def build(cls, documents: Iterable[Sequence[str]], params: BM25Params | None = None
              ) -> BM25Index:
        """Index tokenized passages (any iterable; it is read once)."""
        params = params or BM25Params()
        vocabulary: dict[str, int] = {}
        df: list[int] = []
        term_col, doc_col, tf_col = array("q"), array("i"), array("q")
        lengths = array("q")
        for doc_id, tokens in enumerate(documents):
            lengths.append(len(tokens))
            counts: dict[int, int] = {}
            for token in tokens:
                term = vocabulary.get(token)
                if term is None:
                    term = vocabulary[token] = len(vocabulary)
                    df.append(0)
                counts[term] = counts.get(term, 0) + 1
            for term, tf in counts.items():
                df[term] += 1
                term_col.append(term)
                doc_col.append(doc_id)
                tf_col.append(tf)
        if not lengths:
            raise ValueError("cannot build a BM25 index over no passages")

        doc_len = np.frombuffer(lengths, dtype=np.int64).copy()
        avgdl = int(doc_len.sum()) / len(doc_len) or 1.0  # a field may be empty (no bank)
        idf = _okapi_idf(df, len(doc_len), params.epsilon)

        terms = np.frombuffer(term_col, dtype=np.int64)
        order = np.argsort(terms, kind="stable")  # keeps passages ascending within a term
        doc_ids = np.frombuffer(doc_col, dtype=np.int32)[order]
        tfs = np.frombuffer(tf_col, dtype=np.int64)[order]
        del term_col, doc_col, tf_col
        indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        np.cumsum(np.bincount(terms, minlength=len(vocabulary)), out=indptr[1:])

        norm = params.k1 * (1 - params.b + params.b * doc_len / avgdl)
        term_idf = np.repeat(idf, np.diff(indptr))
        weights = term_idf * (tfs * (params.k1 + 1) / (tfs + norm[doc_ids]))
        return cls(vocabulary, indptr, doc_ids, weights, doc_len, idf, params, avgdl)

    def scores(self, query: Sequence[str]) -> Floats:
        """Dense scores, equal to `BM25Okapi(corpus).get_scores(query)`."""
        ids, weights = self._postings(query)
        if not len(ids):
            return np.zeros(self.size)
        return _weighted_counts(ids, weights, self.size)

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best (passage, score) pairs among passages containing a query term:
        highest score first, lower passage id on ties."""
        ids, weights = self._postings(query)
        if not len(ids) or k <= 0:
            return []
        scores = _weighted_counts(ids, weights, self.size)
        candidates = self._members(ids)
        return _best(candidates, scores[candidates], k)

    def _members(self, ids: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
        """Distinct passage ids, ascending (a mask is faster than sorting for long lists)."""
        mask = np.zeros(self.size, dtype=bool)
        mask[ids] = True
        return np.flatnonzero(mask)

    def containing(self, terms: Iterable[str], docs: Sequence[int]) -> list[set[str]]:
        """For each passage of `docs`, which of `terms` it contains, read from the postings
        (a term's passages are ascending, so a binary search finds them)."""
        found: list[set[str]] = [set() for _ in docs]
        wanted = np.asarray(docs, dtype=np.int32)
        if not len(wanted):
            return found
        for term in set(terms):
            t = self.vocabulary.get(term)
            if t is None:
                continue
            posting = self.doc_ids[int(self.indptr[t]) : int(self.indptr[t + 1])]
            at = np.minimum(np.searchsorted(posting, wanted), len(posting) - 1)
            for i in np.flatnonzero(posting[at] == wanted):
                found[i].add(term)
        return found

    def document_frequency(self, term: str) -> int:
        t = self.vocabulary.get(term)
        return 0 if t is None else int(self.indptr[t + 1] - self.indptr[t])

    def term_idf(self, term: str) -> float | None:
        t = self.vocabulary.get(term)
        return None if t is None else float(self.idf[t])

    def _postings(self, query: Sequence[str]) -> tuple[npt.NDArray[np.int32], Floats]:
        slices = []
        for token in query:
            t = self.vocabulary.get(token)
            if t is not None:
                slices.append(slice(int(self.indptr[t]), int(self.indptr[t + 1])))
        if not slices:
            return np.empty(0, dtype=np.int32), np.empty(0)
        if len(slices) == 1:
            return self.doc_ids[slices[0]], self.weights[slices[0]]
        return (np.concatenate([self.doc_ids[s] for s in slices]),
                np.concatenate([self.weights[s] for s in slices]))


def _weighted_counts(ids: npt.NDArray[np.int32], weights: Floats, size: int) -> Floats:
    """Per passage, the sum of its posting weights (numpy's stubs type a weighted bincount
    as integers; it is float64)."""
    return cast(Floats, np.bincount(ids, weights=weights, minlength=size))


def _best(candidates: npt.NDArray[np.int64], scores: Floats, k: int) -> list[tuple[int, float]]:
    """Top k of candidate passages (ascending ids) by score, lower id first on ties."""
    if len(candidates) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = scores >= kth
        candidates, scores = candidates[keep], scores[keep]
    order = np.lexsort((candidates, -scores))[:k]
    return [(int(candidates[i]), float(scores[i])) for i in order]


def _okapi_idf(df: list[int], corpus_size: int, epsilon: float) -> Floats:
    """idf exactly as BM25Okapi._calc_idf: terms in first-seen order, negatives floored."""
    idf = [math.log(corpus_size - freq + 0.5) - math.log(freq + 0.5) for freq in df]
    idf_sum = 0.0
    for value in idf:
        idf_sum += value
    eps = epsilon * (idf_sum / len(idf)) if idf else 0.0
    return np.array([eps if value < 0 else value for value in idf], dtype=np.float64)
