"""Index files round-trip, and damaged or foreign ones are refused with a clear message."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from indexer.commonness import ZipfTable, table_arrays, tables
from indexer.corpus import load_corpus
from indexer.errors import IndexFileError
from indexer.index import SearchIndex, ensure_index
from indexer.store import current_build


@pytest.fixture
def saved(small_corpus: Path, tmp_path: Path) -> tuple[SearchIndex, Path]:
    """The small corpus, with bank questions for two passages, built and saved."""
    from indexer.bank import add_question
    from indexer.passages import passages

    for passage in list(passages(load_corpus(small_corpus)))[:2]:
        add_question(small_corpus, passage.language, passage.anchor, "What about zzyzx?")
    index = SearchIndex.build(load_corpus(small_corpus))
    assert sum(map(len, index.bank_questions)) == 2
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


def _flip(target: Path, at: int, bits: int) -> None:
    data = bytearray(target.read_bytes())
    data[at] ^= bits
    target.write_bytes(bytes(data))


@pytest.mark.parametrize("name", ["weights.npy", "commonness_words.npy"])
def test_flipped_byte_is_refused_naming_the_file(saved: tuple[SearchIndex, Path],
                                                 name: str) -> None:
    """Postings and the everyday-word arrays are checksummed alike."""
    _, root = saved
    _flip(current_build(root) / name, -3, 0xFF)
    with pytest.raises(IndexFileError,
                       match=rf"{re.escape(name)} fails its checksum.*python -m bot index"):
        SearchIndex.load(root)


def test_language_counts_round_trip(saved: tuple[SearchIndex, Path]) -> None:
    """The loaded counts tell languages as the build's did, from the mapped arrays."""
    index, root = saved
    loaded = SearchIndex.load(root)
    assert index.language_counts is not None and loaded.language_counts is not None
    assert not loaded.language_counts.words.keys.flags.owndata
    for text in ("When was the charter signed?", "kapan piagam ditandatangani",
                 "Wann wurde die Urkunde unterzeichnet?"):
        assert (loaded.language_counts.log_odds(text.lower().split())
                == index.language_counts.log_odds(text.lower().split()))


def test_commonness_round_trips_without_parsing(saved: tuple[SearchIndex, Path]) -> None:
    """The loaded table looks words up in the mapped arrays and finds what the build had."""
    index, root = saved
    loaded = SearchIndex.load(root)
    assert loaded.commonness.keys() == index.commonness.keys()
    for language, table in index.commonness.items():
        mapped = loaded.commonness[language]
        assert isinstance(mapped, ZipfTable)
        assert not mapped.words.flags.owndata
        assert dict(mapped) == dict(table)
        assert mapped.get("zzyzx-not-a-word", 0.0) == 0.0


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
    "max_weight below a weight": lambda r: ("max_weight.npy", _array(r, "max_weight") * 0.5),
    "short max_weight": lambda r: ("max_weight.npy", _array(r, "max_weight")[:-1].copy()),
    "bank max_weight below a weight": lambda r: ("bank_max_weight.npy",
                                                 _array(r, "bank_max_weight") * 0.5),
    "2-d doc_len": lambda r: ("doc_len.npy", _array(r, "doc_len").reshape(1, -1)),
    "short doc_len": lambda r: ("doc_len.npy", _array(r, "doc_len")[:-1].copy()),
    "offsets off the line ends": lambda r: ("passage_offsets.npy",
                                            _array(r, "passage_offsets") // 2 * 2),
    "vocabulary of numbers": lambda r: ("vocabulary.json",
                                        list(range(len(_array(r, "idf"))))),
    "languages of lists": lambda r: ("languages.json", {"charter": ["en"]}),
    "commonness words as numbers": lambda r: ("commonness_words.npy",
                                              _array(r, "commonness_zipf")),
    "commonness words unsorted": lambda r: ("commonness_words.npy",
                                            _array(r, "commonness_words")[::-1].copy()),
    "a commonness word not UTF-8": lambda r: ("commonness_words.npy", np.concatenate(
        [np.array([b"\xff"], dtype="S1"), _array(r, "commonness_words")[1:]])),
    "NaN commonness": lambda r: ("commonness_zipf.npy", _array(r, "commonness_zipf") * np.nan),
    "short commonness": lambda r: ("commonness_zipf.npy",
                                   _array(r, "commonness_zipf")[:-1].copy()),
    "commonness rows as text": lambda r: ("manifest-commonness", {"en": "0-10"}),
    "commonness rows not covering the words": lambda r: ("manifest-commonness",
                                                         {"en": [0, 1]}),
    "language words unsorted": lambda r: ("language_words.npy",
                                          _array(r, "language_words")[::-1].copy()),
    "short language counts": lambda r: ("language_counts.npy",
                                        _array(r, "language_counts")[:-1].copy()),
    "negative trigram counts": lambda r: ("language_gram_counts.npy",
                                          -_array(r, "language_gram_counts")),
    "corpus as a list": lambda r: ("corpus.json", []),
    "a document without a title": lambda r: ("corpus.json", {
        **json.loads((current_build(r) / "corpus.json").read_text()),
        "documents": [{"id": "x"}]}),
    "a source of the wrong shape": lambda r: ("corpus.json", {
        **json.loads((current_build(r) / "corpus.json").read_text()), "sources": [{"id": 1}]}),
    "bm25 parameters as text": lambda r: ("manifest", {"k1": "1.5", "b": 0.75,
                                                       "epsilon": 0.25, "avgdl": 10.0}),
    "a file outside the build": lambda r: ("manifest-files", {"../CURRENT": "0" * 64}),
    "bank doc_ids past the end": lambda r: ("bank_doc_ids.npy", _array(r, "bank_doc_ids") + 1000),
    "NaN bank weights": lambda r: ("bank_weights.npy", _array(r, "bank_weights") * np.nan),
    "open questions of a passage that does not exist": lambda r: ("bank.json", {
        **_json(r, "bank"), "gaps": {"99999": ["How many?"]}}),
    "open questions that are not text": lambda r: ("bank.json", {
        **_json(r, "bank"), "gaps": {"0": [7]}}),
    "bank questions of a passage that does not exist": lambda r: ("bank.json", {
        **_json(r, "bank"), "questions": {"99999": ["Who?"]}, "sentences": {"99999": [-1]}}),
    "bank sentences not matching its questions": lambda r: ("bank.json", {
        **_json(r, "bank"), "sentences": {k: [] for k in _json(r, "bank")["questions"]}}),
    "gap odds as text": lambda r: ("bank.json", {
        **_json(r, "bank"), "gap_odds": {"budget": "high"}}),
    "answer-shape lifts of the wrong length": lambda r: ("bank.json", {
        **_json(r, "bank"), "shape_lifts": {"en": {"when": [0.5]}}}),
    "sentence offsets off the line ends": lambda r: ("sentence_offsets.npy",
                                                     _array(r, "sentence_offsets") // 2 * 2),
    "stems as a list": lambda r: ("stems.json", ["en"]),
}


def _json(root: Path, name: str) -> Any:
    return json.loads((current_build(root) / f"{name}.json").read_text())


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
        elif name == "manifest-commonness":
            manifest["commonness"] = value
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
    """The passage text's postings and the question bank's alike."""
    _, root = saved
    loaded = SearchIndex.load(root)
    for field in (loaded.bm25, loaded.bank):
        for array in (field.indptr, field.doc_ids, field.weights, field.doc_len, field.idf):
            assert not array.flags.owndata and not array.flags.writeable
            assert isinstance(array.base, np.memmap)


def test_a_refused_build_is_refused_again(saved: tuple[SearchIndex, Path],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are recorded in verified.json only once the build checks passed: a forged build
    is not trusted (and its full checks skipped) on the next load."""
    import indexer.store as store

    _, root = saved
    monkeypatch.setattr(store, "RACY_NS", 0)
    forge(root, "bank_doc_ids.npy", _array(root, "bank_doc_ids") + 1000)
    for _ in range(2):
        with pytest.raises(IndexFileError, match="question bank's posting names a passage"):
            SearchIndex.load(root)
    assert not (current_build(root) / "verified.json").exists()


def test_a_trusted_build_skips_only_the_full_scans(saved: tuple[SearchIndex, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Once verified, a load runs the cheap checks but not those reading every posting."""
    import indexer.checks as checks
    import indexer.store as store

    _, root = saved
    monkeypatch.setattr(store, "RACY_NS", 0)
    SearchIndex.load(root)
    seen: list[bool] = []
    real = checks.check_build
    monkeypatch.setattr("indexer.index.check_build", lambda *args: seen.append(args[-1])
                        or real(*args))
    SearchIndex.load(root)
    target = current_build(root) / "vocabulary.json"
    target.write_text(target.read_text())  # same bytes, a new ctime: hashed again
    SearchIndex.load(root)
    assert seen == [False, True]


def test_a_build_spills_both_fields_and_saves_them(small_corpus: Path, tmp_path: Path) -> None:
    """The bounded build spills the bank's postings as it does the text's; saved and loaded,
    both score as the in-memory build does."""
    from indexer.index import build_and_save

    in_memory = SearchIndex.build(load_corpus(small_corpus))
    built, _ = build_and_save(small_corpus, tmp_path / "index")
    assert built.bank.files is not None and built.bm25.files is not None
    loaded = SearchIndex.load(tmp_path / "index")
    for field in ("bm25", "bank"):
        for name in ("indptr", "doc_ids", "weights", "doc_len", "idf"):
            assert np.array_equal(getattr(getattr(loaded, field), name),
                                  getattr(getattr(in_memory, field), name))
    assert list(loaded.bank_questions) == list(in_memory.bank_questions)
    assert list(loaded.bank_sentences) == list(in_memory.bank_sentences)


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
    _flip(current_build(root) / "doc_ids.npy", -1, 0x01)
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


def test_zipf_table_finds_exactly_the_words_it_holds() -> None:
    """Binary search over UTF-8 bytes: accented words, words longer than any in the table,
    prefixes and lone surrogates are looked up without error."""
    words, zipf, rows = table_arrays({"de": {"über": 6.1, "uber": 3.0, "zwischen": 5.9},
                                      "en": {"many": 5.9}, "id": {}})
    table = tables(words, zipf, rows)
    assert dict(table["de"]) == {"über": 6.1, "uber": 3.0, "zwischen": 5.9}
    assert table["en"]["many"] == 5.9 and type(table["en"]["many"]) is float
    for missing in ("zwische", "zwischenzeitlich-und-noch-viel-länger", "", "\ud800", "many"):
        assert table["de"].get(missing) is None
    assert len(table["id"]) == 0 and table["id"].get("apa") is None
