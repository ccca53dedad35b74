"""A misbehaving Discord: 500s and 429s, acknowledged interactions, restarts, shards."""

from __future__ import annotations

import logging
from pathlib import Path

import discord
import pytest
import simcord

from bot.app import create_bot
from bot.settings import Settings
from tests.discord.conftest import World, custom_ids, error_types

QUESTION = "When was the partnership charter signed?"


async def test_a_500_on_send_is_logged_and_the_bot_stays_up(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """A failed reply to a mention is logged; the next question is answered normally."""
    world.env.inject_error("POST", "/channels/*/messages", status=500)
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert world.channel.last_message.author.id == world.alice.id
    assert "could not answer message" in caplog.text
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert "24 May 1960" in world.channel.last_message.embeds[0].description


async def test_a_500_on_an_interaction_response_is_reported_and_survived(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """If Discord fails the reply to /ask, the user gets a short apology, the log the cause."""
    world.env.inject_error("POST", "/interactions/*/callback", status=500)
    failed = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert failed.response.ephemeral
    assert failed.response.content == "Something went wrong on my side. Please try again later."
    assert "a Discord API call failed (500" in caplog.text
    assert error_types(world.env) == [discord.HTTPException]
    ok = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert ok.response.embeds


async def test_a_429_on_send_is_logged_and_the_bot_stays_up(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """A rate-limited reply is logged, not raised; the next mention is answered."""
    world.env.inject_error("POST", "/channels/*/messages", status=429,
                           message="You are being rate limited.")
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert world.channel.last_message.author.id == world.alice.id
    assert "429" in caplog.text and "could not answer message" in caplog.text
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert world.channel.last_message.author.id == world.bot.user.id


async def test_an_error_after_acknowledging_is_sent_as_a_followup(world: World) -> None:
    """/reindex has deferred when its reply fails; the error goes out as a followup."""
    world.env.inject_error("POST", "/webhooks/*/*", status=500)
    result = await world.manager.slash(world.channel, "reindex")
    calls = [(r.method, r.path.split("/")[1]) for r in world.env.http_requests]
    callback = calls.index(("POST", "interactions"))
    assert calls[callback + 1:].count(("POST", "webhooks")) == 2  # the failed reply, then ours
    assert result.response.ephemeral
    assert result.response.content == "Something went wrong on my side. Please try again later."
    assert error_types(world.env) == [discord.HTTPException]


async def test_answer_buttons_keep_working_after_a_restart(
        world: World, settings: Settings) -> None:
    """After a restart 👍 still records (custom ids carry the answer id); passages are
    politely declared expired."""
    answer = (await world.alice.slash(world.channel, "ask", question=QUESTION)).response
    passages, up = custom_ids(answer)[:2]
    await world.env.restart_bot(create_bot(settings))
    vote = await world.bob.click(answer.message, custom_id=up)
    assert "your vote 👍 is recorded" in vote.response.content
    assert world.env.bot.db.votes_for(up.rsplit(":", 1)[1]) == (1, 0)
    expired = await world.bob.click(answer.message, custom_id=passages)
    assert expired.response.ephemeral and "has expired" in expired.response.content


async def test_channel_allow_list(world: World) -> None:
    """Outside the allowed channels /ask says where to go and mentions are ignored."""
    allowed = world.guild.create_text_channel("questions")
    world.bot.settings.allowed_channel_ids = [allowed.id]
    refused = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert refused.response.ephemeral and f"<#{allowed.id}>" in refused.response.content
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert world.channel.last_message.author.id == world.alice.id
    assert (await world.alice.slash(world.channel, "help")).response.embeds
    assert (await world.alice.slash(allowed, "ask", question=QUESTION)).response.embeds


async def test_commands_are_synced_to_the_dev_guild_with_translations(world: World) -> None:
    """At start the bot syncs to the dev guild only; names are localized to id and de."""
    assert await world.bot.tree.fetch_commands() == []
    synced = await world.bot.tree.fetch_commands(guild=discord.Object(world.guild.id))
    ask = next(c for c in synced if c.name == "ask")
    assert ask.name_localizations[discord.Locale.indonesian] == "tanya"
    assert ask.name_localizations[discord.Locale.german] == "frage"
    assert ask.description_localizations[discord.Locale.german].startswith("Fragen zur")
    assert all(c.description for c in synced if c.type is discord.AppCommandType.chat_input)
    menu = next(c for c in synced if c.type is discord.AppCommandType.message)
    assert menu.name_localizations[discord.Locale.german] == "Bot dazu fragen"


async def test_auto_sharded_bot_answers_on_every_shard(settings: Settings) -> None:
    """With two shards the bot is an AutoShardedBot and answers guilds on both."""
    settings.shard_count = 2
    bot = create_bot(settings)
    assert isinstance(bot, discord.AutoShardedClient) and bot.shard_count == 2
    async with simcord.run(bot) as env:
        await bot.tree.sync()
        for shard in (0, 1):
            guild = env.create_guild(f"shard {shard}", shard_id=shard)
            channel = guild.create_text_channel("general")
            member = guild.add_member(env.create_user(f"user{shard}"))
            result = await member.slash(channel, "ask", question=QUESTION)
            assert result.response.embeds
            assert bot.get_guild(guild.id).shard_id == shard


def test_the_token_never_reaches_the_logs(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`run` with a known token: a session under DEBUG logging, an accidental log of the
    token, and a rejected login leave no trace of it in the logs or on stderr."""
    from bot import cli
    from bot.commands import discord_run

    token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GFAKE0.known-fake-token-for-the-log-test"
    for key, value in {"DISCORD_TOKEN": token, "CORPUS_DIR": str(settings.corpus_dir),
                       "INDEX_DIR": str(settings.index_dir), "SHARD_COUNT": "1",
                       "DATABASE_PATH": str(settings.database_path)}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)  # no stray .env

    async def serve_in_simcord(bot: discord.Client, given: str, sync_only: bool) -> None:
        assert given == token
        async with simcord.run(bot) as env:
            await bot.tree.sync()
            guild = env.create_guild()
            member = guild.add_member(env.create_user("someone"))
            await member.slash(guild.create_text_channel("general"), "ask", question=QUESTION)
            logging.getLogger("discord.http").debug("Authorization: Bot %s", given)
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(discord_run, "_serve", serve_in_simcord)
    caplog.set_level(logging.DEBUG)
    assert cli.main(["run", "-v"]) == cli.DISCORD_REFUSED
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "rejected the token" in err
    assert "Traceback" not in err
    assert "Authorization: Bot [token]" in caplog.text
    assert token not in caplog.text and token not in err
    assert token not in repr(Settings(_env_file=None))


def test_a_missing_token_exits_2_and_says_how_to_get_one(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    """No DISCORD_TOKEN: exit status 2 and directions to the developer portal."""
    from bot import cli

    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run"]) == 2
    err = capsys.readouterr().err
    assert "Reset Token" in err and ".env" in err


def test_sync_syncs_globally_instead_of_to_the_dev_guild(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`python -m bot sync` hands the bot to the global sync path, without dev-guild sync."""
    from bot import cli
    from bot.commands import discord_run

    seen: list[tuple[bool, bool]] = []

    async def record(bot: discord.Client, token: str, sync_only: bool) -> None:
        seen.append((sync_only, bot.sync_dev_guild))  # type: ignore[attr-defined]
        bot.db.close()  # type: ignore[attr-defined]

    for key, value in {"DISCORD_TOKEN": "x.y.z", "CORPUS_DIR": str(settings.corpus_dir),
                       "INDEX_DIR": str(settings.index_dir), "DEV_GUILD_ID": "123",
                       "DATABASE_PATH": str(settings.database_path)}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(discord_run, "_serve", record)
    assert cli.main(["sync"]) == 0
    assert cli.main(["run"]) == 0
    assert seen == [(True, False), (False, True)]
