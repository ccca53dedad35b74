"""Views survive Discord's updates of their messages, and none shadows discord.py internals."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import discord

import bot
from tests.discord.conftest import World, custom_ids


async def test_a_paginated_message_can_be_updated_and_keeps_working(world: World) -> None:
    """An edit of a message that carries a paginator (Discord sends MESSAGE_UPDATE, and
    discord.py then refreshes the view from it) raises nothing, and the buttons still page."""
    result = await world.alice.slash(world.channel, "programs")
    channel = world.bot.get_channel(world.channel.id)
    assert isinstance(channel, discord.TextChannel)
    message = await channel.fetch_message(result.response.message.id)
    await message.edit(content="Programs of the partnership")
    await world.env.settle()
    assert world.env.errors == []
    await world.alice.click(result.response.message, custom_id=custom_ids(result.response)[2])
    assert result.response.components[0]["components"][1]["label"] == "2/2"


def _views() -> list[type[discord.ui.View]]:
    found = []
    for module in pkgutil.walk_packages(bot.__path__, "bot."):
        imported = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(imported, inspect.isclass):
            if issubclass(cls, discord.ui.View) and cls.__module__.startswith("bot."):
                found.append(cls)
    return found


def test_no_view_shadows_discord_internals() -> None:
    """A private name of discord.py's View (like `_refresh`, which its view store calls on
    message updates) must not be redefined by the bot's views."""
    internal = {name for klass in discord.ui.View.__mro__ for name in vars(klass)
                if name.startswith("_") and not name.startswith("__")}
    views = _views()
    assert any(cls.__name__ == "Paginator" for cls in views)
    for cls in views:
        own = {name for klass in cls.__mro__ if klass.__module__.startswith("bot.")
               for name in vars(klass)}
        assert not own & internal, (cls.__name__, own & internal)
