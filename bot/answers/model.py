"""What the answer engine returns to the terminal and Discord front ends."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceRef:
    number: int
    id: str
    title: str
    url: str | None

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class Quote:
    """One sentence of the answer, exactly as it stands in passage `passage_id`."""

    text: str
    passage_id: str
    sources: tuple[int, ...]  # numbers into Answer.sources
    confidence: str | None


@dataclass(frozen=True)
class Evidence:
    passage_id: str
    title: str
    heading: str
    text: str
    language: str
    score: float


@dataclass(frozen=True)
class Answer:
    question: str
    language: str  # the asker's language; replies and labels use it
    abstained: bool
    quotes: tuple[Quote, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    answer_language: str | None = None  # language of the quoted text, if not the asker's
    # On a decline: bank questions close to what was asked ("Did you mean …?"), in the
    # asker's language.
    suggestions: tuple[str, ...] = ()
    # Why it abstained ("empty", "too_long", "no_content", "weak_evidence", "stale"), or
    # "small_talk" for a greeting, thanks, "help" or "who are you" (answered with `reply`).
    reason: str = ""
    notes: dict[str, str] = field(default_factory=dict)
    reply: str = ""  # the friendly text of a small-talk reply (never corpus text)
    confidence: float | None = None  # the answer gate's probability that the answer is right
    gate_features: tuple[float, ...] = ()  # what the gate measured (for `eval --fit`)

    @property
    def text(self) -> str:
        return " ".join(q.text for q in self.quotes) if self.quotes else self.reply

    @property
    def small_talk(self) -> bool:
        return self.reason == "small_talk"

    @property
    def hedged(self) -> bool:
        """True if a quoted fact rests on one source or is disputed."""
        return any(q.confidence in ("S1", "U") for q in self.quotes)
