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
        corpus.json                sources, programs, glossary, timeline, document list
        bank_*.npy, bank.json      the question bank as a second BM25 field (same passage ids)
                                   and its questions per passage

A new build is written to a fresh folder and only then named in CURRENT, so a reader sees
either the old index or the new one, never a half-written one. Writers take an exclusive
lock on `<index dir>/.lock` (fcntl.flock) for the whole write and the clean-up after it, so
builds running at once are saved one after the other; the clean-up removes only finished
builds that CURRENT does not name.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from indexer.errors import IndexFileError

log = logging.getLogger(__name__)

FORMAT_VERSION = 9  # 7: sources carry publisher, published and site; 8-9: the question bank
ARRAYS = ("indptr", "doc_ids", "weights", "doc_len", "idf", "passage_offsets",
          "bank_indptr", "bank_doc_ids", "bank_weights", "bank_doc_len", "bank_idf")
REBUILD_HINT = "rebuild it with `python -m bot index`"
JSONS = ("vocabulary", "corpus", "languages", "commonness", "bank")
FILES = frozenset({*(f"{n}.npy" for n in ARRAYS), *(f"{n}.json" for n in JSONS),
                   "passages.jsonl"})
LOCK = ".lock"
_BUILD_NAME = re.compile(r"build-[A-Za-z0-9_-]{1,80}")
ABANDONED_SECONDS = 3600  # an unfinished build this old was left by a writer that died


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest_checksum(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def write_build(root: Path, arrays: dict[str, np.ndarray], jsons: dict[str, Any],
                lines: dict[str, bytes], manifest: dict[str, Any]) -> Path:
    """Write a build folder under `root`, then point CURRENT at it. Returns the folder.

    Raises IndexFileError, with the reason in one line, when `root` cannot be written.
    """
    root = Path(root)
    try:
        if root.exists() and not root.is_dir():
            raise IndexFileError(f"{root} is a file, not an index folder; point --index (or "
                                 "INDEX_DIR) at a folder")
        root.mkdir(parents=True, exist_ok=True)
        with build_lock(root):
            folder = _write_folder(root, arrays, jsons, lines, manifest)
            _remove_old_builds(root, keep=folder.name)
    except OSError as exc:
        raise IndexFileError(f"cannot write the index in {root}: {exc.strerror or exc}"
                             ) from None
    return folder


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the index folder's build lock; waits while another process holds it."""
    fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("another build of %s is being saved; waiting for it to finish", root)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _write_folder(root: Path, arrays: dict[str, np.ndarray], jsons: dict[str, Any],
                  lines: dict[str, bytes], manifest: dict[str, Any]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"build-{time.strftime('%Y%m%dT%H%M%S')}-", dir=root))
    try:
        for name, value in arrays.items():
            np.save(folder / f"{name}.npy", value, allow_pickle=False)
        for name, value in jsons.items():
            (folder / f"{name}.json").write_text(json.dumps(value, ensure_ascii=False), "utf-8")
        for name, data in lines.items():
            (folder / f"{name}.jsonl").write_bytes(data)
        files = sorted(p.name for p in folder.iterdir())
        manifest = {**manifest, "format_version": FORMAT_VERSION,
                    "files": {name: _sha256(folder / name) for name in files}}
        manifest["checksum"] = _manifest_checksum(manifest)
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
        _fsync_dir(folder)
        pointer = root / f".CURRENT.{os.getpid()}"
        pointer.write_text(folder.name + "\n", "utf-8")
        current = root / "CURRENT"
        if current.is_dir() and not current.is_symlink():
            log.warning("%s was a folder, not the pointer file; replacing it", current)
            shutil.rmtree(current)
        pointer.replace(current)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def _fsync_dir(folder: Path) -> None:
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())


def _remove_old_builds(root: Path, keep: str) -> None:
    """Remove finished builds other than `keep` (which CURRENT names: the caller holds the
    build lock). An unfinished one is left alone unless it was abandoned long ago."""
    for path in root.glob("build-*"):
        if path.name == keep or not path.is_dir() or path.is_symlink():
            continue
        finished = (path / "manifest.json").exists()
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            continue
        if finished or age > ABANDONED_SECONDS:
            shutil.rmtree(path, ignore_errors=True)


def current_build(root: Path) -> Path:
    """The build folder CURRENT names; IndexFileError if there is none or it is damaged."""
    root = Path(root)
    pointer = root / "CURRENT"
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        raise IndexFileError(f"no index at {root}; {REBUILD_HINT}") from None
    except NotADirectoryError:
        raise IndexFileError(f"{root} is a file, not an index folder; point --index (or "
                             "INDEX_DIR) at a folder") from None
    except IsADirectoryError:
        raise IndexFileError(f"{pointer} is a folder, not the pointer file; {REBUILD_HINT}"
                             ) from None
    except OSError as exc:
        raise IndexFileError(f"cannot read {pointer}: {exc.strerror}; {REBUILD_HINT}") from None
    try:
        name = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise IndexFileError(f"{pointer} is damaged (not text); {REBUILD_HINT}") from None
    if not _BUILD_NAME.fullmatch(name):
        shown = name if len(name) <= 60 else name[:57] + "..."
        raise IndexFileError(f"{pointer} does not name a build ({shown!r}); {REBUILD_HINT}")
    folder = root / name
    if not folder.is_dir():
        raise IndexFileError(f"{pointer} names a missing build '{name}'; {REBUILD_HINT}")
    return folder


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise IndexFileError(f"{path} is missing; {REBUILD_HINT}") from None
    except (OSError, ValueError, RecursionError) as exc:
        raise IndexFileError(f"{path} is unreadable ({exc}); {REBUILD_HINT}") from None
    if not isinstance(manifest, dict):
        raise IndexFileError(f"{path} is not an index manifest; {REBUILD_HINT}")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexFileError(
            f"the index at {folder.parent} has format version "
            f"{manifest.get('format_version')!r}, this program reads version {FORMAT_VERSION}; "
            f"{REBUILD_HINT}")
    if manifest.get("checksum") != _manifest_checksum(manifest):
        raise IndexFileError(f"{path} fails its checksum (edited or damaged); {REBUILD_HINT}")
    return manifest


def read_build(folder: Path, manifest: dict[str, Any]) -> tuple[
        dict[str, np.ndarray], dict[str, Any], dict[str, bytes]]:
    """Read every file of a build once, check its sha256 against the manifest, then parse it."""
    files = manifest.get("files")
    if (not isinstance(files, dict) or set(files) != FILES
            or not all(isinstance(v, str) for v in files.values())):
        raise IndexFileError(f"the manifest in {folder} does not list the files of an index; "
                             f"{REBUILD_HINT}")
    data: dict[str, bytes] = {}
    for name, expected in sorted(files.items()):
        path = folder / name
        try:
            data[name] = path.read_bytes()
        except FileNotFoundError:
            raise IndexFileError(f"{path} is missing; {REBUILD_HINT}") from None
        except OSError as exc:
            raise IndexFileError(f"cannot read {path}: {exc.strerror}; {REBUILD_HINT}"
                                 ) from None
        if hashlib.sha256(data[name]).hexdigest() != expected:
            raise IndexFileError(f"{path} fails its checksum (damaged or edited); "
                                 f"{REBUILD_HINT}")
    try:
        arrays = {n: np.load(io.BytesIO(data[f"{n}.npy"]), allow_pickle=False) for n in ARRAYS}
        jsons = {n: json.loads(data[f"{n}.json"]) for n in JSONS}
        lines = {"passages": data["passages.jsonl"]}
    except (ValueError, RecursionError) as exc:
        raise IndexFileError(f"the index in {folder} cannot be read ({exc}); {REBUILD_HINT}"
                             ) from None
    return arrays, jsons, lines
