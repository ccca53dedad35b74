"""One way to answer, whatever asked: /ask, the Follow up modal, a suggested question, the
message menu, a mention, a reply or an ask channel. Answers are public where they were asked;
refusals are seen only by the asker, or, where Discord cannot hide a message (mentions),
are one short line at most every few minutes and otherwise a reaction."""

from __future__ import annotations

import asyncio
import contextlib
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.answers import MAX_QUESTION_CHARS
from bot.answers.followup import Turn, start
from bot.exts.answers._cooldown import UserCooldown
from bot.exts.answers._followup_views import suggestions_view
from bot.exts.answers._mentions import question_text
from bot.exts.answers._render import (
    abstention_text,
    answer_embed,
    in_language,
    refusal_language,
    suggested_questions,
)
from bot.exts.answers._service import Recorded
from bot.exts.answers._views import answer_view
from bot.messages import t
from bot.ui.embeds import NO_MENTIONS
from bot.ui.language import interaction_language, locale_language

if TYPE_CHECKING:
    from bot.exts.answers.ask import Ask

# Answers normally take milliseconds; only a slower one is deferred (see answer_interaction).
FAST_REPLY_SECONDS = 1.5
REFUSAL_EVERY_SECONDS = 120.0  # at most one public refusal per member in this time
NOT_COVERED = "🤷"  # the reaction that stands in for a refusal where a reply would be noise


def precheck(question: str, lang: str) -> str | None:
    """A message for an empty or over-long question, else None."""
    text = question_text(question)
    if not text:
        return t("empty", lang)
    if len(text) > MAX_QUESTION_CHARS:
        return t("too_long", lang, limit=MAX_QUESTION_CHARS)
    return None


@dataclass
class Reply:
    """What to send, and what kind of reply it is."""

    content: str | None = None
    embed: discord.Embed | None = None
    view: discord.ui.View | None = None
    declined: bool = False
    small_talk: bool = False

    def kwargs(self) -> dict[str, Any]:
        sent: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        if self.content is not None:
            sent["content"] = self.content
        if self.embed is not None:
            sent["embed"] = self.embed
        if self.view is not None:
            sent["view"] = self.view
        return sent


def build_reply(bot: Any, recorded: Recorded, *, fallback: str, forced: str | None = None,
                where: object = None, short: bool = False,
                quoted: discord.Message | None = None) -> Reply:
    """Small talk as plain text; a refusal in the asker's language with suggested questions
    as buttons; an answer as an embed with its buttons (a thread button where `where` is a
    text channel a thread can be started in)."""
    answer = recorded.answer
    if recorded.small_talk:
        reply = getattr(answer, "reply", None) or t("small_talk", answer.language)
        return Reply(content=reply, small_talk=True)
    if answer.abstained:
        declined = in_language(answer, refusal_language(answer, fallback, forced))
        return Reply(content=abstention_text(declined, bot, short=short), declined=True,
                     view=suggestions_view(recorded.answer_id, suggested_questions(answer)))
    embed = answer_embed(answer, bot.live.index.corpus_date, bot.live.index.sources,
                         asked=recorded.asked,
                         follows=recorded.follows, quoted=quoted)
    thread = isinstance(where, discord.TextChannel)
    return Reply(embed=embed, view=answer_view(recorded.answer_id, answer.language,
                                               thread=thread))


async def answer_interaction(cog: Ask, interaction: discord.Interaction, question: str, *,
                             language: str | None = None, private: bool = False,
                             previous: Turn | None = None,
                             quoted: discord.Message | None = None) -> None:
    """Answer for the member behind `interaction`: publicly unless `private`, refusals and
    small talk privately.

    Whether a message is ephemeral is fixed when the response starts, so the answer is
    computed first and the interaction deferred (privately) only if that takes longer than
    FAST_REPLY_SECONDS; a public answer then follows as a message of its own."""
    lang = language or interaction_language(interaction)
    if problem := precheck(question, lang):
        await interaction.response.send_message(problem, ephemeral=True)
        return
    if wait := cog.service.cooldown.hit(interaction.user.id):
        await interaction.response.send_message(
            t("cooldown", lang, seconds=math.ceil(wait)), ephemeral=True)
        return
    work = asyncio.ensure_future(cog.service.answer(
        question, language=language, locale=str(interaction.locale),
        user_id=interaction.user.id, guild_id=interaction.guild_id,
        place_id=interaction.channel_id, previous=previous))
    done, _ = await asyncio.wait({work}, timeout=FAST_REPLY_SECONDS)
    if not done:
        await interaction.response.defer(ephemeral=True, thinking=True)
    recorded = await work
    if quoted is not None and not recorded.answer.abstained:
        turn = cog.service.conversations.of_answer(recorded.answer_id) or start(recorded.asked)
        for member in {interaction.user.id, quoted.author.id}:  # either may follow up
            cog.service.conversations.remember(member, quoted.channel.id, turn)
    reply = build_reply(cog.bot, recorded, fallback=interaction_language(interaction),
                        forced=language, where=None if private else interaction.channel,
                        quoted=quoted)
    await _send(interaction, reply, private or reply.declined or reply.small_talk)


async def _send(interaction: discord.Interaction, reply: Reply, ephemeral: bool) -> None:
    if not interaction.response.is_done():
        await interaction.response.send_message(**reply.kwargs(), ephemeral=ephemeral)
        return
    if ephemeral:  # the first followup replaces the private "thinking…"
        await interaction.followup.send(**reply.kwargs(), ephemeral=True)
        return
    lang = interaction_language(interaction)
    await interaction.edit_original_response(content=t("answer_posted", lang))
    await interaction.followup.send(**reply.kwargs())
    with contextlib.suppress(discord.HTTPException):  # else only the private note stays
        await interaction.delete_original_response()


class Refusals:
    """Where a refusal cannot be private: one short line per member per few minutes, then
    reactions."""

    def __init__(self) -> None:
        self._limit = UserCooldown(1, REFUSAL_EVERY_SECONDS)

    def may_say(self, user_id: int) -> bool:
        return not self._limit.hit(user_id)


async def deliver_to_message(cog: Ask, message: discord.Message, recorded: Recorded, *,
                             quiet: bool = False) -> None:
    """Reply to a question asked in a message. `quiet` (ask channels): a question the corpus
    does not cover gets a reaction only, small talk nothing."""
    locale = message.guild.preferred_locale if message.guild else None
    in_guild = message.guild is not None
    reply = build_reply(cog.bot, recorded, fallback=locale_language(locale),
                        where=message.channel, short=in_guild)
    if reply.small_talk and quiet:
        return
    if reply.declined and in_guild and (quiet or not cog.refusals.may_say(message.author.id)):
        await message.add_reaction(NOT_COVERED)
        return
    await message.reply(**reply.kwargs())
