"""The report as one self-contained HTML file: inline CSS and SVG charts, no external links
to load, readable offline and printable. Every question shown is escaped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from bot.reports.data import Activity, Gap
from bot.storage.grouping import QuestionGroup

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #222; max-width: 960px; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.15em; margin-top: 2em; }
.meta { color: #666; margin-top: 0; }
.numbers { display: flex; gap: 1em; flex-wrap: wrap; padding: 0; list-style: none; }
.numbers li { background: #f2f6fa; border-radius: 6px; padding: 0.6em 1em; }
.numbers b { display: block; font-size: 1.4em; }
figure { margin: 1.2em 0; } figure svg { width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.6em;
         border-bottom: 1px solid #ddd; }
th { background: #f2f6fa; } td.n { text-align: right; white-space: nowrap; }
.none { color: #666; font-style: italic; }
"""


@dataclass(frozen=True)
class Report:
    activity: Activity
    charts: dict[str, str]  # name → inline <svg>
    declined: list[QuestionGroup]
    gaps: list[Gap]
    topic_titles: dict[str, str]
    corpus_date: str
    generated: dt.datetime


def render(report: Report) -> str:
    a = report.activity
    answered, declined = sum(a.answered), sum(a.declined)
    share = f"{100 * answered / a.total:.0f}%" if a.total else "–"
    first, last = a.days[0].isoformat(), a.days[-1].isoformat()
    numbers = [("questions", a.total), ("answered", f"{answered} ({share})"),
               ("declined", declined), ("helpful votes", sum(a.up)),
               ("not helpful", sum(a.down))]
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Sister-city bot report, {first} to {last}</title>",
        f"<style>{STYLE}</style>", "</head>", "<body>",
        "<h1>Bandung–Braunschweig sister-city bot: report</h1>",
        f'<p class="meta">{len(a.days)} days, {first} to {last} (UTC) · corpus as of '
        f'{escape(report.corpus_date)} · made {report.generated:%Y-%m-%d %H:%M} UTC</p>',
        '<ul class="numbers">', *(f"<li><b>{escape(str(v))}</b>{k}</li>" for k, v in numbers),
        "</ul>",
        "<h2>Activity</h2>",
        *(f'<figure id="figure-{name}">{svg}</figure>' for name, svg in report.charts.items()),
        "<h2>Most frequent declined questions</h2>",
        _declined_table(report.declined),
        "<h2>Coverage gaps by topic</h2>",
        "<p>Declined and 👎 questions, by the corpus topic they come nearest to: where new "
        "text would help most.</p>",
        _gaps_table(report.gaps, report.topic_titles),
        "</body>", "</html>",
    ]
    return "\n".join(parts) + "\n"


def _declined_table(groups: list[QuestionGroup]) -> str:
    if not groups:
        return '<p class="none">No question was declined in this period.</p>'
    rows = "".join(
        f'<tr><td class="n">{g.count}×</td><td>{escape(g.example)}</td>'
        f'<td>{", ".join(sorted(g.languages))}</td><td>{escape(g.last_asked[:10])}</td></tr>'
        for g in groups)
    return ('<table id="declined"><thead><tr><th>times</th><th>question (an example of its '
            'wordings)</th><th>languages</th><th>last asked</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _gaps_table(gaps: list[Gap], titles: dict[str, str]) -> str:
    if not gaps:
        return '<p class="none">No declined or 👎 questions in this period.</p>'
    rows = "".join(
        f"<tr><td>{escape(titles.get(g.topic, g.topic))}</td><td class=\"n\">{g.declined}</td>"
        f'<td class="n">{g.downvoted}</td><td>'
        + "<br>".join(escape(q) for q in g.examples) + "</td></tr>"
        for g in gaps)
    return ('<table id="gaps"><thead><tr><th>topic</th><th>declined</th><th>👎</th>'
            f"<th>for example</th></tr></thead><tbody>{rows}</tbody></table>")
