"""Buttons that carry a conversation on: Follow up (a modal), Continue in a thread, and the
"Did you mean …?" questions offered with a refusal. Like the vote buttons their custom ids
carry the answer id (discord.py DynamicItem), so a restart makes them expire politely
rather than vanish."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.answers.followup import Turn
from bot.exts.answers._render import suggested_questions
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import NO_MENTIONS
from bot.ui.language import interaction_language
from bot.ui.mentions import command_mention

if TYPE_CHECKING:
    from bot.exts.answers.ask import Ask

log = logging.getLogger(__name__)

THREAD_NAME = 100  # Discord's limit for a thread name
THREAD_ARCHIVE_MINUTES = 1440


def _cog(interaction: discord.Interaction) -> Ask | None:
    return cast("Ask | None", interaction.client.get_cog("Ask"))  # type: ignore[attr-defined]


async def _ask(interaction: discord.Interaction, question: str, *,
               previous: Turn | None = None) -> None:
    """Answer `question` for whoever clicked, the way /ask does."""
    from bot.exts.answers._respond import answer_interaction  # imports the views in turn

    cog = _cog(interaction)
    if cog is None:
        await interaction.response.send_message(
            t("error", interaction_language(interaction)), ephemeral=True)
        return
    await answer_interaction(cog, interaction, question, previous=previous)


class FollowUpModal(discord.ui.Modal):
    """One text box; the question is read with the topic of the answer it came from."""

    def __init__(self, lang: str, previous: Turn | None) -> None:
        super().__init__(title=t("follow_up_title", lang), timeout=600)
        self.previous = previous
        self.question: discord.ui.TextInput[FollowUpModal] = discord.ui.TextInput(
            label=t("follow_up_label", lang), placeholder=t("follow_up_placeholder", lang),
            custom_id="question", max_length=500, style=discord.TextStyle.short)
        self.add_item(self.question)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await _ask(interaction, self.question.value, previous=self.previous)


class FollowUpButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                     template=r"ans:more:(?P<lang>en|id|de):(?P<answer_id>[0-9a-f]{32})"):
    """Opens the follow-up modal for whoever clicks."""

    def __init__(self, answer_id: str, lang: str) -> None:
        super().__init__(discord.ui.Button(
            style=discord.ButtonStyle.secondary, label=t("follow_up", lang), emoji="↪️",
            custom_id=f"ans:more:{lang}:{answer_id}"))
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> FollowUpButton:
        return cls(match["answer_id"], match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        cog = _cog(interaction)
        previous = cog.service.conversations.of_answer(self.answer_id) if cog else None
        await interaction.response.send_modal(
            FollowUpModal(interaction_language(interaction), previous))


class ThreadButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=r"ans:thread:(?P<lang>en|id|de):(?P<answer_id>[0-9a-f]{32})"):
    """Starts a thread on the answer, named after its question; the clicker's follow-ups
    there keep the answer's topic."""

    def __init__(self, answer_id: str, lang: str) -> None:
        super().__init__(discord.ui.Button(
            style=discord.ButtonStyle.secondary, label=t("thread", lang), emoji="🧵",
            custom_id=f"ans:thread:{lang}:{answer_id}"))
        self.answer_id = answer_id
        self.lang = lang

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> ThreadButton:
        return cls(match["answer_id"], match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        lang = interaction_language(interaction)
        message = interaction.message
        if message is None:
            await interaction.response.send_message(t("thread_failed", lang), ephemeral=True)
            return
        existing = message.thread or (interaction.guild.get_thread(message.id)
                                      if interaction.guild else None)
        if existing is not None:
            await interaction.response.send_message(
                t("thread_exists", lang, thread=existing.mention), ephemeral=True)
            return
        cog = _cog(interaction)
        turn = cog.service.conversations.of_answer(self.answer_id) if cog else None
        name = limits.truncate(turn.about if turn else t("thread_default", self.lang),
                               THREAD_NAME)
        try:
            thread = await message.create_thread(
                name=name, auto_archive_duration=THREAD_ARCHIVE_MINUTES)
            await thread.send(t("thread_intro", self.lang, ask=command_mention(
                interaction.client, "ask", self.lang)), allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not start a thread on message %s: %s", message.id, exc)
            await interaction.response.send_message(t("thread_failed", lang), ephemeral=True)
            return
        if cog is not None and turn is not None:
            cog.service.conversations.remember(interaction.user.id, thread.id, turn)
        await interaction.response.send_message(
            t("thread_started", lang, thread=thread.mention), ephemeral=True)


class SuggestionButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                       template=r"ans:try:(?P<n>[0-9]):(?P<answer_id>[0-9a-f]{32})"):
    """A "Did you mean …?" question; clicking asks it."""

    def __init__(self, answer_id: str, n: int, label: str = "…") -> None:
        super().__init__(discord.ui.Button(
            style=discord.ButtonStyle.secondary, emoji="❔",
            label=limits.truncate(label, limits.BUTTON_LABEL),
            custom_id=f"ans:try:{n}:{answer_id}"))
        self.answer_id = answer_id
        self.n = n

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> SuggestionButton:
        return cls(match["answer_id"], int(match["n"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        cog = _cog(interaction)
        declined = cog.service.evidence(self.answer_id) if cog else None
        offered = suggested_questions(declined) if declined else []
        if self.n >= len(offered):
            lang = interaction_language(interaction)
            await interaction.response.send_message(t("expired", lang, ask=command_mention(
                interaction.client, "ask", lang)), ephemeral=True)
            return
        await _ask(interaction, offered[self.n])


def suggestions_view(answer_id: str, questions: list[str]) -> discord.ui.View | None:
    """One button per suggested question, or None without suggestions."""
    if not questions:
        return None
    view = discord.ui.View(timeout=None)
    for n, question in enumerate(questions):
        view.add_item(SuggestionButton(answer_id, n, question))
    return view


DYNAMIC_ITEMS = (FollowUpButton, ThreadButton, SuggestionButton)
