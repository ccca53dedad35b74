"""`index`: validate the corpus and build the search index (or, with --dry-run, only report).

Both report where the three languages disagree (the parity check); that never stops a build.
"""

from __future__ import annotations

import argparse
import sys
import time

from bot.settings import Settings
from indexer import diff, parity
from indexer.corpus import load_corpus
from indexer.errors import CorpusError, IndexFileError
from indexer.index import SearchIndex


def run(args: argparse.Namespace, settings: Settings) -> int:
    started = time.perf_counter()
    try:
        corpus = load_corpus(settings.corpus_dir)
    except CorpusError as exc:
        print(exc.report(), file=sys.stderr)
        print("The existing index was left untouched.", file=sys.stderr)
        return 1
    try:
        old = SearchIndex.load(settings.index_dir)
    except IndexFileError:
        old = None
    changes = diff.compare(diff.of_index(old), diff.of_corpus(corpus))
    print(f"corpus {settings.corpus_dir}: {len(corpus.documents)} documents, "
          f"{len(corpus.programs)} programs, {len(corpus.glossary)} glossary concepts, "
          f"{len(corpus.timeline)} timeline events, {len(corpus.sources)} sources")
    print("changes against the current index: " + "; ".join(diff.summary(changes)))
    differences = parity.check(corpus)
    print(parity.summary(differences))
    for difference in differences:
        print(f"  {difference}")
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    index = SearchIndex.build(corpus)
    try:
        folder = index.save(settings.index_dir)
    except IndexFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write the index in {settings.index_dir}: {exc.strerror}",
              file=sys.stderr)
        return 1
    print(f"built {len(index.passages)} passages, {len(index.bm25.vocabulary)} terms in "
          f"{time.perf_counter() - started:.2f} s → {folder}")
    return 0
