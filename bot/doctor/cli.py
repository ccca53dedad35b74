"""`doctor [--online]`: print one line per check; exit 1 if any found a problem."""

from __future__ import annotations

import argparse
import asyncio

from bot.bot import intents
from bot.cli import FAILED, OK
from bot.doctor import offline
from bot.doctor.model import Finding
from bot.settings import Settings


def findings(settings: Settings, online: bool = False) -> list[Finding]:
    """Every check, in the order an admin would fix things."""
    corpus = offline.check_corpus(settings)
    found = [*offline.check_settings(settings), *offline.check_token(settings), *corpus,
             *offline.check_index(settings, corpus_valid=all(f.ok for f in corpus)),
             *offline.check_storage(settings),
             *offline.check_intents(intents(settings), settings)]
    if online:
        from bot.doctor import online as discord_checks

        found += asyncio.run(discord_checks.check(settings))
    return found


def run(args: argparse.Namespace, settings: Settings) -> int:
    found = findings(settings, online=args.online)
    for finding in found:
        print(finding.line())
    problems = sum(not f.ok for f in found)
    if problems:
        print(f"{problems} problem{'s' if problems != 1 else ''} found")
        return FAILED
    print("all checks passed" + ("" if args.online else " (add --online to check Discord too)"))
    return OK
