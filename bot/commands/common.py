"""Helpers shared by the terminal commands."""

from __future__ import annotations

import argparse
import sys

from indexer.errors import CorpusError, IndexFileError
from indexer.index import SearchIndex, ensure_index


def open_index(args: argparse.Namespace) -> SearchIndex | None:
    """The current index (built if missing or stale), or None after printing why not."""
    try:
        return ensure_index(args.corpus, args.index)
    except CorpusError as exc:
        print(exc.report(limit=20), file=sys.stderr)
    except IndexFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
    return None
