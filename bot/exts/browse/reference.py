"""/timeline, /sources, /about and /help: the partnership's history and the bot itself."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.citations import fact_support
from bot.exts.admin._checks import is_admin
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import embed, send, source_line
from bot.ui.language import interaction_language
from bot.ui.mentions import command_mention
from bot.ui.paginator import Paginator

EVENTS_PER_PAGE = 8
SOURCES_PER_PAGE = 10
HELP_COMMANDS = ("ask", "programs", "program", "sme", "timeline", "sources", "about")
ADMIN_COMMANDS = ("reindex", "stats", "unanswered")


def _pages(title: str, lines: list[str], per_page: int) -> list[discord.Embed]:
    return [embed(title, limits.join_lines(group, limits.EMBED_DESCRIPTION))
            for group in limits.chunks(lines, per_page)]


class Reference(commands.Cog):
    """History, bibliography, and what the bot is."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot

    @app_commands.command(name="timeline", description="The partnership's history, year by year")
    async def timeline(self, interaction: discord.Interaction) -> None:
        """Dated events, oldest first, a page at a time."""
        lang = interaction_language(interaction)
        events = sorted(self.bot.live.index.timeline, key=lambda e: e.date)
        lines = [f"**{e.date}** — {e.text.get(lang)}"
                 + ("" if e.confidence.value == "C2"
                    else f" *({fact_support(e.confidence.value, lang)})*")
                 for e in events]
        pages = _pages(t("timeline_title", lang), lines or [t("empty_list", lang)],
                       EVENTS_PER_PAGE)
        await Paginator(pages, owner_id=interaction.user.id, language=lang).start(interaction)

    @app_commands.command(name="sources", description="The bibliography the answers cite")
    async def sources(self, interaction: discord.Interaction) -> None:
        """Every source as 'publisher: title (date)', how reliable it is, its link if the
        address of the cited page is known, and the date it was consulted."""
        lang = interaction_language(interaction)
        sources = sorted(self.bot.live.index.sources.values(),
                         key=lambda s: (s.publisher.casefold(), s.title.casefold()))
        lines = [f"• {source_line(s, lang)} · {t('accessed', lang, date=s.accessed.isoformat())}"
                 for s in sources]
        pages = _pages(t("sources_title", lang, count=len(sources)),
                       lines or [t("empty_list", lang)], SOURCES_PER_PAGE)
        await Paginator(pages, owner_id=interaction.user.id, language=lang).start(interaction)

    @app_commands.command(name="about", description="What this bot is and what it knows")
    async def about(self, interaction: discord.Interaction) -> None:
        """The bot's purpose, the size and date of its corpus, and its languages."""
        lang = interaction_language(interaction)
        index = self.bot.live.index
        stats = index.stats
        card = embed(t("about_title", lang), t("about_text", lang))
        card.add_field(name=t("corpus", lang), value=t(
            "corpus_size", lang, documents=stats.documents, passages=stats.passages,
            programs=stats.programs, sources=len(index.sources)))
        card.add_field(name=t("corpus_date_label", lang), value=index.corpus_date or "?")
        card.add_field(name=t("languages", lang), value="English · Bahasa Indonesia · Deutsch")
        await send(interaction, embed=limits.fit_embed(card), ephemeral=True)

    @app_commands.command(name="help", description="How to use this bot")
    async def help(self, interaction: discord.Interaction) -> None:
        """Every command, clickable, with a line on what it does; the admin commands only for
        admins, with the step that shows them to admin roles."""
        lang = interaction_language(interaction)
        settings = self.bot.settings
        lines = [self._line(name, lang) for name in HELP_COMMANDS]
        text = "\n".join(lines) + "\n\n" + t("help_mention", lang)
        if settings.ask_channel_ids:
            where = " ".join(f"<#{channel_id}>" for channel_id in settings.ask_channel_ids[:10])
            text += "\n" + t("help_ask_channels", lang, channels=where)
        card = embed(t("help_title", lang), text)
        if is_admin(interaction, settings.admin_role_ids):
            me = self.bot.user
            card.add_field(name=t("help_admin", lang), inline=False, value="\n".join(
                [self._line(name, lang) for name in ADMIN_COMMANDS]
                + ["", t("help_admin_note", lang, bot=me.name if me else "…")]))
        await send(interaction, embed=limits.fit_embed(card), ephemeral=True)

    def _line(self, name: str, lang: str) -> str:
        return f"{command_mention(self.bot, name, lang)} — {t(f'help.{name}', lang)}"


async def setup(bot: SisterCityBot) -> None:
    """Load the Reference cog."""
    await bot.add_cog(Reference(bot))
