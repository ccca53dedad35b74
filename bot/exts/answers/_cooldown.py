"""A per-user sliding-window rate limit, shared by /ask and mentions."""

from __future__ import annotations

import time
from collections import deque


class UserCooldown:
    """At most `rate` questions per user in any `per` seconds."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._hits: dict[int, deque[float]] = {}

    def hit(self, user_id: int) -> float:
        """Count one question; return 0 if allowed, else the seconds until the next is."""
        now = time.monotonic()  # looked up on each call so test clocks can stand in
        hits = self._hits.setdefault(user_id, deque())
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return self.per - (now - hits[0])
        hits.append(now)
        if len(self._hits) > 10_000:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        for user_id in [u for u, h in self._hits.items() if not h or now - h[-1] >= self.per]:
            del self._hits[user_id]
