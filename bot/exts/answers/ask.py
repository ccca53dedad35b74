"""/ask, and questions put to the bot by mention, by reply to one of its answers, or by DM."""

from __future__ import annotations

import asyncio
import logging
import math

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import MAX_QUESTION_CHARS, clean_question
from bot.bot import SisterCityBot
from bot.exts.answers._render import abstention_text, answer_embed
from bot.exts.answers._service import AnswerService, Recorded
from bot.exts.answers._views import PassagesButton, VoteButton, answer_view
from bot.messages import t
from bot.text import safe_text
from bot.ui.embeds import NO_MENTIONS
from bot.ui.language import interaction_language, locale_language

log = logging.getLogger(__name__)

# Answers normally take milliseconds; only a slower one is deferred (see `ask`).
FAST_REPLY_SECONDS = 1.5
# A mention that cannot be answered gets a reaction, not a public message: a user repeating
# it cannot fill the channel.
RATE_LIMITED = "⏳"
EMPTY = "❓"
NOTICE_SECONDS = 30  # a notice to a mention (question too long) deletes itself after this
LANGUAGE_CHOICES = [app_commands.Choice(name="English", value="en"),
                    app_commands.Choice(name="Bahasa Indonesia", value="id"),
                    app_commands.Choice(name="Deutsch", value="de")]


def precheck(question: str, lang: str) -> str | None:
    """A message for an empty or over-long question, else None."""
    text = clean_question(question)
    if not text:
        return t("empty", lang)
    if len(text) > MAX_QUESTION_CHARS:
        return t("too_long", lang, limit=MAX_QUESTION_CHARS)
    return None


class Ask(commands.Cog):
    """Answers from the corpus, with sources, passages and feedback buttons."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot
        self.service = AnswerService(bot)

    def _reply(self, recorded: Recorded) -> dict[str, object]:
        answer = recorded.answer
        if answer.abstained or answer.small_talk:
            return {"content": abstention_text(answer)}
        index = self.bot.live.index
        return {"embed": answer_embed(answer, index.corpus_date, index.sources),
                "view": answer_view(recorded.answer_id, answer.language)}

    @app_commands.command(name="ask",
                          description="Ask about the Bandung–Braunschweig partnership")
    @app_commands.describe(question="Your question, in English, Indonesian or German",
                           language="The language of your question and the answer "
                                    "(default: detected)",
                           private="Only you see the answer")
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def ask(self, interaction: discord.Interaction, question: str,
                  language: app_commands.Choice[str] | None = None,
                  private: bool = False) -> None:
        """Answer with the cited corpus text; abstentions are shown only to the asker.

        Whether a message is ephemeral is fixed when the response starts (a deferred reply
        keeps the deferral's visibility), so the answer is computed first and the interaction
        deferred only if that takes longer than FAST_REPLY_SECONDS; a slow abstention then
        replaces the public "thinking" message.
        """
        lang = language.value if language else interaction_language(interaction)
        question = safe_text(question)
        if problem := precheck(question, lang):
            await interaction.response.send_message(problem, ephemeral=True)
            return
        if wait := self.service.cooldown.hit(interaction.user.id):
            await interaction.response.send_message(
                t("cooldown", lang, seconds=math.ceil(wait)), ephemeral=True)
            return
        work = asyncio.ensure_future(self.service.answer(
            question, language=language.value if language else None,
            locale=str(interaction.locale), user_id=interaction.user.id,
            guild_id=interaction.guild_id))
        done, _ = await asyncio.wait({work}, timeout=FAST_REPLY_SECONDS)
        if not done:
            await interaction.response.defer(ephemeral=private, thinking=True)
        recorded = await work
        reply = self._reply(recorded)
        ephemeral = private or recorded.answer.abstained
        respond = (interaction.followup.send if interaction.response.is_done()
                   else interaction.response.send_message)
        await respond(**reply, ephemeral=ephemeral,  # type: ignore[operator]
                      allowed_mentions=NO_MENTIONS)

    # -- mentions, replies and DMs --------------------------------------------------------

    def _addressed(self, message: discord.Message) -> str | None:
        """'dm', 'mention' or 'reply' if the message is meant for the bot, else None."""
        me = self.bot.user
        if message.author.bot or me is None:
            return None
        if message.guild is None:
            return "dm"
        allowed = self.bot.settings.allowed_channel_ids
        parent = getattr(message.channel, "parent_id", None)
        if allowed and message.channel.id not in allowed and parent not in allowed:
            return None
        resolved = message.reference.resolved if message.reference else None
        if isinstance(resolved, discord.Message) and resolved.author.id == me.id:
            return "reply"
        if any(user.id == me.id for user in message.mentions):
            return "mention"
        return None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Answer a question addressed to the bot, in the same channel.

        Every such message counts against the asker's cooldown first; one that is rate
        limited or has no question gets a reaction, an over-long one a self-deleting notice.
        """
        kind = self._addressed(message)
        if kind is None or (kind == "reply" and not message.content):
            return  # without the message-content intent, a reply that does not ping is blank
        guild_locale = message.guild.preferred_locale if message.guild else None
        lang = locale_language(guild_locale)
        question = safe_text(message.content)
        try:
            if self.service.cooldown.hit(message.author.id):
                await message.add_reaction(RATE_LIMITED)
                return
            if not clean_question(question):
                await message.add_reaction(EMPTY)
                return
            if problem := precheck(question, lang):
                await message.reply(problem, allowed_mentions=NO_MENTIONS,
                                    delete_after=NOTICE_SECONDS)
                return
            await self._show_typing(message.channel)
            recorded = await self.service.answer(
                question, language=None, locale=str(guild_locale or "en"),
                user_id=message.author.id,
                guild_id=message.guild.id if message.guild else None)
            await message.reply(**self._reply(recorded),  # type: ignore[arg-type]
                                allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not answer message %s in channel %s: %s", message.id,
                        message.channel.id, exc)

    @staticmethod
    async def _show_typing(channel: discord.abc.Messageable) -> None:
        """One typing indicator (it lasts 10 s; answers take milliseconds). Best effort: a
        failure here must not cost the answer."""
        try:
            await channel.typing()
        except discord.HTTPException as exc:
            log.info("no typing indicator (%s %s); answering anyway", exc.status, exc.text)


async def setup(bot: SisterCityBot) -> None:
    """Load the Ask cog and the answer buttons that survive restarts."""
    bot.add_dynamic_items(VoteButton, PassagesButton)
    await bot.add_cog(Ask(bot))
