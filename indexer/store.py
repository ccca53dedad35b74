"""Save and load an index as a folder of plain, checksummed files (never pickle).

    <index dir>/CURRENT            name of the active build folder (replaced atomically)
    <index dir>/build-<stamp>/
        manifest.json              format version, corpus fingerprint, tokenizer config,
                                   BM25 parameters, sha256 of every other file, own checksum
        vocabulary.json            terms in id order
        languages.json             word → language share, for telling a question's language
        commonness.json            language → word → Zipf frequency in everyday language
        indptr.npy doc_ids.npy weights.npy doc_len.npy idf.npy   the postings (numpy, no pickle)
        passages.jsonl             one passage per line; passage_offsets.npy: where each starts
        sentences.jsonl            each passage's sentences (as spans of its text), one line
                                   per passage; sentence_offsets.npy: where each line starts
        stems.json                 language → corpus word → stem, so answering rarely needs
                                   the stemmers (importing nltk is a third of a cold start)
        compounds.json             German compound → the stems of its parts
        corpus.json                sources, programs, glossary, timeline, document list
        bank_*.npy, bank.json      the question bank as a second BM25 field (same passage ids)
                                   and its questions per passage

A new build is written to a fresh folder and only then named in CURRENT, so a reader sees
either the old index or the new one, never a half-written one.

Reading maps the files into memory instead of copying them: a process touches only the pages
its questions need, and processes serving the same build share them. Every file is checked
against its sha256 the first time a build is opened; `verified.json` then records each file's
size, inode and change times, and later opens re-hash only a file whose record differs.
(Writing a file changes its ctime, which cannot be set back. A file changed less than a
second before the record would be written is left unrecorded: timestamps are coarse.)
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import mmap
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from indexer.errors import IndexBusyError, IndexFileError

log = logging.getLogger(__name__)

FORMAT_VERSION = 8
ARRAYS = ("indptr", "doc_ids", "weights", "doc_len", "idf", "passage_offsets",
          "sentence_offsets",
          "bank_indptr", "bank_doc_ids", "bank_weights", "bank_doc_len", "bank_idf")
JSONS = ("vocabulary", "corpus", "languages", "commonness", "bank", "stems", "compounds")
LINES = ("passages", "sentences")
VERIFIED = "verified.json"
RACY_NS = 1_000_000_000  # files changed this recently are re-hashed next time too
REBUILD_HINT = "rebuild it with `python -m bot index`"


@contextmanager
def build_lock(root: Path, wait: bool = True) -> Iterator[None]:
    """Held while a build is made and written, so one process builds at a time: an flock
    on <index dir>/.build.lock, released by the kernel if the process dies. Without `wait`,
    raise IndexBusyError when another process holds it."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".build.lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise IndexBusyError(f"another process is building the index in {root}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest_checksum(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def write_build(root: Path, arrays: dict[str, np.ndarray | Path], jsons: dict[str, Any],
                lines: dict[str, bytes | memoryview | Path], manifest: dict[str, Any]) -> Path:
    """Write a build folder under `root`, then point CURRENT at it. Returns the folder.
    An array or line file given as a Path (already written, on the same file system) is
    moved in rather than copied."""
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"build-{time.strftime('%Y%m%dT%H%M%S')}-", dir=root))
    try:
        for name, value in arrays.items():
            if isinstance(value, Path):
                value.replace(folder / f"{name}.npy")
            else:
                np.save(folder / f"{name}.npy", value, allow_pickle=False)
        for name, value in jsons.items():
            (folder / f"{name}.json").write_text(json.dumps(value, ensure_ascii=False), "utf-8")
        for name, data in lines.items():
            if isinstance(data, Path):
                data.replace(folder / f"{name}.jsonl")
            else:
                (folder / f"{name}.jsonl").write_bytes(data)
        files = sorted(p.name for p in folder.iterdir())
        manifest = {**manifest, "format_version": FORMAT_VERSION,
                    "files": {name: _sha256(folder / name) for name in files}}
        manifest["checksum"] = _manifest_checksum(manifest)
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
        _fsync_dir(folder)
        pointer = root / f".CURRENT.{os.getpid()}"
        pointer.write_text(folder.name + "\n", "utf-8")
        pointer.replace(root / "CURRENT")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    _remove_old_builds(root, keep=folder.name)
    return folder


def _fsync_dir(folder: Path) -> None:
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())


def _remove_old_builds(root: Path, keep: str) -> None:
    for path in root.glob("build-*"):
        if path.name != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def current_build(root: Path) -> Path:
    pointer = root / "CURRENT"
    try:
        name = pointer.read_text("utf-8").strip()
    except FileNotFoundError:
        raise IndexFileError(f"no index at {root}; {REBUILD_HINT}") from None
    except OSError as exc:
        raise IndexFileError(f"cannot read {pointer}: {exc.strerror}; {REBUILD_HINT}") from None
    folder = root / name
    if not name.startswith("build-") or "/" in name or not folder.is_dir():
        raise IndexFileError(f"{pointer} names a missing build '{name}'; {REBUILD_HINT}")
    return folder


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise IndexFileError(f"{path} is missing; {REBUILD_HINT}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexFileError(f"{path} is unreadable ({exc}); {REBUILD_HINT}") from None
    if not isinstance(manifest, dict):
        raise IndexFileError(f"{path} is not an index manifest; {REBUILD_HINT}")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexFileError(
            f"the index at {folder.parent} has format version {manifest.get('format_version')!r}, "
            f"this program reads version {FORMAT_VERSION}; {REBUILD_HINT}")
    if manifest.get("checksum") != _manifest_checksum(manifest):
        raise IndexFileError(f"{path} fails its checksum (edited or damaged); {REBUILD_HINT}")
    return manifest


def read_build(folder: Path, manifest: dict[str, Any]) -> tuple[
        dict[str, np.ndarray], dict[str, Any], dict[str, memoryview | bytes]]:
    """Check every file of a build against the manifest, then map the arrays and the line
    files (read-only, no copy) and parse the JSON files."""
    verify_build(folder, manifest.get("files", {}))
    try:
        # plain ndarray views of the mappings: np.memmap's Python-level slicing would cost
        # microseconds on every postings slice of every query
        arrays = {n: np.load(folder / f"{n}.npy", mmap_mode="r", allow_pickle=False
                             ).view(np.ndarray) for n in ARRAYS}
        jsons = {n: json.loads((folder / f"{n}.json").read_bytes()) for n in JSONS}
        lines = {n: map_file(folder / f"{n}.jsonl") for n in LINES}
    except FileNotFoundError as exc:
        raise IndexFileError(f"the index in {folder} lacks {Path(str(exc.filename)).name}; "
                             f"{REBUILD_HINT}") from None
    except (OSError, ValueError) as exc:
        raise IndexFileError(f"the index in {folder} cannot be read ({exc}); {REBUILD_HINT}"
                             ) from None
    return arrays, jsons, lines


def map_file(path: Path) -> memoryview | bytes:
    """The file's bytes, memory-mapped read-only (an empty file is b"")."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b""
        return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))


def verify_build(folder: Path, files: dict[str, str]) -> None:
    """Raise IndexFileError unless every file matches its sha256 (see the module docstring
    for when a file is trusted from `verified.json` instead of re-hashed)."""
    recorded = _read_verified(folder)
    checked: dict[str, list[Any]] = {}
    for name, expected in files.items():
        path = folder / name
        try:
            stat = path.stat()
            entry = [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, expected]
            if recorded.get(name) != entry and _sha256_mapped(path) != expected:
                raise IndexFileError(
                    f"{path} fails its checksum (damaged or edited); {REBUILD_HINT}")
        except FileNotFoundError:
            raise IndexFileError(f"{path} is missing; {REBUILD_HINT}") from None
        except OSError as exc:
            raise IndexFileError(f"cannot read {path}: {exc.strerror}; {REBUILD_HINT}"
                                 ) from None
        checked[name] = entry
    settled = time.time_ns() - RACY_NS
    keep = {n: e for n, e in checked.items() if max(e[2], e[3]) < settled}
    if keep != recorded:
        _write_verified(folder, keep)


def _sha256_mapped(path: Path) -> str:
    """sha256 of a file, hashed straight from its mapping (no copy into Python)."""
    return hashlib.sha256(map_file(path)).hexdigest()


def _read_verified(folder: Path) -> dict[str, Any]:
    try:
        recorded = json.loads((folder / VERIFIED).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return recorded if isinstance(recorded, dict) else {}


def _write_verified(folder: Path, entries: dict[str, list[Any]]) -> None:
    """Best effort: a read-only index folder is simply checked in full every time."""
    temporary = folder / f".{VERIFIED}.{os.getpid()}"
    try:
        temporary.write_text(json.dumps(entries), "utf-8")
        temporary.replace(folder / VERIFIED)
    except OSError as exc:
        log.debug("cannot record the verified index files in %s: %s", folder, exc)
        temporary.unlink(missing_ok=True)
