"""The command tree as Discord receives it: every extension, name, description, translation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import discord
import pytest

from bot.app import create_bot
from bot.exts import walk_extensions
from bot.settings import Settings
from bot.translator import SisterTranslator

NAME = re.compile(r"^[-_\w]{1,32}$")
EXPECTED = {"ask", "programs", "program", "sme", "timeline", "sources", "about", "help",
            "reindex", "stats", "unanswered"}
MENUS = {"Ask the bot about this"}  # message context menus: no description, names with spaces


@pytest.fixture
async def payloads(settings: Settings) -> list[dict[str, Any]]:
    """Every command's payload with its id and de localizations, as `sync` would send it."""
    settings.dev_guild_id = None
    bot = create_bot(settings)
    await bot.setup_hook()
    translator = SisterTranslator()
    try:
        return [await command.get_translated_payload(bot.tree, translator)
                for command in bot.tree.get_commands()]
    finally:
        bot.db.close()


def _parts(payload: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The command itself, its options and their choices."""
    yield payload
    for option in payload.get("options", []):
        yield option
        yield from option.get("choices", [])


def test_extensions_are_found_by_walking_the_package() -> None:
    """Every feature module is an extension; private helpers are skipped."""
    found = list(walk_extensions())
    assert "bot.exts.answers.ask" in found and "bot.exts.admin.reindex" in found
    assert not any("._" in name for name in found)


async def test_every_command_is_registered_once(payloads: list[dict[str, Any]]) -> None:
    names = [p["name"] for p in payloads if p.get("type", 1) == 1]
    assert sorted(names) == sorted(EXPECTED)
    menus = {p["name"]: p for p in payloads if p.get("type") == 3}
    assert set(menus) == MENUS
    assert menus["Ask the bot about this"]["name_localizations"] == {
        "id": "Tanya bot tentang ini", "de": "Bot dazu fragen"}


async def test_every_command_and_option_is_described_and_translated(
        payloads: list[dict[str, Any]]) -> None:
    """Descriptions everywhere (≤100 chars); names and descriptions in id and de."""
    for payload in payloads:
        if payload.get("type") == 3:
            continue  # a context menu has a name only (checked above)
        for part in _parts(payload):
            if "value" in part:  # a choice: translated unless it is a language's own name
                if part["name"] not in ("English", "Bahasa Indonesia", "Deutsch"):
                    assert set(part["name_localizations"]) == {"id", "de"}, part
                continue
            assert part["description"] and len(part["description"]) <= 100, part
            assert set(part["name_localizations"]) == {"id", "de"}, part["name"]
            assert set(part["description_localizations"]) == {"id", "de"}, part["name"]
            for name in [part["name"], *part["name_localizations"].values()]:
                assert NAME.match(name) and name == name.lower(), name
            assert all(len(d) <= 100 for d in part["description_localizations"].values())


async def test_localized_names_do_not_collide(payloads: list[dict[str, Any]]) -> None:
    """Within each language, command names are unique."""
    for locale in ("id", "de"):
        names = [p["name_localizations"][locale] for p in payloads if p.get("type", 1) == 1]
        assert len(names) == len(set(names)), locale


async def test_admin_commands_are_hidden_and_guild_only(payloads: list[dict[str, Any]]) -> None:
    """Admin commands need Manage Server by default and are not offered in DMs."""
    manage_guild = discord.Permissions(manage_guild=True).value
    for payload in payloads:
        admin = payload["name"] in ("reindex", "stats", "unanswered")
        assert (payload.get("default_member_permissions") == manage_guild) is admin
        if admin:
            assert payload["contexts"] == [0]
