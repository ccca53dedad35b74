"""/stats and /unanswered: how the bot is doing, and what the corpus is missing."""

from __future__ import annotations

import asyncio
import io
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.exts.admin._attach import Declined, QuestionSelect
from bot.exts.admin._checks import admin_only
from bot.messages import t
from bot.reports import charts, data
from bot.storage.grouping import group_questions
from bot.ui import limits
from bot.ui.embeds import echo, embed, send
from bot.ui.language import interaction_language
from bot.ui.paginator import Paginator

GROUPS_PER_PAGE = 10
CHART_DAYS = 14
CHART_FILE = "stats.png"

log = logging.getLogger(__name__)


class UnansweredView(Paginator):
    """Pages of declined questions; a menu attaches one of the page's to its passage."""

    def __init__(self, pages: list[discord.Embed], questions: list[Declined], *,
                 owner_id: int, language: str) -> None:
        self.questions = questions
        super().__init__(pages, owner_id=owner_id, language=language)

    def page_items(self) -> list[discord.ui.Item[Any]]:
        shown = self.questions[self.page * GROUPS_PER_PAGE:(self.page + 1) * GROUPS_PER_PAGE]
        return [QuestionSelect(shown, self.language)] if shown else []


def activity_line(counts: dict[str, int], lang: str) -> str:
    """'12 asked · 9 answered · 3 abstained · 👍 4 👎 1'."""
    return t("activity", lang, **counts)


def feedback_ratio(counts: dict[str, int], lang: str) -> str:
    """Share of 👍 among all votes, or a dash without votes."""
    votes = counts["up"] + counts["down"]
    return f"{100 * counts['up'] / votes:.0f}% 👍 ({votes})" if votes else t("no_votes", lang)


class Insights(commands.Cog):
    """Numbers for the admins who look after the corpus."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot

    @app_commands.command(name="stats", description="Index size, questions and feedback "
                          "(admins only)")
    @admin_only()
    async def stats(self, interaction: discord.Interaction) -> None:
        """Index size and build date; questions and votes of the last 24 hours and 7 days,
        and a chart of the last CHART_DAYS days."""
        lang = interaction_language(interaction)
        # drawing takes a moment (matplotlib is loaded on first use)
        await interaction.response.defer(ephemeral=True, thinking=True)
        stats = self.bot.live.index.stats
        db = self.bot.db
        day, week = db.activity(24), db.activity(24 * 7)
        card = embed(t("stats_title", lang))
        card.add_field(name=t("index", lang), inline=False, value=t(
            "index_stats", lang, documents=stats.documents, passages=stats.passages,
            programs=stats.programs, glossary=stats.glossary_terms, built=stats.built_at))
        card.add_field(name=t("last_24h", lang), value=activity_line(day, lang), inline=False)
        card.add_field(name=t("last_7d", lang), value=activity_line(week, lang), inline=False)
        card.add_field(name=t("feedback_ratio", lang), value=feedback_ratio(week, lang))
        top = db.top_questions(24 * 7)
        card.add_field(name=t("top_questions", lang), inline=False, value=limits.join_lines(
            [f"{n}× {echo(q, 150)}" for q, n in top], limits.FIELD_VALUE) or "—")
        chart = await self._chart(lang)
        if chart is not None:
            card.set_image(url=f"attachment://{CHART_FILE}")
        await send(interaction, embed=limits.fit_embed(card), ephemeral=True,
                   file=discord.File(io.BytesIO(chart), CHART_FILE) if chart else None)

    async def _chart(self, lang: str) -> bytes | None:
        """The activity chart as PNG, drawn in a thread; None (logged) if it cannot be."""
        def draw() -> bytes:
            found = data.rows(self.bot.db, CHART_DAYS)
            return charts.stats_png(data.activity(found, CHART_DAYS), lang)

        try:
            return await asyncio.to_thread(draw)
        except Exception:
            log.exception("could not draw the /stats chart; sending the numbers only")
            return None

    @app_commands.command(name="unanswered", description="Recent questions without a good "
                          "answer (admins only)")
    @app_commands.describe(days="How many days back to look (default 7)")
    @admin_only()
    async def unanswered(self, interaction: discord.Interaction,
                         days: app_commands.Range[int, 1, 365] = 7) -> None:
        """Abstained and 👎 questions, grouped by similar wording, most frequent first; a
        menu attaches one to the passage that answers it (the question bank)."""
        lang = interaction_language(interaction)
        rows = self.bot.db.unanswered(days)
        asked_in = {r["question"]: r["language"] for r in rows}
        groups = group_questions([(r["question"], r["language"], r["asked_at"]) for r in rows])
        title = t("unanswered_title_one" if days == 1 else "unanswered_title", lang, days=days,
                  count=len(groups))
        lines = [f"**{g.count}×** {echo(g.example, 200)} ({', '.join(sorted(g.languages))}"
                 f" · {g.last_asked[:10]})" for g in groups]
        pages = [embed(title, limits.join_lines(group, limits.EMBED_DESCRIPTION)
                       or t("unanswered_none", lang))
                 for group in limits.chunks(lines, GROUPS_PER_PAGE)]
        questions = [Declined(g.example, asked_in.get(g.example, "en")) for g in groups]
        await UnansweredView(pages, questions, owner_id=interaction.user.id,
                             language=lang).start(interaction, ephemeral=True)


async def setup(bot: SisterCityBot) -> None:
    """Load the Insights cog."""
    await bot.add_cog(Insights(bot))
