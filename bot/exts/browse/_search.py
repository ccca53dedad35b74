"""Find programs by name in any of the three languages, tolerating typos and umlauts."""

from __future__ import annotations

from rapidfuzz import fuzz

from indexer.models import ProgramRecord
from indexer.text import fold

MIN_SCORE = 60.0  # for autocomplete: rather offer too much than too little
MATCH_SCORE = 80.0  # for a name typed by hand: it must really be that program
MIN_TYPED = 3  # fewer letters match everything


def _names(program: ProgramRecord) -> list[str]:
    return [program.name.en, program.name.id, program.name.de, program.id.replace("-", " ")]


def _score(query: str, program: ProgramRecord) -> float:
    return max(max(fuzz.WRatio(query, fold(name)), fuzz.partial_ratio(query, fold(name)) - 5)
               for name in _names(program))


def rank(programs: list[ProgramRecord], query: str, limit: int = 25) -> list[ProgramRecord]:
    """Programs whose name resembles `query`, best first; all (by name) for an empty query."""
    folded = fold(query.strip())
    if not folded:
        return sorted(programs, key=lambda p: fold(p.name.en))[:limit]
    scored = [(score, p) for p in programs if (score := _score(folded, p)) >= MIN_SCORE]
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return [p for _, p in scored[:limit]]


def _typed_score(query: str, program: ProgramRecord) -> float:
    """Like `_score`, but a fragment counts only from four letters on and a word of the
    name typed in full always counts ("DIG", "kopi")."""
    names = [fold(name) for name in _names(program)]
    if any(query in name.split() for name in names):
        return 100.0
    fragments = len(query) >= 4
    return max(max(fuzz.WRatio(query, name),
                   fuzz.partial_ratio(query, name) - 5 if fragments else 0.0)
               for name in names)


def find(programs: list[ProgramRecord], text: str) -> ProgramRecord | None:
    """The program with id `text` (as autocomplete sends it), else the program whose name
    the text really is, typos allowed; None for anything else (one letter, a made-up name)."""
    for program in programs:
        if program.id == text:
            return program
    folded = fold(text.strip())
    if len(folded) < MIN_TYPED:
        return None
    scored = [(score, p) for p in programs if (score := _typed_score(folded, p)) >= MATCH_SCORE]
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return scored[0][1] if scored else None
