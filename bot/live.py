"""The index the bot serves, swapped whole on reindex so no question sees a half-built one.

Reindexing runs in a separate process (the build is CPU-bound Python and would otherwise hold
the GIL against the gateway heartbeat); the result is written to disk atomically, loaded in a
thread, checked, and only then swapped in. One reindex runs at a time.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.answers import AnswerEngine
from indexer import diff
from indexer.errors import CorpusError, IndexFileError
from indexer.index import SearchIndex, build_and_save
from indexer.store import current_build

log = logging.getLogger(__name__)


class ReindexBusy(Exception):
    """A reindex is already running."""


@dataclass
class ReindexResult:
    ok: bool
    seconds: float
    changes: dict[str, diff.Change] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def summary_lines(self) -> list[str]:
        return diff.summary(self.changes) if self.ok else self.problems


def _build(corpus_dir: str, index_dir: str) -> dict[str, object]:
    """Runs in the worker process: validate, build, save. Returns plain data only.

    One build at a time (the build lock): while another bot process or the CLI builds into
    the same folder this waits for it, and uses its build if that is of the corpus as it is
    now, rather than building the same again."""
    try:
        index, seconds = build_and_save(Path(corpus_dir), Path(index_dir), reuse=True)
    except CorpusError as exc:
        return {"ok": False, "problems": [str(p) for p in exc.problems]}
    except IndexFileError as exc:  # the index folder cannot be written
        return {"ok": False, "problems": [str(exc)]}
    return {"ok": True, "seconds": seconds, "passages": len(index.passages)}


def _build_in_process(corpus_dir: Path, index_dir: Path) -> dict[str, object]:
    """Start a worker process, build there, wait for it to finish: all off the event loop
    (starting and joining a process takes long enough to be felt by the gateway)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_build, str(corpus_dir), str(index_dir)).result()


class LiveIndex:
    """Holds the current engine; `engine` is replaced in one assignment on swap."""

    def __init__(self, index: SearchIndex, corpus_dir: Path, index_dir: Path) -> None:
        self.engine = AnswerEngine(index)
        self.corpus_dir = corpus_dir
        self.index_dir = index_dir
        self._build_name = self._current_name()
        self._busy = False

    @property
    def index(self) -> SearchIndex:
        return self.engine.index

    @property
    def busy(self) -> bool:
        return self._busy

    def _current_name(self) -> str | None:
        try:
            return current_build(self.index_dir).name
        except IndexFileError:
            return None

    def _prepare(self) -> tuple[AnswerEngine, dict[str, diff.Change]]:
        """Load the index on disk, build its engine and the diff: all the slow parts, run
        in a worker thread so the event loop keeps serving."""
        fresh = SearchIndex.load(self.index_dir)
        changes = diff.compare(diff.of_index(self.index), diff.of_index(fresh))
        return AnswerEngine(fresh), changes

    def _swap(self, engine: AnswerEngine) -> None:
        self.engine = engine  # one assignment: a question sees the old index or the new one
        self._build_name = self._current_name()

    async def reindex(self) -> ReindexResult:
        """Validate the corpus and rebuild off the event loop; swap only on success."""
        if self._busy:
            raise ReindexBusy
        self._busy = True
        started = time.perf_counter()
        try:
            outcome = await asyncio.to_thread(_build_in_process, self.corpus_dir, self.index_dir)
            if not outcome["ok"]:
                return ReindexResult(False, time.perf_counter() - started,
                                     problems=list(outcome["problems"]))  # type: ignore[arg-type]
            try:
                engine, changes = await asyncio.to_thread(self._prepare)
            except IndexFileError as exc:
                return ReindexResult(False, time.perf_counter() - started, problems=[str(exc)])
            self._swap(engine)
            stats = engine.index.stats
            return ReindexResult(True, time.perf_counter() - started, changes, counts={
                "documents": stats.documents, "passages": stats.passages,
                "programs": stats.programs, "glossary": stats.glossary_terms})
        finally:
            self._busy = False

    async def reload_if_changed(self) -> bool:
        """Pick up an index rebuilt by the CLI, after the usual version and checksum checks.
        A damaged new build is logged and ignored: the in-memory index stays."""
        name = self._current_name()
        if name is None or name == self._build_name or self._busy:
            return False
        try:
            engine, changes = await asyncio.to_thread(self._prepare)
        except IndexFileError as exc:
            log.error("ignoring the index on disk: %s", exc)
            self._build_name = name
            return False
        self._swap(engine)
        log.info("picked up a rebuilt index: %s", "; ".join(diff.summary(changes)))
        return True
