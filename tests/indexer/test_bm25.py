"""The inverted index scores exactly like rank-bm25's BM25Okapi."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from indexer import topk
from indexer.bm25 import BM25Index, BM25Params, term_maxima


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


def expected_top(oracle: BM25Okapi, docs: list[list[str]], query: list[str], k: int
                 ) -> list[tuple[int, float]]:
    """The top k by sorting rank-bm25's scores over the passages holding a query term."""
    scores = oracle.get_scores(query)
    holding = [d for d, doc in enumerate(docs) if set(query) & set(doc)]
    ranked = sorted(holding, key=lambda d: (-scores[d], d))[:k]
    return [(d, float(scores[d])) for d in ranked]


@pytest.mark.parametrize("block", [64, 1024])
def test_top_ten_identical_to_bm25okapi_across_blocks(monkeypatch: pytest.MonkeyPatch,
                                                      block: int) -> None:
    """Scored a small block at a time and cut back often, top() still returns exactly the
    passages and scores of sorting BM25Okapi's."""
    monkeypatch.setattr("indexer.topk.BLOCK", block)
    monkeypatch.setattr("indexer.topk.POOL", 16)
    docs = synthetic(5_000, seed=21)
    oracle = BM25Okapi(docs)
    index = BM25Index.build(docs)
    rng = random.Random(8)
    for _ in range(40):
        query = [f"w{rng.choice([0, 1, 2, 5, 9, 40, 300, 1200, 2999])}"
                 for _ in range(rng.randint(1, 8))]
        assert index.top(query, 10) == expected_top(oracle, docs, query, 10)


def test_top_keeps_passages_whose_terms_weigh_nothing() -> None:
    """A term in most passages has idf 0 without the epsilon floor: the passages holding it
    are still found (with score 0), as sorting BM25Okapi's scores finds them."""
    docs = [["common"]] * 8 + [["common", "rare"], ["other"]]
    oracle = BM25Okapi(docs, epsilon=0.0)
    index = BM25Index.build(docs, BM25Params(epsilon=0.0))
    assert index.top(["common"], 3) == expected_top(oracle, docs, ["common"], 3)
    assert index.top(["rare", "common"], 20) == expected_top(oracle, docs, ["rare", "common"], 20)


def test_chunked_build_equals_building_in_memory(tmp_path: Path) -> None:
    """Postings spilled to disk in many small chunks and merged a few terms at a time give
    the same arrays, and so scores identical to BM25Okapi's."""
    docs = synthetic(3_000, seed=4)
    whole = BM25Index.build(docs)
    chunked = BM25Index.build(iter(docs), spill=tmp_path, chunk_postings=500)
    assert np.diff(whole.indptr).max() > 500  # a term merged a chunk at a time, too
    assert chunked.vocabulary == whole.vocabulary
    for name in ("indptr", "doc_ids", "weights", "doc_len", "idf", "max_weight"):
        assert np.array_equal(getattr(chunked, name), getattr(whole, name)), name
    assert np.array_equal(chunked.max_weight, term_maxima(whole.indptr, whole.weights))
    query = ["w0", "w7", "w7", "w2500"]
    assert np.array_equal(chunked.scores(query), BM25Okapi(docs).get_scores(query))


def skewed(n_docs: int, seed: int, copies: int = 0) -> list[list[str]]:
    """Passages whose words follow a steep Zipf law (a few words in nearly every passage, as
    in the benchmark's queries), some of them repeated word for word, so that scores tie."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(400)]
    weights = [1 / (i + 1) ** 1.3 for i in range(len(vocabulary))]
    docs = [rng.choices(vocabulary, weights, k=rng.randint(1, 40)) for _ in range(n_docs)]
    for _ in range(copies):  # the same passage again, further on: the same score, a later id
        docs[rng.randrange(n_docs)] = list(docs[rng.randrange(n_docs)])
    return docs


@pytest.mark.parametrize("k", [1, 10, 50])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_skipping_terms_keeps_the_exact_top_k(monkeypatch: pytest.MonkeyPatch, k: int,
                                              seed: int) -> None:
    """With small blocks the search skips the postings of common terms (MaxScore) in most
    blocks; the top k are still exactly BM25Okapi's passages, scores and tie order."""
    monkeypatch.setattr("indexer.topk.BLOCK", 256)
    monkeypatch.setattr("indexer.topk.POOL", 64)
    looked_up = []
    look_up = topk.look_up

    def counting(*args: Any, **kwargs: Any) -> Any:
        looked_up.append(1)
        return look_up(*args, **kwargs)
    monkeypatch.setattr("indexer.topk.look_up", counting)
    docs = skewed(6_000, seed, copies=600)
    oracle = BM25Okapi(docs)
    index = BM25Index.build(docs)
    rng = random.Random(seed)
    for _ in range(25):
        common = [f"w{rng.randrange(8)}" for _ in range(rng.randint(1, 6))]
        rare = [f"w{rng.randrange(8, 400)}" for _ in range(rng.randint(0, 8))]
        query = rng.sample(common + rare, len(common) + len(rare))
        query += rng.sample(query, min(2, len(query)))  # repeated terms count twice
        assert index.top(query, k) == expected_top(oracle, docs, query, k), query
    assert len(looked_up) > 100  # the skipping path ran, in many blocks


def test_ties_at_the_kth_score_keep_the_lowest_ids_across_blocks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Passages tied with the k-th best in later blocks, after terms were skipped, lose to
    the earlier ones, as when sorting BM25Okapi's scores."""
    monkeypatch.setattr("indexer.topk.BLOCK", 128)
    rng = random.Random(4)
    docs = [["common"] * rng.randint(1, 3) + ["filler"] * rng.randint(0, 5)
            for _ in range(3_000)]
    for d in range(0, 3_000, 97):  # the same strong passage in many blocks
        docs[d] = ["rare", "rare", "common", "filler"]
    oracle = BM25Okapi(docs)
    index = BM25Index.build(docs)
    for k in (1, 10, 31, 50):
        for query in (["rare", "common"], ["common", "rare", "filler"], ["filler", "rare"]):
            assert index.top(query, k) == expected_top(oracle, docs, query, k), (query, k)


def test_a_term_is_never_skipped_where_it_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    """A common term whose bound alone exceeds what the rare terms leave to gain is added,
    not skipped: passages holding only it at a high frequency still rank."""
    monkeypatch.setattr("indexer.topk.BLOCK", 64)
    docs = [["a", "b"] for _ in range(2_000)] + [["a"] * 30] * 5 + [["r"]] * 3
    docs += [["a", "b"] for _ in range(2_000)]
    oracle = BM25Okapi(docs)
    index = BM25Index.build(docs)
    for k in (1, 3, 8, 12):
        assert index.top(["r", "a", "b"], k) == expected_top(oracle, docs, ["r", "a", "b"], k)
