"""BM25 Okapi scored through an inverted index.

rank-bm25's `BM25Okapi` defines the scores; it scans every passage for every query term.
Here each term keeps a postings list (passage ids and the term's precomputed BM25 weight in
each), so a query touches only the postings of its own terms. The weights are computed with
the same floating-point operations, in the same order, as `BM25Okapi.get_scores`, and summed
per passage in query-term order, so the scores are bit-identical (tests check this).

`top()` never builds a corpus-sized array: it sums the postings of one block of passage ids
at a time (a block's scores fit in the processor's cache), keeps the passages that score at
least a proven lower bound of the k-th best, and sorts only those. Once that bound is known,
a block skips the postings of the terms that cannot by themselves lift a passage to it
(MaxScore, Turtle & Flood 1995; their largest weights are saved with the index): the common
words that fill most postings lists. The passages the other terms bring close enough look
those terms up by binary search, and the final candidates are summed again in query order,
so skipping changes no score (`indexer.topk`). Its cost follows the postings the query
touches, not the size of the corpus.

Building streams: postings are collected a chunk of passages at a time, each chunk sorted by
term and written to a spill file, and the chunks are merged term by term at the end
(`indexer.postings`), so memory stays bounded whatever the corpus size.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from indexer import topk

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
DocIds = npt.NDArray[np.int32]

SMALL = 1 << 14  # up to this many passages, the postings are summed by one bincount


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


class BM25Index:
    """Postings in CSR form: term t's passages are doc_ids[indptr[t]:indptr[t+1]]."""

    def __init__(self, vocabulary: dict[str, int], indptr: Ints, doc_ids: DocIds,
                 weights: Floats, doc_len: Ints, idf: Floats, params: BM25Params,
                 avgdl: float, max_weight: Floats | None = None) -> None:
        self.vocabulary = vocabulary
        self.indptr = indptr
        self.doc_ids = doc_ids
        self.weights = weights
        self.doc_len = doc_len
        self.idf = idf
        self.params = params
        self.avgdl = avgdl
        # each term's largest weight: the bound that lets `top` skip a term's postings
        self.max_weight = term_maxima(indptr, weights) if max_weight is None else max_weight
        self._positive = bool(np.all(idf > 0))  # then no term can hide a passage
        self._local = threading.local()
        self.files: Path | None = None  # folder of doc_ids.npy and weights.npy, if spilled

    @property
    def size(self) -> int:
        return len(self.doc_len)

    @classmethod
    def build(cls, documents: Iterable[Sequence[str]], params: BM25Params | None = None,
              spill: Path | None = None, chunk_postings: int = 4_000_000) -> BM25Index:
        """Index tokenized passages (any iterable; it is read once). With `spill`, a folder,
        the postings are merged into .npy files there and memory-mapped; without, they stay
        in memory."""
        from indexer.postings import PostingsWriter

        writer = PostingsWriter(params or BM25Params(), spill, chunk_postings)
        for tokens in documents:
            writer.add(tokens)
        return writer.finish()

    def scores(self, query: Sequence[str]) -> Floats:
        """Dense scores, equal to `BM25Okapi(corpus).get_scores(query)`."""
        ids, weights = self._postings(query)
        if not len(ids):
            return np.zeros(self.size)
        return np.asarray(np.bincount(ids, weights=weights, minlength=self.size),
                          dtype=np.float64)

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best (passage, score) pairs among passages containing a query term:
        highest score first, lower passage id on ties."""
        slices = self._slices(query)
        if not slices or k <= 0:
            return []
        if not self._positive and any(self.idf[t] <= 0 for t, _, _ in slices):
            return self._top_exhaustive(slices, k)  # a zero weight would hide a passage
        # Every weight is positive, so a touched passage scores > 0 and an untouched one 0.
        if self.size <= topk.BLOCK:  # one block: every term added in query order, exact at once
            if self.size <= SMALL:  # fewest calls: one bincount over all the postings
                ids = np.concatenate([self.doc_ids[a:b] for _, a, b in slices])
                scores: Floats = np.asarray(np.bincount(ids, np.concatenate(
                    [self.weights[a:b] for _, a, b in slices])), dtype=np.float64)
            else:  # no copy of the postings, and the scores' memory reused
                scores = self._scratch()[: self.size]
                scores.fill(0.0)
                for _, a, b in slices:
                    np.add.at(scores, self.doc_ids[a:b], self.weights[a:b])
            floor = topk.floor(scores, k)
            chosen = np.flatnonzero(scores >= floor) if floor > 0 else np.flatnonzero(scores > 0)
            return topk.best(chosen, scores[chosen], k)
        return topk.top_blocks(self, slices, k)

    def _scratch(self) -> Floats:
        """This thread's block of scores (questions may be answered in several threads)."""
        need = min(topk.BLOCK, max(self.size, 1))
        block: Floats | None = getattr(self._local, "block", None)
        if block is None or len(block) < need:
            block = self._local.block = np.empty(need)
        return block

    def _top_exhaustive(self, slices: list[tuple[int, int, int]], k: int
                        ) -> list[tuple[int, float]]:
        ids = np.concatenate([self.doc_ids[a:b] for _, a, b in slices])
        weights = np.concatenate([self.weights[a:b] for _, a, b in slices])
        order = np.argsort(ids, kind="stable")  # stable: query order within a passage
        ranked = ids[order]
        first = np.ones(len(ranked), dtype=bool)
        first[1:] = ranked[1:] != ranked[:-1]
        group = np.empty(len(ids), dtype=np.intp)
        group[order] = np.cumsum(first) - 1
        # sums in query order, as BM25Okapi does
        scores = np.asarray(np.bincount(group, weights=weights), dtype=np.float64)
        return topk.best(ranked[first].astype(np.intp), scores, k)

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

    def _slices(self, query: Sequence[str]) -> list[tuple[int, int, int]]:
        """(term, start, end) of each known query term's postings, in query order."""
        slices = []
        for token in query:
            t = self.vocabulary.get(token)
            if t is not None:
                start, end = int(self.indptr[t]), int(self.indptr[t + 1])
                if start < end:
                    slices.append((t, start, end))
        return slices

    def _postings(self, query: Sequence[str]) -> tuple[DocIds, Floats]:
        slices = self._slices(query)
        if not slices:
            return np.empty(0, dtype=np.int32), np.empty(0)
        if len(slices) == 1:
            _, a, b = slices[0]
            return self.doc_ids[a:b], self.weights[a:b]
        return (np.concatenate([self.doc_ids[a:b] for _, a, b in slices]),
                np.concatenate([self.weights[a:b] for _, a, b in slices]))


def term_maxima(indptr: Ints, weights: Floats) -> Floats:
    """Each term's largest weight (0 for a term without postings)."""
    maxima = np.zeros(len(indptr) - 1)
    starts = indptr[:-1]
    used = indptr[1:] > starts
    if used.any():
        maxima[used] = np.maximum.reduceat(weights, starts[used])
    return maxima


def okapi_idf(df: Sequence[int], corpus_size: int, epsilon: float) -> Floats:
    """idf exactly as BM25Okapi._calc_idf: terms in first-seen order, negatives floored."""
    idf = [math.log(corpus_size - freq + 0.5) - math.log(freq + 0.5) for freq in df]
    idf_sum = 0.0
    for value in idf:
        idf_sum += value
    eps = epsilon * (idf_sum / len(idf)) if idf else 0.0
    return np.array([eps if value < 0 else value for value in idf], dtype=np.float64)
