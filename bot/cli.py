"""The `python -m bot` / `sistercity` command line.

    ask "QUESTION" [--language en|id|de] [--json]      one answer
    ask --json --batch FILE                            one JSON answer per input line
    index [--dry-run]                                  validate the corpus and (re)build the index
    programs [--field F] [--status S] [--json]         list program records
    demo                                               sample questions in three languages
    eval FILE… [--fit]                                 score answers / fit the answer gate
    bank passages [--search W] | bank add|gap ANCHOR "Q"
                                                       list anchors; teach an answer or a gap
    feedback export [--csv] | feedback purge           recorded answers and votes
    report --html FILE [--days N]                      charts, declined questions, gaps by topic
    backup FOLDER                                      copy the database and its salt
    doctor [--online]                                  can the bot run here? one line per check
    run | sync                                         the Discord bot (needs DISCORD_TOKEN)

Every command takes --corpus DIR, --index DIR, --database FILE and --env-file FILE; without
them the settings decide (bot/settings.py). Heavy modules are imported per command, so `ask`
starts fast.

Exit status: 0 done; 1 failed (invalid corpus, unusable index or database, a problem found
by doctor); 2 bad usage (arguments, settings, input files, no token); 3 Discord refused the bot
(token, intents); 4 Discord unreachable or the connection failed; 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path

from bot import logs
from bot.settings import Settings, SettingsProblem, load_settings

OK, FAILED, USAGE_ERROR, DISCORD_REFUSED, DISCORD_UNREACHABLE = 0, 1, 2, 3, 4
INTERRUPTED = 130
FLAGS = {"corpus_dir": "--corpus", "index_dir": "--index", "database_path": "--database"}

log = logging.getLogger("bot")


class UsageError(Exception):
    """A mistake in how the command was called: one line to stderr, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", type=Path, help="corpus folder (default: CORPUS_DIR)")
    common.add_argument("--index", type=Path, help="index folder (default: INDEX_DIR)")
    common.add_argument("--database", type=Path, help="SQLite file (default: DATABASE_URL's "
                        "PostgreSQL if set, else DATABASE_PATH)")
    common.add_argument("--env-file", type=Path, help="settings file (default: ./.env, else "
                        "the project's .env)")
    common.add_argument("-v", "--verbose", action="store_true", help="log more")

    parser = argparse.ArgumentParser(prog="sistercity", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", parents=[common], help="answer a question")
    ask.add_argument("question", nargs="?", help="the question (omit with --batch)")
    ask.add_argument("--language", choices=["en", "id", "de"], help="answer in this language")
    ask.add_argument("--json", action="store_true", help="print JSON")
    ask.add_argument("--batch", type=Path, help="JSONL file of {question, id?, lang?}")

    index = sub.add_parser("index", parents=[common], help="validate corpus and build index")
    index.add_argument("--dry-run", action="store_true", help="validate and show the changes only")

    programs = sub.add_parser("programs", parents=[common], help="list program records")
    programs.add_argument("--field", help="e.g. culture, education, trade")
    programs.add_argument("--status", choices=["active", "completed", "proposed", "unknown"])
    programs.add_argument("--json", action="store_true", help="print JSON")

    sub.add_parser("demo", parents=[common], help="answer sample questions in three languages")

    evaluate = sub.add_parser("eval", parents=[common], help="score answers on a question file")
    evaluate.add_argument("files", type=Path, nargs="+", help="JSONL question files")
    evaluate.add_argument("--quiet", action="store_true", help="summary only")
    evaluate.add_argument("--fit", action="store_true",
                          help="fit the answer gate on these files (cross-validated) and "
                               "write bot/answers/gate.json")

    bank = sub.add_parser("bank", parents=[common],
                          help="list passage anchors, or teach a question")
    bank.add_argument("action", choices=["passages", "add", "gap"])
    bank.add_argument("anchor", nargs="?", help="(add, gap) the passage anchor")
    bank.add_argument("question", nargs="?", help="(add) the question it answers; (gap) a "
                      "question about its subject the corpus does not answer")
    bank.add_argument("--language", choices=["en", "id", "de"], help="(passages) only this one")
    bank.add_argument("--search", help="(passages) only those containing these words")

    feedback = sub.add_parser("feedback", parents=[common], help="recorded answers and votes")
    feedback.add_argument("action", choices=["export", "purge"],
                          help="export as JSON lines (or --csv), or purge old rows")
    feedback.add_argument("--csv", action="store_true", help="export as CSV")

    report = sub.add_parser("report", parents=[common],
                            help="charts, declined questions and coverage gaps as one HTML file")
    report.add_argument("--html", type=Path, required=True, help="the file to write")
    report.add_argument("--days", type=int, default=30, help="days to cover (default 30)")
    report.add_argument("--language", choices=["en", "id", "de"], default="en",
                        help="language of the chart labels and topic names (default en)")

    backup = sub.add_parser("backup", parents=[common],
                            help="copy the database and its salt, safely while the bot runs")
    backup.add_argument("folder", type=Path, help="where to put the copies")

    doctor = sub.add_parser("doctor", parents=[common], help="check that the bot can run here")
    doctor.add_argument("--online", action="store_true",
                        help="also log in to Discord and check the servers' permissions")

    sub.add_parser("run", parents=[common], help="start the Discord bot")
    sub.add_parser("sync", parents=[common], help="sync slash commands globally and exit")
    return parser


def settings_for(args: argparse.Namespace) -> Settings:
    """The settings, with the path flags given on the command line (relative to the current
    folder) in place of CORPUS_DIR, INDEX_DIR and DATABASE_PATH (--database also sets aside
    DATABASE_URL). Raises SettingsProblem."""
    given = {"corpus_dir": args.corpus, "index_dir": args.index, "database_path": args.database}
    overrides: dict[str, object] = {name: value.expanduser().absolute()
                                    for name, value in given.items() if value is not None}
    if args.database is not None:  # the flag names a SQLite file: it wins over DATABASE_URL too
        overrides["database_url"] = None
    return load_settings(args.env_file, FLAGS, **overrides)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a character the terminal lacks must not crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        settings = settings_for(args)
    except SettingsProblem as exc:
        for line in exc.lines:
            print(f"error: {line}", file=sys.stderr)
        return USAGE_ERROR
    try:
        logs.configure(settings, args.verbose)
    except OSError as exc:
        print(f"error: LOG_FILE {settings.log_file}: cannot write it ({exc.strerror})",
              file=sys.stderr)
        return USAGE_ERROR
    try:
        return _dispatch(args, settings)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:  # e.g. `python -m bot programs | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK


# The module that runs each command, imported only when it runs (so `ask` starts fast).
_COMMANDS = {"ask": "bot.commands.ask", "index": "bot.commands.index",
             "programs": "bot.commands.programs", "demo": "bot.commands.demo",
             "bank": "bot.commands.bank", "feedback": "bot.commands.feedback",
             "eval": "bot.evaluation.cli", "report": "bot.reports.cli",
             "backup": "bot.commands.backup", "doctor": "bot.doctor.cli",
             "run": "bot.commands.discord_run", "sync": "bot.commands.discord_run"}


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    import importlib

    module = importlib.import_module(_COMMANDS[args.command])
    start_collector()
    return int(module.run(args, settings))


def start_collector() -> None:
    """Turn the cyclic garbage collector on, if `python -m bot` started with it off: importing
    makes a few hundred thousand objects that live as long as the process, and the collector
    walked them again and again while it did (40 ms of a 0.45 s cold start). Frozen first
    (`gc.freeze`), they are out of its way from then on."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
