"""`index`: validate the corpus and build the search index (or, with --dry-run, only report).

Both report where the three languages disagree (the parity check); that never stops a build.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bot.settings import Settings
from indexer import diff, parity
from indexer.corpus import Corpus, load_corpus
from indexer.errors import CorpusError, IndexBusyError, IndexFileError
from indexer.index import SearchIndex, spill_folder
from indexer.store import build_lock


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
    del old  # not needed while building: its memory goes back before the build starts
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
    try:
        folder, index = _build(corpus, settings.index_dir)
    except CorpusError as exc:  # a file changed since it was validated
        print(exc.report(), file=sys.stderr)
        print("The existing index was left untouched.", file=sys.stderr)
        return 1
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


def _build(corpus: Corpus, root: Path) -> tuple[Path, SearchIndex]:
    """Build and save under the build lock: one build at a time. Another one running (another
    `index`, a bot's /reindex or its start-up) is waited for, and this one saved after it."""
    try:
        with build_lock(root, wait=False):
            return _build_locked(corpus, root)
    except IndexBusyError as exc:
        print(f"{exc}; waiting for it to finish", file=sys.stderr)
    with build_lock(root):
        return _build_locked(corpus, root)


def _build_locked(corpus: Corpus, root: Path) -> tuple[Path, SearchIndex]:
    with spill_folder(root) as spill:
        index = SearchIndex.build(corpus, spill=spill)
        return index.save(root), index
