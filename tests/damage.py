"""Kinds of corpus damage, each with the problem line it must produce.

Applied to the corpus of `tests.helpers.write_corpus`; shared by the validation, index, CLI
and Discord tests, so every kind is checked at every front door.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TIMELINE = """\
events:
  - date: {date}
    text: {{en: "The charter was signed.", id: "Piagam ditandatangani.", de: "Unterzeichnet."}}
    sources: [city]
    confidence: C2
"""


@dataclass(frozen=True)
class Damage:
    name: str
    apply: Callable[[Path], None]
    expected: str  # a substring of one reported problem: file, line and field


def _replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return apply


def _timeline(root: Path) -> None:
    (root / "timeline.yaml").write_text(TIMELINE.format(date="1956-02-31"), "utf-8")


def _symlink_loop(root: Path) -> None:
    (root / "documents/en/loop.md").symlink_to("loop.md")


def _empty(root: Path) -> None:
    for folder in ("documents", "programs"):
        shutil.rmtree(root / folder)
        (root / folder).mkdir()


def _rename(relative: str, new_name: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / relative).rename((root / relative).with_name(new_name))
    return apply


def _duplicate_program(root: Path) -> None:
    shutil.copy(root / "programs/bridge.yaml", root / "programs/bridge-copy.yaml")


DAMAGES = [
    Damage("impossible accessed date", _replace("sources.yaml", "accessed: 2026-11-28",
                                                "accessed: 2026-02-30"),
           "corpus/sources.yaml:6: field 'sources.0.accessed': '2026-02-30' is not a calendar"),
    Damage("impossible updated date", _replace("documents/en/charter-en.md",
                                               "updated: 2026-11-28", "updated: 2026-13-45"),
           "corpus/documents/en/charter-en.md:7: field 'updated': '2026-13-45' is not a"),
    Damage("impossible timeline date", _timeline,
           "corpus/timeline.yaml:2: field 'events.0.date': Value error, 1956-02-31 is not a "
           "calendar date"),
    Damage("symlink loop", _symlink_loop,
           "corpus/documents/en/loop.md: is a symbolic link that loops back on itself"),
    Damage("no documents or programs", _empty,
           "corpus/documents: the corpus has no documents and no program records"),
    Damage(".yml program", _rename("programs/bridge.yaml", "bridge.yml"),
           "corpus/programs/bridge.yml: is not read: corpus files end in '.yaml' (rename it "
           "to bridge.yaml"),
    Damage(".MD document", _rename("documents/de/charter-de.md", "charter-de.MD"),
           "corpus/documents/de/charter-de.MD: is not read: corpus files end in '.md'"),
    Damage("duplicate program id", _duplicate_program,
           "corpus/programs/bridge.yaml:1: field 'id': duplicate program id 'bridge' (also in "
           "corpus/programs/bridge-copy.yaml)"),
]
