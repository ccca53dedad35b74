"""Question files (format: docs/eval-format.md) and the check of one answer against a question.

`load_questions` validates every line and raises QuestionFileError naming the file and line of
the first problem, so a misspelt expectation cannot silently turn a question into a free pass.
Fields the format does not know are kept out of the way (examiners add their own notes), except
names starting with "expect", which would change the score.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "id", "de")
EXPECTATIONS = frozenset({"expect_all", "expect_any", "expect_at_least", "expect_abstain"})
FIELDS = frozenset({"id", "lang", "question", "type", "style", "about"}) | EXPECTATIONS


class QuestionFileError(ValueError):
    """A question file is missing, unreadable or malformed; the message is 'FILE:LINE: why'."""


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
    style: str | None = None  # how it is written: plain, casual, keyword, typo, story, …
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
    """Every question of a JSONL file; raises QuestionFileError at the first bad line."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise QuestionFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise QuestionFileError(f"{path}: is a folder, not a question file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionFileError(f"{path}: cannot read it ({exc})") from None
    questions: list[EvalQuestion] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            question = _parse(line)
        except ValueError as exc:
            raise QuestionFileError(f"{path}:{number}: {exc}") from None
        if question.id in seen:
            raise QuestionFileError(f"{path}:{number}: id '{question.id}' is already used on "
                                    f"line {seen[question.id]}")
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise QuestionFileError(f"{path}: holds no questions")
    return questions


def _parse(line: str) -> EvalQuestion:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise ValueError("each line must be a JSON object")
    unknown = sorted(k for k in set(row) - FIELDS if k.lower().startswith("expect"))
    if unknown:
        raise ValueError(f"unknown expectation '{unknown[0]}' (known: "
                         f"{', '.join(sorted(EXPECTATIONS))})")
    qid = row.get("id")
    if isinstance(qid, bool) or not isinstance(qid, str | int) or str(qid).strip() == "":
        raise ValueError("'id' must be a non-empty string")
    if row.get("lang") not in LANGUAGES:
        raise ValueError("'lang' must be en, id or de")
    text = row.get("question")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'question' must be a non-empty string")
    kind, style = row.get("type"), row.get("style")
    if kind is not None and not isinstance(kind, str):
        raise ValueError("'type' must be a string")
    if style is not None and not isinstance(style, str):
        raise ValueError("'style' must be a string")
    abstain = row.get("expect_abstain", False)
    if not isinstance(abstain, bool):
        raise ValueError("'expect_abstain' must be true or false")
    expect_all = _patterns(row, "expect_all")
    expect_any = _patterns(row, "expect_any")
    at_least = _at_least(row.get("expect_at_least"))
    has_expectations = bool(expect_all or expect_any or at_least)
    if abstain and has_expectations:
        raise ValueError("a question with 'expect_abstain': true cannot also expect text")
    if not abstain and not has_expectations:
        raise ValueError("needs expect_all, expect_any or expect_at_least (or "
                         "'expect_abstain': true)")
    return EvalQuestion(id=str(qid), lang=row["lang"], question=text, expect_all=expect_all,
                        expect_any=expect_any, expect_at_least=at_least,
                        expect_abstain=abstain, type=kind, style=style,
                        about=_strings(row, "about"))


def _strings(row: dict[str, Any], name: str) -> tuple[str, ...]:
    value = row.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{name}' must be a list of strings")
    return tuple(value)


def _patterns(row: dict[str, Any], name: str) -> tuple[str, ...]:
    patterns = _strings(row, name)
    for pattern in patterns:
        _compile(name, pattern)
    return patterns


def _compile(name: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"'{name}' has an invalid regular expression {pattern!r} "
                         f"({exc})") from None


def _at_least(value: object) -> tuple[int, tuple[str, ...]] | None:
    if value is None:
        return None
    shape = "'expect_at_least' must be [N, [\"pattern\", …]] with 1 ≤ N ≤ the number of patterns"
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError(shape)
    needed, patterns = value
    if (isinstance(needed, bool) or not isinstance(needed, int) or not isinstance(patterns, list)
            or not all(isinstance(p, str) for p in patterns) or not 1 <= needed <= len(patterns)):
        raise ValueError(shape)
    for pattern in patterns:
        _compile("expect_at_least", pattern)
    return needed, tuple(patterns)
