"""Gradient-boosted decision trees for the answer gate (bot.answers.gate), in numpy.

Logistic regression weighs each feature the same way everywhere: a gap margin of 0.1 counts
as much when the question is close to both a known gap and a bank question as when it is
close to neither, and a missing word as much in a three-word question as in a story. Shallow
trees boosted on the log loss learn where a feature matters (Friedman 2001; the second-order
split gain of XGBoost, Chen & Guestrin 2016). Splits are searched on each feature's quantile
bins, so a fit on the project's six thousand questions takes seconds; the learning rate is
folded into the leaves, so the gate only adds leaf values.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bot.answers.gate import Tree

TREES = 300
LEARNING_RATE = 0.05
DEPTH = 3  # splits from the root to a leaf
MIN_LEAF = 20  # questions a leaf holds at least
BINS = 32  # candidate cuts per feature: its quantiles
L2 = 1.0  # added to the hessian sum of a leaf: shrinks small leaves

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


def boost(x: Floats, y: Floats) -> tuple[float, list[Tree]]:
    """The base log odds and the trees, fitted to labels `y` (0 or 1) of rows `x` (no trees
    for no rows)."""
    if not len(y):
        return 0.0, []
    cuts = [np.unique(np.quantile(column, np.linspace(0, 1, BINS + 1)[1:-1]))
            for column in x.T]
    # bin b of a value: the number of cuts at or below it, so bin ≤ k ⟺ value < cuts[k]
    bins = np.stack([np.searchsorted(c, column, side="right") for c, column in zip(
        cuts, x.T, strict=True)], axis=1).astype(np.int64)
    share = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    base = float(np.log(share / (1 - share)))
    margin = np.full(len(y), base)
    trees = []
    for _ in range(TREES):
        p = 1 / (1 + np.exp(-margin))
        tree = _grow(bins, cuts, p - y, p * (1 - p))
        margin += _route(tree, x)
        trees.append(tree)
    return base, trees


def _grow(bins: Ints, cuts: list[Floats], gradient: Floats, hessian: Floats) -> Tree:
    """One tree, grown depth first: each node split where the gain is largest, its leaves
    worth the learning rate times the Newton step for their rows."""
    feature: list[int] = []
    cut: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []

    def node(rows: Ints, depth: int) -> int:
        at = len(feature)
        for column in (feature, left, right):
            column.append(-1)
        cut.append(0.0)
        g, h = float(gradient[rows].sum()), float(hessian[rows].sum())
        value.append(-LEARNING_RATE * g / (h + L2))
        best = _best_split(bins, rows, gradient, hessian, g, h) if depth < DEPTH else None
        if best is None:
            return at
        j, k = best
        below = bins[rows, j] <= k
        feature[at], cut[at] = j, float(cuts[j][k])
        left[at] = node(rows[below], depth + 1)
        right[at] = node(rows[~below], depth + 1)
        return at

    node(np.arange(len(gradient)), 0)
    return Tree(tuple(feature), tuple(cut), tuple(left), tuple(right), tuple(value))


def _best_split(bins: Ints, rows: Ints, gradient: Floats, hessian: Floats, g: float,
                h: float) -> tuple[int, int] | None:
    """(feature, bin) of the split with the largest gain, None when no split gains."""
    if len(rows) < 2 * MIN_LEAF:
        return None
    best, found = 0.0, None
    whole = g * g / (h + L2)
    size = BINS + 1
    g_rows, h_rows = gradient[rows], hessian[rows]
    for j in range(bins.shape[1]):
        b = bins[rows, j]
        g_left = np.cumsum(np.bincount(b, g_rows, minlength=size))[:-1]
        h_left = np.cumsum(np.bincount(b, h_rows, minlength=size))[:-1]
        n_left = np.cumsum(np.bincount(b, minlength=size))[:-1]
        allowed = (n_left >= MIN_LEAF) & (len(rows) - n_left >= MIN_LEAF)
        if not allowed.any():
            continue
        gain = (g_left ** 2 / (h_left + L2) + (g - g_left) ** 2 / (h - h_left + L2) - whole)
        gain[~allowed] = -np.inf
        k = int(np.argmax(gain))
        if gain[k] > best:
            best, found = float(gain[k]), (j, k)
    return found


def _route(tree: Tree, x: Floats) -> Floats:
    """Each row's leaf value, all rows at once."""
    out = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        at, rows = stack.pop()
        j = tree.feature[at]
        if j < 0:
            out[rows] = tree.value[at]
            continue
        below = x[rows, j] < tree.cut[at]
        stack += [(tree.left[at], rows[below]), (tree.right[at], rows[~below])]
    return out
