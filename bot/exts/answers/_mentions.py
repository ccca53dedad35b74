"""Discord's mention syntax, which only the Discord front end sees: `<@123>`, `<@&456>`,
`<#789>`, `@everyone` and `@here` in a member's text are removed before the answer engine
reads it (the engine knows nothing of Discord)."""

from __future__ import annotations

import re

from bot.answers import clean_question

_MENTION = re.compile(r"<(@[!&]?|#)\d+>|(?<!\w)@(everyone|here)\b")


def without_mentions(text: str) -> str:
    """The member's text with every mention replaced by a space."""
    return _MENTION.sub(" ", text)


def question_text(text: str) -> str:
    """What the engine will read of a member's message: no mentions, no control characters."""
    return clean_question(without_mentions(text))
