"""What each member asked last, per channel or thread, for a few minutes: follow-ups such as
"And where?" read the topic from here (see bot.answers.followup for the rules)."""

from __future__ import annotations

import time
from collections import OrderedDict

from bot.answers.followup import Turn

FOLLOW_UP_SECONDS = 300.0  # how long a topic carries over
MAX_REMEMBERED = 5_000  # conversations (and answers) kept; the oldest are forgotten first


class Conversations:
    """(user, channel or thread) → the last answered question; answer id → its question."""

    def __init__(self, ttl: float = FOLLOW_UP_SECONDS) -> None:
        self.ttl = ttl
        self._recent: OrderedDict[tuple[int, int], tuple[Turn, float]] = OrderedDict()
        self._answers: OrderedDict[str, Turn] = OrderedDict()

    def recent(self, user_id: int, place_id: int) -> Turn | None:
        """The member's last question in this channel or thread, if it is recent enough."""
        entry = self._recent.get((user_id, place_id))
        if entry is None:
            return None
        turn, at = entry
        if time.monotonic() - at > self.ttl:  # looked up per call: test clocks stand in
            del self._recent[(user_id, place_id)]
            return None
        return turn

    def remember(self, user_id: int, place_id: int, turn: Turn) -> None:
        key = (user_id, place_id)
        self._recent.pop(key, None)
        self._recent[key] = (turn, time.monotonic())
        while len(self._recent) > MAX_REMEMBERED:
            self._recent.popitem(last=False)

    def forget(self, user_id: int, place_id: int) -> None:
        self._recent.pop((user_id, place_id), None)

    def remember_answer(self, answer_id: str, turn: Turn) -> None:
        """The question behind an answer, for its Follow up and thread buttons."""
        self._answers[answer_id] = turn
        while len(self._answers) > MAX_REMEMBERED:
            self._answers.popitem(last=False)

    def of_answer(self, answer_id: str) -> Turn | None:
        return self._answers.get(answer_id)
