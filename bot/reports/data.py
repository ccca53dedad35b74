"""The numbers behind the charts, read from the bot's database through `Database.export()`.

Votes count on the day of the answer they are about; days are UTC dates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.storage import Recorder, Storage
from bot.storage.grouping import QuestionGroup, group_questions
from indexer.index import SearchIndex

LANGUAGES = ("en", "id", "de")
NO_TOPIC = "(nothing in the corpus comes close)"


@dataclass(frozen=True)
class Row:
    """One recorded answer."""

    asked_at: str
    day: dt.date
    question: str
    language: str
    abstained: bool
    up: int
    down: int


@dataclass
class Activity:
    """Per day, oldest first: questions by language, answered and declined, votes."""

    days: list[dt.date]
    by_language: dict[str, list[int]]
    answered: list[int]
    declined: list[int]
    up: list[int]
    down: list[int]

    @property
    def total(self) -> int:
        return sum(self.answered) + sum(self.declined)


@dataclass
class Gap:
    """Declined or 👎 questions whose nearest corpus topic is `topic`."""

    topic: str
    declined: int = 0
    downvoted: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return self.declined + self.downvoted


def rows(db: Storage | Recorder, days: int, today: dt.date | None = None) -> list[Row]:
    """The answers of the last `days` days (today included), newest first."""
    first = (today or dt.datetime.now(dt.UTC).date()) - dt.timedelta(days=days - 1)
    found = []
    for line in db.export().splitlines():
        record = json.loads(line)
        asked = dt.datetime.fromisoformat(record["asked_at"])
        if asked.date() < first:
            continue
        found.append(Row(record["asked_at"], asked.date(), record["question"],
                         record["language"], bool(record["abstained"]), int(record["up"]),
                         int(record["down"])))
    return sorted(found, key=lambda r: r.asked_at, reverse=True)


def activity(found: list[Row], days: int, today: dt.date | None = None) -> Activity:
    last = today or dt.datetime.now(dt.UTC).date()
    span = [last - dt.timedelta(days=n) for n in range(days - 1, -1, -1)]
    where = {day: i for i, day in enumerate(span)}
    result = Activity(span, {lang: [0] * days for lang in LANGUAGES}, [0] * days, [0] * days,
                      [0] * days, [0] * days)
    for row in found:
        i = where.get(row.day)
        if i is None:
            continue
        if row.language in result.by_language:
            result.by_language[row.language][i] += 1
        (result.declined if row.abstained else result.answered)[i] += 1
        result.up[i] += row.up
        result.down[i] += row.down
    return result


def top_declined(found: list[Row], limit: int = 15) -> list[QuestionGroup]:
    """Declined questions grouped by wording, most frequent first."""
    declined = [(r.question, r.language, r.asked_at) for r in found if r.abstained]
    return group_questions(declined)[:limit]


def gaps(found: list[Row], index: SearchIndex) -> list[Gap]:
    """Declined and 👎 questions by the corpus topic they come nearest to, most first."""
    by_topic: dict[str, Gap] = {}
    examples: dict[str, Counter[str]] = defaultdict(Counter)
    wording: dict[str, str] = {}  # the first way of writing a question seen, by its folded form
    for row in found:
        if not row.abstained and row.down <= row.up:
            continue
        topic = _nearest_topic(index, row.question, row.language)
        gap = by_topic.setdefault(topic, Gap(topic))
        if row.abstained:
            gap.declined += 1
        else:
            gap.downvoted += 1
        folded = " ".join(row.question.casefold().split())
        wording.setdefault(folded, " ".join(row.question.split()))
        examples[topic][folded] += 1
    for topic, gap in by_topic.items():
        gap.examples = [wording[q] for q, _ in examples[topic].most_common(3)]
    return sorted(by_topic.values(), key=lambda g: (-g.count, g.topic))


def _nearest_topic(index: SearchIndex, question: str, language: str) -> str:
    terms = index.tokens(question, language if language in LANGUAGES else "en")
    best = index.bm25.top(terms, 1)
    return index.passages[best[0][0]].topic if best else NO_TOPIC

