"""`feedback export [--csv]` and `feedback purge`: the bot's recorded answers and votes."""

from __future__ import annotations

import argparse
import sys

from bot.settings import Settings
from bot.storage import Database, DatabaseError, Storage


def run(args: argparse.Namespace) -> int:
    settings = Settings()
    path = args.database or settings.database_path
    shared = args.database is None and settings.database_url is not None
    if not shared and not path.exists():
        print(f"error: no database at {path} (the bot creates it when it first runs)",
              file=sys.stderr)
        return 1
    try:
        if shared:
            from bot.storage.postgres import PostgresDatabase

            assert settings.database_url is not None
            db: Storage = PostgresDatabase(settings.database_url.get_secret_value())
        else:
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
