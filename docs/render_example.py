"""Draw the bot's real answer embed for a question as an SVG in Discord's dark theme.

    .venv/bin/python docs/render_example.py "When was the charter signed?" > docs/answer-en.svg

The embed comes from the same code the bot uses (`answer_embed`); only the drawing is here.
"""

from __future__ import annotations

import re
import sys
import textwrap
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.answers import AnswerEngine  # noqa: E402
from bot.exts.answers._render import answer_embed  # noqa: E402
from indexer.index import ensure_index  # noqa: E402

WIDTH, CHARS, LINE = 760, 92, 20
_LINK = re.compile(r"\[([^\]]+)\]\((<?)([^)>]+)>?\)")


def plain(markdown: str) -> str:
    """Markdown of the embed as the reader sees it: links show their text."""
    return _LINK.sub(r"\1", markdown).replace("**", "").replace("> ", "")


def main() -> None:
    question = sys.argv[1] if len(sys.argv) > 1 else "When was the partnership charter signed?"
    index = ensure_index(REPO / "corpus", REPO / ".index")
    embed = answer_embed(AnswerEngine(index).ask(question), index.corpus_date, index.sources)
    rows: list[tuple[str, str]] = [("title", embed.title or "")]
    for paragraph in plain(embed.description or "").split("\n"):
        rows += [("text", line) for line in textwrap.wrap(paragraph, CHARS) or [""]]
    for field in embed.fields:
        rows.append(("field", field.name or ""))
        for item in plain(field.value or "").split("\n"):
            rows += [("text", line) for line in textwrap.wrap(item, CHARS)]
    rows.append(("footer", embed.footer.text or ""))
    rows.append(("buttons", ""))
    height = 40 + LINE * len(rows) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'font-family="Helvetica, Arial, sans-serif">',
           f'<rect width="{WIDTH}" height="{height}" fill="#313338"/>',
           f'<rect x="16" y="16" width="{WIDTH - 32}" height="{height - 32}" rx="4" '
           'fill="#2b2d31"/>',
           f'<rect x="16" y="16" width="4" height="{height - 32}" fill="#'
           f'{embed.colour.value if embed.colour else 0x5865F2:06x}"/>']
    y = 44
    for kind, text in rows:
        style = {"title": 'font-size="16" font-weight="bold" fill="#f2f3f5"',
                 "field": 'font-size="14" font-weight="bold" fill="#f2f3f5"',
                 "footer": 'font-size="12" fill="#b5bac1"',
                 "text": 'font-size="14" fill="#dbdee1"'}.get(kind, "")
        if kind == "buttons":
            for n, label in enumerate(["Show passages", "👍", "👎"]):
                x = 32 + n * 130
                out.append(f'<rect x="{x}" y="{y - 14}" width="120" height="24" rx="3" '
                           'fill="#4e5058"/>')
                out.append(f'<text x="{x + 60}" y="{y + 3}" font-size="13" fill="#ffffff" '
                           f'text-anchor="middle">{escape(label)}</text>')
        else:
            out.append(f'<text x="32" y="{y}" {style}>{escape(text)}</text>')
        y += LINE
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
