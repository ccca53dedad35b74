"""Which files make up a corpus, and its fingerprint (which changes when any of them does)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from indexer.bank import bank_files, gap_files

# Extensions that look like corpus files but are not read; each one is reported, not skipped.
_NEAR_MISSES = {"documents": (".md", {".md", ".markdown", ".mdown", ".txt"}),
                "bank": (".yaml", {".yaml", ".yml", ".json"}),
                "gaps": (".yaml", {".yaml", ".yml", ".json"}),
                "programs": (".yaml", {".yaml", ".yml", ".json"})}


def corpus_files(root: Path) -> list[Path]:
    """Every data file of the corpus, in a stable order (misnamed ones too, so that adding
    one makes the index stale and its problem is reported)."""
    return [Path(name) for name in _corpus_file_names(root)]


def _corpus_file_names(root: Path) -> list[str]:
    """`corpus_files` as strings: a large corpus is tens of thousands of documents, and
    making a Path of each is most of the time a cold start spends checking the corpus."""
    files = [root / name for name in ("sources.yaml", "glossary.yaml", "timeline.yaml")]
    names = [str(f) for f in files if f.exists() or f.is_symlink()]
    tree = _tree(root / "documents")
    names += _document_names(tree) + [str(p) for p in program_files(root)]
    names += [str(p) for p in misnamed(root, tree)]
    return names + [str(p) for p in bank_files(root) + gap_files(root)]


def _tree(folder: Path) -> list[str]:
    """Everything under `folder`, as `folder.rglob("*")` finds it (not inside linked
    folders), as path strings."""
    found: list[str] = []
    stack = [str(folder)]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                found.append(entry.path)
                try:
                    if entry.is_dir() and not entry.is_symlink():
                        stack.append(entry.path)
                except OSError:
                    pass
    return found


def _document_names(tree: list[str]) -> list[str]:
    # sorted as Paths sort: part by part
    return sorted((name for name in tree if name.endswith(".md")),
                  key=lambda name: name.split(os.sep))  # noqa: PTH206


def document_files(root: Path) -> list[Path]:
    return [Path(name) for name in _document_names(_tree(root / "documents"))]


def program_files(root: Path) -> list[Path]:
    folder = root / "programs"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def misnamed(root: Path, documents: list[str] | None = None) -> list[Path]:
    """Files that look meant for the corpus but would not be read: `x.yml` among the
    programs, `x.MD` or `x.markdown` among the documents, `sources.yml` for `sources.yaml`.
    (`documents`: what is under documents/, if already listed.)"""
    top = {"sources", "glossary", "timeline"}
    found = sorted(f for f in root.iterdir() if f.stem in top and f.suffix != ".yaml"
                   and f.suffix.lower() in (".yaml", ".yml")) if root.is_dir() else []
    for folder, (wanted, similar) in _NEAR_MISSES.items():
        if not (root / folder).is_dir():
            continue
        if folder == "documents":
            listed = _tree(root / folder) if documents is None else documents
            candidates = [Path(name) for name in listed if not name.endswith(wanted)
                          and os.path.splitext(name)[1].lower() in similar]  # noqa: PTH122
        else:
            candidates = list((root / folder).glob("*"))
        found += sorted(f for f in candidates if f.suffix != wanted
                        and f.suffix.lower() in similar and not f.name.startswith("."))
    return found


def fingerprint(root: Path) -> str:
    """sha256 over the names and bytes of the corpus files: changes when any file changes."""
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


def corpus_stat(root: Path, settled_before: int | None = None) -> str | None:
    """A digest of the corpus files' names, sizes, inodes and change times: equal means
    unchanged (any write moves the ctime) without reading the files. With `settled_before`
    (ns), None if a file changed within a second of it: timestamps are coarse, so a change in
    the same tick could leave them equal."""
    digest = hashlib.sha256()
    prefix = f"{root}{os.sep}"
    for name in _corpus_file_names(root):
        try:
            stat = os.stat(name)  # noqa: PTH116 (a Path of each costs more than the stat)
        except OSError:
            return None
        if settled_before is not None and max(stat.st_mtime_ns, stat.st_ctime_ns) > (
                settled_before - 1_000_000_000):
            return None
        relative = (name[len(prefix):] if name.startswith(prefix)
                    else Path(name).relative_to(root).as_posix())
        digest.update(f"{relative}\0{stat.st_size}\0{stat.st_ino}\0"
                      f"{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0".encode())
    return digest.hexdigest()
