"""`programs`: list the partnership's program records, optionally filtered."""

from __future__ import annotations

import argparse
import json

from bot.cli import UsageError
from bot.commands.common import open_index
from bot.settings import Settings
from indexer.models import Field_, ProgramRecord


def select(programs: list[ProgramRecord], field: str | None = None, status: str | None = None,
           year: int | None = None) -> list[ProgramRecord]:
    """Programs matching every given filter, oldest first (unknown start years last)."""
    chosen = [
        p for p in programs
        if (field is None or field in p.fields)
        and (status is None or p.status.value == status)
        and (year is None or _runs_in(p, year))
    ]
    return sorted(chosen, key=lambda p: (p.start is None, p.start or 0, p.id))


def _runs_in(program: ProgramRecord, year: int) -> bool:
    if program.start is None:
        return False
    end = program.end if program.end is not None else (
        9999 if program.status.value == "active" else program.start)
    return program.start <= year <= end


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.field and args.field not in {f.value for f in Field_}:
        raise UsageError(f"unknown field '{args.field}'; choose from "
                         + ", ".join(f.value for f in Field_))
    index = open_index(settings)
    if index is None:
        return 1
    programs = select(index.programs, args.field, args.status)
    if args.json:
        print(json.dumps([p.model_dump(mode="json") for p in programs], ensure_ascii=False,
                         indent=1))
        return 0
    for p in programs:
        fields = ", ".join(f.value for f in p.fields)
        print(f"{p.id:<40} {p.years():<10} {p.status.value:<10} {fields}")
        print(f"    {p.name.en}")
    print(f"{len(programs)} program(s)")
    return 0
