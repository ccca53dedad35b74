"""The bot under load, through SimCord (discord.py's real machinery, simulated Discord).

    .venv/bin/python benchmarks/discord_load.py [--passages 100000]

1. 200 `/ask` from 50 users, taking turns (SimCord serializes actor operations), on the
   real corpus: how many were answered, total time.
2. The event loop's worst lag while `/reindex` rebuilds a synthetic corpus of N passages,
   measured by a watchdog thread that asks the loop to run a callback every 5 ms. (Questions
   answered *during* a reindex are covered by tests/discord/test_admin.py.)
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import discord
import simcord

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.run import questions  # noqa: E402
from benchmarks.synthetic import write_synthetic  # noqa: E402
from bot.app import create_bot  # noqa: E402
from bot.settings import Settings  # noqa: E402
from indexer.index import build_and_save  # noqa: E402

GUILD_ID = 1 << 62


def settings_for(corpus: Path, index: Path, work: Path, concurrent: int = 4) -> Settings:
    return Settings(
        _env_file=None, discord_token=None, corpus_dir=corpus, index_dir=index,
        database_path=work / "bot.sqlite3", dev_guild_id=GUILD_ID, ask_cooldown_rate=100,
        ask_cooldown_per=60, max_concurrent_answers=concurrent, index_poll_seconds=3600,
        shard_count=2)


async def concurrent_asks(work: Path, users: int = 50, asks: int = 200) -> tuple[int, float]:
    shutil.copytree(REPO / "corpus", work / "corpus")
    build_and_save(work / "corpus", work / "index")
    bot = create_bot(settings_for(work / "corpus", work / "index", work))
    qs = questions()
    async with simcord.run(bot) as env:
        guild = env.create_guild("Bench", id=GUILD_ID)
        channel = guild.create_text_channel("general")
        members = [guild.add_member(env.create_user(f"user{i}")) for i in range(users)]
        started = time.perf_counter()
        # SimCord runs one actor operation at a time ("operation overlaps active slash" if
        # two overlap), so the users take turns; each /ask still goes through the gateway,
        # the cooldown, the concurrency cap and the REST layer.
        results = [await members[i % users].slash(channel, "ask", question=qs[i % len(qs)])
                   for i in range(asks)]
        elapsed = time.perf_counter() - started
        answered = sum(1 for r in results if r.response is not None
                       and (r.response.embeds or r.response.content))
    return answered, elapsed


class Watchdog(threading.Thread):
    """Asks the loop to run a no-op every `period` s; records the longest wait."""

    def __init__(self, loop: asyncio.AbstractEventLoop, period: float = 0.005) -> None:
        super().__init__(daemon=True)
        self.loop, self.period = loop, period
        self.worst = 0.0
        self.samples = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            done = threading.Event()
            sent = time.perf_counter()
            try:
                self.loop.call_soon_threadsafe(done.set)
            except RuntimeError:  # the loop has closed
                return
            done.wait(timeout=5.0)
            self.worst = max(self.worst, time.perf_counter() - sent)
            self.samples += 1
            time.sleep(self.period)


async def lag_during_reindex(work: Path, passages: int) -> tuple[float, int, float, bool]:
    corpus = write_synthetic(REPO / "corpus", work / "big-corpus", passages)
    build_and_save(corpus, work / "big-index")
    bot = create_bot(settings_for(corpus, work / "big-index", work))
    extra = next((corpus / "documents" / "en").glob("*.md"))
    extra.write_text(extra.read_text() + "\nOne more paragraph so the reindex has work.\n")
    # The /reindex handler awaits the whole rebuild; let SimCord wait for it.
    async with simcord.run(bot, settle_timeout=900) as env:
        guild = env.create_guild("Bench", id=GUILD_ID)
        channel = guild.create_text_channel("general")
        member = guild.add_member(env.create_user("asker"))
        managers = guild.create_role("Managers", permissions=discord.Permissions(manage_guild=True))
        admin = guild.add_member(env.create_user("admin"), roles=[managers])
        watchdog = Watchdog(asyncio.get_running_loop())
        watchdog.start()
        started = time.perf_counter()
        before = bot.live.index
        await admin.slash(channel, "reindex")  # returns when the rebuild is done and swapped
        elapsed = time.perf_counter() - started
        watchdog.stop.set()
        after = await member.slash(channel, "ask", question="When was the charter signed?")
        ok = bot.live.index is not before and after.response is not None
    return watchdog.worst, watchdog.samples, elapsed, ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        answered, elapsed = asyncio.run(concurrent_asks(Path(tmp) / "asks"))
        print(f"200 /ask from 50 users: {answered}/200 answered in {elapsed:.2f} s")
        worst, samples, seconds, ok = asyncio.run(
            lag_during_reindex(Path(tmp) / "lag", args.passages))
        print(f"reindex of {args.passages:,} passages: {seconds:.1f} s, ok={ok}; worst "
              f"event-loop lag {1000 * worst:.1f} ms over {samples} probes")


if __name__ == "__main__":
    main()
