"""`feedback export [--csv]` and `feedback purge`: the bot's recorded answers and votes."""

from __future__ import annotations

import argparse
import sys

from bot.settings import Settings
from bot.storage import Database, DatabaseError


def run(args: argparse.Namespace, settings: Settings) -> int:
    path = settings.database_path
    if not path.exists():
        print(f"error: no database at {path} (the bot creates it when it first runs)",
              file=sys.stderr)
        return 1
    try:
        db = Database(path)
        if args.action == "export":
            print(db.export(as_csv=args.csv))
        else:
            removed = db.purge(settings.feedback_retention_days)
            print(f"removed {removed} answer(s) older than {settings.feedback_retention_days} days")
        db.close()
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
