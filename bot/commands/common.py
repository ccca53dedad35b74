"""Helpers shared by the terminal commands."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from bot.settings import Settings
from indexer.errors import CorpusError, IndexFileError
from indexer.index import SearchIndex, ensure_index

if TYPE_CHECKING:  # the storage is imported by the commands that open it, not by `ask`
    from bot.storage import Storage


def open_index(settings: Settings) -> SearchIndex | None:
    """The current index (built if missing or stale), or None after printing why not."""
    try:
        return ensure_index(settings.corpus_dir, settings.index_dir)
    except CorpusError as exc:
        print(exc.report(limit=20), file=sys.stderr)
    except IndexFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except OSError as exc:  # e.g. an index folder that cannot be written
        print(f"error: cannot write the index in {settings.index_dir}: {exc.strerror}",
              file=sys.stderr)
    return None


def open_storage(settings: Settings) -> Storage | None:
    """The recorded answers and votes for a terminal command: the PostgreSQL database at
    DATABASE_URL when set, else the SQLite file at DATABASE_PATH (which must exist: only the
    bot creates it). None after printing why not."""
    from bot.storage import Database, DatabaseError

    try:
        if settings.database_url is not None:
            from bot.storage.postgres import PostgresDatabase

            return PostgresDatabase(settings.database_url.get_secret_value())
        path = settings.database_path
        if not path.is_file():
            print(f"error: no database at {path} (DATABASE_PATH); the bot creates it when it "
                  "first runs", file=sys.stderr)
            return None
        return Database(path)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except ImportError:
        print("error: DATABASE_URL is set but psycopg is not installed (install the "
              "`postgres` extra)", file=sys.stderr)
    return None
