"""Where the slow tail of the full answer comes from: GC, first use, page faults or the machine.

    .venv/bin/python benchmarks/tail.py [--work DIR] [--size 10000] [--queries 200]

Loads the index `benchmarks/run.py` built for that size (the real corpus with `--size real`),
answers the benchmark's questions twice over (a first pass, when each question's passages
are parsed and its pages of the index mapped for the first time in this process, then the
same questions again) and records, for each answer: wall time, CPU time of this thread, the
garbage collections that ran during it (with their generation) and the page faults
(minor: a mapped page touched for the first time; major: read from disk). It prints the
slowest answers with those, and p50 / p99 of each pass with and without the answers that
had a collection.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.run import questions  # noqa: E402
from bot.answers import AnswerEngine  # noqa: E402
from indexer.index import SearchIndex  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out" / "work")
    parser.add_argument("--size", default="10000")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    index = SearchIndex.load(args.work / f"index-{args.size}")
    engine = AnswerEngine(index)
    qs = questions()
    sample = [qs[i % len(qs)] for i in range(args.queries)]
    collections: list[int] = []
    gc.callbacks.append(lambda phase, info: collections.append(info["generation"])
                        if phase == "start" else None)
    rows = []
    for run in ("first", "again"):
        for q in sample:
            collections.clear()
            before = resource.getrusage(resource.RUSAGE_SELF)
            cpu, started = time.thread_time(), time.perf_counter()
            engine.ask(q)
            wall, cpu = time.perf_counter() - started, time.thread_time() - cpu
            after = resource.getrusage(resource.RUSAGE_SELF)
            rows.append((run, q, 1e3 * wall, 1e3 * cpu, list(collections),
                         after.ru_minflt - before.ru_minflt, after.ru_majflt - before.ru_majflt))
    print(f"{args.size}: {len(index.passages):,} passages, {args.queries} questions, twice")
    print("\nslowest answers: pass | wall ms | thread CPU ms | GC generations | minor / major "
          "faults | question")
    for run, q, wall, cpu, gens, minor, major in sorted(rows, key=lambda r: -r[2])[:12]:
        print(f"  {run} | {wall:.2f} | {cpu:.2f} | {gens or '-'} | {minor} / {major} | {q[:60]}")
    for run in ("first", "again"):
        mine = [r for r in rows if r[0] == run]
        walls = np.array([r[2] for r in mine])
        quiet = np.array([r[2] for r in mine if not r[4]])
        cpus = np.array([r[3] for r in mine])
        faults = sum(r[5] for r in mine)
        print(f"\n{run}: wall p50 {np.percentile(walls, 50):.2f} / p99 "
              f"{np.percentile(walls, 99):.2f} ms; thread CPU p50 {np.percentile(cpus, 50):.2f} "
              f"/ p99 {np.percentile(cpus, 99):.2f} ms; {sum(bool(r[4]) for r in mine)} "
              f"answers had a collection (p99 without them {np.percentile(quiet, 99):.2f} ms); "
              f"{faults} minor faults in all")
        slow = walls > 2 * np.percentile(walls, 50)
        off_cpu = [r[2] - r[3] for r, s in zip(mine, slow, strict=True) if s]
        if off_cpu:
            print(f"  answers over twice the median: {int(slow.sum())}, of which the wall time "
                  f"not spent on this thread's CPU is {np.median(off_cpu):.2f} ms at the "
                  "median (waiting for a core, or page faults served)")


if __name__ == "__main__":
    main()
