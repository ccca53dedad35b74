"""One result of one check."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """`ok` or a problem, about `topic` ("token", "index", …); `text` never holds the token."""

    topic: str
    text: str
    ok: bool = False

    def line(self) -> str:
        return f"{'ok     ' if self.ok else 'PROBLEM'}  {self.topic}: {self.text}"


def ok(topic: str, text: str) -> Finding:
    return Finding(topic, text, ok=True)


def problem(topic: str, text: str) -> Finding:
    return Finding(topic, text)
