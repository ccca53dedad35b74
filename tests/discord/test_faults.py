"""The bot under a damaged corpus and a build from the command line at the same time."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import discord
import pytest
import simcord

from bot.app import create_bot
from bot.settings import Settings
from indexer.index import SearchIndex
from indexer.store import current_build
from tests.damage import DAMAGES, Damage
from tests.discord.conftest import World, custom_ids, reactions

REPO = Path(__file__).resolve().parents[2]
QUESTION = "When was the partnership charter signed?"


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.name for d in DAMAGES])
async def test_a_damaged_corpus_at_start_up_and_on_reindex_keeps_the_old_index(
        settings: Settings, damage: Damage, caplog: pytest.LogCaptureFixture) -> None:
    """The bot starts on the last good index (logging the problem once); /reindex names
    the file, line and field; questions are still answered."""
    damage.apply(settings.corpus_dir)
    bot = create_bot(settings)
    assert caplog.text.count("the corpus has problems") == 1
    assert damage.expected in caplog.text
    async with simcord.run(bot, settle_timeout=60) as env:
        await bot.tree.sync()
        guild = env.create_guild()
        channel = guild.create_text_channel("general")
        managers = guild.create_role("Managers",
                                     permissions=discord.Permissions(manage_guild=True))
        admin = guild.add_member(env.create_user("manager"), roles=[managers])
        result = await admin.slash(channel, "reindex")
        embed = result.response.embeds[0]
        assert "nothing was changed" in embed.title
        assert discord.utils.escape_markdown(damage.expected) in embed.description
        answer = await admin.slash(channel, "ask", question=QUESTION)
        assert "24 May 1960" in answer.response.embeds[0].description


def start_cli_build(settings: Settings) -> subprocess.Popen[str]:
    """`python -m bot index` on the bot's corpus and index folder, in the background."""
    return subprocess.Popen([sys.executable, "-m", "bot", "index", "--corpus",
                             str(settings.corpus_dir), "--index", str(settings.index_dir)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.simcord(settle_timeout=60)  # two real builds share two cores
@pytest.mark.parametrize("attempt", range(3))
async def test_a_cli_build_during_reindex_leaves_both_working(world: World,
                                                              attempt: int) -> None:
    """`python -m bot index` while /reindex rebuilds into the same folder: both succeed,
    and the index on disk and in the bot answer the new text."""
    settings = world.bot.settings
    doc = settings.corpus_dir / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    cli = start_cli_build(settings)
    try:
        result = await world.manager.slash(world.channel, "reindex")
    finally:
        _, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    assert result.response.embeds[0].title == "Index rebuilt"
    assert any("Nîmes" in p.text for p in SearchIndex.load(settings.index_dir).passages)
    assert any("Nîmes" in p.text for p in world.bot.live.index.passages)
    assert [p.name for p in settings.index_dir.glob("build-*")] == [
        current_build(settings.index_dir).name]


# -- storage: a lock held by another process, a damaged file, a bad salt --------------------

async def test_a_locked_database_delays_the_record_not_the_reply(world: World) -> None:
    """While another connection holds the write lock, /ask, a vote and a mention are
    answered at once (well within Discord's 3 s); the records appear once it clears."""
    path = world.bot.settings.database_path
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started = time.perf_counter()
    asked = await world.alice.slash(world.channel, "ask", question=QUESTION)
    assert time.perf_counter() - started < 3
    assert "24 May 1960" in asked.response.embeds[0].description
    up = custom_ids(asked.response)[1]
    started = time.perf_counter()
    vote = await world.bob.click(asked.response.message, custom_id=up)
    assert time.perf_counter() - started < 3 and "recorded" in vote.response.content
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    assert world.channel.last_message.author.id == world.bot.user.id
    assert world.bot.db.pending == 3  # nothing written yet, nothing dropped
    other.execute("ROLLBACK")
    other.close()
    assert world.bot.db.flush(timeout=10)
    assert world.bot.db.activity(1)["asked"] == 2
    assert world.bot.db.votes_for(up.rsplit(":", 1)[1]) == (1, 0)


async def test_a_damaged_database_at_start_up_is_moved_aside(
        settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    """The bot starts on a fresh database, says where the damaged one went, and records."""
    settings.database_path.parent.mkdir(parents=True)
    settings.database_path.write_bytes(b"\x00garbage" * 512)
    bot = create_bot(settings)
    assert "is damaged" in caplog.text and "moved it to" in caplog.text
    async with simcord.run(bot) as env:
        await bot.tree.sync()
        guild = env.create_guild()
        member = guild.add_member(env.create_user("someone"))
        result = await member.slash(guild.create_text_channel("general"), "ask",
                                    question=QUESTION)
        assert result.response.embeds
        assert bot.db.activity(1)["asked"] == 1


@pytest.mark.parametrize("content", [b"", b"xyz not hex"])
def test_an_empty_or_malformed_salt_stops_start_up_with_one_line(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path, content: bytes) -> None:
    from bot import cli

    salt = settings.database_path.with_name(settings.database_path.name + ".salt")
    salt.parent.mkdir(parents=True)
    salt.write_bytes(content)
    for key, value in {"DISCORD_TOKEN": "x.y.z", "CORPUS_DIR": str(settings.corpus_dir),
                       "INDEX_DIR": str(settings.index_dir),
                       "DATABASE_PATH": str(settings.database_path)}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: the salt file {salt}") and err.count("\n") == 1
    assert "backup" in err and not settings.database_path.exists()


# -- mentions: typing failures, spam, hostile text, privacy ---------------------------------

@pytest.mark.parametrize("status", [500, 429])
async def test_a_failed_typing_indicator_does_not_drop_the_question(world: World,
                                                                    status: int) -> None:
    world.env.inject_error("POST", "/channels/*/typing", status=status)
    await world.alice.send(world.channel, f"{world.bot.user.mention} {QUESTION}")
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id
    assert "24 May 1960" in reply.embeds[0].description
    assert world.bot.db.activity(1)["asked"] == 1


def bot_messages(world: World) -> int:
    return sum(1 for m in world.channel.history() if m.author.id == world.bot.user.id)


@pytest.mark.parametrize("text", ["", "   ", "x" * 1500], ids=["blank", "spaces", "too long"])
async def test_mention_spam_cannot_fill_the_channel(world: World, text: str) -> None:
    """20 blank or over-long mentions from one user: every one counts against the cooldown;
    blank ones and rate-limited ones get a reaction, never a message."""
    world.bot.get_cog("Ask").service.cooldown.rate = 3
    sent = [await world.alice.send(world.channel, f"{world.bot.user.mention} {text}")
            for _ in range(20)]
    allowed = 0 if not text.strip() else 3
    assert bot_messages(world) == allowed
    assert [reactions(world.env, m) for m in sent[3:]] == [["⏳"]] * 17
    if not text.strip():
        assert [reactions(world.env, m) for m in sent[:3]] == [["❓"]] * 3


async def test_a_lone_surrogate_or_replacement_bytes_never_cost_an_answer(world: World) -> None:
    """A question carrying a lone surrogate is answered by /ask and by mention, and
    recorded, with U+FFFD in its place."""
    asked = await world.alice.slash(world.channel, "ask", question=f"\ud800 {QUESTION}")
    assert "24 May 1960" in asked.response.embeds[0].description
    await world.alice.send(world.channel, f"{world.bot.user.mention} \udcff {QUESTION}")
    assert "24 May 1960" in world.channel.last_message.embeds[0].description
    rows = [json.loads(line) for line in world.bot.db.export().splitlines()]
    assert [r["question"] for r in rows] == [f"\ufffd {QUESTION}", f"\ufffd {QUESTION}"]


async def test_a_mentioned_question_is_stored_without_anyones_id(world: World) -> None:
    """The bot's own mention is dropped and other mentions are replaced before storing."""
    await world.alice.send(world.channel, f"{world.bot.user.mention} <@{world.bob.id}> asked "
                           f"me: {QUESTION}")
    assert world.channel.last_message.author.id == world.bot.user.id
    exported = world.bot.db.export()
    assert json.loads(exported)["question"] == f"@user asked me: {QUESTION}"
    assert str(world.bob.id) not in exported and str(world.bot.user.id) not in exported
