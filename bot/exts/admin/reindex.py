"""/reindex: rebuild the index from the corpus (or pick up a CLI-built one) without downtime."""

from __future__ import annotations

import logging
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.exts.admin._checks import admin_only
from bot.live import ReindexBusy, ReindexResult
from bot.messages import t
from bot.storage import DatabaseError
from bot.ui import limits
from bot.ui.embeds import WARNING, embed, send
from bot.ui.language import interaction_language
from indexer import diff

log = logging.getLogger(__name__)

SHOWN_ERRORS = 10
KNOWN_KINDS = frozenset(f"kind.{kind}" for kind in diff.KINDS)


def _kind(kind: str, lang: str) -> str:
    return t(f"kind.{kind}", lang) if f"kind.{kind}" in KNOWN_KINDS else kind


def diff_lines(result: ReindexResult, lang: str) -> list[str]:
    """Added, removed and changed records per kind ('passages: +3 …'), in `lang`."""
    return [t("diff_line", lang, kind=_kind(kind, lang), added=len(change.added),
              removed=len(change.removed), changed=len(change.changed))
            for kind, change in result.changes.items()]


def result_embed(result: ReindexResult, lang: str) -> discord.Embed:
    """The diff summary and build time, or the first errors and how many there are."""
    if result.ok:
        card = embed(t("reindex_ok", lang),
                     "\n".join(diff_lines(result, lang)) or t("no_changes", lang))
        card.add_field(name=t("build_time", lang), value=f"{result.seconds:.1f} s")
        card.add_field(name=t("index_size", lang), value=", ".join(
            f"{_kind(kind, lang)}: {count}" for kind, count in result.counts.items()))
        return limits.fit_embed(card)
    shown = [discord.utils.escape_markdown(p) for p in result.problems[:SHOWN_ERRORS]]
    more = len(result.problems) - len(shown)
    lines = [f"• {line}" for line in shown] + ([t("and_more", lang, count=more)] if more else [])
    card = embed(t("reindex_failed", lang, count=len(result.problems)),
                 limits.join_lines(lines, limits.EMBED_DESCRIPTION - 200), colour=WARNING)
    card.set_footer(text=t("index_unchanged", lang))
    return limits.fit_embed(card)


class Reindex(commands.Cog):
    """Keeps the live index in step with the corpus."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot

    @app_commands.command(name="reindex", description="Rebuild the index from the corpus "
                          "(admins only)")
    @app_commands.describe(mode="rebuild: validate the corpus and rebuild; reload: use an "
                           "index already built with the command line")
    @admin_only()
    async def reindex(self, interaction: discord.Interaction,
                      mode: Literal["rebuild", "reload"] = "rebuild") -> None:
        """Questions keep being answered from the old index until the new one is swapped in."""
        lang = interaction_language(interaction)
        if self.bot.live.busy:
            await send(interaction, t("reindex_busy", lang), ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        if mode == "reload":
            result = await self._reload()
        else:
            try:
                result = await self.bot.live.reindex()
            except ReindexBusy:
                await send(interaction, t("reindex_busy", lang), ephemeral=True)
                return
        self.record(interaction.user.id, result)
        card = result_embed(result, lang)
        await send(interaction, embed=card, ephemeral=True)
        await self.bot.post_log(embed=result_embed(result, "en"))

    async def _reload(self) -> ReindexResult:
        before = self.bot.live.index
        changed = await self.bot.live.reload_if_changed()
        after = self.bot.live.index
        stats = after.stats
        return ReindexResult(
            ok=True, seconds=0.0,
            changes=diff.compare(diff.of_index(before), diff.of_index(after)) if changed else {},
            counts={"documents": stats.documents, "passages": stats.passages,
                    "programs": stats.programs, "glossary": stats.glossary_terms})

    def record(self, user_id: int, result: ReindexResult) -> None:
        """Keep the reindex in the database (who, how long, what, errors)."""
        try:
            self.bot.db.record_reindex(
                actor=self.bot.hash_user(user_id), origin="discord", ok=result.ok,
                seconds=result.seconds, counts=result.counts, errors=result.problems)
        except DatabaseError:
            log.exception("could not record a reindex")


async def setup(bot: SisterCityBot) -> None:
    """Load the Reindex cog."""
    await bot.add_cog(Reindex(bot))
