"""The storage interface: what the bot keeps, whatever database keeps it.

    DatabaseError              cannot open, read or write; the message says what to check
    ├── TransientStorageError  locked or busy for now: the same write may succeed later
    └── SaltError              the salt file is empty or malformed (see bot.storage.privacy)

A backend (today `bot.storage.database.Database`, SQLite) implements `Storage` with plain
blocking calls. The bot never calls a backend's writes itself: `bot.storage.Recorder` queues
them to one writer thread, retries transient failures and serves reads directly, so the same
guarantees hold for any backend.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any


class DatabaseError(Exception):
    """The database cannot be opened, read or written; the message says what to check."""


class TransientStorageError(DatabaseError):
    """The database is locked or busy; the same call may succeed if tried again."""


Row = Mapping[str, Any]


class Storage(ABC):
    """Answers, votes and reindex history. Every method may block; writes take the
    timestamp and id they are given, so a write retried later keeps its moment."""

    @abstractmethod
    def record_answer(self, *, question: str, language: str, abstained: bool, user_hash: str,
                      guild_id: int | None, sources: list[str], passages: list[str],
                      reason: str = "", origin: str = "discord", answer_id: str | None = None,
                      asked_at: str | None = None) -> str:
        """Store one answered (or declined) question; return its id."""

    @abstractmethod
    def has_answer(self, answer_id: str) -> bool:
        """Is this answer stored (not purged)?"""

    @abstractmethod
    def vote(self, answer_id: str, user_hash: str, vote: int,
             voted_at: str | None = None) -> bool:
        """Record or change a vote (+1/-1); False if the answer is unknown."""

    @abstractmethod
    def votes_for(self, answer_id: str) -> tuple[int, int]:
        """(up, down) votes of an answer."""

    @abstractmethod
    def unanswered(self, days: int) -> Sequence[Row]:
        """Abstained or down-voted questions of the last `days` days, newest first:
        rows with question, language, asked_at, abstained."""

    @abstractmethod
    def activity(self, hours: int) -> dict[str, int]:
        """asked, answered, abstained, up, down in the last `hours` hours."""

    @abstractmethod
    def top_questions(self, hours: int, limit: int = 5) -> list[tuple[str, int]]:
        """The most asked questions (lower-cased) with their counts."""

    @abstractmethod
    def purge(self, retention_days: int) -> int:
        """Delete answers (and their votes) older than the retention period; how many."""

    @abstractmethod
    def record_reindex(self, *, actor: str, origin: str, ok: bool, seconds: float | None,
                       counts: dict[str, Any], errors: list[str],
                       at: str | None = None) -> None:
        """Store one reindex attempt."""

    @abstractmethod
    def reindexes(self, limit: int = 20) -> Sequence[Row]:
        """The latest reindex attempts, newest first."""

    @abstractmethod
    def export(self, as_csv: bool = False) -> str:
        """Every answer with its vote counts, as JSON lines or CSV."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection(s)."""
