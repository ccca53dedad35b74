"""Cut the corpus into citable passages: document paragraphs, program records, timeline events."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from indexer.models import LANGUAGES

if TYPE_CHECKING:
    from indexer.corpus import Corpus

TIMELINE_TITLE = {"en": "Timeline of the partnership", "id": "Linimasa kemitraan",
                  "de": "Zeittafel der Partnerschaft"}
TAKE_PART = {"en": "How to take part", "id": "Cara ikut serta", "de": "So machen Sie mit"}
TAKE_PART_SUFFIX = "-take-part"


@dataclass(frozen=True)
class Passage:
    """A paragraph-sized piece of the corpus that an answer can quote and cite."""

    id: str  # "<origin>#<n>"
    origin: str  # document, program or timeline id
    kind: str  # "document" | "program" | "timeline"
    topic: str  # shared by the translations of the same text
    language: str
    title: str
    heading: str
    text: str
    sources: tuple[str, ...]
    confidence: str | None = None  # C2 | S1 | U where the corpus records it
    # Stable address for corpus data that points at this passage (the question bank):
    # "<doc-id>#<heading-slug>/<k>", "<program-id>#<lang>-summary", "timeline-<lang>#<date>/<k>".
    # Unlike `id`, it does not move when a paragraph is added to another section.
    anchor: str = ""

    def to_json(self) -> dict[str, object]:
        # field by field rather than dataclasses.asdict, which deep-copies: an eighth of the
        # time to build a 100k-passage index went there
        data: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["sources"] = list(self.sources)
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Passage:
        return cls(**{**data, "sources": tuple(data["sources"])})  # type: ignore[arg-type]


def slug(heading: str) -> str:
    """'Council vote and the charter of 1960' → 'council-vote-and-the-charter-of-1960'."""
    plain = unicodedata.normalize("NFKD", heading.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ß", "ss")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "intro"


def passages(corpus: Corpus) -> Iterator[Passage]:
    """Every passage of the corpus, in a stable order."""
    for doc in corpus.documents:
        meta = doc.meta
        seen: Counter[str] = Counter()
        for n, para in enumerate(doc.paragraphs()):
            section = slug(para.heading)
            seen[section] += 1
            yield Passage(
                id=f"{meta.id}#{n}", origin=meta.id, kind="document", topic=meta.topic,
                language=meta.language.value, title=meta.title, heading=para.heading,
                text=para.text, sources=para.sources or tuple(meta.sources),
                anchor=f"{meta.id}#{section}/{seen[section]}",
            )
    for program in corpus.programs:
        for lang in LANGUAGES:
            common = {"origin": program.id, "kind": "program", "topic": f"program:{program.id}",
                      "language": lang, "title": program.name.get(lang),
                      "sources": tuple(program.sources), "confidence": program.confidence.value}
            summary = f"{program.id}#{lang}-summary"
            take_part = f"{program.id}#{lang}{TAKE_PART_SUFFIX}"
            yield Passage(id=summary, heading="", text=program.summary.get(lang), anchor=summary,
                          **common)  # type: ignore[arg-type]
            yield Passage(id=take_part, heading=TAKE_PART[lang], anchor=take_part,
                          text=program.how_to_take_part.get(lang), **common)  # type: ignore[arg-type]
    dates: Counter[str] = Counter()
    for n, event in enumerate(corpus.timeline):
        dates[event.date] += 1
        for lang in LANGUAGES:
            yield Passage(
                id=f"timeline#{n}-{lang}", origin="timeline", kind="timeline",
                topic=f"timeline:{n}", language=lang, title=TIMELINE_TITLE[lang],
                heading=event.date, text=event.text.get(lang), sources=tuple(event.sources),
                confidence=event.confidence.value,
                anchor=f"timeline-{lang}#{event.date}/{dates[event.date]}",
            )


def is_take_part(passage: Passage) -> bool:
    """Is this a program record's "how to take part" passage?"""
    return passage.kind == "program" and passage.id.endswith(TAKE_PART_SUFFIX)
