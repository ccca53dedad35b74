"""Which files make up a corpus, and its fingerprint (which changes when any of them does)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from indexer.bank import bank_files

# Extensions that look like corpus files but are not read; each one is reported, not skipped.
_NEAR_MISSES = {"documents": (".md", {".md", ".markdown", ".mdown", ".txt"}),
                "bank": (".yaml", {".yaml", ".yml", ".json"}),
                "programs": (".yaml", {".yaml", ".yml", ".json"})}


def corpus_files(root: Path) -> list[Path]:
    """Every data file of the corpus, in a stable order (misnamed ones too, so that adding
    one makes the index stale and its problem is reported)."""
    files = [root / name for name in ("sources.yaml", "glossary.yaml", "timeline.yaml")]
    files = [f for f in files if f.exists() or f.is_symlink()]
    files += document_files(root) + program_files(root) + misnamed(root)
    return files + bank_files(root)


def document_files(root: Path) -> list[Path]:
    folder = root / "documents"
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def program_files(root: Path) -> list[Path]:
    folder = root / "programs"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def misnamed(root: Path) -> list[Path]:
    """Files that look meant for the corpus but would not be read: `x.yml` among the
    programs, `x.MD` or `x.markdown` among the documents, `sources.yml` for `sources.yaml`."""
    top = {"sources", "glossary", "timeline"}
    found = sorted(f for f in root.iterdir() if f.stem in top and f.suffix != ".yaml"
                   and f.suffix.lower() in (".yaml", ".yml")) if root.is_dir() else []
    for folder, (wanted, similar) in _NEAR_MISSES.items():
        if not (root / folder).is_dir():
            continue
        candidates = (root / folder).rglob("*") if folder == "documents" else (
            root / folder).glob("*")
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
    for path in corpus_files(root):
        try:
            stat = path.stat()
        except OSError:
            return None
        if settled_before is not None and max(stat.st_mtime_ns, stat.st_ctime_ns) > (
                settled_before - 1_000_000_000):
            return None
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_ino}\0"
                      f"{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0".encode())
    return digest.hexdigest()
