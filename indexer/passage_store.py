"""Passages kept as their JSON lines and parsed only when a search returns them.

A 100k-passage index holds about 60 MB of passage text. Parsing it all at load time costs a
second and, worse, holds the GIL long enough to stall the bot's event loop during a reindex.
The store keeps the bytes of passages.jsonl (memory-mapped when loaded) and the offset of
every line; `store[i]` parses one line (and remembers it), after checking that the line is a
passage: a build that passed its checksums can still have been edited, and a damaged passage
must be an IndexFileError, not a TypeError in the middle of an answer. When the index saved
each passage's sentences, they are checked the same way and handed to `indexer.sentences`
as the passage is parsed.

`PassageWriter` streams passages to a file while an index is built, so a large corpus is
never held as one bytes object.
"""

from __future__ import annotations

import io
import json
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import overload

import numpy as np
import numpy.typing as npt

from indexer import sentences
from indexer.errors import IndexFileError
from indexer.passages import Passage

Offsets = npt.NDArray[np.int64]


def to_line(passage: Passage) -> bytes:
    """The passage as one JSON line: the on-disk form, also the basis of its digest."""
    return json.dumps(passage.to_json(), ensure_ascii=False).encode("utf-8") + b"\n"


Lines = tuple[bytes | memoryview, Offsets]


def _check(data: bytes | memoryview, offsets: Offsets, what: str) -> None:
    if len(offsets) == 0 or offsets[0] != 0 or offsets[-1] != len(data):
        raise ValueError(f"{what} offsets do not match the {what} file")


class PassageStore(Sequence[Passage]):
    def __init__(self, data: bytes | memoryview, offsets: Offsets,
                 sentence_lines: Lines | None = None) -> None:
        _check(data, offsets, "passage")
        if sentence_lines is not None:
            _check(*sentence_lines, "sentence")
            if len(sentence_lines[1]) != len(offsets):
                raise ValueError("the sentence file does not match the passages")
        self.data = data
        self.offsets = offsets
        self.sentence_lines = sentence_lines
        self.files: Path | None = None  # folder of passages.jsonl, sentences.jsonl if spilled
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
            if self.sentence_lines is not None:
                data, offsets = self.sentence_lines
                sentences.remember(passage.text, _parse_spans(
                    bytes(data[int(offsets[i]) : int(offsets[i + 1])]), i, len(passage.text)))
            self._parsed[i] = passage
        return passage

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PassageStore):
            return self.data == other.data
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def sentence_data(self) -> bytes | memoryview:
        """The sentences file: saved spans, or split now for a store made in memory."""
        if self.sentence_lines is not None:
            return self.sentence_lines[0]
        return b"".join(_spans_line(self[i]) for i in range(len(self)))

    def sentence_offsets(self) -> Offsets:
        if self.sentence_lines is not None:
            return self.sentence_lines[1]
        offsets = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum([len(_spans_line(self[i])) for i in range(len(self))], out=offsets[1:])
        return offsets

    def line(self, i: int) -> bytes:
        return bytes(self.data[int(self.offsets[i]) : int(self.offsets[i + 1])])

    def lines(self) -> Iterator[bytes]:
        """Every passage's line, in order; a mapped file's pages are released behind the
        reading (see `indexer.store.release`), so reading them all costs no resident memory."""
        from indexer.store import WINDOW, release

        released = 0
        for i in range(len(self)):
            yield self.line(i)
            end = int(self.offsets[i + 1])
            if end - released >= WINDOW:
                upto = end - end % WINDOW
                release(self.data, released, upto - released)
                released = upto
        release(self.data, released)

    def passage_id(self, i: int) -> str:
        """The id of passage i, read from its line without parsing the passage."""
        return str(json.loads(b'"' + line_id(self.line(i)) + b'"'))


def line_id(line: bytes) -> bytes:
    """A passage's id as its line writes it (JSON-escaped), found without parsing the line
    (the id is the line's first field)."""
    start = line.index(b'"id": "') + 7
    return line[start : line.index(b'"', start)]


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


def _parse_spans(line: bytes, i: int, length: int) -> list[list[int] | str]:
    """A passage's saved sentences: [start, end] within its text, or a sentence as text."""
    try:
        spans = json.loads(line)
    except ValueError:
        spans = None
    if not (isinstance(spans, list) and all(
            isinstance(s, str) or (isinstance(s, list) and len(s) == 2
                                   and all(type(x) is int for x in s)
                                   and 0 <= s[0] <= s[1] <= length)
            for s in spans)):
        raise IndexFileError(f"the sentences of passage {i} of the index are damaged; rebuild "
                             "it with `python -m bot index`")
    return spans


def _spans_line(passage: Passage) -> bytes:
    return _spans_json(sentences.spans(passage.text))


def _spans_json(spans: list[list[int] | str]) -> bytes:
    return json.dumps(spans, separators=(",", ":")).encode() + b"\n"


class PassageWriter:
    """Collects passages (and their sentence spans) as JSON lines, in a file under `spill`
    or in memory, for a PassageStore of the finished build."""

    def __init__(self, spill: Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="passages-", dir=spill)) if spill else None
        self._outputs = [self._open("passages"), self._open("sentences")]
        self._offsets = [array("q", [0]), array("q", [0])]

    def _open(self, name: str) -> io.BufferedWriter | io.BytesIO:
        if self.folder is None:
            return io.BytesIO()
        return (self.folder / f"{name}.jsonl").open("wb")

    def add(self, passage: Passage) -> list[str]:
        """Write the passage and its sentence spans; returns its sentences."""
        found = sentences.spans(passage.text)
        for output, offsets, line in zip(self._outputs, self._offsets,
                                         (to_line(passage), _spans_json(found)), strict=True):
            output.write(line)
            offsets.append(offsets[-1] + len(line))
        return sentences.from_spans(passage.text, found)

    def finish(self) -> PassageStore:
        from indexer.store import map_file

        data: list[bytes | memoryview] = []
        for name, output in zip(("passages", "sentences"), self._outputs, strict=True):
            if isinstance(output, io.BytesIO):
                data.append(output.getvalue())
            else:
                output.close()
                assert self.folder is not None
                data.append(map_file(self.folder / f"{name}.jsonl"))
        passages, sentence_offsets = (np.frombuffer(o, dtype=np.int64).copy()
                                      for o in self._offsets)
        store = PassageStore(data[0], passages, (data[1], sentence_offsets))
        store.files = self.folder
        return store
