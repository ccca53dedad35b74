"""The /programs list: pages of programs with a menu that opens one of them."""

from __future__ import annotations

from typing import Any

import discord

from bot.exts.browse._cards import PER_PAGE, program_card
from bot.messages import t
from bot.ui import limits
from bot.ui.language import interaction_language
from bot.ui.paginator import Paginator
from indexer.models import ProgramRecord, Source


class ProgramSelect(discord.ui.Select["ProgramsView"]):
    """Opens the card of one program on the current page, privately, for anyone (in their
    own language)."""

    def __init__(self, programs: list[ProgramRecord], lang: str) -> None:
        options = [discord.SelectOption(
            label=limits.truncate(p.name.get(lang), limits.SELECT_LABEL), value=p.id,
            description=limits.truncate(f"{p.years()} · {t(f'status.{p.status.value}', lang)}",
                                        limits.SELECT_DESCRIPTION))
            for p in programs[:limits.SELECT_OPTIONS]]
        super().__init__(placeholder=t("open_program", lang), options=options, row=1)

    async def callback(self, interaction: discord.Interaction) -> None:
        view = self.view
        assert view is not None
        lang = interaction_language(interaction)
        program = next((p for p in view.programs if p.id == self.values[0]), None)
        if program is None:
            await interaction.response.send_message(t("programs_none", lang), ephemeral=True)
            return
        await interaction.response.send_message(
            embed=program_card(program, view.sources, lang), ephemeral=True)


class ProgramsView(Paginator):
    """Pages of programs; the menu lists the programs on the page shown."""

    def __init__(self, pages: list[discord.Embed], programs: list[ProgramRecord],
                 sources: dict[str, Source], *, owner_id: int, language: str) -> None:
        self.programs = programs
        self.sources = sources
        super().__init__(pages, owner_id=owner_id, language=language)

    def page_items(self) -> list[discord.ui.Item[Any]]:
        shown = self.programs[self.page * PER_PAGE:(self.page + 1) * PER_PAGE]
        return [ProgramSelect(shown, self.language)] if shown else []
