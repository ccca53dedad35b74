"""PostgreSQL storage behind the `Storage` interface (bot.storage.base), like SQLite's.

Chosen by DATABASE_URL (`postgresql://user:password@host/db`) when several bot processes
(shard clusters) share one store; SQLite stays the default. The bot reaches it through the
same `Recorder` writer thread, which retries what fails for now (`TransientStorageError`: a
lock held past `lock_timeout`, a serialization failure, a lost connection, which is opened
again on the next try). Writes and reads use separate connections, so a read is never
queued behind a write waiting for a lock. Every write takes the id and timestamp it is
given and is safe to repeat. The tables and timestamps are those of the SQLite store;
migrations run under an advisory lock, so processes starting together migrate once. The
salt for user hashes lives in the database, so every process hashes a user the same way;
an empty or malformed one is refused (`SaltError`). Needs the `postgres` extra (psycopg 3).
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import psycopg.conninfo
from psycopg.rows import dict_row

from bot.storage.base import DatabaseError, TransientStorageError
from bot.storage.privacy import SALT_BYTES, check_salt
from bot.storage.sql import SqlStorage

log = logging.getLogger(__name__)

MIGRATION_LOCK = 0x5157_3E55  # pg_advisory_xact_lock key: one migrating process at a time
WRITE_LOCK_MS = 1000  # like SQLite's busy timeout: the writer thread retries on its own
MIGRATIONS = (
    """
    CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        guild_id BIGINT,
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
        id BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        origin TEXT NOT NULL,
        ok INTEGER NOT NULL,
        seconds DOUBLE PRECISION,
        counts TEXT NOT NULL,
        errors TEXT NOT NULL
    );
    CREATE TABLE bot_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)
    """,
)
_RESTORE = ("restore the 'user_salt' row of bot_settings from a backup (without it, votes "
            "cannot be matched to the users who cast them), or delete it to start over")


class _Connection:
    """One connection and the lock that serializes its calls; opened again when lost."""

    def __init__(self, url: str, setup: tuple[str, ...] = ()) -> None:
        self.url = url
        self.setup = setup  # statements run on every new connection
        self.lock = threading.Lock()
        self._db: psycopg.Connection[dict[str, Any]] | None = None
        self.get()

    def get(self) -> psycopg.Connection[dict[str, Any]]:
        if self._db is None or self._db.closed or self._db.broken:
            if self._db is not None:
                log.warning("the connection to PostgreSQL was lost; connecting again")
                self._db.close()
                self._db = None
            db = psycopg.connect(self.url, autocommit=True, row_factory=dict_row,
                                 connect_timeout=10)
            for statement in self.setup:
                db.execute(statement)  # type: ignore[call-overload]
            self._db = db
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


class PostgresDatabase(SqlStorage):
    """PostgreSQL behind the Storage interface; every call is short and blocking."""

    MARKER = "%s"

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            # wait at most WRITE_LOCK_MS for a lock, then fail (transiently) and leave the
            # retrying to the Recorder
            self._writer = _Connection(url, (f"SET lock_timeout = {WRITE_LOCK_MS}",))
            self._migrate()
            self._reader = _Connection(url)
        except psycopg.Error as exc:
            raise DatabaseError(f"cannot open the PostgreSQL database at DATABASE_URL: "
                                f"{_first_line(exc)}. Check that the server runs and the URL's "
                                "user, password and database are right.") from None

    @property
    def _db(self) -> psycopg.Connection[dict[str, Any]]:
        """The writing connection (tests reach the tables through it)."""
        return self._writer.get()

    def close(self) -> None:
        self._writer.close()
        if hasattr(self, "_reader"):
            self._reader.close()

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        with self._writer.lock:
            try:
                db = self._writer.get()
                with db.transaction():
                    yield db
            except psycopg.Error as exc:
                raise _storage_error("write", exc) from None

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        with self._reader.lock:
            try:
                return self._reader.get().execute(sql, params).fetchall()  # type: ignore[arg-type]
            except psycopg.Error as exc:
                raise _storage_error("read", exc) from None

    def _migrate(self) -> None:
        db = self._writer.get()
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            row = db.execute("SELECT max(version) AS v FROM schema_version").fetchone()
            version = (row or {}).get("v") or 0
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    db.execute(statement)  # type: ignore[call-overload]
                db.execute("INSERT INTO schema_version VALUES (%s)", (number,))

    def schema_version(self) -> int:
        return int(self._query("SELECT max(version) AS v FROM schema_version")[0]["v"] or 0)

    def shared_salt(self) -> bytes:
        """The salt for user hashes, created by whichever process asks first. Raises
        SaltError when the stored one is empty or malformed."""
        with self._transaction() as db:
            db.execute("INSERT INTO bot_settings (key, value) VALUES ('user_salt', %s) "
                       "ON CONFLICT (key) DO NOTHING", (secrets.token_bytes(SALT_BYTES).hex(),))
            row = db.execute("SELECT value FROM bot_settings WHERE key = 'user_salt'"
                             ).fetchone()
        return parse_salt((row or {}).get("value"))


def parse_salt(value: object) -> bytes:
    """The salt stored in bot_settings ('user_salt'), checked. Raises SaltError when it is
    empty or malformed."""
    return check_salt(str(value or ""), "the salt in the PostgreSQL database", _RESTORE)


def where(url: str) -> str:
    """user@host:port/database of a connection URL, never its password."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "DATABASE_URL"
    host = parts.get("host") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"{user}{host}{port}/{parts.get('dbname') or parts.get('user') or '?'}"


def _storage_error(what: str, exc: psycopg.Error) -> DatabaseError:
    """Locked, busy, a serialization failure or a lost connection may pass: transient
    (psycopg maps those SQLSTATE classes to OperationalError). The rest is not."""
    message = f"database {what} failed: {_first_line(exc)}"
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return TransientStorageError(message)
    return DatabaseError(message)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
