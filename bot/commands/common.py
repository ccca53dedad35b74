"""Helpers shared by the terminal commands."""

from __future__ import annotations

import sys

from bot.settings import Settings
from indexer.errors import CorpusError, IndexFileError
from indexer.index import SearchIndex, ensure_index


def open_index(settings: Settings) -> SearchIndex | None:
    """The current index (built if missing or stale), or None after printing why not."""
    try:
        return ensure_index(settings.corpus_dir, settings.index_dir)
    except CorpusError as exc:
        print(exc.report(limit=20), file=sys.stderr)
    except IndexFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except OSError as exc:  # e.g. an index folder that cannot be written
        print(f"error: cannot write the index in {settings.index_dir}: {exc.strerror}",
              file=sys.stderr)
    return None
