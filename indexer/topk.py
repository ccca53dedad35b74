"""The k best passages of a query, a block of passage ids at a time (see `indexer.bm25`).

A block's scores (BLOCK of them, 1 MB) stay in the processor's cache while the block's
postings are added. `theta`, a proven lower bound of the k-th best score, rises from block
to block; the terms whose largest weights (`BM25Index.max_weight`) sum to at most ALPHA of it
are skipped in the next blocks (MaxScore, Turtle & Flood 1995) and looked up only for the
passages the other terms bring within their reach. Every bound carries a margin of SLACK, far
above the rounding of a sum of a few hundred weights, so no passage of the top k is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from indexer.bm25 import BM25Index

Floats = npt.NDArray[np.float64]
DocIds = npt.NDArray[np.int32]

BLOCK = 1 << 17  # passages scored together: 1 MB of scores, inside the L2 cache
POOL = 4096  # candidates kept before they are cut back to those at least the k-th best
ALPHA = 0.55  # skipped terms' bounds sum to at most this share of the k-th best's bound
SLACK = 1e-9  # relative margin on bounds, far above the rounding of a sum of weights


def top_blocks(index: BM25Index, slices: list[tuple[int, int, int]], k: int
               ) -> list[tuple[int, float]]:
    """`BM25Index.top` over more than one block. Terms whose upper bounds (their largest
    weights) sum to at most ALPHA * theta cannot by themselves lift a passage to theta, so
    a block adds only the other (essential) terms' postings, and the passages that could
    still reach theta look the skipped terms up by binary search. Those sums are in another
    order than BM25Okapi's, so the final candidates are then scored again in query order."""
    bounds = [float(index.max_weight[t]) for t, _, _ in slices]
    # the knapsack's order: most postings skipped per unit of bound first
    by_value = sorted(range(len(slices)),
                      key=lambda i: -(slices[i][2] - slices[i][1]) / bounds[i])
    last = int(max(index.doc_ids[end - 1] for _, _, end in slices))
    first = int(min(index.doc_ids[start] for _, start, _ in slices))
    edges = [*range(first - first % BLOCK, last + 1, BLOCK), last + 1]
    keys = np.array(edges, dtype=index.doc_ids.dtype)  # same dtype: no copy to search
    cuts = [(np.searchsorted(index.doc_ids[start:end], keys) + start).tolist()
            for _, start, end in slices]
    block = index._scratch()
    kept_ids: list[DocIds] = []
    kept_scores: list[Floats] = []
    kept, theta, reordered = 0, 0.0, False
    for j in range(len(edges) - 1):
        base, width = edges[j], edges[j + 1] - edges[j]
        present = [i for i, c in enumerate(cuts) if c[j] < c[j + 1]]
        if not present:
            continue
        skipped, rest = set(), 0.0
        if theta > 0:
            for i in by_value:
                if cuts[i][j] < cuts[i][j + 1] and rest + bounds[i] <= ALPHA * theta:
                    skipped.add(i)
                    rest += bounds[i]
        scores = block[:width]
        scores.fill(0.0)
        for i in present:
            if i not in skipped:  # query order, as BM25Okapi adds the terms
                a, b = cuts[i][j], cuts[i][j + 1]
                ids = index.doc_ids[a:b]
                np.add.at(scores, ids - base if base else ids, index.weights[a:b])
        theta = max(theta, floor(scores, k) * (1 - SLACK))  # sums of some terms: lower
        if not skipped:
            chosen = (np.flatnonzero(scores >= theta) if theta > 0
                      else np.flatnonzero(scores > 0))
            ids, values = (chosen + base).astype(index.doc_ids.dtype), scores[chosen]
        else:
            reordered = True
            ids, values = look_up(index, scores, base, j, cuts, bounds, skipped, rest,
                                        theta, k)
        if len(values) >= k:
            theta = max(theta, kth(values, k) * (1 - SLACK))
        keep = values * (1 + SLACK) >= theta
        kept_ids.append(ids[keep])
        kept_scores.append(values[keep])
        kept += len(kept_ids[-1])
        if kept > POOL:
            candidates, values = np.concatenate(kept_ids), np.concatenate(kept_scores)
            theta = max(theta, kth(values, k) * (1 - SLACK))
            keep = values * (1 + SLACK) >= theta
            kept_ids, kept_scores = [candidates[keep]], [values[keep]]
            kept = len(kept_ids[0])
    candidates, values = np.concatenate(kept_ids), np.concatenate(kept_scores)
    if not reordered:
        return best(candidates.astype(np.intp), values, k)
    if len(values) > k:  # only those that may be among the k best, scored exactly
        candidates = candidates[values * (1 + SLACK) >= kth(values, k) * (1 - SLACK)]
    return best(candidates.astype(np.intp), exact(index, slices, candidates), k)

def look_up(index: BM25Index, scores: Floats, base: int, j: int, cuts: list[list[int]],
            bounds: list[float], skipped: set[int], rest: float, theta: float, k: int
            ) -> tuple[DocIds, Floats]:
    """The passages of block j whose essential sums plus the skipped terms' bounds reach
    theta, with the skipped terms' weights added (largest bound first); a passage is
    dropped as soon as what it may still gain cannot lift it to theta."""
    chosen = np.flatnonzero(scores >= theta - rest * (1 + SLACK))
    values = scores[chosen]
    ids = (chosen + base).astype(index.doc_ids.dtype)
    for i in sorted(skipped, key=lambda i: -bounds[i]):
        rest -= bounds[i]
        a, b = cuts[i][j], cuts[i][j + 1]
        at = np.searchsorted(index.doc_ids[a:b], ids)
        np.minimum(at, b - a - 1, out=at)
        at += a
        values = values + np.where(index.doc_ids[at] == ids, index.weights[at], 0.0)
        if len(values) > k:
            theta = max(theta, kth(values, k) * (1 - SLACK))
        keep = (values + max(rest, 0.0)) * (1 + SLACK) >= theta
        ids, values = ids[keep], values[keep]
    return ids, values

def exact(index: BM25Index, slices: list[tuple[int, int, int]], candidates: DocIds
          ) -> Floats:
    """The candidates' (ascending passage ids) scores summed in query order, as
    BM25Okapi sums them."""
    total = np.zeros(len(candidates))
    for _, a, b in slices:
        at = np.searchsorted(index.doc_ids[a:b], candidates)
        np.minimum(at, b - a - 1, out=at)
        at += a
        total += np.where(index.doc_ids[at] == candidates, index.weights[at], 0.0)
    return total


def floor(scores: Floats, k: int) -> float:
    """A lower bound of the k-th best score: the k-th best of the maxima of 8k groups of
    passages (k distinct passages score at least that), found without sorting the block."""
    groups = 8 * k
    width = len(scores) // groups
    if width < 4:
        return 0.0
    maxima = scores[: groups * width].reshape(groups, width).max(axis=1)
    return float(np.partition(maxima, groups - k)[groups - k])


def kth(values: Floats, k: int) -> float:
    """The k-th largest of values (at least k of them)."""
    return float(np.partition(values, len(values) - k)[len(values) - k])


def best(candidates: npt.NDArray[np.intp], scores: Floats, k: int) -> list[tuple[int, float]]:
    """Top k of candidate passages (distinct ids) by score, lower id first on ties."""
    if len(candidates) > k:
        keep = scores >= kth(scores, k)
        candidates, scores = candidates[keep], scores[keep]
    order = np.lexsort((candidates, -scores))[:k]
    return [(int(candidates[i]), float(scores[i])) for i in order]
