"""The bot under a damaged corpus and a build from the command line at the same time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import discord
import pytest
import simcord

from bot.app import create_bot
from bot.settings import Settings
from indexer.index import SearchIndex
from indexer.store import current_build
from tests.damage import DAMAGES, Damage
from tests.discord.conftest import World

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
