"""`doctor --online`: log in with the token, then check what Discord says about the bot.

`inspect` looks at a connected client (SimCord runs it in the tests); `check` connects one,
briefly, with the bot's own intents, so a privileged intent that is not enabled shows too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import aiohttp
import discord

from bot.bot import PERMISSIONS, PRIVILEGED_INTENTS, intents, invite_url, quiet_voice_warnings
from bot.doctor.model import Finding, ok, problem
from bot.doctor.offline import token_problem
from bot.settings import Settings

log = logging.getLogger(__name__)

READY_TIMEOUT = 60.0
# Application flags that allow each privileged intent (the "limited" ones are for < 100 servers).
INTENT_FLAGS = {"members": ("gateway_guild_members", "gateway_guild_members_limited"),
                "presences": ("gateway_presence", "gateway_presence_limited"),
                "message_content": ("gateway_message_content",
                                    "gateway_message_content_limited")}


async def check(settings: Settings) -> list[Finding]:
    """Log in and connect with the token, inspect, disconnect. Never raises for Discord."""
    token = settings.token
    if token is None or token_problem(token):
        return [problem("discord", "not checked: DISCORD_TOKEN must be set right first")]
    quiet_voice_warnings()
    chatter = logging.getLogger("discord")
    level = chatter.level
    if not log.isEnabledFor(logging.DEBUG):
        chatter.setLevel(logging.WARNING)  # no "logging in using static token" between checks
    try:
        return await _connect_and_inspect(token, settings)
    finally:
        chatter.setLevel(level)


async def _connect_and_inspect(token: str, settings: Settings) -> list[Finding]:
    client = discord.Client(intents=intents(settings))
    try:
        async with client:
            await client.login(token)
            runner = asyncio.create_task(client.connect(reconnect=False))
            ready = asyncio.create_task(client.wait_until_ready())
            done, _ = await asyncio.wait({runner, ready}, timeout=READY_TIMEOUT,
                                         return_when=asyncio.FIRST_COMPLETED)
            if runner in done:
                runner.result()  # raises why the connection ended
            if ready not in done:
                ready.cancel()
                return [problem("discord", f"logged in, but the gateway was not ready within "
                                           f"{READY_TIMEOUT:.0f} s; try again later")]
            found = [ok("discord", f"logged in as {client.user}"), *await inspect(client,
                                                                                 settings)]
            await client.close()
            with contextlib.suppress(Exception):
                await runner
            return found
    except discord.LoginFailure:
        return [problem("discord", "Discord rejected the token; reset it (Bot → Reset Token) "
                                   "and update .env")]
    except discord.PrivilegedIntentsRequired:
        return [problem("intents", "a privileged intent the bot asks for is not enabled under "
                                   "Bot → Privileged Gateway Intents")]
    except discord.ConnectionClosed as exc:
        return [problem("discord", f"Discord closed the connection (code {exc.code})")]
    except discord.HTTPException as exc:
        return [problem("discord", f"Discord answered {exc.status} ({exc.text or 'no reason'})")]
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        return [problem("discord", f"cannot reach Discord ({exc or type(exc).__name__})")]


async def inspect(client: discord.Client, settings: Settings) -> list[Finding]:
    """Intents allowed, commands registered, and the bot's permissions where it must answer."""
    app = await client.application_info()
    found = _intent_findings(client.intents, app.flags)
    found += await _command_findings(client, app.id, settings)
    if not client.guilds:
        return [*found, problem("servers", f"the bot is in no server yet; invite it: "
                                           f"{invite_url(app.id)}")]
    found.append(ok("servers", f"in {len(client.guilds)}: " + ", ".join(
        f"{g.name} ({g.id})" for g in client.guilds[:10])
        + (" …" if len(client.guilds) > 10 else "")))
    if settings.dev_guild_id and client.get_guild(settings.dev_guild_id) is None:
        found.append(problem("servers", f"DEV_GUILD_ID {settings.dev_guild_id}: the bot is not "
                                        f"in that server; invite it: {invite_url(app.id)}"))
    for guild in client.guilds:
        missing = _missing(guild.me.guild_permissions)
        if missing:
            found.append(problem("permissions", f"server {guild.name} ({guild.id}): the bot's "
                                 f"roles lack {missing}; give them, or re-invite with "
                                 f"{invite_url(app.id)}"))
    found += _channel_findings(client, settings)
    found += _role_findings(client, settings)
    return found


def _intent_findings(wanted: discord.Intents, flags: discord.ApplicationFlags
                     ) -> list[Finding]:
    found = []
    for name in PRIVILEGED_INTENTS:
        if getattr(wanted, name) and not any(getattr(flags, f) for f in INTENT_FLAGS[name]):
            found.append(problem("intents", f"the bot asks for '{name}', which is not enabled "
                                            "under Bot → Privileged Gateway Intents"))
    return found or [ok("intents", "every intent the bot asks for is allowed")]


async def _command_findings(client: discord.Client, app_id: int, settings: Settings
                            ) -> list[Finding]:
    registered = await client.http.get_global_commands(app_id)
    if registered:
        return [ok("commands", f"{len(registered)} slash commands registered globally (after "
                               "an update that changes commands, run `python -m bot sync`)")]
    if settings.dev_guild_id:
        return [ok("commands", "none registered globally; the bot syncs them to DEV_GUILD_ID "
                               "at start (run `python -m bot sync` for every server)")]
    return [problem("commands", "no slash commands registered; run `python -m bot sync` once")]


def _channel_findings(client: discord.Client, settings: Settings) -> list[Finding]:
    found = []
    # ask channels are also in the allow-list (bot/settings.py): name them once, as ask channels
    wanted = [("ALLOWED_CHANNEL_IDS", c) for c in settings.allowed_channel_ids
              if c not in settings.ask_channel_ids]
    wanted += [("ASK_CHANNEL_IDS", c) for c in settings.ask_channel_ids]
    if settings.log_channel_id:
        wanted.append(("LOG_CHANNEL_ID", settings.log_channel_id))
    for setting, channel_id in wanted:
        channel = client.get_channel(channel_id)
        if not isinstance(channel, discord.abc.GuildChannel):
            found.append(problem("channels", f"{setting}: no channel {channel_id} in the bot's "
                                 "servers (Developer Mode → right-click the channel → Copy "
                                 "Channel ID)"))
            continue
        missing = _missing(channel.permissions_for(channel.guild.me))
        if missing:
            found.append(problem("channels", f"{setting}: in #{channel.name} ({channel_id}) "
                                             f"the bot lacks {missing}"))
        else:
            found.append(ok("channels", f"{setting}: #{channel.name} ({channel_id}), "
                                        "permissions enough"))
    return found


def _role_findings(client: discord.Client, settings: Settings) -> list[Finding]:
    roles = {role.id: role for guild in client.guilds for role in guild.roles}
    found = []
    for role_id in settings.admin_role_ids:
        if role_id in roles:
            found.append(ok("roles", f"ADMIN_ROLE_IDS: {roles[role_id].name} ({role_id}) in "
                                     f"{roles[role_id].guild.name}"))
        else:
            found.append(problem("roles", f"ADMIN_ROLE_IDS: no role {role_id} in the bot's "
                                          "servers (a role id, not a name: Developer Mode → "
                                          "Server Settings → Roles → right-click → Copy Role "
                                          "ID)"))
    return found


def _missing(have: discord.Permissions) -> str:
    """The needed permissions `have` lacks, by their names in Discord ('' if none)."""
    lacking = [name for name, needed in PERMISSIONS if needed and not getattr(have, name)]
    return ", ".join(name.replace("_", " ").title().replace("View Channel", "View Channels")
                     for name in lacking)
