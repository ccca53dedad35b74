"""Split a corpus Markdown document into front matter and source-tagged paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOURCES_MARK = re.compile(r"\s*\[sources:\s*([^\]]*)\]\s*$", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


class FrontMatterError(ValueError):
    pass


@dataclass(frozen=True)
class Paragraph:
    heading: str
    text: str
    sources: tuple[str, ...]  # empty: cite the document's sources
    line: int  # 1-based line in the whole file


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError("missing front matter: the file must start with a '---' line")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise FrontMatterError("front matter is not closed by a '---' line")


def paragraphs(body: str, first_line: int = 1) -> list[Paragraph]:
    """Paragraphs of a Markdown body, each with the heading above it.

    Blank lines separate paragraphs; a bullet list is one paragraph whose items are joined
    as sentences. A trailing `[sources: a, b]` is removed from the text and kept apart.
    """
    result: list[Paragraph] = []
    heading = ""
    block: list[str] = []
    block_line = first_line

    def flush() -> None:
        if not block:
            return
        text = " ".join(_BULLET.sub("", part).strip() for part in block).strip()
        sources: tuple[str, ...] = ()
        mark = _SOURCES_MARK.search(text)
        if mark:
            sources = tuple(s.strip() for s in mark.group(1).split(",") if s.strip())
            text = text[: mark.start()].rstrip()
        if text:
            result.append(Paragraph(heading, text, sources, block_line))
        block.clear()

    for offset, raw in enumerate(body.split("\n")):
        line = raw.rstrip()
        heading_match = _HEADING.match(line)
        if heading_match:
            flush()
            heading = heading_match.group(2).strip()
        elif not line.strip():
            flush()
        else:
            if not block:
                block_line = first_line + offset
            block.append(line)
    flush()
    return result


def sections(paras: list[Paragraph]) -> list[tuple[str, list[Paragraph]]]:
    """Paragraphs grouped by the section they stand in: (heading, paragraphs), in order.

    Text before the first heading forms a section with the heading ''; a heading without
    paragraphs forms none.
    """
    result: list[tuple[str, list[Paragraph]]] = []
    for para in paras:
        if result and result[-1][0] == para.heading:
            result[-1][1].append(para)
        else:
            result.append((para.heading, [para]))
    return result
