"""Pydantic models of the corpus: sources, documents, program records, glossary, timeline.

Every model forbids unknown fields, so a typo in a corpus file is reported instead of ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from indexer.markdown import Paragraph, paragraphs, sections, split_front_matter

LANGUAGES: tuple[str, ...] = ("en", "id", "de")

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# YYYY, YYYY-MM or YYYY-MM-DD: a date known to the year, the month or the day.
PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Host = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]  # a.example.org


def text_digest(text: str) -> str:
    """What a document's text is checked against when it is read again."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _partial_date(value: object) -> object:
    """YAML reads 1960-05-24 as a date and 1960 as an int; keep the written precision."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value) if isinstance(value, int) else value


class Language(StrEnum):
    EN = "en"
    ID = "id"
    DE = "de"


class Confidence(StrEnum):
    """How well a fact is supported: two sources, one source, or uncertain/disputed."""

    C2 = "C2"
    S1 = "S1"
    U = "U"


class SourceQuality(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Status(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    PROPOSED = "proposed"
    UNKNOWN = "unknown"


class Field_(StrEnum):
    CULTURE = "culture"
    EDUCATION = "education"
    TECHNOLOGY = "technology"
    ECONOMY = "economy"
    TRADE = "trade"
    TOURISM = "tourism"
    YOUTH = "youth"
    SPORT = "sport"
    ADMINISTRATION = "administration"
    ENVIRONMENT = "environment"
    SCIENCE = "science"
    SOCIAL = "social"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class LocalizedText(_Strict):
    """The same text in the three corpus languages."""

    en: NonEmpty
    id: NonEmpty
    de: NonEmpty

    def get(self, language: str) -> str:
        return str(getattr(self, language))


class Source(_Strict):
    """A cited source, as much of it as is known: shown as 'publisher: title (published)'."""

    id: Slug
    publisher: NonEmpty
    title: NonEmpty  # the article's title where known, else a short description of it
    published: PartialDate | None = None
    url: str | None  # the cited page itself; null when its address was not recorded
    site: Host | None = None  # the publisher's site, kept when the article address is unknown
    accessed: dt.date
    confidence: SourceQuality
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://\S+$", value):
            raise ValueError("must be an http(s) URL or null")
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return _partial_date(value)


class DocumentMeta(_Strict):
    """The YAML front matter of a prose document."""

    id: Slug
    topic: Slug
    title: NonEmpty
    language: Language
    sources: list[Slug] = Field(min_length=1)
    updated: dt.date
    tags: list[str] = Field(default_factory=list)
    # One key per section, in order: sections of the translations that share a key say the
    # same thing (the parity check compares them). Without keys, sections match by position.
    sections: list[Slug] = Field(default_factory=list)


class Document(_Strict):
    """A validated document: its front matter, and where its text is. The text is not held
    (the corpus of a large index is gigabytes of it): `body` reads the file again and
    refuses it (CorpusError) unless it is the very text that was validated."""

    meta: DocumentMeta
    body_line: int = 1
    path: str  # relative to the corpus folder's parent, for messages
    file: Path
    digest: str  # sha256 of the file's text as validated (see `text_digest`)

    @property
    def body(self) -> str:
        from indexer.errors import CorpusError, Problem

        try:
            text = self.file.read_bytes().decode("utf-8").lstrip("\ufeff")
        except (OSError, UnicodeDecodeError) as exc:
            text, reason = None, f"cannot be read again ({exc})"
        else:
            reason = "changed while it was being indexed"
        if text is None or text_digest(text) != self.digest:
            raise CorpusError([Problem(self.path, None, None, f"{reason}; run the build "
                                       "again")])
        return split_front_matter(text)[1]

    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.body, self.body_line)

    def sections(self) -> list[tuple[str, list[Paragraph]]]:
        """(heading, paragraphs) of each section, in order."""
        return sections(self.paragraphs())


class ProgramRecord(_Strict):
    id: Slug
    name: LocalizedText
    fields: list[Field_] = Field(min_length=1)
    start: int | None = Field(default=None, ge=1900, le=2100)
    end: int | None = Field(default=None, ge=1900, le=2100)
    status: Status
    summary: LocalizedText
    how_to_take_part: LocalizedText
    partners: list[NonEmpty] = Field(default_factory=list)
    sources: list[Slug] = Field(min_length=1)
    confidence: Confidence
    updated: dt.date | None = None

    def years(self) -> str:
        """'1985–', '1960', '2018–2021' or '?' for display."""
        if self.start is None:
            return "?"
        if self.end is None:
            return f"{self.start}–" if self.status is Status.ACTIVE else str(self.start)
        return str(self.start) if self.end == self.start else f"{self.start}–{self.end}"


class GlossaryEntry(_Strict):
    concept: NonEmpty
    en: list[NonEmpty] = Field(default_factory=list)
    id: list[NonEmpty] = Field(default_factory=list)
    de: list[NonEmpty] = Field(default_factory=list)
    sources: list[Slug] = Field(default_factory=list)

    def terms(self) -> list[tuple[str, str]]:
        """(language, term) pairs of this concept."""
        return [(lang, term) for lang in LANGUAGES for term in getattr(self, lang)]


class TimelineEvent(_Strict):
    date: PartialDate
    text: LocalizedText
    sources: list[Slug] = Field(min_length=1)
    confidence: Confidence

    @field_validator("date", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return _partial_date(value)

    @field_validator("date")
    @classmethod
    def _on_the_calendar(cls, value: str) -> str:
        """1956-02-31 has the right shape but names no day; neither does month 13."""
        year, month, day = [*value.split("-"), "01", "01"][:3]
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{value} is not a calendar date") from None
        return value

    @property
    def year(self) -> int:
        return int(self.date[:4])
