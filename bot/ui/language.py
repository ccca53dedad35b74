"""Which of the bot's languages (en, id, de) to reply in."""

from __future__ import annotations

import discord

from bot.answers.engine import locale_language as answers_locale_language


def locale_language(locale: discord.Locale | str | None) -> str:
    """'id' for Indonesian, 'de' for German, otherwise 'en'."""
    return answers_locale_language(locale.value if isinstance(locale, discord.Locale) else locale)


def interaction_language(interaction: discord.Interaction) -> str:
    """The language of the user's Discord client (Discord always sends one)."""
    return locale_language(interaction.locale)
