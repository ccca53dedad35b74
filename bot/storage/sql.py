"""The storage's SQL, written once for SQLite and PostgreSQL.

Both speak the statements below (upserts with ON CONFLICT, aggregates with FILTER); they
differ only in the parameter marker ('?' or '%s') and in how a connection is opened, locked
and retried, which each backend supplies as `_transaction()` and `_query()`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from abc import abstractmethod
from contextlib import AbstractContextManager
from typing import Any

from bot.storage.base import Storage


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def ago(*, days: float = 0, hours: float = 0) -> str:
    """The timestamp (same format as `now()`) of that long ago."""
    moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days, hours=hours)
    return moment.isoformat(timespec="seconds")


class SqlStorage(Storage):
    """Answers, votes and reindexes in three tables; the subclass brings the connection."""

    MARKER = "?"  # the parameter marker of the backend's driver

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """A connection inside one write transaction (rolled back on error)."""

    @abstractmethod
    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """The rows of one read, each readable by column name."""

    def _sql(self, statement: str) -> str:
        return statement.replace("?", self.MARKER)

    def _rows(self, statement: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self._query(self._sql(statement), params)

    # -- answers and votes ---------------------------------------------------------------

    def record_answer(self, *, question: str, language: str, abstained: bool, user_hash: str,
                      guild_id: int | None, sources: list[str], passages: list[str],
                      reason: str = "", origin: str = "discord", answer_id: str | None = None,
                      asked_at: str | None = None) -> str:
        answer_id = answer_id or uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(self._sql(
                "INSERT INTO answers (id, asked_at, guild_id, user_hash, question, language, "
                "abstained, reason, sources, passages, origin) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING"),
                (answer_id, asked_at or now(), guild_id, user_hash, question, language,
                 int(abstained), reason or None, json.dumps(sources), json.dumps(passages),
                 origin))
        return answer_id

    def has_answer(self, answer_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM answers WHERE id = ?", (answer_id,)))

    def vote(self, answer_id: str, user_hash: str, vote: int,
             voted_at: str | None = None) -> bool:
        """Record or change a vote (+1/-1). False if the answer is unknown (e.g. purged)."""
        with self._transaction() as db:
            if db.execute(self._sql("SELECT 1 FROM answers WHERE id = ?"),
                          (answer_id,)).fetchone() is None:
                return False
            db.execute(self._sql(
                "INSERT INTO votes (answer_id, user_hash, vote, voted_at) VALUES (?,?,?,?) "
                "ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, "
                "voted_at = excluded.voted_at"), (answer_id, user_hash, vote, voted_at or now()))
        return True

    def votes_for(self, answer_id: str) -> tuple[int, int]:
        rows = self._rows("SELECT vote, COUNT(*) AS n FROM votes WHERE answer_id = ? "
                          "GROUP BY vote", (answer_id,))
        counts = {row["vote"]: int(row["n"]) for row in rows}
        return counts.get(1, 0), counts.get(-1, 0)

    def unanswered(self, days: int) -> list[Any]:
        """Abstained or down-voted questions of the last `days` days, newest first."""
        return self._rows(
            "SELECT a.question, a.language, a.asked_at, a.abstained FROM answers a "
            "WHERE a.asked_at >= ? AND (a.abstained = 1 OR EXISTS (SELECT 1 FROM votes v "
            "WHERE v.answer_id = a.id AND v.vote = -1)) ORDER BY a.asked_at DESC",
            (ago(days=days),))

    def activity(self, hours: int) -> dict[str, int]:
        since = ago(hours=hours)
        row = self._rows(
            "SELECT COUNT(*) AS asked, COALESCE(SUM(abstained), 0) AS abstained FROM answers "
            "WHERE asked_at >= ?", (since,))[0]
        votes = self._rows(
            "SELECT COUNT(*) FILTER (WHERE vote = 1) AS up, "
            "COUNT(*) FILTER (WHERE vote = -1) AS down FROM votes WHERE voted_at >= ?",
            (since,))[0]
        asked, abstained = int(row["asked"]), int(row["abstained"])
        return {"asked": asked, "answered": asked - abstained, "abstained": abstained,
                "up": int(votes["up"]), "down": int(votes["down"])}

    def top_questions(self, hours: int, limit: int = 5) -> list[tuple[str, int]]:
        rows = self._rows(
            "SELECT lower(question) AS q, COUNT(*) AS n FROM answers WHERE asked_at >= ? "
            "GROUP BY q ORDER BY n DESC, q LIMIT ?", (ago(hours=hours), limit))
        return [(row["q"], int(row["n"])) for row in rows]

    def purge(self, retention_days: int) -> int:
        """Delete answers (and their votes) older than the retention period."""
        with self._transaction() as db:
            return int(db.execute(self._sql("DELETE FROM answers WHERE asked_at < ?"),
                                  (ago(days=retention_days),)).rowcount)

    # -- reindex history -----------------------------------------------------------------

    def record_reindex(self, *, actor: str, origin: str, ok: bool, seconds: float | None,
                       counts: dict[str, Any], errors: list[str], at: str | None = None) -> None:
        with self._transaction() as db:
            db.execute(self._sql(
                "INSERT INTO reindexes (at, actor, origin, ok, seconds, counts, errors) "
                "VALUES (?,?,?,?,?,?,?)"),
                (at or now(), actor, origin, int(ok), seconds, json.dumps(counts),
                 json.dumps(errors[:50])))

    def reindexes(self, limit: int = 20) -> list[Any]:
        return self._rows("SELECT * FROM reindexes ORDER BY id DESC LIMIT ?", (limit,))

    # -- export --------------------------------------------------------------------------

    def export(self, as_csv: bool = False) -> str:
        rows = self._rows(
            "SELECT a.id, a.asked_at, a.guild_id, a.user_hash, a.question, a.language, "
            "a.abstained, a.reason, a.sources, a.origin, "
            "COUNT(v.vote) FILTER (WHERE v.vote = 1) AS up, "
            "COUNT(v.vote) FILTER (WHERE v.vote = -1) AS down "
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
