"""`index`: validate the corpus and build the search index (or, with --dry-run, only report)."""

from __future__ import annotations

import argparse
import sys
import time

from indexer import diff
from indexer.corpus import load_corpus
from indexer.errors import CorpusError, IndexBusyError, IndexFileError
from indexer.index import SearchIndex, spill_folder
from indexer.store import build_lock


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        corpus = load_corpus(args.corpus)
    except CorpusError as exc:
        print(exc.report(), file=sys.stderr)
        print("The existing index was left untouched.", file=sys.stderr)
        return 1
    try:
        old = SearchIndex.load(args.index)
    except IndexFileError:
        old = None
    changes = diff.compare(diff.of_index(old), diff.of_corpus(corpus))
    print(f"corpus {args.corpus}: {len(corpus.documents)} documents, {len(corpus.programs)} "
          f"programs, {len(corpus.glossary)} glossary concepts, {len(corpus.timeline)} timeline "
          f"events, {len(corpus.sources)} sources")
    print("changes against the current index: " + "; ".join(diff.summary(changes)))
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    try:
        with build_lock(args.index, wait=False), spill_folder(args.index) as spill:
            index = SearchIndex.build(corpus, spill=spill)
            folder = index.save(args.index)
    except IndexBusyError as exc:
        print(f"error: {exc}; try again when it is done", file=sys.stderr)
        return 1
    print(f"built {len(index.passages)} passages, {len(index.bm25.vocabulary)} terms in "
          f"{time.perf_counter() - started:.2f} s → {folder}")
    return 0
