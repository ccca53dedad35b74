"""`ask`: answer one question, or a JSONL batch, from the terminal."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.answers import AnswerEngine
from bot.answers.render import to_json, to_text
from bot.cli import UsageError
from bot.commands.common import open_index


def run(args: argparse.Namespace) -> int:
    if args.batch is None:
        if args.question is None or not args.question.strip():
            raise UsageError("the question is empty; try: python -m bot ask \"When was the "
                             "partnership founded?\"")
    elif args.question is not None:
        raise UsageError("give either a question or --batch FILE, not both")
    elif not args.json:
        raise UsageError("--batch needs --json")
    batch = _read_batch(args.batch) if args.batch else None
    index = open_index(args)
    if index is None:
        return 1
    engine = AnswerEngine(index)
    if batch is None:
        answer = engine.ask(args.question, language=args.language)
        if args.json:
            print(json.dumps(to_json(answer), ensure_ascii=False))
        else:
            print(to_text(answer, index.corpus_date))
        return 0
    for row in batch:
        answer = engine.ask(str(row.get("question", "")), language=row.get("language")
                            or args.language)
        print(json.dumps(to_json(answer, row.get("id")), ensure_ascii=False), flush=True)
    return 0


def _read_batch(path: Path) -> list[dict[str, object]]:
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise UsageError(f"{path}:{number}: needs an object with a 'question' string")
        if row.get("language") not in (None, "en", "id", "de"):
            raise UsageError(f"{path}:{number}: language must be en, id or de")
        rows.append(row)
    return rows
