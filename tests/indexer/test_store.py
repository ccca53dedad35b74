"""Index files round-trip, and damaged or foreign ones are refused with a clear message."""

from __future__ import annotations

import json
import os
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


def test_loaded_index_answers_without_importing_nltk(saved: tuple[SearchIndex, Path]) -> None:
    """Stems, compounds and sentences come with the index: a cold `ask` in words of the
    corpus skips nltk (an unknown word would load the stemmers)."""
    import subprocess
    import sys

    _, root = saved
    script = ("import sys; from bot.answers import AnswerEngine; "
              "from pathlib import Path; from indexer.index import SearchIndex; "
              f"engine = AnswerEngine(SearchIndex.load(Path({str(root)!r}))); "
              "engine.ask('When was the Braunschweig charter signed?'); "
              "engine.ask('Bandung Braunschweig charter'); "
              "print('nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_arrays_are_memory_mapped_not_copied(saved: tuple[SearchIndex, Path]) -> None:
    _, root = saved
    loaded = SearchIndex.load(root)
    weights = loaded.bm25.weights
    assert not weights.flags.owndata and not weights.flags.writeable
    assert isinstance(weights.base, np.memmap)


def test_a_verified_build_is_not_hashed_again(saved: tuple[SearchIndex, Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Once every file has been checked (and settled), opening the build again re-hashes
    nothing; a file written since is hashed and its damage found."""
    import indexer.store as store

    _, root = saved
    monkeypatch.setattr(store, "RACY_NS", 0)
    SearchIndex.load(root)  # hashes everything and records it
    hashed: list[str] = []
    real = store._sha256_mapped
    monkeypatch.setattr(store, "_sha256_mapped", lambda p: hashed.append(p.name) or real(p))
    SearchIndex.load(root)
    assert hashed == []
    target = current_build(root) / "doc_ids.npy"
    data = bytearray(target.read_bytes())
    data[-1] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(IndexFileError, match=r"doc_ids\.npy fails its checksum"):
        SearchIndex.load(root)
    assert hashed == ["doc_ids.npy"]


def test_corpus_is_hashed_only_when_its_files_changed(
        small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import indexer.index as index_module

    doc = small_corpus / "documents/en/charter-en.md"
    settled = time.time() - 10
    for path in small_corpus.rglob("*"):
        os.utime(path, (settled, settled))
    time.sleep(1.1)  # ctimes must have settled too
    ensure_index(small_corpus, tmp_path / "index")
    hashed: list[Path] = []
    monkeypatch.setattr(index_module, "fingerprint", lambda root: hashed.append(root) or "x")
    ensure_index(small_corpus, tmp_path / "index")
    assert hashed == []
    doc.write_text(doc.read_text() + "\nA new paragraph about Nîmes.\n")
    monkeypatch.undo()
    assert any("Nîmes" in p.text for p in ensure_index(small_corpus, tmp_path / "index").passages)


def test_one_process_builds_at_a_time(small_corpus: Path, tmp_path: Path) -> None:
    """While another process holds the build lock, a reindex is refused (not queued); the
    build that process made is then used by ensure_index, not built again."""
    import subprocess
    import sys

    from indexer.errors import IndexBusyError
    from indexer.index import build_and_save

    root = tmp_path / "index"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from indexer.store import build_lock; from indexer.index import SearchIndex\n"
         "from indexer.corpus import load_corpus\n"
         f"with build_lock(Path({str(root)!r})):\n print('held', flush=True); time.sleep(1.5)\n"
         f" SearchIndex.build(load_corpus(Path({str(small_corpus)!r}))).save(Path({str(root)!r}))"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(IndexBusyError, match="another process is building"):
        build_and_save(small_corpus, root, wait=False)
    holder.wait(timeout=60)
    holder.stdout.close()
    built = current_build(root)
    assert len(ensure_index(small_corpus, root).passages) > 0
    assert current_build(root) == built  # used, not built again
