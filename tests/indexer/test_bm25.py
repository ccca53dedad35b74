"""The inverted index scores exactly like rank-bm25's BM25Okapi."""

from __future__ import annotations

import random

import numpy as np
from rank_bm25 import BM25Okapi

from indexer.bm25 import BM25Index


def synthetic(n_docs: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(3000)]
    weights = [1 / (i + 1) for i in range(len(vocabulary))]  # Zipf-like: some very common terms
    return [rng.choices(vocabulary, weights, k=rng.randint(3, 60)) for _ in range(n_docs)]


def test_scores_identical_to_bm25okapi_at_10k_passages() -> None:
    docs = synthetic(10_000)
    oracle = BM25Okapi(docs)
    index = BM25Index.build(docs)
    rng = random.Random(1)
    for _ in range(40):
        query = rng.sample(["w0", "w1", "w5", "w50", "w700", "w2999", "missing"], k=4)
        query.append(query[0])  # repeated terms count twice, as in BM25Okapi
        assert np.array_equal(index.scores(query), oracle.get_scores(query))


def test_idf_floor_for_terms_in_most_passages_matches() -> None:
    docs = [["common", f"rare{i}"] for i in range(50)] + [["common"]] * 60
    oracle = BM25Okapi(docs)
    index = BM25Index.build(docs)
    assert np.array_equal(index.scores(["common", "rare3"]), oracle.get_scores(["common", "rare3"]))


def test_top_breaks_ties_by_passage_order() -> None:
    docs = [["a", "b"], ["c"], ["a", "b"], ["a", "b"]]
    index = BM25Index.build(docs)
    assert [i for i, _ in index.top(["a"], 3)] == [0, 2, 3]


def test_unknown_terms_score_nothing() -> None:
    index = BM25Index.build([["a"], ["b"]])
    assert index.top(["zzz"], 5) == []
    assert not index.scores(["zzz"]).any()


def test_containing_reads_each_passages_terms_from_the_postings() -> None:
    docs = synthetic(2_000, seed=11)
    index = BM25Index.build(docs)
    terms = ["w0", "w3", "w40", "w900", "w2999", "missing"]
    passages = [1999, 0, 17, 17, 512, 1000]
    found = index.containing(terms, passages)
    assert found == [set(terms) & set(docs[p]) for p in passages]
    assert index.containing(terms, []) == []


def test_top_k_equals_sorting_all_scores() -> None:
    docs = synthetic(30_000, seed=3)
    index = BM25Index.build(docs)
    rng = random.Random(5)
    for _ in range(30):
        query = [f"w{rng.choice([0, 1, 2, 3, 4, 8, 30, 200, 1500, 2999])}" for _ in range(6)]
        scores = index.scores(query)
        contains = {d for q in set(query) for d in index.doc_ids[
            index.indptr[index.vocabulary[q]]:index.indptr[index.vocabulary[q] + 1]]}
        expected = sorted(((float(scores[d]), int(d)) for d in contains),
                          key=lambda pair: (-pair[0], pair[1]))[:10]
        assert index.top(query, 10) == [(d, s) for s, d in expected]
