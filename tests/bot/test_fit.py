"""How `eval --fit` chooses the gate's threshold (bot.evaluation.fit.choose_threshold)."""

from __future__ import annotations

from bot.evaluation.fit import MAX_LOSS, choose_threshold

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
