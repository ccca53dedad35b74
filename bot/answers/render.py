"""Render an Answer as plain text (terminal) or JSON (batch and tools)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answers.engine import MAX_QUESTION_CHARS
from bot.answers.model import Answer
from bot.citations import cited
from bot.messages import language_name, t
from indexer.models import Source


def refusal(answer: Answer) -> str:
    """The one-line message for an abstention, in the asker's language."""
    lang = answer.language
    if answer.reason in ("empty", "too_long", "no_content", "stale"):
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


def to_text(answer: Answer, corpus_date: str = "", limit: int = 2000,
            sources: Mapping[str, Source] | None = None) -> str:
    """Plain text of at most `limit` characters (a Discord message).

    With the corpus `sources`, each source reads 'publisher: title (date) · reliability ·
    address', the address being the cited page or 'article address not recorded'.
    """
    lang = answer.language
    if answer.small_talk:
        return answer.reply[:limit]
    if answer.abstained:
        lines = [refusal(answer)]
        if answer.suggestions and answer.reason in ("weak_evidence", "stale"):
            lines.append(t("did_you_mean_list", lang))
            lines += [f"  • {q}" for q in answer.suggestions]
            lines.append(t("ask_cli", lang))
        return "\n".join(lines)[:limit]
    head = [f"{t('answer', lang)}:", f"  {answer_body(answer)}"]
    head += [f"  ({note})" for note in notes(answer)]
    head += ["", f"{t('sources', lang)}:"]
    tail = [t("corpus_date", lang, date=corpus_date)] if corpus_date else []
    shown = [(ref.number, *cited(ref, sources, lang)) for ref in answer.sources]
    for title_chars, with_url in ((200, True), (70, True), (70, False), (40, False)):
        refs = [f"  [{number}] {_clip(label, title_chars)}"
                + (f" · {trust}" if trust and with_url else "")
                + (f" · {url or t('no_url', lang)}" if with_url else "")
                for number, label, url, trust in shown]
        text = "\n".join(head + refs + tail)
        if len(text) <= limit:
            return text
    return text[: limit - 1] + "…"


def _clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def to_json(answer: Answer, question_id: object = None) -> dict[str, object]:
    return {
        "id": question_id,
        "question": answer.question,
        "answer": "" if answer.abstained else answer.text,
        "quotes": [{"text": q.text, "passage": q.passage_id, "sources": list(q.sources)}
                   for q in answer.quotes],
        "suggestions": list(answer.suggestions),
        "abstained": answer.abstained,
        "language": answer.language,
        "answer_language": answer.answer_language or answer.language,
        "sources": [ref.to_json() for ref in answer.sources],
        "passages": [e.passage_id for e in answer.evidence],
        "hedged": answer.hedged,
        "reason": answer.reason or None,
        "confidence": answer.confidence,
    }
