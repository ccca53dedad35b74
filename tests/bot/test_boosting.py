"""The answer gate's model: boosted trees (bot.evaluation.boosting, bot.answers.gate)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from bot.answers.features import FEATURES
from bot.answers.gate import Gate, Tree, load_gate
from bot.evaluation.boosting import boost


def _gate(x: np.ndarray, y: np.ndarray) -> Gate:
    base, trees = boost(x, y)
    return Gate(tuple(f"f{j}" for j in range(x.shape[1])), base, tuple(trees), 0.5)


def test_trees_learn_a_feature_that_matters_only_beside_another() -> None:
    """Right when both features are high or both low (a gap margin that counts only when a
    question is close to something): no single weight per feature can say that."""
    rng = np.random.default_rng(1960)
    x = rng.random((2000, 3))
    y = ((x[:, 0] > 0.5) == (x[:, 1] > 0.5)).astype(float)
    gate = _gate(x, y)
    fresh = rng.random((400, 3))
    truth = (fresh[:, 0] > 0.5) == (fresh[:, 1] > 0.5)
    said = np.array([gate.probability(list(row)) >= 0.5 for row in fresh])
    assert (said == truth).mean() > 0.9


def test_labels_that_never_change_give_a_gate_that_never_changes() -> None:
    x = np.random.default_rng(7).random((300, 2))
    gate = _gate(x, np.ones(300))
    assert all(len(tree.feature) == 1 for tree in gate.trees)  # no split gains anything
    assert gate.probability([0.0, 0.0]) == gate.probability([1.0, 1.0]) > 0.99


def test_no_rows_no_trees() -> None:
    assert boost(np.zeros((0, 3)), np.zeros(0)) == (0.0, [])


def test_a_gate_walks_each_tree_to_a_leaf() -> None:
    tree = Tree(feature=(1, -1, -1), cut=(0.5, 0.0, 0.0), left=(1, -1, -1),
                right=(2, -1, -1), value=(0.0, -2.0, 2.0))
    gate = Gate(("a", "b"), 0.5, (tree, tree), 0.5)
    assert gate.probability([9.0, 0.2]) == pytest.approx(1 / (1 + math.exp(3.5)))
    assert gate.probability([9.0, 0.5]) == pytest.approx(1 / (1 + math.exp(-4.5)))
    with pytest.raises(ValueError):
        gate.probability([0.2])


def _write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "gate.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_a_gate_file_loads_as_written_and_a_malformed_one_not_at_all(tmp_path: Path) -> None:
    """A gate file that is not well formed leaves the engine with the hand-set threshold
    instead of walking into a loop or a missing feature."""
    tree = Tree((len(FEATURES) - 1, -1, -1), (0.25, 0.0, 0.0), (1, -1, -1), (2, -1, -1),
                (0.0, -1.0, 1.0))
    gate = Gate(FEATURES, 0.1, (tree,), 0.55, {"questions": 3})
    assert load_gate(_write(tmp_path, gate.to_json())) == gate
    looping = {**gate.to_json(), "trees": [[[0, -1, -1], [0.5, 0, 0], [0, -1, -1],
                                            [2, -1, -1], [0, 1, 2]]]}
    unknown = {**gate.to_json(), "trees": [[[len(FEATURES), -1, -1], [0.5, 0, 0],
                                            [1, -1, -1], [2, -1, -1], [0, 1, 2]]]}
    ragged = {**gate.to_json(), "trees": [[[-1], [0.5, 0], [-1], [-1], [1.0]]]}
    for data in (looping, unknown, ragged, {"features": list(FEATURES)}):
        assert load_gate(_write(tmp_path, data)) is None
