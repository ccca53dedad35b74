"""How a source is shown to a reader, the same in the terminal and on Discord.

A source reads 'publisher: title (date)'. Its address is given only when it leads to the cited
page; otherwise the reader is told the article address was not recorded. How far the source
can be trusted is said in words, never as a code.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.answers.model import SourceRef
from bot.messages import t
from indexer.models import Source
from indexer.wordlists import month_name


def published(date: str, language: str) -> str:
    """'2016', 'March 2016' or '18 March 2016' ('18. März 2016' in German)."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = month_name(parts[1], language)
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = f"{parts[2]}." if language == "de" else str(parts[2])
    return f"{day} {month} {parts[0]}"


def label(source: Source, language: str) -> str:
    """'regionalHeute.de: Braunschweig delegation in Bandung (18 March 2016)'."""
    text = f"{source.publisher}: {source.title}"
    return f"{text} ({published(source.published, language)})" if source.published else text


def reliability(source: Source, language: str) -> str:
    """'reliable source', 'fairly reliable source' or 'less reliable source', translated."""
    return t(f"reliability.{source.confidence.value}", language)


def fact_support(confidence: str, language: str) -> str:
    """A record's C2/S1/U in words: 'well sourced …', 'single source', 'uncertain or disputed'."""
    return t(f"confidence.{confidence}", language)


def cited(ref: SourceRef, sources: Mapping[str, Source] | None, language: str
          ) -> tuple[str, str | None, str | None]:
    """(label, url, reliability) of an answer's source; the bare title if the source is unknown."""
    source = (sources or {}).get(ref.id)
    if source is None:
        return ref.title, ref.url, None
    return label(source, language), source.url, reliability(source, language)
