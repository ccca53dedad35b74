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
either the old index or the new one, never a half-written one.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from indexer.errors import IndexFileError

log = logging.getLogger(__name__)

FORMAT_VERSION = 8
ARRAYS = ("indptr", "doc_ids", "weights", "doc_len", "idf", "passage_offsets",
          "bank_indptr", "bank_doc_ids", "bank_weights", "bank_doc_len", "bank_idf")
REBUILD_HINT = "rebuild it with `python -m bot index`"


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
    """Write a build folder under `root`, then point CURRENT at it. Returns the folder."""
    root.mkdir(parents=True, exist_ok=True)
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
        os.replace(pointer, root / "CURRENT")
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
        dict[str, np.ndarray], dict[str, Any], dict[str, bytes]]:
    """Read every file of a build once, check its sha256 against the manifest, then parse it."""
    data: dict[str, bytes] = {}
    for name, expected in manifest.get("files", {}).items():
        path = folder / name
        try:
            data[name] = path.read_bytes()
        except FileNotFoundError:
            raise IndexFileError(f"{path} is missing; {REBUILD_HINT}") from None
        except OSError as exc:
            raise IndexFileError(f"cannot read {path}: {exc.strerror}; {REBUILD_HINT}") from None
        if hashlib.sha256(data[name]).hexdigest() != expected:
            raise IndexFileError(f"{path} fails its checksum (damaged or edited); {REBUILD_HINT}")
    try:
        arrays = {n: np.load(io.BytesIO(data[f"{n}.npy"]), allow_pickle=False) for n in ARRAYS}
        jsons = {n: json.loads(data[f"{n}.json"])
                 for n in ("vocabulary", "corpus", "languages", "commonness", "bank")}
        lines = {"passages": data["passages.jsonl"]}
    except KeyError as exc:
        raise IndexFileError(f"the index in {folder} lacks {exc.args[0]}; {REBUILD_HINT}"
                             ) from None
    except ValueError as exc:
        raise IndexFileError(f"the index in {folder} cannot be read ({exc}); {REBUILD_HINT}"
                             ) from None
    return arrays, jsons, lines
