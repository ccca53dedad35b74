"""Program records as embeds: the paginated list and the one-program card."""

from __future__ import annotations

import discord

from bot.citations import fact_support
from bot.exts.browse._partners import partner_name
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import embed, source_line
from indexer.models import ProgramRecord, Source

PER_PAGE = 8


def field_names(program: ProgramRecord, lang: str) -> str:
    return ", ".join(t(f"field.{f.value}", lang) for f in program.fields)


def list_pages(programs: list[ProgramRecord], lang: str, filters: str = "") -> list[discord.Embed]:
    """One embed per PER_PAGE programs: name, years, status and fields."""
    title = t("programs_title", lang, count=len(programs))
    if not programs:
        return [embed(title, t("programs_none", lang))]
    pages = []
    for group in limits.chunks(programs, PER_PAGE):
        lines = [f"**{discord.utils.escape_markdown(p.name.get(lang))}** · {p.years()} · "
                 f"{t(f'status.{p.status.value}', lang)}\n{field_names(p, lang)}" for p in group]
        page = embed(title, limits.join_lines(lines, limits.EMBED_DESCRIPTION))
        if filters:
            page.set_footer(text=filters)
        pages.append(page)
    return pages


def source_lines(ids: list[str], sources: dict[str, Source], lang: str) -> list[str]:
    """'[n] publisher: title (date) · reliability · link' for the given source ids, in order."""
    lines = []
    for number, source_id in enumerate(ids, 1):
        source = sources.get(source_id)
        lines.append(f"[{number}] " + (source_line(source, lang) if source else source_id))
    return lines


def program_card(program: ProgramRecord, sources: dict[str, Source], lang: str
                 ) -> discord.Embed:
    """Summary, fields, years, status, how to take part, partners and sources."""
    card = embed(program.name.get(lang), program.summary.get(lang))
    card.add_field(name=t("fields", lang), value=field_names(program, lang))
    card.add_field(name=t("years", lang), value=program.years())
    card.add_field(name=t("status", lang), value=t(f"status.{program.status.value}", lang))
    card.add_field(name=t("take_part", lang), value=program.how_to_take_part.get(lang),
                   inline=False)
    if program.partners:
        card.add_field(name=t("partners", lang), inline=False,
                       value=limits.join_lines([f"• {partner_name(p, lang)}"
                                                for p in program.partners],
                                               limits.FIELD_VALUE))
    card.add_field(name=t("sourcing", lang), value=fact_support(program.confidence.value, lang))
    card.add_field(name=t("sources", lang), inline=False,
                   value=limits.join_lines(source_lines(program.sources, sources, lang),
                                           limits.FIELD_VALUE))
    others = [program.name.get(other) for other in ("en", "id", "de") if other != lang]
    card.set_footer(text=" · ".join(dict.fromkeys(others)))
    return limits.fit_embed(card)
