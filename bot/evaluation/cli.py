"""`eval`: per-question results and a summary table next to the plain-BM25 baseline."""

from __future__ import annotations

import argparse

from bot.answers import AnswerEngine
from bot.cli import UsageError
from bot.commands.common import open_index
from bot.evaluation.baseline import Baseline
from bot.evaluation.questions import QuestionFileError, load_questions
from bot.evaluation.report import breakdown, evaluate, table
from bot.settings import REPO, Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:  # every file is checked before the index is loaded: a typo fails fast
        sets = [(path, load_questions(path)) for path in args.files]
    except QuestionFileError as exc:
        raise UsageError(str(exc)) from None
    index = open_index(settings)
    if index is None:
        return 1
    if args.fit:
        import json

        from bot.evaluation.fit import fit, print_report

        targets = json.loads((REPO / "eval" / "targets.json").read_text("utf-8"))
        floors = {str(p): targets.get(p.as_posix(), targets.get(str(p), {}))
                  for p in args.files}
        print_report(fit(index, {str(p): questions for p, questions in sets},
                         {k: v for k, v in floors.items() if isinstance(v, dict)}))
        print("wrote bot/answers/gate.json")
        return 0
    engine = AnswerEngine(index)
    baseline = Baseline(index.passages)
    for path, questions in sets:
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
    return 0
