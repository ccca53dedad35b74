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


def test_unreadable_file_is_reported(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    target = current_build(root) / "doc_len.npy"
    target.unlink()
    target.mkdir()  # unreadable even for root
    with pytest.raises(IndexFileError, match="cannot read .*doc_len.npy"):
        SearchIndex.load(root)


def test_damaged_index_and_broken_corpus_refuse_with_the_corpus_errors(
        small_corpus: Path, saved: tuple[SearchIndex, Path]) -> None:
    from indexer.errors import CorpusError

    _, root = saved
    (current_build(root) / "manifest.json").write_text("{")
    (small_corpus / "sources.yaml").write_text("sources: [")
    with pytest.raises(CorpusError) as caught:
        ensure_index(small_corpus, root)
    assert "sources.yaml" in caught.value.report()


def test_a_crash_while_writing_leaves_the_previous_build(
        small_corpus: Path, saved: tuple[SearchIndex, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    index, root = saved
    before = current_build(root)

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("indexer.store.np.save", explode)
    with pytest.raises(OSError, match="disk full"):
        index.save(root)
    assert current_build(root) == before
    assert SearchIndex.load(root).passages == index.passages
    assert [p.name for p in root.glob("build-*")] == [before.name]
