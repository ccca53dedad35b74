"""`eval`: per-question results and a summary table next to the plain-BM25 baseline."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.answers import AnswerEngine
from bot.cli import UsageError
from bot.commands.common import open_index
from bot.evaluation.baseline import Baseline
from bot.evaluation.questions import QuestionFileError, load_questions
from bot.evaluation.report import breakdown, evaluate, table
from bot.settings import REPO, Settings

TARGETS = REPO / "eval" / "targets.json"


def target_key(path: Path) -> str:
    """The name eval/targets.json gives a question file: its path from the project folder
    ("eval/dev.jsonl"), wherever the command is run from; a file outside the project keeps
    the path it was given."""
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return path.as_posix()


def committed_floors(files: list[Path]) -> dict[Path, dict[str, float]]:
    """The floors eval/targets.json commits for those of `files` it names."""
    targets = json.loads(TARGETS.read_text("utf-8"))
    found = {path: targets.get(target_key(path)) for path in files}
    return {path: floor for path, floor in found.items() if isinstance(floor, dict)}


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:  # every file is checked before the index is loaded: a typo fails fast
        sets = [(path, load_questions(path)) for path in args.files]
    except QuestionFileError as exc:
        raise UsageError(str(exc)) from None
    index = open_index(settings)
    if index is None:
        return 1
    if args.fit:
        from bot.evaluation.fit import fit, print_report

        floors = committed_floors(args.files)
        print_report(fit(index, {str(p): questions for p, questions in sets},
                         {str(p): floors[p] for p in args.files if p in floors}))
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
