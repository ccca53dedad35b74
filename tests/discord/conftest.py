"""Fixtures for the Discord tests: the real bot from create_bot(), run by SimCord against a
simulated Discord, on temporary copies of a test corpus, index and database."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
import pytest
import simcord
import simcord.interactions as simcord_interactions

from bot.app import create_bot
from bot.bot import SisterCityBot
from bot.settings import Settings
from indexer.index import build_and_save
from tests.discord.corpus import write_discord_corpus

DEV_GUILD_ID = 1 << 62  # a fixed snowflake, so the bot's dev-guild sync finds the guild
LOG_CHANNEL = "bot-log"


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Corpus and index built once; every test works on its own copy."""
    root = tmp_path_factory.mktemp("discord-template")
    build_and_save(write_discord_corpus(root / "corpus"), root / "index")
    return root


@pytest.fixture
def settings(template: Path, tmp_path: Path) -> Settings:
    """Settings pointing at fresh copies; a generous cooldown unless a test lowers it."""
    shutil.copytree(template / "corpus", tmp_path / "corpus")
    shutil.copytree(template / "index", tmp_path / "index")
    return Settings(
        _env_file=None, discord_token=None, corpus_dir=tmp_path / "corpus",
        index_dir=tmp_path / "index", database_path=tmp_path / "data" / "bot.sqlite3",
        dev_guild_id=DEV_GUILD_ID, admin_role_ids=[], allowed_channel_ids=[],
        ask_cooldown_rate=100, ask_cooldown_per=60, max_concurrent_answers=4,
        index_poll_seconds=3600, log_channel_id=None, shard_count=1)


@pytest.fixture
def bot(settings: Settings) -> SisterCityBot:
    made = create_bot(settings)
    assert isinstance(made, SisterCityBot)
    return made


@dataclass
class World:
    """A guild with a channel, a plain member, admins of both kinds and a look-alike."""

    env: simcord.Env
    bot: SisterCityBot
    guild: simcord.GuildHandle
    channel: simcord.ChannelHandle
    log_channel: simcord.ChannelHandle
    alice: simcord.MemberActor  # plain member
    bob: simcord.MemberActor  # plain member
    manager: simcord.MemberActor  # has Manage Server through a role
    role_admin: simcord.MemberActor  # has the configured admin role id, no permissions
    admin_role: simcord.RoleHandle
    impostor: simcord.MemberActor  # has a role *named* like an admin role, without its id


@pytest.fixture
def simcord_bot(bot: SisterCityBot) -> SisterCityBot:
    """The bot SimCord's `simcord_env` fixture runs."""
    return bot


@pytest.fixture
def world(simcord_env: simcord.Env, bot: SisterCityBot) -> World:
    env = simcord_env
    guild = env.create_guild("Sister cities", id=DEV_GUILD_ID)  # the bot synced to this id
    channel = guild.create_text_channel("general")
    log_channel = guild.create_text_channel(LOG_CHANNEL)
    managers = guild.create_role("Managers", permissions=discord.Permissions(manage_guild=True))
    admin_role = guild.create_role("Corpus keepers")
    fake = guild.create_role("Admin")
    # Role and channel ids exist only now; the bot reads its settings at each use.
    bot.settings.admin_role_ids = [admin_role.id]
    bot.settings.log_channel_id = log_channel.id
    return World(
        env=env, bot=bot, guild=guild, channel=channel, log_channel=log_channel,
        alice=guild.add_member(env.create_user("alice")),
        bob=guild.add_member(env.create_user("bob")),
        manager=guild.add_member(env.create_user("manager"), roles=[managers]),
        role_admin=guild.add_member(env.create_user("keeper"), roles=[admin_role]),
        admin_role=admin_role,
        impostor=guild.add_member(env.create_user("impostor"), roles=[fake]))


def custom_ids(message: discord.Message | simcord.ResponseMessage) -> list[str]:
    """Every component custom id on a message, in order."""
    rows = message.components
    out = []
    for row in rows:
        children = row["components"] if isinstance(row, dict) else row.children
        for child in children:
            cid = child["custom_id"] if isinstance(child, dict) else child.custom_id
            out.append(cid)
    return out


def error_types(env: simcord.Env) -> list[type[BaseException]]:
    """The classes of the errors the bot's handlers saw (reading them acknowledges them)."""
    found = []
    for error in env.errors:
        found.append(type(getattr(error, "original", error)))
    return found


@pytest.fixture
def locales(monkeypatch: pytest.MonkeyPatch) -> dict[int, str]:
    """user id → Discord client locale for that user's interactions (SimCord always sends
    en-US; this patches its payload builder)."""
    mapping: dict[int, str] = {}
    original = simcord_interactions.base_payload

    def with_locale(backend: Any, **kwargs: Any) -> Any:
        record, payload = original(backend, **kwargs)
        payload["locale"] = mapping.get(kwargs["user_id"], payload["locale"])
        return record, payload

    monkeypatch.setattr(simcord_interactions, "base_payload", with_locale)
    return mapping


def pings(env: simcord.Env, message: discord.Message) -> tuple[list[int], list[int], bool]:
    """Whom Discord actually pinged for a message: users, roles, @everyone."""
    stored = env.backend.get_message(message.channel.id, message.id)
    return list(stored.ping_user_ids), list(stored.ping_role_ids), stored.mention_everyone


def reactions(env: simcord.Env, message: discord.Message) -> list[str]:
    """The emoji the bot reacted to a message with."""
    stored = env.backend.get_message(message.channel.id, message.id)
    me = env.bot.user.id if env.bot.user else 0
    return [str(r.emoji) for r in stored.reactions if me in r.user_ids]
