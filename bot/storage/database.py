"""SQLite storage, created and migrated automatically, in WAL mode with one transaction a write.

User ids never reach the database: callers pass `user_hasher(salt)(user_id)`, a salted sha256.
Every statement is parameterized. Writes and reads use separate connections, so a read is
never queued behind a write waiting for a lock (in WAL mode readers do not wait for writers).
The file is created 0600. A file that is not a database, or fails its integrity check, is
moved aside and a fresh database started, so the bot keeps answering.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.storage.base import DatabaseError, TransientStorageError
from bot.storage.privacy import load_or_create_salt, user_hasher
from bot.storage.sql import SqlStorage

__all__ = ["Database", "DatabaseError", "load_or_create_salt", "user_hasher"]

log = logging.getLogger(__name__)
WRITE_BUSY_MS = 1000  # the writer thread retries on its own; reads never wait on a lock
READ_BUSY_MS = 1000
MIGRATIONS = (
    """
    CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        guild_id INTEGER,
        user_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        language TEXT NOT NULL,
        abstained INTEGER NOT NULL,
        reason TEXT,
        sources TEXT NOT NULL,
        passages TEXT NOT NULL,
        origin TEXT NOT NULL
    );
    CREATE INDEX answers_asked_at ON answers(asked_at);
    CREATE TABLE votes (
        answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        user_hash TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        voted_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
    );
    CREATE TABLE reindexes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        origin TEXT NOT NULL,
        ok INTEGER NOT NULL,
        seconds REAL,
        counts TEXT NOT NULL,
        errors TEXT NOT NULL
    );
    """,
)


class Database(SqlStorage):
    """SQLite behind the Storage interface; every call is short and blocking."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._memory = str(path) == ":memory:"
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        try:
            if not self._memory:
                self._create_private()
            self._db = self._open_checked()
            self._reader = self._db if self._memory else self._connect(READ_BUSY_MS)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(f"cannot open the database at {path}: {exc}. Check that the "
                                "folder exists and is writable, or set DATABASE_PATH.") from None
        if self._memory:
            self._read_lock = self._write_lock

    def _create_private(self) -> None:
        """Create the file readable by its owner only (SQLite gives the -wal and -shm
        files the same mode); tighten an existing file that others could read."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        if self.path.stat().st_mode & 0o077:
            log.warning("%s could be read by other users; made it private (0600)", self.path)
            self.path.chmod(0o600)

    def _connect(self, busy_ms: int) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        return db

    def _open_checked(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.DatabaseError as exc:
            if self._memory or isinstance(exc, sqlite3.OperationalError):
                raise  # locked, read-only, missing folder: not the file's fault
            reason = str(exc)
        aside = self._move_aside()
        log.error("the database at %s is damaged (%s); moved it to %s and started a new one "
                  "(the salt is kept, so votes still count once per user)", self.path, reason,
                  aside)
        self._create_private()
        return self._open()

    def _open(self) -> sqlite3.Connection:
        db = self._connect(WRITE_BUSY_MS)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {check}")
            self._db = db
            self._migrate()
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                extra.replace(aside.with_name(aside.name + suffix))
        return aside

    def close(self) -> None:
        self._db.close()
        if self._reader is not self._db:
            self._reader.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._write_lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError):  # locked, busy, disk full
                    raise TransientStorageError(f"database write failed: {exc}") from None
                raise DatabaseError(f"database write failed: {exc}") from None
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._read_lock:
            try:
                return list(self._reader.execute(sql, params))
            except sqlite3.Error as exc:
                raise DatabaseError(f"database read failed: {exc}") from None

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction() as db:
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {int(number)}")
