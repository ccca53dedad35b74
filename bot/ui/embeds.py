"""Small embed and text helpers shared by the cogs."""

from __future__ import annotations

import discord

from bot import citations
from bot.messages import t
from bot.ui.limits import truncate
from indexer.models import Source

COLOUR = discord.Colour.from_rgb(0x1F, 0x6F, 0xB2)  # a calm blue shared by every embed
WARNING = discord.Colour.orange()
NO_MENTIONS = discord.AllowedMentions.none()


def echo(text: str, limit: int = 300) -> str:
    """User text made safe to show: no pings, no markdown tricks, at most `limit` chars."""
    safe = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return truncate(safe, limit)


def link(title: str, url: str | None) -> str:
    """A masked markdown link whose text cannot break out of its brackets."""
    text = discord.utils.escape_markdown(title).replace("[", "(").replace("]", ")")
    if not url:
        return text
    return f"[{text}]({url.replace(')', '%29').replace(' ', '%20')})"


def cite(label: str, url: str | None, language: str, trust: str | None = None) -> str:
    """A source for an embed: linked only if `url` is the cited page, else 'address not
    recorded'; `trust` (how reliable the source is, in words) follows the label."""
    parts = [link(label, url)] + ([trust] if trust else [])
    if not url:
        parts.append(t("no_url", language))
    return " · ".join(parts)


def source_line(source: Source, language: str) -> str:
    """A corpus source as 'publisher: title (date) · reliability · link or no address'."""
    return cite(citations.label(source, language), source.url, language,
                citations.reliability(source, language))


def embed(title: str, description: str = "", *, colour: discord.Colour = COLOUR
          ) -> discord.Embed:
    """An embed in the bot's colour; a shortcut that keeps the cogs short."""
    return discord.Embed(title=title, description=description or None, colour=colour)


async def send(interaction: discord.Interaction, content: str | None = None, *,
               embed: discord.Embed | None = None, ephemeral: bool = False,
               file: discord.File | None = None) -> None:
    """Reply to an interaction, or follow up if it was already acknowledged; no pings."""
    kwargs: dict[str, object] = {"ephemeral": ephemeral, "allowed_mentions": NO_MENTIONS}
    if embed is not None:
        kwargs["embed"] = embed
    if file is not None:
        kwargs["file"] = file
    if interaction.response.is_done():
        await interaction.followup.send(content, **kwargs)  # type: ignore[arg-type]
    else:
        await interaction.response.send_message(content, **kwargs)  # type: ignore[arg-type]
