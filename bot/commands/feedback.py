"""`feedback export [--csv]` and `feedback purge`: the bot's recorded answers and votes, in
the PostgreSQL database at DATABASE_URL when set, else in the SQLite file at DATABASE_PATH."""

from __future__ import annotations

import argparse
import sys

from bot.commands.common import open_storage
from bot.settings import Settings
from bot.storage import DatabaseError


def run(args: argparse.Namespace, settings: Settings) -> int:
    db = open_storage(settings)
    if db is None:
        return 1
    try:
        if args.action == "export":
            print(db.export(as_csv=args.csv))
        else:
            removed = db.purge(settings.feedback_retention_days)
            print(f"removed {removed} answer(s) older than {settings.feedback_retention_days} days")
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0
