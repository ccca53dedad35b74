"""SQLite storage, created and migrated automatically, in WAL mode with one transaction a write.

User ids never reach the database: callers pass `user_hasher(salt)(user_id)`, a salted sha256.
Every statement is parameterized.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import secrets
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says what to check."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def ago(*, days: float = 0, hours: float = 0) -> str:
    """The timestamp (same format as `now()`) of that long ago."""
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days, hours=hours)
    return moment.isoformat(timespec="seconds")


def user_hasher(salt: bytes) -> Callable[[int], str]:
    """A function from Discord user id to a salted hash (HMAC-SHA256, hex, 32 chars)."""
    def hash_user(user_id: int) -> str:
        return hmac.new(salt, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]
    return hash_user


def load_or_create_salt(path: Path) -> bytes:
    """A random salt kept beside the database (mode 0600), created on first use."""
    try:
        return bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        salt = secrets.token_bytes(32)
        path.write_text(salt.hex())
        path.chmod(0o600)
        return salt


class Database:
    """A small synchronous store; calls are short and serialized by a lock."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(f"cannot open the database at {path}: {exc}. Check that the "
                                "folder exists and is writable, or set DATABASE_PATH.") from None

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise DatabaseError(f"database write failed: {exc}") from None
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return list(self._db.execute(sql, params))
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
                      reason: str = "", origin: str = "discord") -> str:
        answer_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(
                "INSERT INTO answers (id, asked_at, guild_id, user_hash, question, language, "
                "abstained, reason, sources, passages, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (answer_id, now(), guild_id, user_hash, question, language, int(abstained),
                 reason or None, json.dumps(sources), json.dumps(passages), origin))
        return answer_id

    def vote(self, answer_id: str, user_hash: str, vote: int) -> bool:
        """Record or change a vote (+1/-1). False if the answer is unknown (e.g. purged)."""
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone() is None:
                return False
            db.execute(
                "INSERT INTO votes (answer_id, user_hash, vote, voted_at) VALUES (?,?,?,?) "
                "ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, "
                "voted_at = excluded.voted_at", (answer_id, user_hash, vote, now()))
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
                       counts: dict[str, Any], errors: list[str]) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO reindexes (at, actor, origin, ok, seconds, counts, errors) "
                "VALUES (?,?,?,?,?,?,?)",
                (now(), actor, origin, int(ok), seconds, json.dumps(counts),
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
