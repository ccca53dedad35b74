"""Answering one question: concurrency cap, the engine off the event loop, recording."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers import Answer, followup
from bot.answers.followup import Turn
from bot.exts.answers._conversations import Conversations
from bot.exts.answers._cooldown import UserCooldown
from bot.exts.answers._mentions import question_text, without_mentions
from bot.storage import DatabaseError, redact_mentions

if TYPE_CHECKING:
    from bot.bot import SisterCityBot

log = logging.getLogger(__name__)

REMEMBERED_ANSWERS = 500  # evidence kept in memory for "Show passages"


@dataclass(frozen=True)
class Recorded:
    answer_id: str
    answer: Answer
    stored: bool  # False when the database could not record it (votes then cannot count)
    asked: str = ""  # the question as the member wrote it (answer.question is what was searched)
    follows: Turn | None = None  # the earlier question whose topic was assumed, if any

    @property
    def small_talk(self) -> bool:
        return self.answer.reason == "small_talk"


class AnswerService:
    """Shared by /ask and the mention listener, so both obey the same limits."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot
        settings = bot.settings
        self.cooldown = UserCooldown(settings.ask_cooldown_rate, settings.ask_cooldown_per)
        self.semaphore = asyncio.Semaphore(settings.max_concurrent_answers)
        self._evidence: OrderedDict[str, Answer] = OrderedDict()
        self.conversations = Conversations()

    async def answer(self, question: str, *, language: str | None, locale: str | None,
                     user_id: int, guild_id: int | None, origin: str = "discord",
                     place_id: int | None = None, previous: Turn | None = None) -> Recorded:
        """Answer with the current index (a reindex swap mid-question does not affect it).

        With `place_id` (the channel or thread), a question that lacks its own topic is read
        with the topic of the member's last question there; `previous` names that question
        directly (the Follow up button)."""
        written = question  # as the member wrote it, mentions and all (stored redacted)
        question = without_mentions(question)
        asked = question_text(question)
        if previous is None and place_id is not None:
            previous = self.conversations.recent(user_id, place_id)
        turn = followup.follow_up(asked, previous)
        follows = previous if turn is not None else None
        turn = turn or followup.start(asked)
        async with self.semaphore:
            engine = self.bot.live.engine
            answer = await asyncio.to_thread(engine.ask, turn.question if follows else question,
                                             language, locale)
        answer_id, stored = self._record(answer, written if not follows else answer.question,
                                         user_id, guild_id, origin)
        self._evidence[answer_id] = answer
        while len(self._evidence) > REMEMBERED_ANSWERS:
            self._evidence.popitem(last=False)
        recorded = Recorded(answer_id, answer, stored, asked, follows)
        self._keep_topic(recorded, turn, user_id, place_id)
        return recorded

    def _keep_topic(self, recorded: Recorded, turn: Turn, user_id: int,
                    place_id: int | None) -> None:
        """An answer sets the topic; a declined new question ends the old one; small talk
        and a declined follow-up leave it as it was."""
        if recorded.small_talk:
            return
        if not recorded.answer.abstained:
            self.conversations.remember_answer(recorded.answer_id, turn)
        if place_id is None:
            return
        if not recorded.answer.abstained:
            self.conversations.remember(user_id, place_id, turn)
        elif recorded.follows is None:
            self.conversations.forget(user_id, place_id)

    def evidence(self, answer_id: str) -> Answer | None:
        """The answer behind a "Show passages" button, if still remembered."""
        return self._evidence.get(answer_id)

    def _record(self, answer: Answer, written: str, user_id: int, guild_id: int | None,
                origin: str) -> tuple[str, bool]:
        me = self.bot.user  # the bot's own mention says nothing about the question: drop it
        question = (" ".join(re.sub(rf"<@!?{me.id}>", " ", written).split()) if me
                    else written)
        try:
            answer_id = self.bot.db.record_answer(
                question=redact_mentions(question), language=answer.language,
                abstained=answer.abstained,
                user_hash=self.bot.hash_user(user_id), guild_id=guild_id,
                sources=[ref.id for ref in answer.sources],
                passages=[e.passage_id for e in answer.evidence], reason=answer.reason,
                origin=origin)
        except DatabaseError:
            log.exception("could not record an answer; it is shown anyway")
            return uuid.uuid4().hex, False
        return answer_id, True
