"""/ask, and questions put to the bot by mention, by reply to one of its answers, or by DM."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.exts.answers._followup_views import DYNAMIC_ITEMS
from bot.exts.answers._mentions import question_text
from bot.exts.answers._respond import (
    Refusals,
    answer_interaction,
    deliver_to_message,
    precheck,
)
from bot.exts.answers._service import AnswerService
from bot.exts.answers._views import PassagesButton, VoteButton
from bot.messages import t
from bot.text import safe_text
from bot.ui.embeds import NO_MENTIONS
from bot.ui.language import locale_language
from bot.ui.mentions import command_mention

log = logging.getLogger(__name__)

# A mention that cannot be answered gets a reaction, not a public message: a user repeating
# it cannot fill the channel.
RATE_LIMITED = "⏳"
EMPTY = "❓"
NOTICE_SECONDS = 30  # a notice to a mention (question too long) deletes itself after this

LANGUAGE_CHOICES = [app_commands.Choice(name="English", value="en"),
                    app_commands.Choice(name="Bahasa Indonesia", value="id"),
                    app_commands.Choice(name="Deutsch", value="de")]


class Ask(commands.Cog):
    """Answers from the corpus, with sources, passages and feedback buttons."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot
        self.service = AnswerService(bot)
        self.refusals = Refusals()

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
        """Answer with the cited corpus text; refusals are shown only to the asker. A
        question without a topic of its own ("And where?") keeps the asker's last one here."""
        await answer_interaction(self, interaction, safe_text(question),
                                 language=language.value if language else None, private=private)

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
        if kind is None:
            return
        guild_locale = message.guild.preferred_locale if message.guild else None
        lang = locale_language(guild_locale)
        if kind == "reply" and not message.content:
            await self._unreadable_reply(message, lang)
            return
        question = safe_text(message.content)
        try:
            if self.service.cooldown.hit(message.author.id):
                await message.add_reaction(RATE_LIMITED)
                return
            if not question_text(question):
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
                guild_id=message.guild.id if message.guild else None,
                place_id=message.channel.id)
            await deliver_to_message(self, message, recorded)
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

    async def _unreadable_reply(self, message: discord.Message, lang: str) -> None:
        """Without the Message Content intent Discord blanks a reply to a slash-command
        answer; say once in a while how to follow up instead."""
        if not self.refusals.may_say(message.author.id):
            return
        try:
            await message.reply(t("reply_unreadable", lang, ask=command_mention(
                self.bot, "ask", lang)), allowed_mentions=NO_MENTIONS, delete_after=120)
        except discord.HTTPException as exc:
            log.warning("could not explain an unreadable reply: %s", exc)


async def setup(bot: SisterCityBot) -> None:
    """Load the Ask cog and the answer buttons that survive restarts."""
    bot.add_dynamic_items(VoteButton, PassagesButton, *DYNAMIC_ITEMS)
    await bot.add_cog(Ask(bot))
