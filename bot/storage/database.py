"""SQLite storage, created and migrated automatically, in WAL mode with one transaction a write.

User ids never reach the database: callers pass `user_hasher(salt)(user_id)`, a salted sha256.
Every statement is parameterized. Writes and reads use separate connections, so a read is
never queued behind a write waiting for a lock (in WAL mode readers do not wait for writers).
The file is created 0600. A file that is not a database, or fails its integrity check, is
moved aside and a fresh database started, so the bot keeps answering.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.storage.base import DatabaseError, Storage, TransientStorageError
from bot.storage.privacy import load_or_create_salt, user_hasher

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


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def ago(*, days: float = 0, hours: float = 0) -> str:
    """The timestamp (same format as `now()`) of that long ago."""
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days, hours=hours)
    return moment.isoformat(timespec="seconds")


class Database(Storage):
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

    # -- answers and votes ---------------------------------------------------------------

    def record_answer(self, *, question: str, language: str, abstained: bool, user_hash: str,
                      guild_id: int | None, sources: list[str], passages: list[str],
                      reason: str = "", origin: str = "discord", answer_id: str | None = None,
                      asked_at: str | None = None) -> str:
        answer_id = answer_id or uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO answers (id, asked_at, guild_id, user_hash, question, "
                "language, abstained, reason, sources, passages, origin) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (answer_id, asked_at or now(), guild_id, user_hash, question, language,
                 int(abstained), reason or None, json.dumps(sources), json.dumps(passages),
                 origin))
        return answer_id

    def has_answer(self, answer_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM answers WHERE id = ?", (answer_id,)))

    def vote(self, answer_id: str, user_hash: str, vote: int,
             voted_at: str | None = None) -> bool:
        """Record or change a vote (+1/-1). False if the answer is unknown (e.g. purged)."""
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone() is None:
                return False
            db.execute(
                "INSERT INTO votes (answer_id, user_hash, vote, voted_at) VALUES (?,?,?,?) "
                "ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, "
                "voted_at = excluded.voted_at", (answer_id, user_hash, vote, voted_at or now()))
        return True

    def votes_for(self, answer_id: str) -> tuple[int, int]:
        rows = self._query("SELECT vote, COUNT(*) AS n FROM votes WHERE answer_id = ? "
                           "GROUP BY vote", (answer_id,))
        counts = {row["vote"]: row["n"] for row in rows}
        return counts.get(1, 0), counts.get(-1, 0)

    def unanswered(self, days: int) -> list[sqlite3.Row]:
        """Abstained or down-voted questions of the last `days` days, newest first."""
        since = ago(days=days)
        return self._query(
            "SELECT a.question, a.language, a.asked_at, a.abstained FROM answers a "
            "WHERE a.asked_at >= ? AND (a.abstained = 1 OR EXISTS (SELECT 1 FROM votes v "
            "WHERE v.answer_id = a.id AND v.vote = -1)) ORDER BY a.asked_at DESC", (since,))

    def activity(self, hours: int) -> dict[str, int]:
        since = ago(hours=hours)
        row = self._query(
            "SELECT COUNT(*) AS asked, COALESCE(SUM(abstained), 0) AS abstained FROM answers "
            "WHERE asked_at >= ?", (since,))[0]
        votes = self._query(
            "SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down "
            "FROM votes WHERE voted_at >= ?", (since,))[0]
        return {"asked": row["asked"], "answered": row["asked"] - row["abstained"],
                "abstained": row["abstained"], "up": votes["up"], "down": votes["down"]}

    def top_questions(self, hours: int, limit: int = 5) -> list[tuple[str, int]]:
        since = ago(hours=hours)
        rows = self._query(
            "SELECT lower(question) AS q, COUNT(*) AS n FROM answers WHERE asked_at >= ? "
            "GROUP BY q ORDER BY n DESC, q LIMIT ?", (since, limit))
        return [(row["q"], row["n"]) for row in rows]

    def purge(self, retention_days: int) -> int:
        """Delete answers (and their votes) older than the retention period."""
        cutoff = ago(days=retention_days)
        with self._transaction() as db:
            return db.execute("DELETE FROM answers WHERE asked_at < ?", (cutoff,)).rowcount

    # -- reindex history -----------------------------------------------------------------

    def record_reindex(self, *, actor: str, origin: str, ok: bool, seconds: float | None,
                       counts: dict[str, Any], errors: list[str], at: str | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO reindexes (at, actor, origin, ok, seconds, counts, errors) "
                "VALUES (?,?,?,?,?,?,?)",
                (at or now(), actor, origin, int(ok), seconds, json.dumps(counts),
                 json.dumps(errors[:50])))

    def reindexes(self, limit: int = 20) -> list[sqlite3.Row]:
        return self._query("SELECT * FROM reindexes ORDER BY id DESC LIMIT ?", (limit,))

    # -- export --------------------------------------------------------------------------

    def export(self, as_csv: bool = False) -> str:
        rows = self._query(
            "SELECT a.id, a.asked_at, a.guild_id, a.user_hash, a.question, a.language, "
            "a.abstained, a.reason, a.sources, a.origin, "
            "COALESCE(SUM(v.vote = 1), 0) AS up, COALESCE(SUM(v.vote = -1), 0) AS down "
            "FROM answers a LEFT JOIN votes v ON v.answer_id = a.id "
            "GROUP BY a.id ORDER BY a.asked_at")
        records = [dict(row) for row in rows]
        if not as_csv:
            return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(records[0]) if records else ["id"])
        writer.writeheader()
        writer.writerows(records)
        return out.getvalue()
