"""Ask channels: opt-in channels and forums where every new message or post is a question;
they need the Message Content intent, and the bot refuses to start without it."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest
import simcord

from bot.app import create_bot
from bot.bot import SisterCityBot
from bot.settings import Settings
from tests.discord.conftest import World

QUESTION = "When was the partnership charter signed?"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Ask channels on; the real channel ids exist only once the world is built."""
    settings.ask_channel_ids = [1]
    return settings


@pytest.fixture
def ask_channel(world: World) -> simcord.ChannelHandle:
    channel = world.guild.create_text_channel("questions")
    world.bot.settings.ask_channel_ids = [channel.id]
    return channel


def test_ask_channels_ask_for_the_message_content_intent(bot: SisterCityBot) -> None:
    """Only with ask channels does the bot ask for the privileged intent."""
    assert bot.intents.message_content
    plain = create_bot(Settings(_env_file=None, corpus_dir=bot.settings.corpus_dir,
                                index_dir=bot.settings.index_dir,
                                database_path=bot.settings.database_path.with_name("b.db")))
    assert not plain.intents.message_content
    plain.db.close()


async def test_every_message_in_an_ask_channel_is_answered(
        world: World, ask_channel: simcord.ChannelHandle) -> None:
    """No mention needed; a follow-up there keeps the topic; other channels stay quiet."""
    await world.alice.send(ask_channel, QUESTION)
    reply = ask_channel.last_message
    assert reply.author.id == world.bot.user.id and reply.reference is not None
    assert "24 May 1960" in reply.embeds[0].description
    await world.alice.send(ask_channel, "And where?")
    assert "in Braunschweig" in ask_channel.last_message.embeds[0].description
    await world.alice.send(world.channel, QUESTION)
    assert world.channel.last_message.author.id == world.alice.id
    help_ = await world.alice.slash(world.channel, "help")
    assert f"In <#{ask_channel.id}> I answer every new message" in \
        help_.response.embeds[0].description


async def test_an_uncovered_message_gets_a_reaction_not_a_refusal(
        world: World, ask_channel: simcord.ChannelHandle) -> None:
    """Chatter the corpus does not cover is left alone, marked with 🤷."""
    sent = await world.alice.send(ask_channel, "What is the price of rice on Mars today?")
    last = ask_channel.last_message
    assert last.id == sent.id
    assert [(str(r.emoji), r.count) for r in last.reactions] == [("🤷", 1)]


async def test_a_mention_in_an_ask_channel_is_answered_once(
        world: World, ask_channel: simcord.ChannelHandle) -> None:
    """The mention handler answers; the ask channel does not answer a second time."""
    await world.alice.send(ask_channel, f"{world.bot.user.mention} {QUESTION}")
    replies = [m for m in ask_channel.history() if m.author.id == world.bot.user.id]
    assert len(replies) == 1


async def test_a_forum_post_is_answered_in_its_thread(world: World) -> None:
    """In an ask forum, the opening message of a post (and the poster's later ones) get
    answers in the post; other members' messages there do not."""
    forum = world.guild.create_forum_channel("ask-the-bot")
    world.bot.settings.ask_channel_ids = [forum.id]
    # SimCord has no member verb for opening a forum post; its backend can (not public API).
    world.env.backend.create_thread(forum.id, "Charter question", world.alice.id)
    await world.env.settle()
    [post] = forum.threads
    await world.alice.send(post, QUESTION)
    assert "24 May 1960" in post.last_message.embeds[0].description
    await world.bob.send(post, "Nice, thanks.")
    assert post.last_message.author.id == world.bob.id


def test_without_the_intent_the_bot_refuses_to_start_with_a_clear_line(
        settings: Settings, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """ASK_CHANNEL_IDS set, Message Content not enabled in the Developer Portal: `run` exits
    3 (Discord refused the bot, bot/cli.py) and says which toggle to turn on (or which
    setting to clear)."""
    from bot import cli
    from bot.commands import discord_run

    async def serve_in_simcord(bot: discord.Client, given: str, sync_only: bool) -> None:
        async with simcord.run(bot, approved_intents=discord.Intents.default()):
            pass

    for key, value in {"DISCORD_TOKEN": "x.y.z", "CORPUS_DIR": str(settings.corpus_dir),
                       "INDEX_DIR": str(settings.index_dir), "SHARD_COUNT": "1",
                       "ASK_CHANNEL_IDS": "123",
                       "DATABASE_PATH": str(settings.database_path)}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(discord_run, "_serve", serve_in_simcord)
    assert cli.main(["run"]) == cli.DISCORD_REFUSED
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "ASK_CHANNEL_IDS" in err and "Message Content Intent" in err
