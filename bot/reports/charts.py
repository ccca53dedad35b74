"""Charts of the bot's activity, drawn with matplotlib: one PNG for /stats, SVGs for the report.

matplotlib is imported inside the functions (it takes a good part of a second), so nothing
that merely imports this module, and nothing that answers questions, pays for it. Figures are
built with the object API, not pyplot, so drawing in a worker thread is safe.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.reports.data import LANGUAGES, Activity

if TYPE_CHECKING:
    from matplotlib.axes import Axes

COLOURS = {"en": "#1f6fb2", "id": "#c8102e", "de": "#e0a800", "answered": "#2e8b57",
           "declined": "#9e9e9e", "up": "#2e8b57", "down": "#c8102e"}
LABELS = {
    "languages": {"en": "Questions per day, by language", "id": "Pertanyaan per hari, "
                  "menurut bahasa", "de": "Fragen pro Tag, nach Sprache"},
    "outcomes": {"en": "Answered and declined", "id": "Dijawab dan tidak dijawab",
                 "de": "Beantwortet und abgelehnt"},
    "votes": {"en": "Votes on answers (helpful / not helpful)", "id": "Penilaian jawaban "
              "(membantu / tidak membantu)", "de": "Bewertungen (hilfreich / nicht hilfreich)"},
    "answered": {"en": "answered", "id": "dijawab", "de": "beantwortet"},
    "declined": {"en": "declined", "id": "tidak dijawab", "de": "abgelehnt"},
    "up": {"en": "helpful", "id": "membantu", "de": "hilfreich"},
    "down": {"en": "not helpful", "id": "tidak membantu", "de": "nicht hilfreich"},
    "en": {"en": "English", "id": "Inggris", "de": "Englisch"},
    "id": {"en": "Indonesian", "id": "Indonesia", "de": "Indonesisch"},
    "de": {"en": "German", "id": "Jerman", "de": "Deutsch"},
}
CHARTS = ("languages", "outcomes", "votes")


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang, LABELS[key]["en"])


def stats_png(activity: Activity, lang: str = "en") -> bytes:
    """The three charts stacked in one image, for the /stats embed."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 7.5), dpi=100, layout="constrained")
    axes = figure.subplots(3, 1, sharex=True)
    for ax, name in zip(axes, CHARTS, strict=True):
        _DRAW[name](ax, activity, lang)
    _days_axis(axes[-1], activity)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def chart_svgs(activity: Activity, lang: str = "en") -> dict[str, str]:
    """Each chart as an inline <svg> element (text kept as text), by name."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    found = {}
    for name in CHARTS:
        figure = Figure(figsize=(9, 3.2), dpi=100, layout="constrained")
        ax = figure.subplots()
        _DRAW[name](ax, activity, lang)
        _days_axis(ax, activity)
        buffer = io.StringIO()
        with rc_context({"svg.fonttype": "none"}):  # text stays text: searchable, smaller
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        found[name] = _inline(buffer.getvalue(), name, label(name, lang))
    return found


def _inline(svg: str, name: str, title: str) -> str:
    """The <svg> element alone (no XML prolog, DOCTYPE or RDF metadata), its ids prefixed so
    several charts can share one page, labelled for screen readers."""
    element = re.sub(r"<metadata>.*?</metadata>\s*", "", svg[svg.index("<svg"):],
                     flags=re.DOTALL)
    element = re.sub(r'\bid="', f'id="{name}-', element)
    element = element.replace("url(#", f"url(#{name}-").replace('href="#', f'href="#{name}-')
    return re.sub(r"^<svg\b", f'<svg id="chart-{name}" role="img" aria-label="{title}"',
                  element, count=1)


def _languages(ax: Axes, activity: Activity, lang: str) -> None:
    x = range(len(activity.days))
    bottom = [0] * len(activity.days)
    for code in LANGUAGES:
        counts = activity.by_language[code]
        ax.bar(x, counts, bottom=bottom, color=COLOURS[code], label=label(code, lang))
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    _finish(ax, label("languages", lang))


def _outcomes(ax: Axes, activity: Activity, lang: str) -> None:
    x = range(len(activity.days))
    ax.bar(x, activity.answered, color=COLOURS["answered"], label=label("answered", lang))
    ax.bar(x, activity.declined, bottom=activity.answered, color=COLOURS["declined"],
           label=label("declined", lang))
    _finish(ax, label("outcomes", lang))


def _votes(ax: Axes, activity: Activity, lang: str) -> None:
    x = range(len(activity.days))
    ax.bar(x, activity.up, color=COLOURS["up"], label=label("up", lang))
    ax.bar(x, [-n for n in activity.down], color=COLOURS["down"], label=label("down", lang))
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.yaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    _finish(ax, label("votes", lang))


_DRAW: dict[str, Callable[[Axes, Activity, str], None]] = {
    "languages": _languages, "outcomes": _outcomes, "votes": _votes}


def _finish(ax: Axes, title: str) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.set_title(title, loc="left", fontsize=11)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", fontsize=8, frameon=False, ncols=3)
    ax.margins(y=0.25)


def _days_axis(ax: Axes, activity: Activity) -> None:
    step = max(1, len(activity.days) // 10)
    ticks = list(range(0, len(activity.days), step))
    ax.set_xticks(ticks, [activity.days[i].strftime("%d %b") for i in ticks], fontsize=8)

