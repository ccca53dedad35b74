"""Word lists of the answer engine, one YAML file per language (data, not code): the talk around
a question (greetings, fillers, thanks, small talk, noise), the markers composition reads in
corpus sentences (pronouns, hedges, "sources disagree", superseded rules, copulas) and the cues
of question kinds (what a question asks for, and what a sentence must hold to answer it)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from indexer.models import LANGUAGES
from indexer.yaml_lines import safe_load

LEXICON_DIR = Path(__file__).parent


@cache
def raw(language: str) -> dict[str, Any]:
    """The lexicon of `language` as written in its YAML file (read once)."""
    data: dict[str, Any] = safe_load((LEXICON_DIR / f"{language}.yaml").read_text("utf-8"))
    return data


def cues(section: str, key: str | None = None) -> list[str]:
    """The entries of one lexicon section (or of one list `key` inside it), English,
    Indonesian, then German: a question mixing languages is read with all of them."""
    found: list[str] = []
    for lang in LANGUAGES:
        value = raw(lang)[section]
        found += [str(p) for p in (value[key] if key is not None else value)]
    return found


def word_pattern(patterns: list[str], flags: int = re.IGNORECASE, end: bool = True
                 ) -> re.Pattern[str]:
    """One regular expression matching any of `patterns` as a whole word or phrase (`end`:
    also ending at a word boundary)."""
    return re.compile(r"\b(?:" + "|".join(patterns) + (r")\b" if end else ")"), flags)
