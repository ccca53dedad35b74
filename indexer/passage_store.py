"""Passages kept as their JSON lines and parsed only when a search returns them.

A 100k-passage index holds about 60 MB of passage text. Parsing it all at load time costs a
second and, worse, holds the GIL long enough to stall the bot's event loop during a reindex.
The store keeps the bytes of passages.jsonl and the offset of every line; `store[i]` parses
one line (and remembers it), after checking that the line is a passage: a build that passed
its checksums can still have been edited, and a damaged passage must be an IndexFileError,
not a TypeError in the middle of an answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

from indexer.errors import IndexFileError
from indexer.passages import Passage

Offsets = npt.NDArray[np.int64]


def to_line(passage: Passage) -> bytes:
    """The passage as one JSON line: the on-disk form, also the basis of its digest."""
    return json.dumps(passage.to_json(), ensure_ascii=False).encode("utf-8") + b"\n"


class PassageStore(Sequence[Passage]):
    def __init__(self, data: bytes, offsets: Offsets) -> None:
        if len(offsets) == 0 or offsets[0] != 0 or offsets[-1] != len(data):
            raise ValueError("passage offsets do not match the passage file")
        self.data = data
        self.offsets = offsets
        self._parsed: dict[int, Passage] = {}

    @classmethod
    def from_passages(cls, passages: Iterable[Passage]) -> PassageStore:
        lines = [to_line(p) for p in passages]
        offsets = np.zeros(len(lines) + 1, dtype=np.int64)
        np.cumsum([len(line) for line in lines], out=offsets[1:])
        return cls(b"".join(lines), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, i: int) -> Passage: ...
    @overload
    def __getitem__(self, i: slice) -> list[Passage]: ...
    def __getitem__(self, i: int | slice) -> Passage | list[Passage]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        passage = self._parsed.get(i)
        if passage is None:
            passage = _parse(self.line(i), i)
            self._parsed[i] = passage
        return passage

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PassageStore):
            return self.data == other.data
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def line(self, i: int) -> bytes:
        return self.data[int(self.offsets[i]) : int(self.offsets[i + 1])]

    def fingerprints(self) -> dict[str, str]:
        """passage id → digest of its line, without building Passage objects."""
        result = {}
        for i in range(len(self)):
            line = self.line(i)
            start = line.index(b'"id": "') + 7
            result[json.loads(line[start - 1 : line.index(b'"', start) + 1])] = (
                hashlib.sha256(line).hexdigest())
        return result


_TEXT_FIELDS = ("id", "origin", "kind", "topic", "language", "title", "heading", "text",
                "anchor")


def _parse(line: bytes, i: int) -> Passage:
    try:
        data = json.loads(line)
    except ValueError:
        data = None
    if not (isinstance(data, dict) and set(data) == set(_TEXT_FIELDS) | {"sources", "confidence"}
            and all(isinstance(data[key], str) for key in _TEXT_FIELDS)
            and isinstance(data["sources"], list)
            and all(isinstance(source, str) for source in data["sources"])
            and (data["confidence"] is None or isinstance(data["confidence"], str))):
        raise IndexFileError(f"passage {i} of the index is damaged; rebuild it with "
                             "`python -m bot index`")
    return Passage.from_json(data)
