"""Discord's size limits, and helpers that cut or split text so the API never rejects it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

import discord

MESSAGE = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR_NAME = 256
EMBED_TOTAL = 6000
CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
BUTTONS_PER_ROW = 5
SELECT_OPTIONS = 25
SELECT_LABEL = 100
SELECT_DESCRIPTION = 100
BUTTON_LABEL = 80

ELLIPSIS = "…"
T = TypeVar("T")


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending in '…' when cut."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return text[:limit]
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # prefer a word boundary unless it throws away too much
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def split_text(text: str, limit: int) -> list[str]:
    """`text` split into pieces of at most `limit` characters, at line or word boundaries."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def chunks(items: Sequence[T], size: int) -> list[list[T]]:
    """`items` in consecutive groups of `size` (at least one, possibly empty, group)."""
    groups = [list(items[i:i + size]) for i in range(0, len(items), size)]
    return groups or [[]]


def join_lines(lines: Iterable[str], limit: int) -> str:
    """Lines joined by newlines, stopping (with '…') before the text would pass `limit`."""
    out: list[str] = []
    used = 0
    for line in lines:
        line = truncate(line, limit)
        extra = len(line) + (1 if out else 0)
        if used + extra > limit - (len(ELLIPSIS) + 1):
            out.append(ELLIPSIS)
            break
        out.append(line)
        used += extra
    return "\n".join(out)


def embed_size(embed: discord.Embed) -> int:
    """Characters Discord counts toward the 6,000 total of one embed."""
    return len(embed)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Trim an embed in place to every per-part limit and to the total, then return it."""
    if embed.title:
        embed.title = truncate(embed.title, EMBED_TITLE)
    if embed.description:
        embed.description = truncate(embed.description, EMBED_DESCRIPTION)
    if embed.author and embed.author.name:
        embed.set_author(name=truncate(embed.author.name, AUTHOR_NAME), url=embed.author.url,
                         icon_url=embed.author.icon_url)
    if embed.footer and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER), icon_url=embed.footer.icon_url)
    fields = [(f.name, f.value, f.inline) for f in embed.fields][:EMBED_FIELDS]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=truncate(name or "\u200b", FIELD_NAME),
                        value=truncate(value or "\u200b", FIELD_VALUE), inline=inline)
    while len(embed) > EMBED_TOTAL and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL and embed.description:
        over = len(embed) - EMBED_TOTAL
        embed.description = truncate(embed.description, max(len(embed.description) - over, 1))
    return embed
