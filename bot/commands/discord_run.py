"""`run` starts the Discord bot; `sync` registers its slash commands globally and exits.

Every way the start can fail ends in one line on stderr and an exit status (bot/cli.py); the
token is never printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys

import aiohttp
import discord

from bot.cli import DISCORD_REFUSED, DISCORD_UNREACHABLE, FAILED, OK, USAGE_ERROR
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

# ASK_CHANNEL_IDS set but the privileged intent not granted: exit 3 (DISCORD_REFUSED).
NO_MESSAGE_CONTENT = (
    "ASK_CHANNEL_IDS is set, and ask channels need the Message Content intent, which Discord "
    "has not granted: enable it at https://discord.com/developers/applications → your "
    "application → Bot → Privileged Gateway Intents → Message Content Intent, or leave "
    "ASK_CHANNEL_IDS empty")
REJECTED = ("Discord rejected the token (DISCORD_TOKEN); reset it in the developer portal "
            "(Bot → Reset Token) and update .env")
# Gateway close codes that a restart cannot fix: (exit status, what to do).
CLOSE_CODES = {
    4004: (DISCORD_REFUSED, REJECTED),
    4010: (USAGE_ERROR, "Discord refused the shard settings (code 4010); check SHARD_COUNT"),
    4011: (USAGE_ERROR, "Discord requires more shards (code 4011); leave SHARD_COUNT empty"),
    4013: (DISCORD_REFUSED, "Discord refused the bot's intents (code 4013)"),
    4014: (DISCORD_REFUSED, "the bot asked for an intent that is not enabled in the developer "
                            "portal (code 4014)"),
}


async def _serve(bot: discord.Client, token: str, sync_only: bool) -> None:
    async with bot:
        if not sync_only:
            # systemd stops the service with SIGTERM: close the gateway and the database
            closing: list[asyncio.Task[None]] = []  # holds the task until it is done
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                asyncio.get_running_loop().add_signal_handler(
                    signal.SIGTERM, lambda: closing.append(asyncio.create_task(bot.close())))
            await bot.start(token)
            return
        await bot.login(token)  # runs setup_hook, which loads the commands
        synced = await bot.tree.sync()  # type: ignore[attr-defined]
        print(f"synced {len(synced)} commands globally (they may take a while to appear)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Start the bot (args.command == 'run') or sync commands ('sync'); return the exit code."""
    token = settings.token
    if token is None:
        print(NO_TOKEN, file=sys.stderr)
        return USAGE_ERROR
    from bot.app import create_bot

    try:
        bot = create_bot(settings)
    except CorpusError as exc:
        print(exc.report(limit=10), file=sys.stderr)
        return FAILED
    except (IndexFileError, DatabaseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    sync_only = args.command == "sync"
    bot.sync_dev_guild = not sync_only  # type: ignore[attr-defined]
    status, message = _connect(bot, token, sync_only, bool(settings.ask_channel_ids))
    if message:
        print(f"error: {message.replace(token, '[token]')}", file=sys.stderr)
    return status


def _connect(bot: discord.Client, token: str, sync_only: bool, ask_channels: bool = False
             ) -> tuple[int, str]:
    """Run the bot until it stops; (exit status, one-line reason or ''). `ask_channels`:
    ASK_CHANNEL_IDS is set, so a refused privileged intent is Message Content."""
    try:
        asyncio.run(_serve(bot, token, sync_only))
    except discord.LoginFailure:
        return DISCORD_REFUSED, REJECTED
    except discord.PrivilegedIntentsRequired:
        return _intent_refused(ask_channels)
    except discord.ConnectionClosed as exc:
        if exc.code == 4014:
            return _intent_refused(ask_channels)
        if exc.code in CLOSE_CODES:
            return CLOSE_CODES[exc.code]
        return DISCORD_UNREACHABLE, (f"Discord closed the connection (code {exc.code}"
                                     f"{': ' + exc.reason if exc.reason else ''}); try again "
                                     "later")
    except discord.HTTPException as exc:
        reason = exc.text or "no reason given"
        return DISCORD_UNREACHABLE, f"Discord answered {exc.status} ({reason}); try again later"
    except discord.GatewayNotFound:
        return DISCORD_UNREACHABLE, "Discord's gateway cannot be found; try again later"
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        reason = str(exc) or type(exc).__name__
        return DISCORD_UNREACHABLE, (f"cannot reach Discord ({reason}); check the network, "
                                     "DNS, proxy or firewall of this machine and try again")
    return OK, ""


def _intent_refused(ask_channels: bool) -> tuple[int, str]:
    """A privileged intent is not granted: with ask channels it is Message Content."""
    return (DISCORD_REFUSED, NO_MESSAGE_CONTENT) if ask_channels else CLOSE_CODES[4014]
