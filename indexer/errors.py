"""Exceptions of the indexer package.

    IndexerError
    ├── CorpusError        the corpus on disk is invalid; carries every Problem found
    ├── IndexFileError     a saved index is missing, damaged, or from another format version
    └── IndexBusyError     another process is building the index right now

Each carries a message meant for the person who has to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one corpus file."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.message}"


class IndexerError(Exception):
    """Base class of everything the indexer raises on purpose."""


class CorpusError(IndexerError):
    """The corpus is invalid. `problems` lists every problem, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field or ""))
        count = len(self.problems)
        super().__init__(f"the corpus has {count} problem{'s' if count != 1 else ''}")

    def report(self, limit: int | None = None) -> str:
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [str(self), *(f"  {p}" for p in shown)]
        if limit is not None and len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


class IndexFileError(IndexerError):
    """A saved index cannot be used; the message says why and how to rebuild it."""


class IndexBusyError(IndexerError):
    """Another process holds the build lock of this index folder."""
