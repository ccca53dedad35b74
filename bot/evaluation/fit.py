"""`eval --fit`: fit the answer gate on labelled questions, with cross-validation.

Every question yields the gate's candidates, each labelled by whether the answer composed from
it alone passes the question's expectations (a near miss labels all of them 0). A logistic
regression (numpy, Newton's method, L2) is fitted on standardized features; 5-fold
cross-validation, folds by question, measures what it would do on unseen questions, and the
threshold is chosen on the cross-validated predictions: the most right answers among those
that decline at least DECLINE_TARGET of the near misses.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.answers import AnswerEngine
from bot.answers.conversation import clean, is_noise, separate
from bot.answers.gate import GATE_FILE, Gate, Logistic
from bot.answers.retrieve import FEATURES
from bot.evaluation.questions import EvalQuestion

DECLINE_TARGET = 0.97
L2 = 1.0
FOLDS = 5
THRESHOLDS = tuple(round(0.05 * n, 2) for n in range(1, 20))
LABELLED = 24  # candidates labelled per question, by coverage
UNION = FEATURES.index("union_coverage")


@dataclass
class Example:
    question: EvalQuestion
    features: npt.NDArray[np.float64]  # candidates × features
    labels: npt.NDArray[np.float64]
    in_language: npt.NDArray[np.bool_]


def collect(engine: AnswerEngine, questions: list[EvalQuestion]) -> list[Example]:
    examples = []
    for q in questions:
        talk = separate(clean(q.question))
        if talk.is_small_talk or is_noise(talk.question):
            continue
        analysis = engine.analyze(talk.question, None, talk.language or "en")
        if not analysis.query.words:
            continue
        ranked = sorted(engine.retriever.candidates(analysis),
                        key=lambda c: (-c.features[UNION], -c.text_score, c.row))[:LABELLED]
        if not ranked:
            continue
        labels = []
        for cand in ranked:
            answer = None if q.expect_abstain else engine.compose(q.question, analysis, cand)
            labels.append(float(answer is not None and q.passes(answer.text, False)))
        examples.append(Example(q, np.array([c.features for c in ranked], dtype=np.float64),
                                np.array(labels),
                                np.array([c.passage.language == q.lang for c in ranked])))
    return examples


def logistic(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], l2: float = L2
             ) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and bias of an L2-regularised logistic regression (Newton's method)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(design @ w, -50, 50)))
        grad = design.T @ (p - y) + penalty * w
        hess = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], float(w[-1])


def _standardize(x: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64],
                                                       npt.NDArray[np.float64]]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def _logistic(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> Logistic:
    mean, scale = _standardize(x)
    w, b = logistic((x - mean) / scale, y)
    return Logistic(tuple(map(float, mean)), tuple(map(float, scale)), tuple(map(float, w)), b)


def _predict(model: Logistic, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    z = ((x - np.array(model.mean)) / np.array(model.scale)) @ np.array(model.weights)
    return 1 / (1 + np.exp(-np.clip(z + model.bias, -50, 50)))


def _fit(examples: list[Example]) -> tuple[Logistic, Logistic]:
    """The ranker (on answerable questions' candidates), then the acceptor (on the
    candidate the ranker picks for every question)."""
    answerable = [e for e in examples if not e.question.expect_abstain and e.labels.max() > 0]
    rank = _logistic(np.vstack([e.features for e in answerable]),
                     np.concatenate([e.labels for e in answerable]))
    chosen = [_decide(e, _predict(rank, e.features))[0] for e in examples]
    accept = _logistic(np.array([e.features[i] for e, i in zip(examples, chosen, strict=True)]),
                       np.array([e.labels[i] for e, i in zip(examples, chosen, strict=True)]))
    return rank, accept


def _decide(example: Example, rank: npt.NDArray[np.float64]) -> tuple[int, float]:
    """The candidate the engine would pick: the best ranked, or the best in the asker's
    language when it ranks nearly as high (mirrors AnswerEngine._in_language)."""
    from bot.answers.params import PARAMS

    best = int(np.argmax(rank))
    own = [i for i in np.argsort(-rank) if example.in_language[i]]
    if (not example.in_language[best] and own
            and rank[own[0]] >= rank[best] - PARAMS.own_language_margin):
        best = int(own[0])
    return best, float(rank[best])


def _scores(examples: list[Example], picks: list[tuple[int, float]], threshold: float
            ) -> tuple[float, float]:
    right = [e.labels[i] > 0 and p >= threshold for e, (i, p) in zip(examples, picks, strict=True)
             if not e.question.expect_abstain]
    declined = [p < threshold for e, (_, p) in zip(examples, picks, strict=True)
                if e.question.expect_abstain]
    return (sum(right) / len(right) if right else 0.0,
            sum(declined) / len(declined) if declined else 1.0)


def fit(engine: AnswerEngine, questions: list[EvalQuestion], out: Path = GATE_FILE) -> Gate:
    examples = collect(engine, questions)
    order = list(range(len(examples)))
    random.Random(1960).shuffle(order)
    picks: list[tuple[int, float]] = [(0, 0.0)] * len(examples)
    for fold in range(FOLDS):
        held = [i for n, i in enumerate(order) if n % FOLDS == fold]
        train = [examples[i] for n, i in enumerate(order) if n % FOLDS != fold]
        rank, accept = _fit(train)
        for i in held:
            chosen, _ = _decide(examples[i], _predict(rank, examples[i].features))
            picks[i] = (chosen, float(_predict(accept, examples[i].features[chosen:chosen + 1])[0]))
    table = {t: _scores(examples, picks, t) for t in THRESHOLDS}
    meeting = [t for t in THRESHOLDS if table[t][1] >= DECLINE_TARGET]
    threshold = (max(meeting, key=lambda t: (table[t][0], -t)) if meeting
                 else max(THRESHOLDS, key=lambda t: (table[t][1], table[t][0])))
    rank, accept = _fit(examples)
    labelled = sum(not e.question.expect_abstain for e in examples)
    report = {"fitted": True, "questions": len(examples), "in_scope": labelled,
              "near_misses": len(examples) - labelled,
              "reachable": round(float(np.mean([e.labels.max() > 0 for e in examples
                                                if not e.question.expect_abstain])), 4),
              "cv": {str(t): {"correct": round(c, 4), "declined": round(d, 4)}
                     for t, (c, d) in table.items()},
              "threshold": threshold}
    gate = Gate(FEATURES, rank, accept, threshold, report)
    out.write_text(json.dumps(gate.to_json(), indent=1) + "\n", "utf-8")
    return gate


def print_report(gate: Gate) -> None:
    r = gate.report
    print(f"fitted on {r['questions']} questions ({r['in_scope']} in scope, "
          f"{r['near_misses']} near misses); an answering candidate exists for "
          f"{100 * float(r['reachable']):.1f}% of the in-scope ones")  # type: ignore[arg-type]
    print("cross-validated (5 folds, by question):")
    print("threshold  correct  near misses declined")
    for t, row in r["cv"].items():  # type: ignore[union-attr]
        mark = "  ←" if float(t) == gate.threshold else ""
        print(f"{float(t):9.2f}  {100 * row['correct']:6.1f}%  {100 * row['declined']:8.1f}%{mark}")
    print("weights (standardized features):   rank  accept")
    for name, r, a in sorted(zip(gate.features, gate.rank.weights, gate.accept.weights,
                                 strict=True), key=lambda item: -abs(item[2])):
        print(f"  {name:<30} {r:+6.2f} {a:+6.2f}")
