"""Build BM25 postings in bounded memory.

Passages arrive one at a time. Their (term, passage, term frequency) triples are collected
until a chunk is full, sorted by term and set aside (in a spill folder when one is given);
at the end the chunks are merged a range of terms at a time into the CSR arrays of
`BM25Index`. Memory is one chunk and one merge range (a term with more postings than that,
such as a word of every passage, is merged a chunk at a time), plus 8 bytes per passage for
the lengths and the length norms and the vocabulary, whatever the corpus size. Each term's
largest weight is kept as it is merged: `BM25Index.top` bounds a term's share by it.
"""

from __future__ import annotations

import itertools
import tempfile
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from indexer.bm25 import BM25Index, BM25Params

_ids = itertools.count()


class _Chunk:
    """One sorted chunk: its per-term counts, and its passages and term frequencies."""

    def __init__(self, counts: npt.NDArray[np.int64], docs: npt.NDArray[np.int32],
                 tfs: npt.NDArray[np.int32], spill: Path | None) -> None:
        self.offsets = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.offsets[1:])
        self.path: Path | None = None
        self.docs: npt.NDArray[np.int32] | None = docs
        self.tfs: npt.NDArray[np.int32] | None = tfs
        if spill is not None:
            self.path = spill / f"chunk-{next(_ids)}.bin"
            with self.path.open("wb") as handle:
                docs.tofile(handle)
                tfs.tofile(handle)
            self.docs = self.tfs = None
        self.size = len(docs)

    def read(self, first_term: int, end_term: int) -> tuple[npt.NDArray[np.int64],
                                                              npt.NDArray[np.int32],
                                                              npt.NDArray[np.int32]]:
        """Term counts, passages and frequencies of terms [first_term, end_term)."""
        known = len(self.offsets) - 1
        lo, hi = min(first_term, known), min(end_term, known)
        start, stop = int(self.offsets[lo]), int(self.offsets[hi])
        counts = np.zeros(end_term - first_term, dtype=np.int64)
        counts[: hi - lo] = np.diff(self.offsets[lo : hi + 1])
        if self.path is None:
            assert self.docs is not None and self.tfs is not None
            return counts, self.docs[start:stop], self.tfs[start:stop]
        n = stop - start
        docs = np.fromfile(self.path, dtype=np.int32, count=n, offset=4 * start)
        tfs = np.fromfile(self.path, dtype=np.int32, count=n, offset=4 * (self.size + start))
        return counts, docs, tfs


class PostingsWriter:
    """`add` each passage's tokens, then `finish` for the index."""

    def __init__(self, params: BM25Params, spill: Path | None = None,
                 chunk_postings: int = 4_000_000) -> None:
        self.params = params
        self.spill = Path(tempfile.mkdtemp(prefix="postings-", dir=spill)) if spill else None
        self.chunk_postings = chunk_postings
        self.vocabulary: dict[str, int] = {}
        self.df = array("q")
        self.lengths = array("q")
        self._terms, self._docs, self._tfs = array("i"), array("i"), array("i")
        self._chunks: list[_Chunk] = []

    def add(self, tokens: Sequence[str]) -> None:
        doc = len(self.lengths)
        self.lengths.append(len(tokens))
        vocabulary, df = self.vocabulary, self.df
        counts: dict[int, int] = {}
        for token in tokens:
            term = vocabulary.get(token)
            if term is None:
                term = vocabulary[token] = len(vocabulary)
                df.append(0)
            counts[term] = counts.get(term, 0) + 1
        for term, tf in counts.items():
            df[term] += 1
            self._terms.append(term)
            self._docs.append(doc)
            self._tfs.append(tf)
        if len(self._terms) >= self.chunk_postings:
            self._flush()

    def _flush(self) -> None:
        if not self._terms:
            return
        terms = np.frombuffer(self._terms, dtype=np.int32)
        order = np.argsort(terms, kind="stable")  # keeps passages ascending within a term
        counts = np.bincount(terms, minlength=len(self.vocabulary))
        docs = np.frombuffer(self._docs, dtype=np.int32)[order]
        tfs = np.frombuffer(self._tfs, dtype=np.int32)[order]
        del terms
        self._terms, self._docs, self._tfs = array("i"), array("i"), array("i")
        self._chunks.append(_Chunk(counts, docs, tfs, self.spill))

    def finish(self) -> BM25Index:
        from indexer.bm25 import BM25Index, okapi_idf

        self._flush()
        if not self.lengths:
            raise ValueError("cannot build a BM25 index over no passages")
        params = self.params
        doc_len = np.frombuffer(self.lengths, dtype=np.int64).copy()
        avgdl = int(doc_len.sum()) / len(doc_len) or 1.0  # a field may be empty (no bank)
        idf = okapi_idf(self.df, len(doc_len), params.epsilon)
        n_terms = len(self.vocabulary)
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.frombuffer(self.df, dtype=np.int64), out=indptr[1:])
        norm = params.k1 * (1 - params.b + params.b * doc_len / avgdl)
        total = int(indptr[-1])
        out_docs, out_weights = self._outputs(total)
        maxima = np.zeros(n_terms)  # each term's largest weight, top()'s bound
        first = 0
        while first < n_terms:
            end = max(first + 1, int(np.searchsorted(
                indptr, indptr[first] + self.chunk_postings, side="right")) - 1)
            end = min(end, n_terms)
            if end - first == 1:  # one term (perhaps in every passage): a chunk at a time
                at = int(indptr[first])
                for chunk in self._chunks:
                    _, docs, tfs = chunk.read(first, end)
                    frequencies = tfs.astype(np.int64)
                    weights = idf[first] * (frequencies * (params.k1 + 1)
                                            / (frequencies + norm[docs]))
                    _write(out_docs, docs, at)
                    _write(out_weights, weights, at)
                    if len(weights):
                        maxima[first] = max(maxima[first], float(weights.max()))
                    at += len(docs)
                first = end
                continue
            parts = [chunk.read(first, end) for chunk in self._chunks]
            terms = np.concatenate([np.repeat(np.arange(first, end), counts)
                                    for counts, _, _ in parts])
            order = np.argsort(terms, kind="stable")  # chunk order = passage order
            docs = np.concatenate([d for _, d, _ in parts])[order]
            tfs = np.concatenate([f for _, _, f in parts])[order].astype(np.int64)
            # exactly BM25Okapi's arithmetic, in its order
            weights = idf[terms[order]] * (tfs * (params.k1 + 1) / (tfs + norm[docs]))
            _write(out_docs, docs, int(indptr[first]))
            _write(out_weights, weights, int(indptr[first]))
            starts = indptr[first:end] - indptr[first]
            used = indptr[first + 1 : end + 1] > indptr[first:end]
            if used.any():
                maxima[first:end][used] = np.maximum.reduceat(weights, starts[used])
            first = end
        doc_ids, weight_array = self._results(out_docs, out_weights)
        index = BM25Index(self.vocabulary, indptr, doc_ids, weight_array, doc_len, idf, params,
                          avgdl, maxima)
        index.files = self.spill
        return index

    def _outputs(self, total: int) -> tuple[np.ndarray | BinaryIO, np.ndarray | BinaryIO]:
        if self.spill is None:
            return np.empty(total, dtype=np.int32), np.empty(total, dtype=np.float64)
        handles = []
        for name, dtype in (("doc_ids", np.int32), ("weights", np.float64)):
            handle = (self.spill / f"{name}.npy").open("wb")
            np.lib.format.write_array_header_1_0(handle, {
                "descr": np.lib.format.dtype_to_descr(np.dtype(dtype)),
                "fortran_order": False, "shape": (total,)})
            handles.append(handle)
        return handles[0], handles[1]

    def _results(self, docs: np.ndarray | BinaryIO, weights: np.ndarray | BinaryIO
                 ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]:
        for chunk in self._chunks:
            if chunk.path is not None:
                chunk.path.unlink()
        self._chunks = []
        if isinstance(docs, np.ndarray) and isinstance(weights, np.ndarray):
            return docs, weights
        assert self.spill is not None and not isinstance(docs, np.ndarray)
        assert not isinstance(weights, np.ndarray)
        docs.close()
        weights.close()
        return (np.load(self.spill / "doc_ids.npy", mmap_mode="r").view(np.ndarray),
                np.load(self.spill / "weights.npy", mmap_mode="r").view(np.ndarray))


def _write(out: np.ndarray | BinaryIO, values: np.ndarray, at: int) -> None:
    if isinstance(out, np.ndarray):
        out[at : at + len(values)] = values
    else:
        values.tofile(out)
