"""Index files round-trip, and damaged or foreign ones are refused with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from indexer.corpus import load_corpus
from indexer.errors import IndexFileError
from indexer.index import SearchIndex, ensure_index
from indexer.store import current_build


@pytest.fixture
def saved(small_corpus: Path, tmp_path: Path) -> tuple[SearchIndex, Path]:
    index = SearchIndex.build(load_corpus(small_corpus))
    index.save(tmp_path / "index")
    return index, tmp_path / "index"


def test_round_trip_keeps_scores_and_passages(saved: tuple[SearchIndex, Path]) -> None:
    index, root = saved
    loaded = SearchIndex.load(root)
    assert loaded.passages == index.passages
    query = ["braunschweig", "1960"]
    assert np.array_equal(loaded.bm25.scores(query), index.bm25.scores(query))
    assert [p.id for p in loaded.programs] == ["bridge"]


def test_no_pickle_files(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    names = {p.suffix for p in current_build(root).iterdir()}
    assert names <= {".json", ".jsonl", ".npy"}


def test_flipped_byte_is_refused(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    target = current_build(root) / "weights.npy"
    data = bytearray(target.read_bytes())
    data[-3] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match="weights.npy fails its checksum.*python -m bot index"):
        SearchIndex.load(root)


def test_truncated_file_is_refused(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    target = current_build(root) / "passages.jsonl"
    target.write_bytes(target.read_bytes()[:100])
    with pytest.raises(IndexFileError, match="checksum"):
        SearchIndex.load(root)


def test_other_format_version_is_refused(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    manifest_path = current_build(root) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 999
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexFileError, match="format version 999"):
        SearchIndex.load(root)


def test_edited_manifest_is_refused(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    manifest_path = current_build(root) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["bm25"]["k1"] = 2.0
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexFileError, match="manifest.json fails its checksum"):
        SearchIndex.load(root)


def test_missing_index_is_reported(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="no index at"):
        SearchIndex.load(tmp_path / "nothing")


def test_missing_file_is_reported(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    (current_build(root) / "idf.npy").unlink()
    with pytest.raises(IndexFileError, match="idf.npy is missing"):
        SearchIndex.load(root)


def test_ensure_index_rebuilds_damaged_and_stale_indexes(
        small_corpus: Path, saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    (current_build(root) / "vocabulary.json").write_text("[]")
    assert len(ensure_index(small_corpus, root).passages) > 0
    doc = small_corpus / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nA new paragraph about Nîmes.\n")
    rebuilt = ensure_index(small_corpus, root)
    assert any("Nîmes" in p.text for p in rebuilt.passages)


def test_stale_index_is_kept_when_the_corpus_breaks(
        small_corpus: Path, saved: tuple[SearchIndex, Path]) -> None:
    index, root = saved
    (small_corpus / "programs/bridge.yaml").write_text("id: [broken")
    assert ensure_index(small_corpus, root).passages == index.passages
