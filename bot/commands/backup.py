"""`backup FOLDER`: a consistent copy of the database and its salt, safe while the bot runs.

The database is copied with SQLite's online backup (a snapshot between two writes, including
what is still in the write-ahead log); the salt beside it is what makes the stored user hashes
mean the same users after a restore, so it is copied too, readable only by its owner. A
PostgreSQL database (DATABASE_URL) is backed up with its own tools (pg_dump), salt included.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import shutil
import sqlite3
import sys

from bot.cli import FAILED, OK
from bot.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    if settings.database_url is not None:
        print("error: DATABASE_URL is set, so the answers and votes are in PostgreSQL, not "
              "in a file: back it up with pg_dump (the salt is in it, bot_settings' "
              "'user_salt' row); `backup` copies a SQLite file (--database names one)",
              file=sys.stderr)
        return FAILED
    source, salt = settings.database_path, settings.salt_path
    if not source.is_file():
        print(f"error: no database at {source} (DATABASE_PATH); nothing to back up",
              file=sys.stderr)
        return FAILED
    if not salt.is_file():
        print(f"error: {salt} is missing; restore it before backing up (without it the "
              "stored votes cannot be matched to their users)", file=sys.stderr)
        return FAILED
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = args.folder / f"{source.stem}-{stamp}{source.suffix}"
    target_salt = target.with_name(target.name + ".salt")
    try:
        args.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro",
                                                uri=True)) as db, \
                contextlib.closing(sqlite3.connect(target)) as copy:
            db.backup(copy)
        target.chmod(0o600)  # the questions are as private as the database they came from
        shutil.copyfile(salt, target_salt)
        target_salt.chmod(0o600)
    except (OSError, sqlite3.Error) as exc:
        print(f"error: backup to {args.folder} failed: {exc}", file=sys.stderr)
        return FAILED
    print(f"database → {target}\nsalt     → {target_salt}")
    return OK
