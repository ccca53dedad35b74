"""Background work: pick up an index rebuilt by the CLI, and purge old feedback daily."""

from __future__ import annotations

import asyncio
import logging

from discord.ext import commands, tasks

from bot.bot import SisterCityBot
from bot.storage import DatabaseError

log = logging.getLogger(__name__)


class Maintenance(commands.Cog):
    """Two loops; an error in either is logged and the loop carries on."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot
        self.poll_index.change_interval(seconds=bot.settings.index_poll_seconds)

    async def cog_load(self) -> None:
        self.poll_index.start()
        self.purge_feedback.start()

    async def cog_unload(self) -> None:
        self.poll_index.cancel()
        self.purge_feedback.cancel()

    @tasks.loop(seconds=60)
    async def poll_index(self) -> None:
        """Swap in a newer index from disk (after its version and checksum checks)."""
        try:
            if await self.bot.live.reload_if_changed():
                await self.bot.post_log(content="Picked up an index rebuilt outside the bot.")
        except Exception:
            log.exception("checking the index on disk failed")

    @tasks.loop(hours=24)
    async def purge_feedback(self) -> None:
        """Delete answers and votes older than the retention period."""
        days = self.bot.settings.feedback_retention_days
        try:
            removed = await asyncio.to_thread(self.bot.db.purge, days)
        except DatabaseError:
            log.exception("purging old feedback failed")
            return
        if removed:
            log.info("purged %d answers older than %d days", removed, days)

    @poll_index.before_loop
    @purge_feedback.before_loop
    async def _until_ready(self) -> None:
        await self.bot.wait_until_ready()


async def setup(bot: SisterCityBot) -> None:
    """Load the Maintenance cog."""
    await bot.add_cog(Maintenance(bot))
