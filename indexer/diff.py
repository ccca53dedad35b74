"""What a rebuild would change: items added, removed and changed, by kind."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from indexer.corpus import Corpus
from indexer.index import SearchIndex, corpus_data
from indexer.passage_store import PassageStore, to_line
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


def fingerprints(data: dict[str, Any], passages: PassageStore | dict[str, str]
                 ) -> dict[str, dict[str, str]]:
    """id → content digest for each kind of item."""
    return {
        "documents": {d["id"]: _digest({k: v for k, v in d.items() if k != "path"})
                      for d in data["documents"]},
        "passages": passages if isinstance(passages, dict) else passages.fingerprints(),
        "programs": {p["id"]: _digest(p) for p in data["programs"]},
        "glossary": {g["concept"]: _digest(g) for g in data["glossary"]},
    }


def of_index(index: SearchIndex | None) -> dict[str, dict[str, str]]:
    if index is None:
        return {kind: {} for kind in KINDS}
    return fingerprints(index.corpus_json, index.passages)


def of_corpus(corpus: Corpus) -> dict[str, dict[str, str]]:
    """Digests of the passages' lines as the index saves them, one passage at a time (no
    store of the whole corpus in memory)."""
    digests = {p.id: hashlib.sha256(to_line(p)).hexdigest() for p in passages(corpus)}
    return fingerprints(corpus_data(corpus), digests)


def compare(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> dict[str, Change]:
    result = {}
    for kind in KINDS:
        before, after = old.get(kind, {}), new.get(kind, {})
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
