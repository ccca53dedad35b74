"""How `eval --fit` chooses the gate's threshold (bot.evaluation.fit.choose_threshold)."""

from __future__ import annotations

from pathlib import Path

from bot.answers.features import FEATURES
from bot.answers.gate import load_gate
from bot.evaluation.fit import MAX_LOSS, THRESHOLDS, choose_threshold, fit
from bot.evaluation.questions import load_questions
from indexer.index import SearchIndex
from tests.conftest import REPO

# threshold → (right, declined), cross-validated; the open gate is right on 0.95
TABLE = {0.3: (0.94, 0.80), 0.5: (0.93, 0.88), 0.6: (0.92, 0.90), 0.7: (0.95 - MAX_LOSS - 0.01,
                                                                     0.97)}


def test_the_best_threshold_that_keeps_every_floor_is_taken() -> None:
    """0.6 has the most right + declined among those within MAX_LOSS; 0.7 declines more but
    costs too many right answers."""
    assert choose_threshold(TABLE, 0.95, {}) == 0.6
    # a threshold that leaves a set below its floor is passed over for one that does not
    assert choose_threshold(TABLE, 0.95, {0.6: ["eval/holdout9.jsonl"]}) == 0.5


def test_without_a_threshold_that_keeps_every_floor_the_fewest_sets_below_decide() -> None:
    """Not the lowest threshold (which declines the fewest near misses) by default."""
    below = {0.3: ["a", "b", "c"], 0.5: ["a", "b"], 0.6: ["a"], 0.7: []}
    assert choose_threshold(TABLE, 0.95, below) == 0.6
    below[0.5] = ["b"]
    assert choose_threshold(TABLE, 0.95, below) == 0.6  # a tie on the count: the better sum


def test_a_refit_writes_a_gate_and_names_the_sets_it_leaves_below(
        real_index: SearchIndex, tmp_path: Path) -> None:
    """`eval --fit` on a few labelled sets: the gate file it writes loads for today's
    features with its cross-validated table, and a floor no threshold can reach is reported
    by the set's name instead of being passed over in silence."""
    dev = load_questions(REPO / "eval/dev.jsonl")
    regression = load_questions(REPO / "eval/questions.jsonl")[:120]
    out = tmp_path / "gate.json"
    gate = fit(real_index, {"dev": dev, "regression": regression},
               {"dev": {"correct": 1.01}}, out=out)
    assert load_gate(out) == gate and gate.features == FEATURES
    assert set(gate.report["cv"]) == {str(t) for t in THRESHOLDS}  # type: ignore[arg-type]
    assert gate.report["below_floors"] == ["dev"]
    # not the lowest threshold by default: the one with the most right plus declined
    cv = {float(t): r["correct"] + r["declined"]
          for t, r in gate.report["cv"].items()}  # type: ignore[attr-defined]
    right = {float(t): r["correct"] for t, r in gate.report["cv"].items()}  # type: ignore[attr-defined]
    open_right = gate.report["without_gate"]["correct"]  # type: ignore[index]
    within = [t for t in cv if right[t] >= open_right - MAX_LOSS - 1e-4]
    assert gate.threshold in within and cv[gate.threshold] >= max(cv[t] for t in within) - 1e-3
