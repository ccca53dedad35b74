"""Group questions with similar wording, so the to-do list shows each gap once."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

SIMILAR = 80.0  # token_set_ratio at or above which two questions count as the same


@dataclass
class QuestionGroup:
    example: str
    count: int = 0
    languages: set[str] = field(default_factory=set)
    last_asked: str = ""


def group_questions(rows: list[tuple[str, str, str]]) -> list[QuestionGroup]:
    """rows: (question, language, asked_at), newest first. Most frequent group first."""
    groups: list[QuestionGroup] = []
    for question, language, asked_at in rows:
        text = " ".join(question.casefold().split())
        for group in groups:
            if fuzz.token_set_ratio(text, group.example.casefold()) >= SIMILAR:
                break
        else:
            group = QuestionGroup(question)
            groups.append(group)
        group.count += 1
        group.languages.add(language)
        group.last_asked = max(group.last_asked, asked_at)
    return sorted(groups, key=lambda g: (-g.count, g.example))
