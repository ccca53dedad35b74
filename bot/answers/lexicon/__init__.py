"""Word lists of the answer engine, one YAML file per language (data, not code): the talk around
a question (greetings, fillers, thanks, small talk, noise), the markers composition reads in
corpus sentences (pronouns, hedges, "sources disagree", superseded rules, copulas) and the cues
of question kinds (what a question asks for, and what a sentence must hold to answer it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).parent
# libyaml's safe loader where PyYAML was built with it (ten times faster: these files are read
# on every start), else the pure-Python one; both read the same safe subset of YAML.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def raw(language: str) -> dict[str, Any]:
    """The lexicon of `language` as written in its YAML file (read once)."""
    data: dict[str, Any] = yaml.load((LEXICON_DIR / f"{language}.yaml").read_text("utf-8"),
                                     Loader=_LOADER)
    return data
