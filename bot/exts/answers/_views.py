"""Buttons under an answer. Their custom ids carry the answer id, so they keep working after
a restart (discord.py DynamicItem): votes go to the database, passages come from memory and
are politely declared expired when the bot no longer has them."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, cast

import discord

from bot.exts.answers._followup_views import FollowUpButton, ThreadButton
from bot.exts.answers._render import passages_embed
from bot.messages import t
from bot.storage import DatabaseError
from bot.ui.language import interaction_language
from bot.ui.mentions import command_mention

if TYPE_CHECKING:
    from bot.bot import SisterCityBot
    from bot.exts.answers.ask import Ask

log = logging.getLogger(__name__)


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                 template=r"ans:vote:(?P<value>up|down):(?P<answer_id>[0-9a-f]{32})"):
    """👍 or 👎: one vote per user per answer; clicking again changes it."""

    def __init__(self, answer_id: str, value: str) -> None:
        super().__init__(discord.ui.Button(
            style=discord.ButtonStyle.secondary, emoji="👍" if value == "up" else "👎",
            custom_id=f"ans:vote:{value}:{answer_id}"))
        self.answer_id = answer_id
        self.value = value

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> VoteButton:
        return cls(match["answer_id"], match["value"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = cast("SisterCityBot", interaction.client)
        lang = interaction_language(interaction)
        try:
            known = bot.db.vote(self.answer_id, bot.hash_user(interaction.user.id),
                                1 if self.value == "up" else -1)
        except DatabaseError:
            log.exception("could not record a vote")
            known = None
        if known is None:
            text = t("vote_failed", lang)
        elif known:
            text = t("vote_thanks", lang, emoji="👍" if self.value == "up" else "👎")
        else:
            text = t("expired", lang, ask=command_mention(bot, "ask", lang))
        await interaction.response.send_message(text, ephemeral=True)


class PassagesButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                     template=r"ans:src:(?P<lang>en|id|de):(?P<answer_id>[0-9a-f]{32})"):
    """Shows the supporting passages to whoever clicks, privately."""

    def __init__(self, answer_id: str, lang: str) -> None:
        super().__init__(discord.ui.Button(
            style=discord.ButtonStyle.primary, label=t("show_passages", lang), emoji="📄",
            custom_id=f"ans:src:{lang}:{answer_id}"))
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> PassagesButton:
        return cls(match["answer_id"], match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        lang = interaction_language(interaction)
        cog = cast("Ask | None", interaction.client.get_cog("Ask"))  # type: ignore[attr-defined]
        answer = cog.service.evidence(self.answer_id) if cog else None
        if answer is None:
            await interaction.response.send_message(
                t("expired", lang, ask=command_mention(interaction.client, "ask", lang)),
                ephemeral=True)
            return
        await interaction.response.send_message(embed=passages_embed(answer, lang),
                                                ephemeral=True)


def answer_view(answer_id: str, lang: str, *, thread: bool = False) -> discord.ui.View:
    """The row under an answer: show passages, 👍, 👎, follow up and, where a thread can be
    started on the answer, continue in a thread."""
    view = discord.ui.View(timeout=None)
    view.add_item(PassagesButton(answer_id, lang))
    view.add_item(VoteButton(answer_id, "up"))
    view.add_item(VoteButton(answer_id, "down"))
    view.add_item(FollowUpButton(answer_id, lang))
    if thread:
        view.add_item(ThreadButton(answer_id, lang))
    return view
