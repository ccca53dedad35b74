"""Benchmark the project's search against its peers on the real corpus and synthetic ones.

    .venv/bin/pip install -e '.[bench]'     # bm25s and tantivy
    .venv/bin/python benchmarks/run.py [--sizes real 10000 100000 1000000] [--queries 200]
                                       [--work DIR] [--rebuild] [--table]

Rows can be measured in separate runs (`--sizes 1000000`): the synthetic corpora, their
indexes, the peers' token lists and each row's results are kept in --work (default
benchmarks/out/work); an index already built from its corpus is reused with the build figures
recorded when it was built (--rebuild builds again, with the previous build loaded beside it
as during a reindex), and `--table` prints the table of every row measured so far.

For each corpus: the index is built by `python -m bot index` in a child process (time, peak
RSS per passage), then the same token queries (the real questions of eval/ as the answer
engine analyses them) go to the project's `BM25Index.top`, a compiled loop over the same
postings (reference, C via ctypes), tantivy, bm25s, SQLite FTS5 and rank-bm25's
`get_scores` + sort, every query to every engine, interleaved so that the machine's load
hits all alike. The project's top-10 must equal rank-bm25's (scores bit-identical) on every
query, else the benchmark stops. Then the full answer (`AnswerEngine.ask`) and the cold start
of `python -m bot ask`. Numbers are wall-clock on this machine; rerun to compare.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import peers  # noqa: E402
from benchmarks.synthetic import write_synthetic  # noqa: E402
from bot.answers import AnswerEngine  # noqa: E402
from indexer.errors import IndexFileError  # noqa: E402
from indexer.index import SearchIndex, is_current  # noqa: E402
from indexer.store import current_build  # noqa: E402

QUESTION_FILES = [REPO / "eval" / "questions.jsonl", REPO / "eval" / "dev.jsonl"]
K = 40  # what the answer engine retrieves
ENGINES = ("project", "compiled", "tantivy", "bm25s", "fts5", "rank-bm25")


def questions() -> list[str]:
    found = []
    for path in QUESTION_FILES:
        if path.exists():
            found += [json.loads(line)["question"] for line in path.read_text().splitlines()
                      if line.strip()]
    return found


def ms(samples: list[float], q: float) -> float:
    return 1e3 * float(np.percentile(np.array(samples), q))


def build_in_child(corpus: Path, index: Path) -> tuple[float, int, int]:
    """Wall time, peak RSS and peak anonymous RSS (bytes; the rest is pages of mapped files,
    which the kernel can drop) of `python -m bot index` in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bot", "index", "--corpus", str(corpus),
                                "--index", str(index)], cwd=REPO, stdout=subprocess.DEVNULL)
    anonymous = [0]

    def sample() -> None:  # /proc every 50 ms: a short peak may be missed
        status = Path(f"/proc/{process.pid}/status")
        while process.returncode is None:
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("RssAnon:"):
                        anonymous[0] = max(anonymous[0], 1024 * int(line.split()[1]))
            except (OSError, ValueError, IndexError):
                return
            time.sleep(0.05)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = status
    if status != 0:
        raise SystemExit(f"index build failed for {corpus}")
    return time.perf_counter() - started, usage.ru_maxrss * 1024, anonymous[0]


def cold_start(corpus: Path, index: Path, runs: int = 5) -> tuple[float, float, float]:
    """The first `python -m bot ask` after the build (it checks every file), then the median
    wall and CPU time of `runs` more."""
    # as deployed: with the bytecode cache (an environment without it compiles every module
    # of the project at every start, a tenth of a second)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def ask() -> tuple[float, float]:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--corpus", str(corpus),
                                    "--index", str(index), "When was the charter signed?"],
                                   cwd=REPO, stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise SystemExit("ask failed")
        return time.perf_counter() - started, usage.ru_utime + usage.ru_stime

    time.sleep(1.1)  # let the build's files settle, so the first ask can record them
    first, _ = ask()  # after a build: checks every file (a reused build: as cold)
    samples = [ask() for _ in range(runs)]
    return (first, statistics.median(s[0] for s in samples),
            statistics.median(s[1] for s in samples))


def measure(name: str, corpus: Path, work: Path, qs: list[str], n_queries: int,
            rebuild: bool) -> dict[str, object]:
    index_dir = work / f"index-{name}"
    record = work / f"build-{name}.json"
    try:
        reuse = not rebuild and is_current(SearchIndex.load(index_dir), corpus)
        built = json.loads(record.read_text()) if reuse else None
    except (IndexFileError, OSError, ValueError):
        built = None
    if built is None:
        build_s, rss, anonymous = build_in_child(corpus, index_dir)
        built = {"build_s": build_s, "rss": rss, "anonymous": anonymous,
                 "build": current_build(index_dir).name}
        record.write_text(json.dumps(built))
    print(f"{name}: build {built['build_s']:.1f} s, peak RSS {built['rss'] / 1e6:.0f} MB",
          flush=True)
    first, cold, cold_cpu = cold_start(corpus, index_dir)
    if "cold_first" in built:  # a reused build: its first `ask` was measured when it was made
        first = built["cold_first"]
    else:
        record.write_text(json.dumps({**built, "cold_first": first}))
    index = SearchIndex.load(index_dir)
    engine = AnswerEngine(index)
    sample = [qs[i % len(qs)] for i in range(n_queries)]
    queries = [engine.analyzer.analyze(q).terms for q in sample]
    compiled = peers.Compiled(index.bm25, work)
    searches: dict[str, Callable[[list[str]], object]] = {
        "project": lambda q: index.bm25.top(q, K),
        "compiled": lambda q: compiled.top(q, K),
    }
    # one peer at a time from the cached token lists, so only one copy is in memory at once
    for peer, make in (("tantivy", peers.tantivy_search), ("bm25s", peers.bm25s_search),
                       ("fts5", peers.fts5_search)):
        searches[peer] = make(peer_tokens(index, work / f"tokens-{name}.txt"), K)
        gc.collect()
    okapi = peers.okapi_search(peer_tokens(index, work / f"tokens-{name}.txt"), K)
    searches["rank-bm25"] = okapi
    gc.collect()
    print(f"{name}: peers ready; timing {len(queries)} queries on every engine", flush=True)
    latency: dict[str, list[float]] = {e: [] for e in ENGINES}
    # for the tail: this thread's CPU time of each search (wall time beyond it is waiting
    # for a core or for the disk) and whether a garbage collection ran inside it
    on_cpu: dict[str, list[float]] = {e: [] for e in ENGINES}
    collected: dict[str, list[bool]] = {e: [] for e in ENGINES}
    collections = [0]

    def count(phase: str, info: dict[str, int]) -> None:
        collections[0] += phase == "start"
    gc.callbacks.append(count)
    expected = []
    for terms in queries:
        for engine_name in ENGINES:
            before, cpu = collections[0], time.thread_time()
            started = time.perf_counter()
            found = searches[engine_name](terms)
            latency[engine_name].append(time.perf_counter() - started)
            on_cpu[engine_name].append(time.thread_time() - cpu)
            collected[engine_name].append(collections[0] != before)
            if engine_name == "rank-bm25":
                expected.append(found)
    gc.callbacks.remove(count)
    for terms, (ranking, scores) in zip(queries, expected, strict=True):
        # the invariant the whole design rests on: BM25Okapi.get_scores, sorted
        want = [(int(d), float(s)) for d, s in zip(ranking[:10], scores[:10], strict=True)
                if s > 0]
        top = index.bm25.top(terms, 10)
        if ([d for d, _ in top] != [d for d, _ in want]
                or any(s != w for (_, s), (_, w) in zip(top, want, strict=True))
                or compiled.top(terms, 10) != top):
            raise SystemExit(f"top-10 differs from BM25Okapi on {terms}: the benchmark is "
                             "invalid")
    del okapi, searches, expected
    gc.collect()
    answer, answer_cpu = [], []
    for q in sample:
        cpu, started = time.thread_time(), time.perf_counter()
        engine.ask(q)
        answer.append(time.perf_counter() - started)
        answer_cpu.append(time.thread_time() - cpu)
    again = []  # the same questions again: their passages parsed, their pages mapped
    for q in sample:
        started = time.perf_counter()
        engine.ask(q)
        again.append(time.perf_counter() - started)
    project = [w for w, c in zip(latency["project"], collected["project"], strict=True)
               if not c]
    return {"name": name, "passages": len(index.passages), "build_s": built["build_s"],
            "rss_per_passage": built["rss"] / len(index.passages),
            "rss_mb": built["rss"] / 1e6, "anonymous_mb": built.get("anonymous", 0) / 1e6,
            "queries": len(queries),
            "load": os.getloadavg()[0],
            "p50": {e: ms(latency[e], 50) for e in ENGINES},
            "p99": {e: ms(latency[e], 99) for e in ENGINES},
            "answer_p50": ms(answer, 50), "answer_p99": ms(answer, 99),
            "answer_cpu_p99": ms(answer_cpu, 99), "answer_again_p99": ms(again, 99),
            "answer_first_ms": 1e3 * answer[0],
            "project_cpu_p99": ms(on_cpu["project"], 99),
            "project_gc": sum(collected["project"]),
            "project_p99_without_gc": ms(project, 99),
            "answer_ms": [1e3 * a for a in answer],
            "cold_first": first, "cold": cold, "cold_cpu": cold_cpu}


def peer_tokens(index: SearchIndex, path: Path) -> list[list[str]]:
    """The project's tokens of every passage, as the peers index them: tokenized once and
    kept in `path` (one passage a line), each distinct token one string in memory."""
    build = index.manifest["built_at"] + index.stats.corpus_fingerprint
    if not path.exists() or path.open().readline().rstrip("\n") != build:
        with path.open("w") as out:
            out.write(build + "\n")
            for p in index.passages:
                out.write(" ".join(index.tokens(f"{p.title}\n{p.heading}\n{p.text}",
                                                p.language)) + "\n")
    same: dict[str, str] = {}
    with path.open() as lines:
        next(lines)
        return [[same.setdefault(t, t) for t in line.split()] for line in lines]


def table(results: list[dict[str, object]]) -> None:
    print("\nsearch p50 / p99, ms (top 40; the same token queries to every engine)")
    print("| passages | " + " | ".join(ENGINES) + " | project ÷ compiled | project ÷ tantivy |")
    print("|---|" + "---|" * (len(ENGINES) + 2))
    for r in results:
        p50, p99 = r["p50"], r["p99"]
        assert isinstance(p50, dict) and isinstance(p99, dict)
        cells = [f"{p50[e]:.3f} / {p99[e]:.2f}" for e in ENGINES]
        print(f"| {r['passages']:,} | " + " | ".join(cells) + f" | "
              f"{p50['project'] / p50['compiled']:.1f} | "
              f"{p50['project'] / p50['tantivy']:.2f} |")
    print("\ngrowth of search p50 per 10x passages")
    print("| from → to | " + " | ".join(ENGINES) + " |")
    print("|---|" + "---|" * len(ENGINES))
    for a, b in itertools.pairwise(results):
        pa, pb = a["p50"], b["p50"]
        assert isinstance(pa, dict) and isinstance(pb, dict)
        assert isinstance(a["passages"], int) and isinstance(b["passages"], int)
        scale = np.log10(b["passages"] / a["passages"])
        cells = [f"{(pb[e] / pa[e]) ** (1 / scale):.1f}x" for e in ENGINES]
        print(f"| {a['passages']:,} → {b['passages']:,} | " + " | ".join(cells) + " |")
    print("\nbuild, answer and cold start")
    print("| passages | build s | build peak RSS MB (anonymous) | RSS per passage "
          "| full answer p50 / p99 ms "
          "| `ask` first after build s | `ask` cold s (wall / CPU) | queries | load avg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['passages']:,} | {r['build_s']:.1f} | {r['rss_mb']:.0f} "
              f"({r.get('anonymous_mb', 0):.0f}) | "
              f"{r['rss_per_passage']:,.0f} B | {r['answer_p50']:.2f} / {r['answer_p99']:.2f} | "
              f"{r['cold_first']:.2f} | {r['cold']:.2f} / {r['cold_cpu']:.2f} | "
              f"{r.get('queries', '?')} | {r.get('load', float('nan')):.1f} |")


def tail(results: list[dict[str, object]]) -> None:
    print("\nthe tails: p99 ms of wall time, of this thread's CPU time, and without the "
          "samples a garbage collection ran in; the answers again for the same questions")
    print("| passages | search wall | search CPU | searches with a GC | search without them "
          "| answer wall | answer CPU | first answer | same answers again |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        if "project_gc" not in r:
            continue
        p99 = r["p99"]
        assert isinstance(p99, dict)
        print(f"| {r['passages']:,} | {p99['project']:.2f} | {r['project_cpu_p99']:.2f} | "
              f"{r['project_gc']} | {r['project_p99_without_gc']:.2f} | "
              f"{r['answer_p99']:.2f} | {r['answer_cpu_p99']:.2f} | "
              f"{r['answer_first_ms']:.1f} | {r['answer_again_p99']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["real", "10000", "100000", "1000000"])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out" / "work",
                        help="keeps the synthetic corpora, indexes and results")
    parser.add_argument("--rebuild", action="store_true",
                        help="build the indexes again even if they are current")
    parser.add_argument("--table", action="store_true",
                        help="only print the table of the rows measured so far")
    args = parser.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if not args.table:
        qs = questions()
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}, {platform.system()} {platform.release()}; "
              f"load average {os.getloadavg()[0]:.1f} at start")
        for size in args.sizes:
            if size == "real":
                corpus = REPO / "corpus"
            else:
                corpus = work / f"corpus-{size}"
                if not (corpus / "sources.yaml").exists():
                    write_synthetic(REPO / "corpus", corpus, int(size))
            result = measure(size, corpus, work, qs, args.queries, args.rebuild)
            (work / f"result-{size}.json").write_text(json.dumps(result))
            shown = {k: v for k, v in result.items() if k != "answer_ms"}
            print(f"measured {size}: {json.dumps(shown)}", flush=True)
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    rows = [json.loads(path.read_text()) for path in work.glob("result-*.json")]
    table(sorted(rows, key=lambda r: r["passages"]))
    tail(sorted(rows, key=lambda r: r["passages"]))


if __name__ == "__main__":
    main()
