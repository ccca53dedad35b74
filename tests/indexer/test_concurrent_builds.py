"""Builds saved at the same time into one index folder are serialized by its lock file."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from indexer.corpus import load_corpus
from indexer.index import SearchIndex
from indexer.store import build_lock, current_build

REPO = Path(__file__).resolve().parents[2]


def test_four_index_runs_at_once_all_succeed_and_leave_one_good_build(
        small_corpus: Path, tmp_path: Path) -> None:
    """Four `python -m bot index` into one folder: every run exits 0, CURRENT names a
    build that loads, and the clean-up left exactly that build."""
    root = tmp_path / "index"
    runs = [subprocess.Popen([sys.executable, "-m", "bot", "index", "--corpus",
                              str(small_corpus), "--index", str(root)], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(4)]
    results = [(run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs]
    for run in runs:
        for stream in (run.stdout, run.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    assert all("Traceback" not in err for _, err in results)
    assert len(SearchIndex.load(root).passages) > 0
    assert [p.name for p in root.glob("build-*")] == [current_build(root).name]


def test_a_save_waits_for_the_lock_and_spares_an_unfinished_build(
        small_corpus: Path, tmp_path: Path) -> None:
    """While another writer holds the lock a save waits; once saved, a build folder that
    is still being written (no manifest yet) is left alone."""
    root = tmp_path / "index"
    index = SearchIndex.build(load_corpus(small_corpus))
    index.save(root)
    in_progress = root / "build-20990101T000000-writing"
    in_progress.mkdir()
    (in_progress / "indptr.npy").write_bytes(b"partial")
    saved = threading.Event()

    def save() -> None:
        index.save(root)
        saved.set()

    with build_lock(root):
        worker = threading.Thread(target=save)
        worker.start()
        time.sleep(0.5)
        assert not saved.is_set()  # waiting for the lock
    worker.join(timeout=30)
    assert saved.is_set()
    assert in_progress.is_dir()
    assert {p.name for p in root.glob("build-*")} == {current_build(root).name, in_progress.name}
