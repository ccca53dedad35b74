"""Render an Answer as plain text (terminal) or JSON (batch and tools)."""

from __future__ import annotations

from bot.answers.engine import MAX_QUESTION_CHARS
from bot.answers.model import Answer
from bot.messages import language_name, t


def refusal(answer: Answer) -> str:
    """The one-line message for an abstention, in the asker's language."""
    lang = answer.language
    if answer.reason in ("empty", "too_long", "no_content"):
        return t(answer.reason, lang, limit=MAX_QUESTION_CHARS)
    return t("abstain", lang)


def notes(answer: Answer) -> list[str]:
    lang = answer.language
    lines = []
    if answer.answer_language:
        lines.append(t("fallback", lang, wanted=language_name(lang, lang),
                       got=language_name(answer.answer_language, lang)))
    if answer.hedged:
        lines.append(t("hedged", lang))
    return lines


def answer_body(answer: Answer) -> str:
    """Answer sentences, each followed by its source numbers: 'Text. [1][2]'."""
    parts = []
    for quote in answer.quotes:
        marks = "".join(f"[{n}]" for n in quote.sources)
        parts.append(f"{quote.text} {marks}".rstrip())
    return " ".join(parts)


def to_text(answer: Answer, corpus_date: str = "") -> str:
    lang = answer.language
    if answer.abstained:
        lines = [refusal(answer)]
        if answer.suggestions and answer.reason == "weak_evidence":
            lines.append(t("abstain_hint", lang, topics="; ".join(answer.suggestions[:5])))
        return "\n".join(lines)
    lines = [f"{t('answer', lang)}:", f"  {answer_body(answer)}"]
    lines += [f"  ({note})" for note in notes(answer)]
    lines += ["", f"{t('sources', lang)}:"]
    for ref in answer.sources:
        lines.append(f"  [{ref.number}] {ref.title} — {ref.url or t('no_url', lang)}")
    if corpus_date:
        lines.append(t("corpus_date", lang, date=corpus_date))
    return "\n".join(lines)


def to_json(answer: Answer, question_id: object = None) -> dict[str, object]:
    return {
        "id": question_id,
        "question": answer.question,
        "answer": "" if answer.abstained else answer.text,
        "abstained": answer.abstained,
        "language": answer.language,
        "answer_language": answer.answer_language or answer.language,
        "sources": [ref.to_json() for ref in answer.sources],
        "passages": [e.passage_id for e in answer.evidence],
        "hedged": answer.hedged,
        "reason": answer.reason or None,
    }
