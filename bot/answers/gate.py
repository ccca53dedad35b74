"""The answer gate: a calibrated model of "this answer is right", replacing a hand-set cut.

Logistic regression over bot.answers.features, fitted with cross-validation on the project's
labelled questions by `python -m bot eval --fit FILES…`, which writes the weights and the
decision threshold to gate.json beside this file. The weights are data: refit after the
corpus, the bank or the features change (the README says how).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers.features import FEATURES

GATE_FILE = Path(__file__).with_name("gate.json")


@dataclass(frozen=True)
class Gate:
    """sigmoid(bias + weights · standardized features) ≥ threshold: answer."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    report: dict[str, object] = field(default_factory=dict)

    def probability(self, values: list[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s
                            in zip(self.weights, values, self.mean, self.scale, strict=True))
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, object]:
        return {"features": list(self.features), "mean": list(self.mean),
                "scale": list(self.scale), "weights": list(self.weights), "bias": self.bias,
                "threshold": self.threshold, "report": self.report}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Gate:
        return cls(tuple(data["features"]), tuple(data["mean"]),  # type: ignore[arg-type]
                   tuple(data["scale"]), tuple(data["weights"]),  # type: ignore[arg-type]
                   float(data["bias"]), float(data["threshold"]),  # type: ignore[arg-type]
                   dict(data.get("report") or {}))  # type: ignore[call-overload]


OPEN = Gate(FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), (0.0,) * len(FEATURES),
            0.0, 0.0, {"fitted": False})  # accepts every answer: used while fitting


def load_gate(path: Path = GATE_FILE) -> Gate | None:
    """The fitted gate, or None when there is none for these features (then the hand-set
    coverage threshold alone decides)."""
    try:
        gate = Gate.from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return gate if gate.features == FEATURES else None
