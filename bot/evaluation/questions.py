"""Question files and the check of one answer against a question's expectations."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    lang: str
    question: str
    expect_all: tuple[str, ...] = ()
    expect_any: tuple[str, ...] = ()
    expect_at_least: tuple[int, tuple[str, ...]] | None = None
    expect_abstain: bool = False
    type: str | None = None
    about: tuple[str, ...] = field(default=())  # corpus ids the question is about

    def passes(self, answer_text: str, abstained: bool) -> bool:
        """Is this a right answer? Abstention is right only when expected."""
        if self.expect_abstain:
            return abstained
        if abstained:
            return False

        def found(pattern: str) -> bool:
            return re.search(pattern, answer_text, re.IGNORECASE) is not None

        if not all(found(p) for p in self.expect_all):
            return False
        if self.expect_any and not any(found(p) for p in self.expect_any):
            return False
        if self.expect_at_least:
            needed, patterns = self.expect_at_least
            if sum(found(p) for p in patterns) < needed:
                return False
        return True


def load_questions(path: Path) -> list[EvalQuestion]:
    questions = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row: dict[str, Any] = json.loads(line)
        try:
            at_least = row.get("expect_at_least")
            questions.append(EvalQuestion(
                id=str(row["id"]), lang=row["lang"], question=row["question"],
                expect_all=tuple(row.get("expect_all", ())),
                expect_any=tuple(row.get("expect_any", ())),
                expect_at_least=(int(at_least[0]), tuple(at_least[1])) if at_least else None,
                expect_abstain=bool(row.get("expect_abstain", False)),
                type=row.get("type"), about=tuple(row.get("about", ())),
            ))
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"{path}:{number}: bad question ({exc})") from None
    return questions
