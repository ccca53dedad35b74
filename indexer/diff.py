"""What a rebuild would change: items added, removed and changed, by kind."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from indexer.corpus import Corpus
from indexer.index import SearchIndex, corpus_data
from indexer.passage_store import line_id, to_line
from indexer.passages import passages

KINDS = ("documents", "passages", "programs", "glossary")


@dataclass(frozen=True)
class Change:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()
                          ).hexdigest()


def _digest16(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass(frozen=True)
class PassageDigests:
    """Every passage's id and saved line as 16-byte digests, sorted by the id's: 40 bytes a
    passage in three numpy arrays, where a dict of id → hex digest took about 250 (a reindex
    of a large corpus holds two of them beside the index being served). `names` gives the
    ids of passages by their position, read again from where they came from, for the few
    that differ."""

    ids: npt.NDArray[np.bytes_]  # S16, ascending
    lines: npt.NDArray[np.bytes_]  # S16, in the order of `ids`
    positions: npt.NDArray[np.intp]  # the passage number of each
    names: Callable[[Sequence[int]], list[str]]

    @classmethod
    def of_lines(cls, lines: Iterable[bytes], names: Callable[[Sequence[int]], list[str]]
                 ) -> PassageDigests:
        """From the passages' JSON lines, in passage order."""
        ids, digests = bytearray(), bytearray()
        for line in lines:
            ids += _digest16(line_id(line))
            digests += _digest16(line)
        keys = np.frombuffer(ids, dtype="S16")
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], np.frombuffer(digests, dtype="S16")[order], order, names)

    @classmethod
    def empty(cls) -> PassageDigests:
        return cls.of_lines((), lambda positions: [])

    def compare(self, new: PassageDigests) -> Change:
        """What `new` adds, removes and changes against these."""
        if not len(self.ids):
            found = np.zeros(len(new.ids), dtype=bool)
            at = np.zeros(len(new.ids), dtype=np.intp)
        else:
            at = np.minimum(np.searchsorted(self.ids, new.ids), len(self.ids) - 1)
            found = self.ids[at] == new.ids
        kept = np.zeros(len(self.ids), dtype=bool)
        kept[at[found]] = True
        changed = found & (self.lines[at] != new.lines) if len(self.ids) else found

        def named(digests: PassageDigests, chosen: npt.NDArray[np.bool_]) -> list[str]:
            return sorted(digests.names(np.sort(digests.positions[chosen]).tolist()))
        return Change(added=named(new, ~found), removed=named(self, ~kept),
                      changed=named(new, changed))


Fingerprints = dict[str, "dict[str, str] | PassageDigests"]


def fingerprints(data: dict[str, Any], passages: PassageDigests) -> Fingerprints:
    """id → content digest for each kind of item."""
    return {
        "documents": {d["id"]: _digest({k: v for k, v in d.items() if k != "path"})
                      for d in data["documents"]},
        "passages": passages,
        "programs": {p["id"]: _digest(p) for p in data["programs"]},
        "glossary": {g["concept"]: _digest(g) for g in data["glossary"]},
    }


def of_index(index: SearchIndex | None) -> Fingerprints:
    if index is None:
        return {kind: PassageDigests.empty() if kind == "passages" else {} for kind in KINDS}
    store = index.passages
    return fingerprints(index.corpus_json, PassageDigests.of_lines(
        store.lines(),
        lambda positions: [store.passage_id(i) for i in positions]))


def of_corpus(corpus: Corpus) -> Fingerprints:
    """Digests of the passages' lines as the index saves them, one passage at a time (no
    store of the whole corpus in memory)."""
    def names(positions: Sequence[int]) -> list[str]:
        wanted = set(positions)
        return [p.id for i, p in enumerate(passages(corpus)) if i in wanted]
    return fingerprints(corpus_data(corpus), PassageDigests.of_lines(
        (to_line(p) for p in passages(corpus)), names))


def compare(old: Fingerprints, new: Fingerprints) -> dict[str, Change]:
    result = {}
    for kind in KINDS:
        before, after = old.get(kind, {}), new.get(kind, {})
        if isinstance(before, PassageDigests) and isinstance(after, PassageDigests):
            result[kind] = before.compare(after)
            continue
        assert isinstance(before, dict) and isinstance(after, dict)
        result[kind] = Change(
            added=sorted(after.keys() - before.keys()),
            removed=sorted(before.keys() - after.keys()),
            changed=sorted(k for k in before.keys() & after.keys() if before[k] != after[k]),
        )
    return result


def summary(changes: dict[str, Change]) -> list[str]:
    """One line per kind: 'passages: +3 −1 ~2'."""
    return [f"{kind}: +{len(c.added)} −{len(c.removed)} ~{len(c.changed)}"
            for kind, c in changes.items()]
