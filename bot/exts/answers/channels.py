"""Ask channels: every new message (or forum post) in a configured channel is a question.

Reading messages that do not mention the bot needs the privileged Message Content intent, so
the feature is off unless ASK_CHANNEL_IDS is set, and the bot then asks for the intent (and
refuses to start, saying so, when the Developer Portal does not grant it). A question the
corpus does not cover gets a reaction, not a refusal: people talk in these channels too.
"""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.bot import SisterCityBot
from bot.exts.answers._respond import deliver_to_message, precheck
from bot.exts.answers.ask import Ask

log = logging.getLogger(__name__)

BUSY = "⏳"  # reaction when the member is over the question rate


class AskChannels(commands.Cog):
    """Answers unaddressed messages in ask channels, through the Ask cog."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot

    def is_question(self, message: discord.Message) -> bool:
        """A member's message in an ask channel; in a thread under one (a forum post, or a
        thread started on an answer) the messages of whoever opened it, or all of them in a
        thread the bot opened. Mentions and replies to the bot are the Ask cog's."""
        ask_channels = self.bot.settings.ask_channel_ids
        me = self.bot.user
        if (not ask_channels or me is None or message.guild is None or message.author.bot
                or message.type not in (discord.MessageType.default,
                                        discord.MessageType.reply)
                or not message.content.strip()):
            return False
        if any(user.id == me.id for user in message.mentions):
            return False
        resolved = message.reference.resolved if message.reference else None
        if isinstance(resolved, discord.Message) and resolved.author.id == me.id:
            return False
        channel = message.channel
        if isinstance(channel, discord.Thread):
            return channel.parent_id in ask_channels and channel.owner_id in (
                message.author.id, me.id)
        return channel.id in ask_channels

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if not self.is_question(message):
            return
        ask = self.bot.get_cog("Ask")
        if not isinstance(ask, Ask) or precheck(message.content, "en"):
            return  # an empty or over-long message is chatter here, not a question
        try:
            if ask.service.cooldown.hit(message.author.id):
                await message.add_reaction(BUSY)
                return
            recorded = await ask.service.answer(
                message.content, language=None, locale=str(message.guild.preferred_locale
                                                            if message.guild else "en"),
                user_id=message.author.id, guild_id=message.guild.id if message.guild else None,
                origin="discord", place_id=message.channel.id)
            await deliver_to_message(ask, message, recorded, quiet=True)
        except discord.HTTPException as exc:
            log.warning("could not answer message %s in ask channel %s: %s", message.id,
                        message.channel.id, exc)


async def setup(bot: SisterCityBot) -> None:
    """Load the AskChannels cog."""
    await bot.add_cog(AskChannels(bot))
