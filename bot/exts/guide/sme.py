"""/sme: the SME (UMKM) guide, and a business's size class under PP 7/2021."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.exts.guide._sme import classification, guide_pages
from bot.messages import t
from bot.sme import AmountError, parse_rupiah
from bot.ui.embeds import echo, send
from bot.ui.language import interaction_language
from bot.ui.paginator import Paginator


def amount_problem(text: str | None, lang: str) -> str | None:
    """A message for the user if `text` is given and is not an amount of rupiah."""
    if not text:
        return None
    try:
        parse_rupiah(text)
    except AmountError as exc:
        detail = f" ({exc})" if lang == "en" else ""
        return t("bad_amount", lang, value=echo(text, 60)) + detail
    return None


class Sme(commands.Cog):
    """Help for small and medium businesses in Bandung."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot

    @app_commands.command(name="sme", description="Guide for SMEs (UMKM) and your business's "
                          "size class")
    @app_commands.describe(capital="Business capital in rupiah, e.g. 750 juta (new businesses)",
                           annual_sales="Annual sales in rupiah, e.g. 1.5 miliar (existing "
                           "businesses)", private="Only you see the result (default: yes)")
    async def sme(self, interaction: discord.Interaction, capital: str | None = None,
                  annual_sales: str | None = None, private: bool = True) -> None:
        """The size classes (or the class of the given amounts), then the guide's pages;
        private unless asked otherwise, since the amounts are the member's business figures."""
        lang = interaction_language(interaction)
        for text in (capital, annual_sales):
            if problem := amount_problem(text, lang):
                await send(interaction, problem, ephemeral=True)
                return
        index = self.bot.live.index
        pages = [classification(capital, annual_sales, index, lang), *guide_pages(index, lang)]
        await Paginator(pages, owner_id=interaction.user.id, language=lang).start(
            interaction, ephemeral=private)


async def setup(bot: SisterCityBot) -> None:
    """Load the Sme cog."""
    await bot.add_cog(Sme(bot))
