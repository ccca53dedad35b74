"""Apps → "Ask the bot about this": answer another member's message publicly, quoting it.

A message context menu needs no privileged intent: the interaction carries the message."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.exts.answers._respond import answer_interaction
from bot.exts.answers.ask import Ask
from bot.messages import t
from bot.ui.language import interaction_language

MENU_NAME = "Ask the bot about this"


class AskAbout(commands.Cog):
    """The message menu; it answers through the Ask cog, with its limits and records."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name=MENU_NAME, callback=self.ask_about)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    async def ask_about(self, interaction: discord.Interaction,
                        message: discord.Message) -> None:
        """The message's text is the question; the answer quotes whose message it was and
        is public, a refusal is seen only by the member who asked."""
        ask = self.bot.get_cog("Ask")
        text = message.content.strip()
        if not isinstance(ask, Ask) or not text:
            await interaction.response.send_message(
                t("nothing_to_ask", interaction_language(interaction)), ephemeral=True)
            return
        await answer_interaction(ask, interaction, text, quoted=message)


async def setup(bot: SisterCityBot) -> None:
    """Load the AskAbout cog."""
    await bot.add_cog(AskAbout(bot))
