"""Stage 4, gate: a calibrated model of "this candidate answers the question".

Logistic regression over the features of bot.answers.retrieve, fitted with cross-validation on
the project's labelled questions by `python -m bot eval --fit`, which writes its weights and the
decision threshold to gate.json beside this file. The weights are data: refit after the corpus,
the bank or the features change.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from bot.answers.retrieve import FEATURES

GATE_FILE = Path(__file__).with_name("gate.json")


@dataclass(frozen=True)
class Logistic:
    """sigmoid(bias + weights · standardized features)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def __call__(self, values: list[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s
                            in zip(self.weights, values, self.mean, self.scale, strict=True))
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, object]:
        return {"mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights), "bias": self.bias}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Logistic:
        return cls(tuple(data["mean"]), tuple(data["scale"]),  # type: ignore[arg-type]
                   tuple(data["weights"]), float(data["bias"]))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Gate:
    """Two models over the same features: `rank` orders a question's candidates (fitted on
    answerable questions: which candidate's answer is right), `accept` decides whether the
    chosen one is good enough (fitted on every question: is the chosen answer right)."""

    features: tuple[str, ...]
    rank: Logistic
    accept: Logistic
    threshold: float
    report: dict[str, object]

    def ranking(self, values: list[float]) -> float:
        return self.rank(values)

    def probability(self, values: list[float]) -> float:
        return self.accept(values)

    def to_json(self) -> dict[str, object]:
        return {"features": list(self.features), "rank": self.rank.to_json(),
                "accept": self.accept.to_json(), "threshold": self.threshold,
                "report": self.report}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Gate:
        return cls(tuple(data["features"]),  # type: ignore[arg-type]
                   Logistic.from_json(data["rank"]),  # type: ignore[arg-type]
                   Logistic.from_json(data["accept"]),  # type: ignore[arg-type]
                   float(data["threshold"]), dict(data.get("report") or {}))  # type: ignore[arg-type]


def prior() -> Gate:
    """Before any fit: coverage of the question by text or bank decides, as the old
    hand-set rule did (60% coverage)."""
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("union_coverage")] = 10.0
    weights[FEATURES.index("datum_missing")] = -10.0
    weights[FEATURES.index("stale")] = -10.0
    weights[FEATURES.index("place_missing")] = -10.0
    zero, one = tuple([0.0] * len(FEATURES)), tuple([1.0] * len(FEATURES))
    model = Logistic(zero, one, tuple(weights), -6.0)
    return Gate(FEATURES, model, model, 0.5, {"fitted": False})


def load_gate(path: Path = GATE_FILE) -> Gate:
    """The fitted gate, or the prior when none was fitted for these features."""
    try:
        gate = Gate.from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return prior()
    return gate if gate.features == FEATURES else prior()
