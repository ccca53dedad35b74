"""Answering one question: concurrency cap, the engine off the event loop, recording."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.answers import Answer
from bot.exts.answers._cooldown import UserCooldown
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


class AnswerService:
    """Shared by /ask and the mention listener, so both obey the same limits."""

    def __init__(self, bot: SisterCityBot) -> None:
        self.bot = bot
        settings = bot.settings
        self.cooldown = UserCooldown(settings.ask_cooldown_rate, settings.ask_cooldown_per)
        self.semaphore = asyncio.Semaphore(settings.max_concurrent_answers)
        self._evidence: OrderedDict[str, Answer] = OrderedDict()

    async def answer(self, question: str, *, language: str | None, locale: str | None,
                     user_id: int, guild_id: int | None, origin: str = "discord") -> Recorded:
        """Answer with the current index (a reindex swap mid-question does not affect it)."""
        async with self.semaphore:
            engine = self.bot.live.engine
            answer = await asyncio.to_thread(engine.ask, question, language, locale)
        answer_id, stored = self._record(answer, user_id, guild_id, origin)
        self._evidence[answer_id] = answer
        while len(self._evidence) > REMEMBERED_ANSWERS:
            self._evidence.popitem(last=False)
        return Recorded(answer_id, answer, stored)

    def evidence(self, answer_id: str) -> Answer | None:
        """The answer behind a "Show passages" button, if still remembered."""
        return self._evidence.get(answer_id)

    def _record(self, answer: Answer, user_id: int, guild_id: int | None,
                origin: str) -> tuple[str, bool]:
        me = self.bot.user  # the bot's own mention says nothing about the question: drop it
        question = (" ".join(re.sub(rf"<@!?{me.id}>", " ", answer.question).split()) if me
                    else answer.question)
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
