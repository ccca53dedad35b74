"""The command tree: one place that turns every slash-command failure into a short reply.

    app_commands.AppCommandError
    ├── Refusal                 (a CheckFailure) carries its own localized text for the user
    ├── CheckFailure            NoPrivateMessage, MissingPermissions, CommandOnCooldown, …
    ├── TransformerError        an option Discord sent that could not be converted
    └── CommandInvokeError      anything else: logged with its traceback, the user gets a
                                polite generic line; a failing Discord call never stops the bot
"""

from __future__ import annotations

import logging
import math
from typing import Any

import discord
from discord import app_commands

from bot.messages import t
from bot.ui.embeds import NO_MENTIONS
from bot.ui.language import interaction_language

log = logging.getLogger(__name__)

# Commands that still work outside the configured channel allow-list.
ANYWHERE = frozenset({"help", "about", "reindex", "stats", "unanswered"})


class Refusal(app_commands.CheckFailure):
    """A check that failed with a message meant for the user, already localized."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def user_message(error: app_commands.AppCommandError, lang: str, bot_name: str = "") -> str:
    """What to tell the user about `error`; `bot_name` is how Integrations lists the bot."""
    if isinstance(error, Refusal):
        return error.text
    if isinstance(error, app_commands.CommandOnCooldown):
        return t("cooldown", lang, seconds=math.ceil(error.retry_after))
    if isinstance(error, app_commands.NoPrivateMessage):
        return t("guild_only", lang)
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole):
        return t("admin_only", lang, bot=bot_name or "…")
    if isinstance(error, app_commands.CheckFailure):
        return t("not_allowed", lang)
    if isinstance(error, app_commands.TransformerError):
        return t("bad_option", lang)
    return t("error", lang)


class SisterTree(app_commands.CommandTree[Any]):
    """Checks the channel allow-list and handles every command error."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        settings = interaction.client.settings  # type: ignore[attr-defined]
        allowed: list[int] = settings.allowed_channel_ids
        if not allowed or interaction.guild_id is None:
            return True
        command = interaction.command
        if command is not None and command.qualified_name.split()[0] in ANYWHERE:
            return True
        channel = interaction.channel
        if interaction.channel_id in allowed or getattr(channel, "parent_id", None) in allowed:
            return True
        if interaction.type is discord.InteractionType.application_command:
            where = " ".join(f"<#{channel_id}>" for channel_id in allowed[:10])
            await interaction.response.send_message(
                t("wrong_channel", interaction_language(interaction), channels=where),
                ephemeral=True)
        return False

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        if isinstance(error, app_commands.CommandInvokeError):
            original = error.original
            if isinstance(original, discord.HTTPException):
                log.error("/%s: a Discord API call failed (%s %s): %s", name, original.status,
                          original.code, original.text)
            else:
                log.error("/%s failed", name, exc_info=original)
        elif not isinstance(error, app_commands.CheckFailure):
            log.error("/%s failed", name, exc_info=error)
        if interaction.type is discord.InteractionType.autocomplete:
            return
        me = interaction.client.user
        text = user_message(error, interaction_language(interaction), me.name if me else "")
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)
            else:
                await interaction.response.send_message(text, ephemeral=True,
                                                        allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not tell the user about an error in /%s: %s", name, exc)
