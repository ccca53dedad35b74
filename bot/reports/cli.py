"""`report --html FILE [--days N] [--language L]`: the charts of /stats, the most frequent
declined questions and the coverage gaps by topic, as one self-contained HTML file."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from bot.cli import FAILED, OK, UsageError
from bot.commands.common import open_index, open_storage
from bot.reports import data
from bot.reports.html import Report, render
from bot.settings import Settings
from bot.storage import DatabaseError

MAX_DAYS = 366


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not 1 <= args.days <= MAX_DAYS:
        raise UsageError(f"--days must be between 1 and {MAX_DAYS}")
    target = args.html
    if target.is_dir():
        raise UsageError(f"--html {target} is a folder; name the file to write")
    db = open_storage(settings)  # PostgreSQL at DATABASE_URL, else SQLite at DATABASE_PATH
    if db is None:
        return FAILED
    try:
        index = open_index(settings)
        if index is None:
            return FAILED
        found = data.rows(db, args.days)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    finally:
        db.close()
    from bot.reports.charts import chart_svgs

    activity = data.activity(found, args.days)
    titles = {d["topic"]: d["title"] for d in index.documents if d.get("language") == args.language}
    report = Report(activity, chart_svgs(activity, args.language), data.top_declined(found),
                    data.gaps(found, index), titles, index.corpus_date,
                    dt.datetime.now(dt.UTC))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        partial.write_text(render(report), "utf-8")
        partial.replace(target)
    except OSError as exc:
        print(f"error: cannot write {target}: {exc.strerror}", file=sys.stderr)
        return FAILED
    print(f"wrote {target}: {activity.total} questions in {args.days} days, "
          f"{len(report.gaps)} topics with gaps")
    return OK
