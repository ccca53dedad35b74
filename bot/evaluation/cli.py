"""`eval`: per-question results and a summary table next to the plain-BM25 baseline."""

from __future__ import annotations

import argparse
import sys

from bot.answers import AnswerEngine, params
from bot.commands.common import open_index
from bot.evaluation.baseline import Baseline
from bot.evaluation.questions import load_questions
from bot.evaluation.report import breakdown, evaluate, summarise, table


def run(args: argparse.Namespace) -> int:
    index = open_index(args)
    if index is None:
        return 1
    engine = AnswerEngine(index)
    baseline = Baseline(index.passages)
    for path in args.files:
        questions = load_questions(path)
        outcomes = evaluate(engine, baseline, questions)
        print(f"== {path} ({len(questions)} questions)")
        if not args.quiet:
            for o in outcomes:
                mark = "ok " if o.correct else "BAD"
                lang = "" if o.in_language else " [wrong language]"
                shown = "(declined)" if o.abstained else o.answer[:110]
                print(f"{mark} {o.question.id:<14} {o.question.question[:60]:<60} → {shown}{lang}")
        print(table(breakdown(outcomes)))
        print()
    if args.sweep:
        _sweep(engine, [q for p in args.files for q in load_questions(p)])
    return 0


def _sweep(engine: AnswerEngine, questions: list) -> None:
    """Correct and declined shares for a grid of abstention thresholds."""
    original = params.MIN_COVERAGE
    print("MIN_COVERAGE  correct  declined")
    try:
        for value in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
            params.MIN_COVERAGE = value
            s = summarise(str(value), evaluate(engine, None, questions))
            print(f"{value:>12.2f}  {100 * s.correct:6.1f}%  {100 * (s.declined or 0):7.1f}%")
    finally:
        params.MIN_COVERAGE = original
    sys.stdout.flush()
