"""Answers as embeds: the cited answer, the abstention text and the supporting passages."""

from __future__ import annotations

from collections.abc import Mapping

import discord

from bot.answers import Answer, clean_question
from bot.answers.render import answer_body, notes, refusal
from bot.citations import cited
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import COLOUR, cite, echo
from indexer.models import Source

MAX_PASSAGES = 5


def answer_embed(answer: Answer, corpus_date: str,
                 sources: Mapping[str, Source] | None = None) -> discord.Embed:
    """The answer with [n] markers, its numbered sources, notes and the corpus date.

    With the corpus `sources`, each source shows as 'publisher: title (date)'."""
    lang = answer.language
    question = f"> ❓ {echo(clean_question(answer.question), 300)}\n\n"
    body = limits.truncate(answer_body(answer), limits.EMBED_DESCRIPTION - len(question))
    embed = discord.Embed(title=t("answer", lang), description=question + body, colour=COLOUR)
    source_lines = []
    for ref in answer.sources:
        label, url, trust = cited(ref, sources, lang)
        source_lines.append(f"[{ref.number}] {cite(label, url, lang, trust)}")
    if source_lines:
        embed.add_field(name=t("sources", lang),
                        value=limits.join_lines(source_lines, limits.FIELD_VALUE), inline=False)
    for note in notes(answer):
        embed.add_field(name=t("note", lang), value=limits.truncate(note, limits.FIELD_VALUE),
                        inline=False)
    if corpus_date:
        embed.set_footer(text=t("corpus_date", lang, date=corpus_date))
    return limits.fit_embed(embed)


def abstention_text(answer: Answer) -> str:
    """Why there is no answer and the nearest questions the bot can answer; or the friendly
    reply to small talk."""
    if answer.small_talk:
        return limits.truncate(answer.reply, limits.MESSAGE)
    lines = [refusal(answer)]
    if answer.reason in ("weak_evidence", "stale"):
        if answer.suggestions:
            lines.append(t("did_you_mean", answer.language))
            lines += [f"• {echo(q, 200)}" for q in answer.suggestions]
        else:
            lines.append(t("abstain_hint", answer.language,
                           topics=t("topics_default", answer.language)))
    return limits.truncate("\n".join(lines), limits.MESSAGE)


def passages_embed(answer: Answer, language: str) -> discord.Embed:
    """The passages the answer was drawn from, one field each, within the embed limits."""
    embed = discord.Embed(title=t("passages", language), colour=COLOUR)
    for item in answer.evidence[:MAX_PASSAGES]:
        name = f"{item.title} — {item.heading}" if item.heading else item.title
        embed.add_field(name=limits.truncate(name, limits.FIELD_NAME),
                        value=limits.truncate(discord.utils.escape_mentions(item.text),
                                              limits.FIELD_VALUE), inline=False)
    if not answer.evidence:
        embed.description = t("no_passages", language)
    return limits.fit_embed(embed)
