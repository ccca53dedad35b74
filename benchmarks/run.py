"""Benchmark the real pipeline on synthetic corpora of 1k, 10k and 100k passages.

    .venv/bin/python benchmarks/run.py [--sizes 1000 10000 100000] [--queries 200]

Prints one table: build time, index size, load time, peak RSS of the build, search p50/p99,
full answer p50/p99, and rank-bm25's get_scores + sort on the same tokens with the speed-up.
Then the cold start of `python -m bot ask` on the real corpus (median of several runs).
Numbers are wall-clock on this machine; rerun to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import write_synthetic  # noqa: E402
from bot.answers import AnswerEngine  # noqa: E402
from indexer.index import SearchIndex  # noqa: E402

QUESTION_FILES = [REPO / "eval" / "questions.jsonl", REPO / "eval" / "dev.jsonl"]


def questions() -> list[str]:
    found = []
    for path in QUESTION_FILES:
        if path.exists():
            found += [json.loads(line)["question"] for line in path.read_text().splitlines()
                      if line.strip()]
    return found


def percentile(samples: list[float], q: float) -> float:
    return float(np.percentile(np.array(samples), q))


def build_in_child(corpus: Path, index: Path) -> tuple[float, int]:
    """Wall time and peak RSS (bytes) of `python -m bot index` in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bot", "index", "--corpus", str(corpus),
                                "--index", str(index)], cwd=REPO, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"index build failed for {corpus}")
    return time.perf_counter() - started, usage.ru_maxrss * 1024


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(size: int, work: Path, qs: list[str], n_queries: int) -> dict[str, float]:
    corpus = write_synthetic(REPO / "corpus", work / f"corpus-{size}", size)
    index_dir = work / f"index-{size}"
    build_s, rss = build_in_child(corpus, index_dir)
    loads = []
    for _ in range(3):
        started = time.perf_counter()
        index = SearchIndex.load(index_dir)
        loads.append(time.perf_counter() - started)
    engine = AnswerEngine(index)
    sample = [qs[i % len(qs)] for i in range(n_queries)]
    queries = [engine.analyzer.analyze(q).terms for q in sample]
    search, answer = [], []
    for terms in queries:
        started = time.perf_counter()
        index.bm25.top(terms, 40)
        search.append(time.perf_counter() - started)
    for q in sample:
        started = time.perf_counter()
        engine.ask(q)
        answer.append(time.perf_counter() - started)

    from rank_bm25 import BM25Okapi

    oracle = BM25Okapi([index.tokens(f"{p.title}\n{p.heading}\n{p.text}", p.language)
                        for p in index.passages])
    plain = []
    for terms in queries[: max(20, n_queries // 10)]:
        started = time.perf_counter()
        scores = oracle.get_scores(terms)
        np.argsort(-scores, kind="stable")[:40]
        plain.append(time.perf_counter() - started)
        if not np.array_equal(scores, index.bm25.scores(terms)):
            raise SystemExit("scores differ from BM25Okapi: the benchmark is invalid")
    return {
        "passages": len(index.passages), "build_s": build_s, "size_mb": folder_size(index_dir) / 1e6,
        "load_s": statistics.median(loads), "rss_mb": rss / 1e6,
        "search_p50_ms": 1e3 * percentile(search, 50), "search_p99_ms": 1e3 * percentile(search, 99),
        "answer_p50_ms": 1e3 * percentile(answer, 50), "answer_p99_ms": 1e3 * percentile(answer, 99),
        "okapi_p50_ms": 1e3 * percentile(plain, 50),
        "speedup": percentile(plain, 50) / percentile(search, 50),
    }


def cold_start(runs: int = 5) -> float:
    """Median wall time of `python -m bot ask` with a built index on the real corpus."""
    subprocess.run([sys.executable, "-m", "bot", "index"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "When was the charter signed?"],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    qs = questions()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    header = ("passages", "build s", "index MB", "load s", "build RSS MB", "search p50 ms",
              "search p99 ms", "answer p50 ms", "answer p99 ms", "get_scores p50 ms", "speed-up")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            r = measure(size, Path(tmp), qs, args.queries)
            print(f"| {r['passages']:,} | {r['build_s']:.2f} | {r['size_mb']:.1f} | "
                  f"{r['load_s']:.3f} | {r['rss_mb']:.0f} | {r['search_p50_ms']:.3f} | "
                  f"{r['search_p99_ms']:.3f} | {r['answer_p50_ms']:.2f} | "
                  f"{r['answer_p99_ms']:.2f} | {r['okapi_p50_ms']:.2f} | {r['speedup']:.0f}× |",
                  flush=True)
    print(f"\ncold start of `python -m bot ask` on the real corpus (median of 5): "
          f"{cold_start():.2f} s")


if __name__ == "__main__":
    main()
