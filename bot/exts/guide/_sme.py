"""The pieces of /sme: the size classification and the guide's pages from the corpus."""

from __future__ import annotations

import discord

from bot.messages import t
from bot.sme import classify_capital, classify_sales, parse_rupiah
from bot.sme.classes import CAPITAL_LIMITS, RULE_SOURCES, SALES_LIMITS
from bot.ui import limits
from bot.ui.embeds import embed, source_line
from indexer.index import SearchIndex

GUIDE_TOPIC = "sme-guide"  # the corpus topic of the SME guide documents


def rupiah(amount: int, lang: str) -> str:
    """'Rp 750,000,000' in English, 'Rp 750.000.000' in Indonesian and German."""
    text = f"{amount:,}"
    return "Rp " + (text if lang == "en" else text.replace(",", "."))


def _ranges(table: tuple[tuple[int, str], ...], lang: str) -> str:
    lines, lower = [], 0
    for ceiling, name in table:
        lines.append(t("class_range", lang, cls=t(f"class.{name}", lang),
                       low=rupiah(lower, lang), high=rupiah(ceiling, lang)))
        lower = ceiling
    return "\n".join(lines)


def classification(capital: str | None, sales: str | None, index: SearchIndex, lang: str
                   ) -> discord.Embed:
    """The class of the business under PP 7/2021, with the rule and its sources.
    The amounts must already have been checked with parse_rupiah."""
    rule = t("sme_rule", lang)
    card = embed(t("sme_class_title", lang), t("sme_class_intro", lang, rule=rule))
    if capital:
        amount = parse_rupiah(capital)
        card.add_field(name=t("capital", lang), inline=False, value=t(
            "classified", lang, amount=rupiah(amount, lang),
            cls=t(f"class.{classify_capital(amount).value}", lang)))
    if sales:
        amount = parse_rupiah(sales)
        card.add_field(name=t("annual_sales", lang), inline=False, value=t(
            "classified", lang, amount=rupiah(amount, lang),
            cls=t(f"class.{classify_sales(amount).value}", lang)))
    if not capital and not sales:
        card.add_field(name=t("by_capital", lang), value=_ranges(CAPITAL_LIMITS, lang),
                       inline=False)
        card.add_field(name=t("by_sales", lang), value=_ranges(SALES_LIMITS, lang),
                       inline=False)
    cited = [index.sources[s] for s in RULE_SOURCES if s in index.sources]
    card.add_field(name=t("rule", lang), inline=False, value=limits.join_lines(
        [rule] + [f"• {source_line(s, lang)}" for s in cited],
        limits.FIELD_VALUE))
    return limits.fit_embed(card)


def guide_pages(index: SearchIndex, lang: str) -> list[discord.Embed]:
    """One page per section of the corpus's SME guide, in `lang` (else English)."""
    for language in (lang, "en", "id", "de"):
        passages = [p for p in index.passages
                    if p.topic == GUIDE_TOPIC and p.kind == "document" and p.language == language]
        if passages:
            break
    sections: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for passage in passages:
        sections.setdefault(passage.heading, []).append(passage.text)
        sources.setdefault(passage.heading, []).extend(passage.sources)
    pages = []
    for heading, texts in sections.items():
        page = embed(limits.truncate(heading or t("sme_guide", lang), limits.EMBED_TITLE),
                     limits.truncate("\n\n".join(texts), limits.EMBED_DESCRIPTION - 500))
        cited = [index.sources[s] for s in dict.fromkeys(sources[heading]) if s in index.sources]
        if cited:
            page.add_field(name=t("sources", lang), value=limits.join_lines(
                [f"• {source_line(s, lang)}" for s in cited],
                limits.FIELD_VALUE))
        pages.append(limits.fit_embed(page))
    return pages
