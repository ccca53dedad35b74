"""The answer gate: a calibrated model of "this answer is right", replacing a hand-set cut.

Gradient-boosted decision trees over bot.answers.features (bot.evaluation.boosting), fitted
with cross-validation on the project's labelled questions by `python -m bot eval --fit
FILES…`, which writes the trees and the decision threshold to gate.json beside this file. The
trees are data: refit after the corpus, the bank or the features change (the README says how).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers.features import FEATURES

GATE_FILE = Path(__file__).with_name("gate.json")


@dataclass(frozen=True)
class Tree:
    """One tree, node by node: at node i, go to left[i] when the feature[i]-th value is
    below cut[i], else to right[i]; a node with feature −1 is a leaf worth value[i]."""

    feature: tuple[int, ...]
    cut: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf(self, values: list[float]) -> float:
        at = 0
        while (j := self.feature[at]) >= 0:
            at = self.left[at] if values[j] < self.cut[at] else self.right[at]
        return self.value[at]


@dataclass(frozen=True)
class Gate:
    """sigmoid(base + the trees' leaves for the features) ≥ threshold: answer."""

    features: tuple[str, ...]
    base: float
    trees: tuple[Tree, ...]
    threshold: float
    report: dict[str, object] = field(default_factory=dict)

    def probability(self, values: list[float]) -> float:
        if len(values) != len(self.features):
            raise ValueError(f"{len(values)} feature values for a gate of "
                             f"{len(self.features)} features")
        z = self.base + sum(tree.leaf(values) for tree in self.trees)
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, object]:
        return {"features": list(self.features), "base": self.base,
                "trees": [[list(t.feature), list(t.cut), list(t.left), list(t.right),
                           list(t.value)] for t in self.trees],
                "threshold": self.threshold, "report": self.report}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Gate:
        """Raises ValueError, KeyError or TypeError for a file that is not a gate."""
        features = tuple(str(f) for f in data["features"])  # type: ignore[attr-defined]
        trees = []
        for feature, cut, left, right, value in data["trees"]:  # type: ignore[attr-defined]
            tree = Tree(tuple(map(int, feature)), tuple(map(float, cut)),
                        tuple(map(int, left)), tuple(map(int, right)),
                        tuple(map(float, value)))
            if not _well_formed(tree, len(features)):
                raise ValueError("a tree of the gate is malformed")
            trees.append(tree)
        return cls(features, float(data["base"]), tuple(trees),  # type: ignore[arg-type]
                   float(data["threshold"]),  # type: ignore[arg-type]
                   dict(data.get("report") or {}))  # type: ignore[call-overload]


def _well_formed(tree: Tree, features: int) -> bool:
    """Columns of one length, features that exist, and children after their node (so every
    walk ends at a leaf)."""
    size = len(tree.feature)
    return bool(size) and all(len(c) == size for c in (tree.cut, tree.left, tree.right,
                                                       tree.value)) and all(
        j == -1 or (0 <= j < features and at < tree.left[at] < size
                    and at < tree.right[at] < size)
        for at, j in enumerate(tree.feature))


# accepts every answer: used while fitting
OPEN = Gate(FEATURES, 0.0, (), 0.0, {"fitted": False})


def load_gate(path: Path = GATE_FILE) -> Gate | None:
    """The fitted gate, or None when there is none for these features (then the hand-set
    coverage threshold alone decides)."""
    try:
        gate = Gate.from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return gate if gate.features == FEATURES else None
