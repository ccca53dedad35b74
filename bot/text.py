"""Text that can always be encoded: the front ends pass what users type through here.

Python strings can hold lone surrogates ("\ud800" from a JSON escape, "\udcff" from an
undecodable command-line byte). UTF-8 cannot encode them, so printing, JSON output, SQLite and
Discord all fail on them. Valid surrogate pairs become the character they stand for; a lone
surrogate becomes U+FFFD, the replacement character.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(text: str) -> str:
    """`text` with every lone surrogate replaced, so it encodes to UTF-8."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
