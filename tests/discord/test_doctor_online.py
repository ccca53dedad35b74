"""`doctor --online` against SimCord: the servers, channels and roles the settings name, and
the bot's permissions in them."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
import simcord
from pydantic import SecretStr

from bot.bot import intents
from bot.doctor import online
from bot.settings import Settings


@pytest.fixture
def plain(tmp_path: Path) -> Settings:
    return Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index",
                    database_path=tmp_path / "bot.sqlite3")


async def test_a_well_set_up_server_passes(plain: Settings) -> None:
    client = discord.Client(intents=intents())
    async with simcord.run(client) as env:
        guild = env.create_guild("Sister cities")
        channel = guild.create_text_channel("questions")
        keepers = guild.create_role("Corpus keepers")
        plain.dev_guild_id, plain.log_channel_id = guild.id, channel.id
        plain.allowed_channel_ids, plain.admin_role_ids = [channel.id], [keepers.id]
        found = await online.inspect(client, plain)
    assert [f.line() for f in found if not f.ok] == []
    lines = "\n".join(f.line() for f in found)
    assert f"servers: in 1: Sister cities ({guild.id})" in lines
    assert "ALLOWED_CHANNEL_IDS: #questions" in lines and "Corpus keepers" in lines


async def test_wrong_ids_and_missing_permissions_are_named(plain: Settings) -> None:
    """A channel where the bot cannot send, ids that are not there, no commands synced."""
    client = discord.Client(intents=intents())
    async with simcord.run(client) as env:
        guild = env.create_guild("Sister cities")
        await env.settle()
        muted = guild.create_text_channel("announcements", overwrites={
            guild.me: discord.PermissionOverwrite(send_messages=False)})
        plain.dev_guild_id = None
        plain.allowed_channel_ids = [muted.id, 42]
        plain.admin_role_ids = [7]
        found = await online.inspect(client, plain)
    problems = [f.line() for f in found if not f.ok]
    assert problems[0].startswith("PROBLEM  commands: no slash commands registered")
    assert any(f"#announcements ({muted.id}) the bot lacks Send Messages, Embed "
               "Links, Attach Files" in p
               for p in problems)
    assert any("ALLOWED_CHANNEL_IDS: no channel 42" in p for p in problems)
    assert any("ADMIN_ROLE_IDS: no role 7" in p and "Copy Role ID" in p for p in problems)
    assert len(problems) == 4


async def test_ask_channels_are_checked_for_threads_and_reactions(plain: Settings) -> None:
    """An ask channel is checked as one (named once, though it is also allowed), with the
    permissions the discord features need: Create Public Threads, Add Reactions."""
    client = discord.Client(intents=intents())
    async with simcord.run(client) as env:
        guild = env.create_guild("Sister cities")
        await env.settle()
        asks = guild.create_text_channel("ask-here", overwrites={
            guild.me: discord.PermissionOverwrite(create_public_threads=False,
                                                  add_reactions=False)})
        other = guild.create_text_channel("general")
        plain.dev_guild_id = guild.id
        plain.allowed_channel_ids = [other.id, asks.id]
        plain.ask_channel_ids = [asks.id]
        found = await online.inspect(client, plain)
    channels = [f.line() for f in found if f.topic == "channels"]
    assert len(channels) == 2 and "ALLOWED_CHANNEL_IDS: #general" in channels[0]
    assert f"ASK_CHANNEL_IDS: in #ask-here ({asks.id}) the bot lacks " in channels[1]
    assert "Create Public Threads" in channels[1] and "Add Reactions" in channels[1]


def test_the_invite_asks_for_thread_and_reaction_permissions() -> None:
    from bot.bot import PERMISSIONS, invite_url

    assert PERMISSIONS.create_public_threads and PERMISSIONS.add_reactions
    assert PERMISSIONS.attach_files  # the /stats chart
    assert f"permissions={PERMISSIONS.value}" in invite_url(123456789012345678)


async def test_a_bot_in_no_server_gets_its_invite_link(plain: Settings) -> None:
    client = discord.Client(intents=intents())
    async with simcord.run(client):
        found = await online.inspect(client, plain)
    servers = next(f for f in found if f.topic == "servers")
    assert not servers.ok and "oauth2/authorize?client_id=" in servers.text


async def test_check_says_when_discord_cannot_be_reached(
        plain: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")
    plain.discord_token = SecretStr("MTIzNDU2Nzg5MDEyMzQ1Njc4.GFAKE0.known-fake-token-for-online")
    [finding] = await online.check(plain)
    assert not finding.ok and finding.text.startswith("cannot reach Discord (Cannot connect")


async def test_check_never_sends_a_token_of_the_wrong_shape(plain: Settings) -> None:
    plain.discord_token = SecretStr("Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GFAKE0.known-fake")
    [finding] = await online.check(plain)
    assert not finding.ok and "not checked" in finding.text
