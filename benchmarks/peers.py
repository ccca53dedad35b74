"""The engines the project is measured against, each fed the project's own tokens.

Every peer indexes the same token lists (the project's `SearchIndex.tokens` of each passage)
and answers the same token queries; only the project and rank-bm25 score BM25 Okapi exactly
the same way (tantivy and FTS5 use Lucene's idf and their own length norms, bm25s here uses
the Robertson idf). `Compiled` is the reference for what a plain loop over the project's own
postings costs: a few lines of C, compiled with gcc when the benchmark runs (never part of the
product).
"""

from __future__ import annotations

import ctypes
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from indexer.bm25 import BM25Index

Search = Callable[[list[str]], list[int]]

C_SOURCE = r"""
#include <stdint.h>
/* Sum the postings of the query terms in query order into acc (zero on entry), then pick the
   k best (score desc, id asc) among the touched passages and zero acc again. */
int top(const int32_t *ids, const double *w, const int64_t *start, const int64_t *end,
        int nterms, double *acc, int k, int32_t *out_ids, double *out_scores) {
    int n = 0;
    for (int t = 0; t < nterms; t++)
        for (int64_t i = start[t]; i < end[t]; i++) acc[ids[i]] += w[i];
    for (int t = 0; t < nterms; t++)
        for (int64_t i = start[t]; i < end[t]; i++) {
            int32_t d = ids[i];
            double s = acc[d];
            if (s != s) continue; /* NaN marks a passage already considered */
            acc[d] = 0.0 / 0.0;
            int j = n < k ? n++ : k - 1;
            if (j == k - 1 && n == k && (s < out_scores[j] ||
                (s == out_scores[j] && d > out_ids[j]))) continue;
            while (j > 0 && (out_scores[j - 1] < s ||
                   (out_scores[j - 1] == s && out_ids[j - 1] > d))) {
                out_scores[j] = out_scores[j - 1]; out_ids[j] = out_ids[j - 1]; j--;
            }
            out_scores[j] = s; out_ids[j] = d;
        }
    for (int t = 0; t < nterms; t++)
        for (int64_t i = start[t]; i < end[t]; i++) acc[ids[i]] = 0.0;
    return n;
}
"""


class Compiled:
    """The project's postings scored by a plain compiled loop (the benchmark's reference)."""

    def __init__(self, index: BM25Index, work: Path) -> None:
        source, library = work / "toploop.c", work / "toploop.so"
        source.write_text(C_SOURCE)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)],
                       check=True)
        self.lib = ctypes.CDLL(str(library))
        self.index = index
        self.ids = np.ascontiguousarray(index.doc_ids)
        self.weights = np.ascontiguousarray(index.weights)
        self.acc = np.zeros(index.size)
        self.fixed = [a.ctypes.data_as(ctypes.c_void_p) for a in (self.ids, self.weights)]
        self.lib.top.restype = ctypes.c_int

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        slices = self.index._slices(query)
        starts = np.array([a for _, a, _ in slices], dtype=np.int64)
        ends = np.array([b for _, _, b in slices], dtype=np.int64)
        out_ids, out_scores = np.zeros(k, dtype=np.int32), np.zeros(k)
        def pointer(a: np.ndarray) -> ctypes.c_void_p:
            return a.ctypes.data_as(ctypes.c_void_p)
        n = self.lib.top(*self.fixed, pointer(starts), pointer(ends), len(slices),
                         pointer(self.acc), k, pointer(out_ids), pointer(out_scores)
                         ) if slices else 0
        return [(int(out_ids[i]), float(out_scores[i])) for i in range(n)]


def tantivy_search(docs: list[list[str]], k: int) -> Search:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace",
                           index_option="freq")
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for tokens in docs:
        writer.add_document(tantivy.Document(body=" ".join(tokens)))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(query: list[str]) -> list[int]:
        clauses = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t))
                   for t in query]
        return [a.doc for _, a in searcher.search(tantivy.Query.boolean_query(clauses), k).hits]
    return search


def bm25s_search(docs: list[list[str]], k: int) -> Search:
    import bm25s

    vocabulary: dict[str, int] = {}
    ids = [[vocabulary.setdefault(t, len(vocabulary)) for t in tokens] for tokens in docs]
    retriever = bm25s.BM25(method="robertson", k1=1.5, b=0.75)
    retriever.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocabulary),
                    show_progress=False)

    def search(query: list[str]) -> list[int]:
        known = [t for t in query if t in vocabulary]
        if not known:
            return []
        found, _ = retriever.retrieve([known], k=min(k, len(docs)), show_progress=False,
                                      n_threads=1)
        return [int(d) for d in found[0]]
    return search


def fts5_search(docs: list[list[str]], k: int) -> Search:
    folder = tempfile.mkdtemp(prefix="fts5-")
    db = sqlite3.connect(Path(folder) / "fts.sqlite3")
    db.execute("CREATE VIRTUAL TABLE passages USING fts5(body, tokenize='unicode61')")
    with db:
        db.executemany("INSERT INTO passages (rowid, body) VALUES (?, ?)",
                       ((i, " ".join(tokens)) for i, tokens in enumerate(docs)))
    db.execute("INSERT INTO passages (passages) VALUES ('optimize')")

    def search(query: list[str]) -> list[int]:
        if not query:
            return []
        match = " OR ".join(f'"{t}"' for t in query)
        rows = db.execute("SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY rank "
                          "LIMIT ?", (match, k))
        return [row[0] for row in rows]
    return search


def okapi_search(docs: list[list[str]], k: int
                 ) -> Callable[[list[str]], tuple[np.ndarray, np.ndarray]]:
    """rank-bm25, the definition of the scores: `get_scores` and a stable sort, returning
    the k best passages and their scores (the benchmark checks the project against them)."""
    from rank_bm25 import BM25Okapi

    oracle = BM25Okapi(docs)

    def search(query: list[str]) -> tuple[np.ndarray, np.ndarray]:
        scores = oracle.get_scores(query)
        best = np.argsort(-scores, kind="stable")[:k]
        return best, scores[best]
    return search
