"""Which of the bot's languages (en, id, de) to reply in."""

from __future__ import annotations

import discord

LANGUAGES = ("en", "id", "de")


def locale_language(locale: discord.Locale | str | None) -> str:
    """'id' for Indonesian, 'de' for German, otherwise 'en'."""
    if locale is None:
        return "en"
    code = str(locale.value if isinstance(locale, discord.Locale) else locale).lower()
    prefix = code.split("-")[0]
    return prefix if prefix in LANGUAGES else "en"


def interaction_language(interaction: discord.Interaction) -> str:
    """The language of the user's Discord client (Discord always sends one)."""
    return locale_language(interaction.locale)
