"""The Discord bot: an AutoShardedBot that holds its dependencies and loads the cogs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import discord
from discord.ext import commands

from bot.exts import walk_extensions
from bot.live import LiveIndex
from bot.settings import Settings
from bot.storage import Recorder
from bot.translator import SisterTranslator
from bot.tree import SisterTree
from bot.ui.embeds import NO_MENTIONS

log = logging.getLogger(__name__)


# What the bot must be allowed to do in a channel it answers in (the invite asks for these;
# Attach Files carries the /stats chart, Create Public Threads the Follow up threads, Add
# Reactions the marks on a message it does not answer: busy, rate limited, not covered).
PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, send_messages_in_threads=True, embed_links=True,
    attach_files=True, read_message_history=True, create_public_threads=True,
    add_reactions=True)
# Intents the features need: slash commands and the channel cache, mentions in servers, DMs.
NEEDED_INTENTS = ("guilds", "guild_messages", "dm_messages")
PRIVILEGED_INTENTS = ("members", "presences", "message_content")


def invite_url(application_id: int) -> str:
    """The link that adds the bot to a server with the permissions it needs."""
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS,
                                   scopes=("bot", "applications.commands"))


def quiet_voice_warnings() -> None:
    """The bot never joins voice: discord.py's warnings about voice libraries are noise."""
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False


def intents(settings: Settings | None = None) -> discord.Intents:
    """Guilds and messages; mentions and DMs carry their text anyway. The privileged Message
    Content intent only when ask channels are configured (they answer unaddressed messages)."""
    wanted = discord.Intents.default()
    wanted.typing = False
    wanted.presences = False
    wanted.members = False
    wanted.message_content = bool(settings and settings.ask_channel_ids)
    return wanted


class SisterCityBot(commands.AutoShardedBot):
    """Takes its dependencies as arguments; `bot.app.create_bot` builds them."""

    def __init__(self, *, settings: Settings, live: LiveIndex, db: Recorder,
                 hash_user: Callable[[int], str], **options: Any) -> None:
        quiet_voice_warnings()
        super().__init__(
            command_prefix=commands.when_mentioned, help_command=None, intents=intents(settings),
            tree_cls=SisterTree, allowed_mentions=NO_MENTIONS,
            shard_count=settings.shard_count, shard_ids=settings.shard_ids or None, **options)
        self.settings = settings
        self.live = live
        self.db = db
        self.hash_user = hash_user
        self.sync_dev_guild = True  # `python -m bot sync` turns this off and syncs globally
        self.command_ids: dict[str, int] = {}  # for clickable </name:id> mentions

    async def setup_hook(self) -> None:
        """Load the translator and every extension; sync to the dev guild if one is set."""
        await self.tree.set_translator(SisterTranslator())
        for extension in walk_extensions():
            await self.load_extension(extension)
            log.debug("loaded %s", extension)
        guild_id = self.settings.dev_guild_id
        if guild_id and self.sync_dev_guild:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            try:
                synced = await self.tree.sync(guild=guild)
            except discord.HTTPException as exc:
                log.error("could not sync commands to the dev guild %s: %s", guild_id, exc)
            else:
                log.info("synced %d commands to the dev guild %s", len(synced), guild_id)
                self.command_ids = {command.name: command.id for command in synced}
                return
        await self._load_command_ids()

    async def _load_command_ids(self) -> None:
        """The ids of the globally registered commands, for mentions; none is fine."""
        if self.application_id is None:
            return
        try:
            registered = await self.tree.fetch_commands()
        except discord.HTTPException as exc:
            log.warning("could not fetch the registered commands: %s", exc)
            return
        self.command_ids = {command.name: command.id for command in registered}

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: questions in messages are handled by the Ask cog's listener."""

    async def on_ready(self) -> None:
        log.info("connected as %s (id %s) to %d servers on %d shard(s)", self.user,
                 self.user.id if self.user else "?", len(self.guilds), self.shard_count or 1)

    async def post_log(self, content: str | None = None, *, embed: discord.Embed | None = None
                       ) -> None:
        """Post to the log channel, if one is configured; failures are only logged."""
        channel_id = self.settings.log_channel_id
        if not channel_id:
            return
        try:
            channel = self.get_channel(channel_id) or await self.fetch_channel(channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                log.warning("log channel %s cannot receive messages", channel_id)
                return
            await channel.send(content, embed=embed,  # type: ignore[arg-type]
                               allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not post to the log channel %s: %s", channel_id, exc)

    async def close(self) -> None:
        await super().close()
        self.db.close()
