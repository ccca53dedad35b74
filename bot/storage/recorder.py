"""The bot's way into storage: writes queued to one thread, reads served directly.

A reply never waits for a write. Each write is put on a queue with its id and timestamp
already fixed and carried out, in order, by one writer thread; while the database is locked
(another process holds a write lock, or the disk is full) the thread waits and tries again,
so nothing is lost and nothing reaches the database out of order. Reads first give pending
writes a moment to land, so a vote is counted by the next /stats.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.storage.base import DatabaseError, Row, Storage, TransientStorageError
from bot.storage.privacy import redact_mentions
from bot.storage.sql import now
from bot.text import safe_text

log = logging.getLogger(__name__)

READ_SETTLE_SECONDS = 1.0  # how long a read waits for pending writes before it goes ahead
CLOSE_SECONDS = 10.0  # how long closing waits for the queue to drain
MAX_RETRY_SECONDS = 1.0


@dataclass
class _Write:
    label: str
    run: Callable[[], object]
    answer_id: str | None = None  # the answer this write creates, if any
    attempts: int = field(default=0)


class Recorder:
    """Wraps any Storage; `bot.db` is one of these."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self._queue: queue.Queue[_Write | None] = queue.Queue()
        self._pending_answers: set[str] = set()
        self._outstanding = 0
        self._idle = threading.Condition()
        self._closing = False
        self._give_up_at = float("inf")  # set by close(): when retrying stops
        self._thread = threading.Thread(target=self._work, name="storage-writer", daemon=True)
        self._thread.start()

    # -- writes: queued, never blocking ------------------------------------------------------

    def record_answer(self, *, question: str, language: str, abstained: bool, user_hash: str,
                      guild_id: int | None, sources: list[str], passages: list[str],
                      reason: str = "", origin: str = "discord") -> str:
        """Queue an answer for storage (its question without mention ids); return its id."""
        answer_id = uuid.uuid4().hex
        fields = {"question": redact_mentions(safe_text(question)), "language": language,
                  "abstained": abstained, "user_hash": user_hash, "guild_id": guild_id,
                  "sources": sources, "passages": passages, "reason": safe_text(reason),
                  "origin": origin, "answer_id": answer_id, "asked_at": now()}
        self._submit(_Write("answer", lambda: self.storage.record_answer(**fields), answer_id))
        return answer_id

    def vote(self, answer_id: str, user_hash: str, vote: int) -> bool:
        """Queue a vote; False (nothing queued) if the answer is unknown, e.g. purged."""
        with self._idle:
            pending = answer_id in self._pending_answers
        if not pending and not self.storage.has_answer(answer_id):
            return False
        voted_at = now()
        self._submit(_Write("vote", lambda: self.storage.vote(answer_id, user_hash, vote,
                                                              voted_at)))
        return True

    def record_reindex(self, *, actor: str, origin: str, ok: bool, seconds: float | None,
                       counts: dict[str, Any], errors: list[str]) -> None:
        at = now()
        errors = [safe_text(e) for e in errors]
        self._submit(_Write("reindex", lambda: self.storage.record_reindex(
            actor=actor, origin=origin, ok=ok, seconds=seconds, counts=counts, errors=errors,
            at=at)))

    def purge(self, retention_days: int) -> int:
        """Blocking (run it in a thread): deletes old answers and votes."""
        return self.storage.purge(retention_days)

    # -- reads: direct ---------------------------------------------------------------------

    def votes_for(self, answer_id: str) -> tuple[int, int]:
        self.flush(READ_SETTLE_SECONDS)
        return self.storage.votes_for(answer_id)

    def unanswered(self, days: int) -> Sequence[Row]:
        self.flush(READ_SETTLE_SECONDS)
        return self.storage.unanswered(days)

    def activity(self, hours: int) -> dict[str, int]:
        self.flush(READ_SETTLE_SECONDS)
        return self.storage.activity(hours)

    def top_questions(self, hours: int, limit: int = 5) -> list[tuple[str, int]]:
        self.flush(READ_SETTLE_SECONDS)
        return self.storage.top_questions(hours, limit)

    def reindexes(self, limit: int = 20) -> Sequence[Row]:
        self.flush(READ_SETTLE_SECONDS)
        return self.storage.reindexes(limit)

    def export(self, as_csv: bool = False) -> str:
        self.flush(READ_SETTLE_SECONDS)
        return self.storage.export(as_csv)

    # -- the queue -------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Writes queued or being tried."""
        with self._idle:
            return self._outstanding

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued write is stored (or `timeout` passes); True if so."""
        with self._idle:
            return self._idle.wait_for(lambda: self._outstanding == 0, timeout)

    def close(self, timeout: float = CLOSE_SECONDS) -> None:
        """Store what is queued (waiting up to `timeout` for a lock to clear), then close."""
        if not self._closing:
            self._closing = True
            self._give_up_at = time.monotonic() + timeout
            self._queue.put(None)
            self._thread.join(timeout)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("closing with %d write(s) not stored: the database stayed locked for "
                      "%.0f s", self.pending, timeout)
        else:
            self.storage.close()

    def _submit(self, write: _Write) -> None:
        if self._closing:
            raise DatabaseError("the database is closed")
        with self._idle:
            self._outstanding += 1
            if write.answer_id:
                self._pending_answers.add(write.answer_id)
        self._queue.put(write)

    def _work(self) -> None:
        while (write := self._queue.get()) is not None:
            self._store(write)
            with self._idle:
                self._outstanding -= 1
                self._pending_answers.discard(write.answer_id or "")
                self._idle.notify_all()

    def _store(self, write: _Write) -> None:
        delay, since = 0.05, time.monotonic()
        while True:
            write.attempts += 1
            try:
                write.run()
            except TransientStorageError as exc:
                if time.monotonic() > self._give_up_at:
                    log.error("could not store a %s before closing (%s); it is lost",
                              write.label, exc)
                    return
                if write.attempts == 1:
                    log.warning("could not store a %s yet (%s); retrying until the database "
                                "is free", write.label, exc)
                time.sleep(delay)
                delay = min(delay * 2, MAX_RETRY_SECONDS)
                continue
            except Exception:
                log.exception("could not store a %s; it is lost", write.label)
                return
            if write.attempts > 1:
                log.info("stored a %s after %d attempts (%.1f s)", write.label, write.attempts,
                         time.monotonic() - since)
            return
