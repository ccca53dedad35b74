"""Clickable slash-command mentions (`</name:id>`), named as the user's client names them."""

from __future__ import annotations

from typing import Any

from bot.translator import localized_name


def command_mention(client: Any, name: str, lang: str) -> str:
    """`</daftar-program:123>` for an Indonesian user once the command's id is known (after
    the bot synced or fetched its commands), else the plain `/daftar-program`."""
    shown = localized_name(name, lang)
    ids: dict[str, int] = getattr(client, "command_ids", None) or {}
    command_id = ids.get(name)
    return f"</{shown}:{command_id}>" if command_id else f"/{shown}"


def mentions(client: Any, lang: str, *names: str) -> dict[str, str]:
    """{name: mention} for filling message templates such as "Try {programs}"."""
    return {name: command_mention(client, name, lang) for name in names}
