"""`run` starts the Discord bot; `sync` registers its slash commands globally and exits."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

import discord
from pydantic import ValidationError

from bot.cli import DEFAULT_CORPUS, DEFAULT_INDEX, USAGE_ERROR
from bot.settings import Settings
from bot.storage import DatabaseError
from indexer.errors import CorpusError, IndexFileError

log = logging.getLogger(__name__)

NO_TOKEN = """\
error: DISCORD_TOKEN is not set.
To get a token: open https://discord.com/developers/applications, choose (or create) your
application, go to Bot → Reset Token, and copy it. Then put it in a file named .env next to
pyproject.toml (see .env.example):

    DISCORD_TOKEN=your-token-here

Never commit .env or paste the token anywhere public."""


NO_MESSAGE_CONTENT = (
    "error: ASK_CHANNEL_IDS is set, and ask channels need the Message Content intent, which "
    "Discord has not granted: enable it at https://discord.com/developers/applications → your "
    "application → Bot → Privileged Gateway Intents → Message Content Intent, or leave "
    "ASK_CHANNEL_IDS empty")


class RedactToken(logging.Filter):
    """Replaces the token with '[token]' in every log record, as a last line of defence."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "[token]"), None
        return True


def protect_logs(token: str) -> None:
    """Install the redacting filter on every handler of the root logger."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactToken(token))


def load_settings(args: argparse.Namespace) -> Settings:
    """Settings from the environment and .env; --corpus/--index override when given."""
    overrides = {}
    if args.corpus != DEFAULT_CORPUS:
        overrides["corpus_dir"] = args.corpus
    if args.index != DEFAULT_INDEX:
        overrides["index_dir"] = args.index
    return Settings(**overrides)


async def _serve(bot: discord.Client, token: str, sync_only: bool) -> None:
    async with bot:
        if not sync_only:
            await bot.start(token)
            return
        await bot.login(token)  # runs setup_hook, which loads the commands
        synced = await bot.tree.sync()  # type: ignore[attr-defined]
        print(f"synced {len(synced)} commands globally (they may take a while to appear)")


def run(args: argparse.Namespace) -> int:
    """Start the bot (args.command == 'run') or sync commands ('sync'); return the exit code."""
    try:
        settings = load_settings(args)
    except ValidationError as exc:
        print(f"error: invalid settings: {exc}", file=sys.stderr)
        return USAGE_ERROR
    token = settings.token
    if token is None:
        print(NO_TOKEN, file=sys.stderr)
        return USAGE_ERROR
    protect_logs(token)
    from bot.app import create_bot

    try:
        bot = create_bot(settings)
    except CorpusError as exc:
        print(exc.report(limit=10), file=sys.stderr)
        return 1
    except (IndexFileError, DatabaseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sync_only = args.command == "sync"
    bot.sync_dev_guild = not sync_only  # type: ignore[attr-defined]
    try:
        asyncio.run(_serve(bot, token, sync_only))
    except discord.LoginFailure:
        print("error: Discord rejected the token (DISCORD_TOKEN); reset it in the developer "
              "portal (Bot → Reset Token) and update .env", file=sys.stderr)
        return 1
    except discord.PrivilegedIntentsRequired:
        print(NO_MESSAGE_CONTENT if settings.ask_channel_ids else
              "error: the bot asked for an intent that is not enabled in the developer "
              "portal", file=sys.stderr)
        return 1
    return 0
