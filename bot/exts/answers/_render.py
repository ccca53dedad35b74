"""Answers as embeds: the cited answer, the abstention text and the supporting passages."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import discord

from bot.answers import Answer
from bot.answers.followup import Turn
from bot.answers.render import answer_body, notes, refusal
from bot.citations import cited
from bot.exts.answers._mentions import question_text
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import COLOUR, cite, echo
from bot.ui.mentions import mentions
from indexer.language import detect_language
from indexer.models import Source

MAX_PASSAGES = 5
MAX_SUGGESTIONS = 3


def answer_embed(answer: Answer, corpus_date: str,
                 sources: Mapping[str, Source] | None = None, *, asked: str | None = None,
                 follows: Turn | None = None, quoted: discord.Message | None = None
                 ) -> discord.Embed:
    """The answer with [n] markers, its numbered sources, notes and the corpus date; above it
    the question as asked, the earlier question whose topic was assumed, or, when answering
    for someone else, whose message it was. With the corpus `sources`, each source shows as
    'publisher: title (date)'."""
    lang = answer.language
    mark = "💬" if quoted is not None else "❓"
    question = f"> {mark} {echo(asked or question_text(answer.question), 300)}\n"
    if follows is not None:
        question += t("assumed_topic", lang, about=echo(follows.about, 200)) + "\n"
    question += "\n"
    body = limits.truncate(answer_body(answer), limits.EMBED_DESCRIPTION - len(question))
    embed = discord.Embed(title=t("answer", lang), description=question + body, colour=COLOUR)
    if quoted is not None:
        embed.set_author(name=t("about_message", lang, name=quoted.author.display_name),
                         url=quoted.jump_url)
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


def refusal_language(answer: Answer, fallback: str, forced: str | None = None) -> str:
    """The language to decline in: the one asked for, else the question's own when its words
    show it, else the user's (an English client typing "asdf qwerty" is told in English)."""
    if forced:
        return forced
    return answer.language if detect_language(answer.question) else fallback


def suggested_questions(answer: Answer) -> list[str]:
    """"Did you mean …?" questions offered with a refusal (topic names are not questions)."""
    offered = getattr(answer, "suggestions", ()) or ()
    return [s for s in offered if s.strip().endswith("?")][:MAX_SUGGESTIONS]


def abstention_text(answer: Answer, client: Any = None, *, short: bool = False) -> str:
    """Why there is no answer and, unless `short`, where to look instead."""
    lang = answer.language
    lines = [refusal(answer)]
    commands = mentions(client, lang, "programs", "sme")
    if not short and suggested_questions(answer):
        lines.append(t("did_you_mean", lang, **commands))
    elif not short and answer.reason == "weak_evidence":
        topics = "; ".join(answer.suggestions[:5]) or t("topics_default", lang)
        lines.append(t("abstain_commands", lang, topics=topics, **commands))
    return limits.truncate("\n".join(lines), limits.MESSAGE)


def in_language(answer: Answer, lang: str) -> Answer:
    """The same answer, labelled for `lang`."""
    return answer if answer.language == lang else dataclasses.replace(answer, language=lang)


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
