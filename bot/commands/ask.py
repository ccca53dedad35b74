"""`ask`: answer one question, or a JSONL batch, from the terminal.

Whatever bytes come in, every row gets an answer line: undecodable bytes and lone surrogates
become U+FFFD (with a warning naming the line), and output is encoded safely.

A batch line is `{"question": …, "id"?: …, "lang"?: "en"|"id"|"de"}` (`language` is accepted
for `lang`); other fields are ignored, so an eval file (docs/eval-format.md) is a valid batch.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from bot.answers import MAX_QUESTION_CHARS, AnswerEngine, clean_question
from bot.answers.render import to_json, to_text
from bot.cli import UsageError
from bot.commands.common import open_index
from bot.settings import Settings
from bot.text import safe_text

log = logging.getLogger(__name__)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.batch is None:
        if args.question is None or not args.question.strip():
            raise UsageError("the question is empty; try: python -m bot ask \"When was the "
                             "partnership founded?\"")
        length = len(clean_question(safe_text(args.question)))
        if length > MAX_QUESTION_CHARS:
            raise UsageError(f"the question is {length:,} characters long; ask in at most "
                             f"{MAX_QUESTION_CHARS} characters")
    elif args.question is not None:
        raise UsageError("give either a question or --batch FILE, not both")
    elif not args.json:
        raise UsageError("--batch needs --json")
    batch = _read_batch(args.batch) if args.batch else None
    index = open_index(settings)
    if index is None:
        return 1
    engine = AnswerEngine(index)
    if batch is None:
        answer = engine.ask(safe_text(args.question), language=args.language)
        if args.json:
            print(_dumps(to_json(answer)))
        else:
            print(safe_text(to_text(answer, index.corpus_date, sources=index.sources)))
        return 0
    for number, row in batch:
        question = safe_text(str(row.get("question", "")))
        try:
            answer = engine.ask(question, language=row.get("lang") or args.language)
        except Exception as exc:  # one bad row must not cost the rows after it
            log.exception("%s:%d: could not answer", args.batch, number)
            print(_dumps({"id": row.get("id"), "question": question, "error": str(exc)}),
                  flush=True)
            continue
        print(_dumps(to_json(answer, row.get("id"))), flush=True)
    return 0


def _dumps(data: dict[str, object]) -> str:
    """One JSON line; non-ASCII kept as is where stdout can carry it."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    return safe_text(json.dumps(data, ensure_ascii=not utf8))


def _read_batch(path: Path) -> list[tuple[int, dict[str, object]]]:
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    rows = []
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            print(f"warning: {path}:{number}: not valid UTF-8; undecodable bytes are read as "
                  "U+FFFD", file=sys.stderr)
            line = raw.decode("utf-8", "replace")
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise UsageError(f"{path}:{number}: not JSON ({getattr(exc, 'msg', exc)})") from None
        if not isinstance(row, dict) or not isinstance(row.get("question"), str):
            raise UsageError(f"{path}:{number}: needs an object with a 'question' string")
        # 'language' is the older name of 'lang'
        if "language" in row and row.setdefault("lang", row["language"]) != row["language"]:
            raise UsageError(f"{path}:{number}: 'lang' and 'language' disagree")
        if row.get("lang") not in (None, "en", "id", "de"):
            raise UsageError(f"{path}:{number}: lang must be en, id or de")
        rows.append((number, row))
    return rows
