"""Find programs by name in any of the three languages, tolerating typos and umlauts."""

from __future__ import annotations

from rapidfuzz import fuzz

from indexer.models import ProgramRecord
from indexer.text import fold

MIN_SCORE = 60.0


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


def find(programs: list[ProgramRecord], text: str) -> ProgramRecord | None:
    """The program with id `text` (as autocomplete sends it), else the best fuzzy match."""
    for program in programs:
        if program.id == text:
            return program
    best = rank(programs, text, limit=1)
    return best[0] if best and _score(fold(text), best[0]) >= 75 else None
