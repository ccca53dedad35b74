"""Save and load an index as a folder of plain, checksummed files (never pickle).

    <index dir>/CURRENT            name of the active build folder (replaced atomically)
    <index dir>/.lock              the build lock (see `build_lock`)
    <index dir>/build-<stamp>/
        manifest.json              format version, corpus fingerprint, tokenizer config,
                                   BM25 parameters, sha256 of every other file, own checksum
        vocabulary.json            terms in id order
        languages.json             word → language share, for telling a question's language
        language_words.npy language_counts.npy language_grams.npy language_gram_counts.npy
                                   each word's and letter trigram's occurrences per language
                                   (see indexer.language)
        commonness_words.npy       each language's everyday words (UTF-8, sorted), and
        commonness_zipf.npy        their Zipf frequencies; the manifest's `commonness` gives
                                   each language's rows (see indexer.commonness)
        indptr.npy doc_ids.npy weights.npy doc_len.npy idf.npy   the postings (numpy, no pickle)
        max_weight.npy             each term's largest weight (the search's bound)
        passages.jsonl             one passage per line; passage_offsets.npy: where each starts
        sentences.jsonl            each passage's sentences (as spans of its text), one line
                                   per passage; sentence_offsets.npy: where each line starts
        stems.json                 language → corpus word → stem, so answering rarely needs
                                   the stemmers (importing nltk is a third of a cold start)
        compounds.json             German compound → the stems of its parts
        corpus.json                sources, programs, glossary, timeline, document list
        bank_*.npy, bank.json      the question bank as a second BM25 field (same passage ids)
                                   and, for the passages that have any, its questions and the
                                   sentence answering each, the known gaps, and each term's
                                   odds of being asked by a gap (indexer.gapwords), and
                                   each question word's lift of the shapes of its answers
                                   (indexer.answershapes)
        verified.json              not listed in the manifest: see below

A new build is written to a fresh folder and only then named in CURRENT, so a reader sees
either the old index or the new one, never a half-written one. One process builds at a
time: `build_lock` holds an flock on `<index dir>/.lock` for the whole build, the write and
the clean-up after it (a save alone takes it too), so builds running at once are saved one
after the other; the clean-up removes only finished builds that CURRENT does not name.

Reading maps the files into memory instead of copying them: a process touches only the pages
its questions need, and processes serving the same build share them. Every file is checked
against its sha256 the first time a build is opened, and the build's contents are checked
(`indexer.checks`); only once both passed does `verified.json` record each file's size,
inode and change times, and later opens re-hash (and re-check in full) only when a record
differs. (Writing a file changes its ctime, which cannot be set back. A file changed less
than a second before the record would be written is left unrecorded: timestamps are coarse.)
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import mmap
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from indexer.errors import IndexBusyError, IndexFileError

log = logging.getLogger(__name__)

# 7: sources carry publisher, published and site; 8-9: the question bank; 10: memory-mapped
# loading with saved stems, compounds and sentence spans, the bank kept sparse; 11: each
# term's largest weight (max_weight.npy), the bound that lets a search skip postings; 12: the
# everyday-word table as sorted arrays (commonness_*.npy), looked up without being parsed; 13:
# the questions the corpus leaves open (corpus/gaps), in bank.json; 14: each word's counts
# per language, for language detection (language_*.npy); 15: each term's odds of being asked
# by a known gap rather than a bank question (gap_odds in bank.json, indexer.gapwords); 16:
# each question word's lift of the shapes of its answers (shape_lifts in bank.json,
# indexer.answershapes)
FORMAT_VERSION = 16
ARRAYS = ("indptr", "doc_ids", "weights", "doc_len", "idf", "max_weight", "passage_offsets",
          "sentence_offsets", "bank_indptr", "bank_doc_ids", "bank_weights", "bank_doc_len",
          "bank_idf", "bank_max_weight", "commonness_words", "commonness_zipf",
          "language_words", "language_counts", "language_grams", "language_gram_counts")
JSONS = ("vocabulary", "corpus", "languages", "bank", "stems", "compounds")
LINES = ("passages", "sentences")
FILES = frozenset({*(f"{n}.npy" for n in ARRAYS), *(f"{n}.json" for n in JSONS),
                   *(f"{n}.jsonl" for n in LINES)})
VERIFIED = "verified.json"
RACY_NS = 1_000_000_000  # files changed this recently are re-hashed next time too
REBUILD_HINT = "rebuild it with `python -m bot index`"
LOCK = ".lock"
_BUILD_NAME = re.compile(r"build-[A-Za-z0-9_-]{1,80}")
ABANDONED_SECONDS = 3600  # an unfinished build this old was left by a writer that died

Check = Callable[[dict[str, np.ndarray], dict[str, Any], dict[str, "memoryview | bytes"], bool],
                 None]

_held = threading.local()  # index folders whose build lock this thread holds


def _not_a_folder(root: Path) -> IndexFileError:
    return IndexFileError(f"{root} is a file, not an index folder; point --index (or "
                          "INDEX_DIR) at a folder")


@contextmanager
def build_lock(root: Path, wait: bool = True) -> Iterator[None]:
    """Hold the index folder's build lock, so one process builds at a time: an flock on
    <index dir>/.lock, released by the kernel if the process dies. It waits while another
    process (or thread) holds it; without `wait` it raises IndexBusyError instead. A thread
    already holding it takes it again at once (a build saves under the lock it holds).

    Raises IndexFileError, with the reason in one line, when the folder cannot be written.
    """
    root = Path(root)
    key = str(root.absolute())
    held: set[str] = _held.__dict__.setdefault("roots", set())
    if key in held:
        yield
        return
    try:
        if root.exists() and not root.is_dir():
            raise _not_a_folder(root)
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except NotADirectoryError:
        raise _not_a_folder(root) from None
    except OSError as exc:
        raise IndexFileError(f"cannot write the index in {root}: {exc.strerror or exc}"
                             ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise IndexBusyError(f"another process is building the index in {root}"
                                     ) from None
            log.info("another process is building the index in %s; waiting for it to finish",
                     root)
            fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
    finally:
        os.close(fd)  # releases the lock


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
    """Write a build folder under `root` (holding the build lock), then point CURRENT at it.
    Returns the folder. An array or line file given as a Path (already written, on the same
    file system) is moved in rather than copied.

    Raises IndexFileError, with the reason in one line, when `root` cannot be written.
    """
    root = Path(root)
    with build_lock(root):
        try:
            folder = _write_folder(root, arrays, jsons, lines, manifest)
            _remove_old_builds(root, keep=folder.name)
        except OSError as exc:
            raise IndexFileError(f"cannot write the index in {root}: {exc.strerror or exc}"
                                 ) from None
    return folder


def _write_folder(root: Path, arrays: dict[str, np.ndarray | Path], jsons: dict[str, Any],
                  lines: dict[str, bytes | memoryview | Path], manifest: dict[str, Any]) -> Path:
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
    build lock). An unfinished one is left alone unless it was abandoned long ago, and so is
    a build's scratch folder (`.spill-*`). A process
    still answering from a removed build keeps its mappings: the files go when it lets go."""
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
    for path in root.glob(".spill-*"):  # scratch of a build whose process died
        try:
            abandoned = time.time() - path.stat().st_mtime > ABANDONED_SECONDS
        except OSError:
            continue
        if abandoned and path.is_dir() and not path.is_symlink():
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
        raise _not_a_folder(root) from None
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


def read_build(folder: Path, manifest: dict[str, Any], check: Check | None = None) -> tuple[
        dict[str, np.ndarray], dict[str, Any], dict[str, memoryview | bytes]]:
    """Check every file of a build against the manifest, then map the arrays and the line
    files (read-only, no copy) and parse the JSON files.

    `check(arrays, jsons, lines, full)` then checks the contents (raising to refuse them):
    `full` is False only when every file was trusted from `verified.json`, i.e. is the very
    file that passed a full check before. Only after it passes are the files recorded.
    """
    files = manifest.get("files")
    if (not isinstance(files, dict) or set(files) != FILES
            or not all(isinstance(v, str) for v in files.values())):
        raise IndexFileError(f"the manifest in {folder} does not list the files of an index; "
                             f"{REBUILD_HINT}")
    checked, hashed = verify_build(folder, files)
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
    except (OSError, ValueError, RecursionError) as exc:
        raise IndexFileError(f"the index in {folder} cannot be read ({exc}); {REBUILD_HINT}"
                             ) from None
    if check is not None:
        check(arrays, jsons, lines, hashed)
        if hashed:  # the full checks read every line end
            for data in lines.values():
                release(data)
    _record_verified(folder, checked)
    return arrays, jsons, lines


def map_file(path: Path) -> memoryview | bytes:
    """The file's bytes, memory-mapped read-only (an empty file is b"")."""
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b""
        return memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))


def verify_build(folder: Path, files: dict[str, str]) -> tuple[dict[str, list[Any]], bool]:
    """Raise IndexFileError unless every file matches its sha256 (see the module docstring
    for when a file is trusted from `verified.json` instead of re-hashed). Returns each
    file's record for `verified.json` and whether any file had to be hashed."""
    recorded = _read_verified(folder)
    checked: dict[str, list[Any]] = {}
    hashed = False
    for name, expected in files.items():
        path = folder / name
        try:
            stat = path.stat()
            entry = [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, expected]
            if recorded.get(name) != entry:
                hashed = True
                if _sha256_mapped(path) != expected:
                    raise IndexFileError(
                        f"{path} fails its checksum (damaged or edited); {REBUILD_HINT}")
        except FileNotFoundError:
            raise IndexFileError(f"{path} is missing; {REBUILD_HINT}") from None
        except OSError as exc:
            raise IndexFileError(f"cannot read {path}: {exc.strerror}; {REBUILD_HINT}"
                                 ) from None
        checked[name] = entry
    return checked, hashed


def _record_verified(folder: Path, checked: dict[str, list[Any]]) -> None:
    settled = time.time_ns() - RACY_NS
    keep = {n: e for n, e in checked.items() if max(e[2], e[3]) < settled}
    if keep != _read_verified(folder):
        _write_verified(folder, keep)


def release(data: memoryview | bytes, start: int = 0, length: int | None = None) -> None:
    """Let go of the pages of a mapped file from `start` (a multiple of the page size) on:
    they stay in the page cache and come back on the next read, but stop counting in this
    process's resident memory. Reading a file through once (hashing it, a reindex's diff)
    would otherwise leave all of it resident: 0.7 GB of passages at 1M."""
    mapping = data.obj if isinstance(data, memoryview) else None
    end = len(data) if length is None else min(len(data), start + length)
    if isinstance(mapping, mmap.mmap) and end > start:
        mapping.madvise(mmap.MADV_DONTNEED, start, end - start)


WINDOW = 1 << 24  # bytes read before they are released (a multiple of any page size)


def _sha256_mapped(path: Path) -> str:
    """sha256 of a file, hashed straight from its mapping (no copy into Python), a window at
    a time, each released once hashed."""
    data = map_file(path)
    digest = hashlib.sha256()
    for start in range(0, len(data), WINDOW):
        digest.update(data[start : start + WINDOW])
        release(data, start, WINDOW)
    return digest.hexdigest()


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
