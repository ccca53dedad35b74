"""/programs (a filtered, paginated list) and /program (one program's card)."""

from __future__ import annotations

from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.commands.programs import select
from bot.exts.browse import _search
from bot.exts.browse._cards import list_pages, program_card
from bot.exts.browse._views import ProgramsView
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import echo, send
from bot.ui.language import interaction_language
from bot.ui.mentions import command_mention
from indexer.models import Field_

FIELD_CHOICES = [app_commands.Choice(name=f.value.capitalize(), value=f.value) for f in Field_]
Status = Literal["active", "completed", "proposed", "unknown"]


class Programs(commands.Cog):
    """The partnership's programs, past and present."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot

    @app_commands.command(name="programs", description="List the partnership's programs")
    @app_commands.describe(field="Only programs in this field", status="Only programs with "
                           "this status", year="Only programs running in this year")
    @app_commands.choices(field=FIELD_CHOICES)
    async def programs(self, interaction: discord.Interaction,
                       field: app_commands.Choice[str] | None = None,
                       status: Status | None = None,
                       year: app_commands.Range[int, 1900, 2100] | None = None) -> None:
        """Pages of programs; a menu under the list opens one of them."""
        lang = interaction_language(interaction)
        index = self.bot.live.index
        chosen = select(index.programs, field.value if field else None, status, year)
        filters = " · ".join(part for part in (
            t(f"field.{field.value}", lang) if field else "",
            t(f"status.{status}", lang) if status else "", str(year) if year else "") if part)
        view = ProgramsView(list_pages(chosen, lang, filters), chosen, index.sources,
                            owner_id=interaction.user.id, language=lang)
        await view.start(interaction)

    @app_commands.command(name="program", description="Show one program in detail")
    @app_commands.describe(name="The program's name, in English, Indonesian or German")
    async def program(self, interaction: discord.Interaction, name: str) -> None:
        """A card with the summary, fields, years, status, how to take part and sources."""
        lang = interaction_language(interaction)
        index = self.bot.live.index
        found = _search.find(index.programs, name)
        if found is None:
            await send(interaction, t("program_unknown", lang, name=echo(name, 100),
                                      programs=command_mention(self.bot, "programs", lang)),
                       ephemeral=True)
            return
        await send(interaction, embed=program_card(found, index.sources, lang))

    @program.autocomplete("name")
    async def program_name(self, interaction: discord.Interaction, current: str
                           ) -> list[app_commands.Choice[str]]:
        """Up to 25 programs whose name in any language resembles what was typed."""
        lang = interaction_language(interaction)
        return [app_commands.Choice(name=limits.truncate(p.name.get(lang), limits.CHOICE_NAME),
                                    value=p.id)
                for p in _search.rank(self.bot.live.index.programs, current, limits.CHOICES)]


async def setup(bot: SisterCityBot) -> None:
    """Load the Programs cog."""
    await bot.add_cog(Programs(bot))
