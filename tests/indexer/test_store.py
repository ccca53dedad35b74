"""Index files round-trip, and damaged or foreign ones are refused with a clear message."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

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
    with pytest.raises(IndexFileError,
                       match=r"weights.npy fails its checksum.*python -m bot index"):
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
    with pytest.raises(IndexFileError, match=r"manifest.json fails its checksum"):
        SearchIndex.load(root)


def test_missing_index_is_reported(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="no index at"):
        SearchIndex.load(tmp_path / "nothing")


def test_missing_file_is_reported(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    (current_build(root) / "idf.npy").unlink()
    with pytest.raises(IndexFileError, match=r"idf.npy is missing"):
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
    with pytest.raises(IndexFileError, match=r"cannot read .*doc_len.npy"):
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
        small_corpus: Path, saved: tuple[SearchIndex, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    index, root = saved
    before = current_build(root)

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("indexer.store.np.save", explode)
    with pytest.raises(IndexFileError, match=r"cannot write the index in .*: disk full"):
        index.save(root)
    assert current_build(root) == before
    assert SearchIndex.load(root).passages == index.passages
    assert [p.name for p in root.glob("build-*")] == [before.name]


# -- index faults: a broken pointer, a wrong folder, an unwritable one ----------------------

POINTERS = {
    "non-UTF-8 bytes": lambda current: current.write_bytes(b"\xff\xfebuild-\x80\n"),
    "a folder": lambda current: (current.unlink(), current.mkdir(), (current / "x").touch()),
    "an over-long name": lambda current: current.write_text("build-" + "x" * 5000),
    "a path outside": lambda current: current.write_text("../../etc"),
}


@pytest.mark.parametrize("damage", POINTERS.values(), ids=POINTERS.keys())
def test_a_damaged_current_pointer_is_refused_then_rebuilt(
        small_corpus: Path, saved: tuple[SearchIndex, Path], damage: Any) -> None:
    """CURRENT holding garbage, or being a folder, is a clear IndexFileError; ensure_index
    rebuilds and leaves a good pointer behind."""
    index, root = saved
    damage(root / "CURRENT")
    with pytest.raises(IndexFileError, match=r"CURRENT.*python -m bot index"):
        SearchIndex.load(root)
    assert ensure_index(small_corpus, root).passages == index.passages
    assert SearchIndex.load(root).passages == index.passages


def test_an_index_dir_that_is_a_file_gives_one_clear_line(
        small_corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """INDEX_DIR naming a regular file: loading and saving say so; ensure_index still
    answers, from an index built in memory."""
    blocker = tmp_path / "index-file"
    blocker.write_text("not an index")
    with pytest.raises(IndexFileError, match="is a file, not an index folder"):
        SearchIndex.load(blocker)
    index = SearchIndex.build(load_corpus(small_corpus))
    with pytest.raises(IndexFileError, match="is a file, not an index folder"):
        index.save(blocker)
    assert len(ensure_index(small_corpus, blocker).passages) == len(index.passages)
    assert "could not be saved" in caplog.text
    assert blocker.read_text() == "not an index"


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make a folder unwritable, even for root (who ignores permission bits)."""
    import indexer.store

    def make(folder: Path) -> None:
        folder.chmod(0o555)
        real_open = indexer.store.os.open

        def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
            if Path(path).parent == folder:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(indexer.store.os, "open", refuse)
    return make


def test_a_read_only_index_dir_with_a_stale_index_still_answers_the_new_corpus(
        small_corpus: Path, saved: tuple[SearchIndex, Path], read_only: Any,
        caplog: pytest.LogCaptureFixture) -> None:
    """The corpus changed but the index folder is read-only: the rebuilt index answers
    from memory, the log says why it was not saved, the old build is untouched."""
    _, root = saved
    before = current_build(root)
    doc = small_corpus / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nA new paragraph about Nîmes.\n")
    read_only(root)
    try:
        rebuilt = ensure_index(small_corpus, root)
    finally:
        root.chmod(0o755)
    assert any("Nîmes" in p.text for p in rebuilt.passages)
    assert "cannot write the index in" in caplog.text and "Permission denied" in caplog.text
    assert current_build(root) == before


# -- forged builds: edited, then checksummed again ----------------------------------------

def forge(root: Path, name: str, value: Any) -> None:
    """Replace one file of the current build and recompute every checksum."""
    from indexer.store import _manifest_checksum

    folder = current_build(root)
    path = folder / name
    if name.endswith(".npy"):
        np.save(path, value, allow_pickle=False)
    elif isinstance(value, bytes):
        path.write_bytes(value)
    else:
        path.write_text(json.dumps(value))
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][name] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest["checksum"] = _manifest_checksum(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _array(root: Path, name: str) -> np.ndarray:
    return np.load(current_build(root) / f"{name}.npy")


FORGERIES: dict[str, Any] = {
    "negative doc_ids": lambda r: ("doc_ids.npy", -_array(r, "doc_ids") - 1),
    "doc_ids past the end": lambda r: ("doc_ids.npy", _array(r, "doc_ids") + 1000),
    "descending indptr": lambda r: ("indptr.npy", _array(r, "indptr")[::-1].copy()),
    "NaN weights": lambda r: ("weights.npy", _array(r, "weights") * np.nan),
    "float32 idf": lambda r: ("idf.npy", _array(r, "idf").astype(np.float32)),
    "2-d doc_len": lambda r: ("doc_len.npy", _array(r, "doc_len").reshape(1, -1)),
    "short doc_len": lambda r: ("doc_len.npy", _array(r, "doc_len")[:-1].copy()),
    "offsets off the line ends": lambda r: ("passage_offsets.npy",
                                            _array(r, "passage_offsets") // 2 * 2),
    "vocabulary of numbers": lambda r: ("vocabulary.json",
                                        list(range(len(_array(r, "idf"))))),
    "languages of lists": lambda r: ("languages.json", {"charter": ["en"]}),
    "commonness as a list": lambda r: ("commonness.json", [1, 2]),
    "corpus as a list": lambda r: ("corpus.json", []),
    "a document without a title": lambda r: ("corpus.json", {
        **json.loads((current_build(r) / "corpus.json").read_text()),
        "documents": [{"id": "x"}]}),
    "a source of the wrong shape": lambda r: ("corpus.json", {
        **json.loads((current_build(r) / "corpus.json").read_text()), "sources": [{"id": 1}]}),
    "bm25 parameters as text": lambda r: ("manifest", {"k1": "1.5", "b": 0.75,
                                                       "epsilon": 0.25, "avgdl": 10.0}),
    "a file outside the build": lambda r: ("manifest-files", {"../CURRENT": "0" * 64}),
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_build_with_good_checksums_is_refused_on_load(
        small_corpus: Path, saved: tuple[SearchIndex, Path], forgery: Any) -> None:
    """Shapes, dtypes, ranges and JSON types are checked on load: IndexFileError with the
    rebuild hint, never an IndexError or AttributeError later; ensure_index rebuilds."""
    from indexer.store import _manifest_checksum

    index, root = saved
    name, value = forgery(root)
    if name.startswith("manifest"):
        path = current_build(root) / "manifest.json"
        manifest = json.loads(path.read_text())
        if name == "manifest":
            manifest["bm25"] = value
        else:
            manifest["files"] = {**manifest["files"], **value}
        manifest["checksum"] = _manifest_checksum(manifest)
        path.write_text(json.dumps(manifest))
    else:
        forge(root, name, value)
    with pytest.raises(IndexFileError, match="python -m bot index"):
        SearchIndex.load(root)
    assert ensure_index(small_corpus, root).passages == index.passages


def test_a_forged_passage_is_refused_when_read(saved: tuple[SearchIndex, Path]) -> None:
    """A passage line of the wrong shape is an IndexFileError naming the passage."""
    _, root = saved
    data = (current_build(root) / "passages.jsonl").read_bytes()
    first, rest = data.split(b"\n", 1)
    row = json.loads(first)
    forged = json.dumps({**row, "text": 123, "sources": "city"}).encode()
    forge(root, "passages.jsonl", forged + b"\n" + rest)
    offsets = _array(root, "passage_offsets")
    forge(root, "passage_offsets.npy", np.concatenate(
        [[0], offsets[1:] + len(forged) - len(first)]).astype(np.int64))
    loaded = SearchIndex.load(root)
    with pytest.raises(IndexFileError, match="passage 0 of the index is damaged"):
        loaded.passages[0]
    assert loaded.passages[1].text
