"""From /unanswered to a fix: attach a declined question to the passage that answers it.

The admin picks a question on the /unanswered page, then one of the passages the index finds
for it (or for other words), sees the passage and confirms. The question goes into the
question bank (corpus/bank/<lang>/<group>.yaml, see indexer.bank), the index is rebuilt
without downtime, and the admin is told what changed and whether the question is answered now.
When the passage is about the question's subject but the corpus does not answer it, the admin
files it as a known gap instead (corpus/gaps/<lang>/<group>.yaml): the answer gate then
declines questions like it rather than answer with a neighbouring fact.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from rapidfuzz import fuzz, process

from bot.exts.admin.reindex import result_embed
from bot.live import ReindexBusy
from bot.messages import t
from bot.ui import limits
from bot.ui.embeds import WARNING, echo, embed
from bot.ui.language import interaction_language
from indexer import bank
from indexer.passages import Passage

if TYPE_CHECKING:
    from bot.bot import SisterCityBot

log = logging.getLogger(__name__)

SEARCHED = 80  # passages retrieved before keeping those in the question's language
TIMEOUT_SECONDS = 600.0


@dataclass(frozen=True)
class Declined:
    """One group of /unanswered: a question as asked, and the language it was asked in."""

    question: str
    language: str


def passage_candidates(engine: Any, text: str, language: str,
                       limit: int = limits.SELECT_OPTIONS) -> list[Passage]:
    """Passages for `text`, best first, those in `language` only (bank files are per
    language) unless none is: BM25 through the engine's own query analysis, else a fuzzy
    match on titles, headings and anchors."""
    index = engine.index
    found: list[Passage] = []
    try:
        query = engine.analyzer.analyze(text, language, language)
        terms = query.terms() if callable(query.terms) else query.terms
        found = [index.passages[i] for i, _ in index.bm25.top(list(terms), SEARCHED)]
    except Exception:  # the engine's internals are not a stable API: fall back
        log.warning("passage search through the engine failed; matching titles", exc_info=True)
    if not found:
        everything = list(index.passages)
        labels = [f"{p.title} {p.heading} {p.anchor}" for p in everything]
        found = [everything[i] for _, _, i in process.extract(
            text, labels, scorer=fuzz.WRatio, limit=SEARCHED)]
    mine = [p for p in found if p.language == language]
    return (mine or found)[:limit]


def _label(passage: Passage) -> str:
    return f"{passage.title} — {passage.heading}" if passage.heading else passage.title


class QuestionSelect(discord.ui.Select[Any]):
    """The declined questions of one /unanswered page."""

    def __init__(self, questions: list[Declined], lang: str) -> None:
        self.questions = questions
        super().__init__(placeholder=t("attach_pick_question", lang), row=1, options=[
            discord.SelectOption(label=limits.truncate(q.question, limits.SELECT_LABEL),
                                 value=str(n), description=q.language)
            for n, q in enumerate(questions[:limits.SELECT_OPTIONS])])

    async def callback(self, interaction: discord.Interaction) -> None:
        chosen = self.questions[int(self.values[0])]
        await show_candidates(interaction, chosen, chosen.question)


async def show_candidates(interaction: discord.Interaction, chosen: Declined,
                          words: str) -> None:
    """The passages found for `words`, as a menu, with a button to search other words."""
    lang = interaction_language(interaction)
    bot: SisterCityBot = interaction.client  # type: ignore[assignment]
    found = passage_candidates(bot.live.engine, words, chosen.language)
    card = embed(t("attach_title", lang), t("attach_which", lang,
                                            question=echo(chosen.question, 300)))
    view = PassagePicker(chosen, found, lang)
    if interaction.response.is_done():
        await interaction.followup.send(embed=card, view=view, ephemeral=True)
    else:
        await interaction.response.send_message(embed=card, view=view, ephemeral=True)


class PassagePicker(discord.ui.View):
    """A menu of passages for one question, and a search for other words."""

    def __init__(self, chosen: Declined, found: list[Passage], lang: str) -> None:
        super().__init__(timeout=TIMEOUT_SECONDS)
        self.chosen = chosen
        self.found = found
        self.lang = lang
        if found:
            self.add_item(PassageSelect(found, lang))
        self.search.label = t("attach_search", lang)

    @discord.ui.button(style=discord.ButtonStyle.secondary, emoji="🔎", row=1)
    async def search(self, interaction: discord.Interaction,
                     button: discord.ui.Button[PassagePicker]) -> None:
        await interaction.response.send_modal(SearchModal(self.chosen, self.lang))


class PassageSelect(discord.ui.Select[PassagePicker]):
    def __init__(self, found: list[Passage], lang: str) -> None:
        super().__init__(placeholder=t("attach_pick_passage", lang), row=0, options=[
            discord.SelectOption(label=limits.truncate(_label(p), limits.SELECT_LABEL),
                                 value=str(n), description=limits.truncate(
                                     p.text, limits.SELECT_DESCRIPTION))
            for n, p in enumerate(found[:limits.SELECT_OPTIONS])])

    async def callback(self, interaction: discord.Interaction) -> None:
        view = self.view
        assert view is not None
        passage = view.found[int(self.values[0])]
        lang = interaction_language(interaction)
        card = embed(limits.truncate(_label(passage), limits.EMBED_TITLE), limits.truncate(
            passage.text, limits.EMBED_DESCRIPTION - 400))
        card.add_field(name=t("attach_question", lang), value=echo(view.chosen.question, 300),
                       inline=False)
        card.set_footer(text=passage.anchor)
        await interaction.response.send_message(
            embed=card, view=Confirm(view.chosen, passage, lang), ephemeral=True)


class SearchModal(discord.ui.Modal):
    def __init__(self, chosen: Declined, lang: str) -> None:
        super().__init__(title=t("attach_search", lang), timeout=TIMEOUT_SECONDS)
        self.chosen = chosen
        self.words: discord.ui.TextInput[SearchModal] = discord.ui.TextInput(
            label=t("attach_words", lang), custom_id="words", max_length=200,
            default=limits.truncate(chosen.question, 200))
        self.add_item(self.words)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await show_candidates(interaction, self.chosen, self.words.value)


class Confirm(discord.ui.View):
    """Attach and reindex, or cancel."""

    def __init__(self, chosen: Declined, passage: Passage, lang: str) -> None:
        super().__init__(timeout=TIMEOUT_SECONDS)
        self.chosen = chosen
        self.passage = passage
        self.attach.label = t("attach_confirm", lang)
        self.gap.label = t("attach_gap", lang)
        self.cancel.label = t("attach_cancel", lang)

    @discord.ui.button(style=discord.ButtonStyle.success, emoji="📎")
    async def attach(self, interaction: discord.Interaction,
                     button: discord.ui.Button[Confirm]) -> None:
        self.stop()
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(embed=await attach(interaction, self.chosen,
                                                           self.passage), ephemeral=True)

    @discord.ui.button(style=discord.ButtonStyle.secondary, emoji="🕳️")
    async def gap(self, interaction: discord.Interaction,
                  button: discord.ui.Button[Confirm]) -> None:
        self.stop()
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send(embed=await attach(
            interaction, self.chosen, self.passage, "gaps"), ephemeral=True)

    @discord.ui.button(style=discord.ButtonStyle.secondary)
    async def cancel(self, interaction: discord.Interaction,
                     button: discord.ui.Button[Confirm]) -> None:
        self.stop()
        await interaction.response.edit_message(
            content=t("attach_cancelled", interaction_language(interaction)), embed=None,
            view=None)


async def attach(interaction: discord.Interaction, chosen: Declined,
                 passage: Passage, folder: str = "bank") -> discord.Embed:
    """Write the question into the bank (`folder` "gaps": among the known gaps), rebuild,
    and say what happened; a rebuild that fails puts the file back as it was."""
    lang = interaction_language(interaction)
    bot: SisterCityBot = interaction.client  # type: ignore[assignment]
    question = " ".join(chosen.question.split())
    if len(question) > bank.MAX_QUESTION_CHARS:
        return embed(t("attach_too_long", lang, limit=bank.MAX_QUESTION_CHARS), colour=WARNING)
    root = bot.settings.corpus_dir
    path = bank.bank_path(root, passage.language, passage.anchor, folder)
    before = path.read_text("utf-8") if path.exists() else None
    bank.add_question(root, passage.language, passage.anchor, question, folder)
    try:
        result = await bot.live.reindex()
    except ReindexBusy:
        result = None
    if result is not None:
        reindexer = bot.get_cog("Reindex")
        if reindexer is not None:
            reindexer.record(interaction.user.id, result)  # type: ignore[attr-defined]
        await bot.post_log(embed=result_embed(result, "en"))
    if result is None or not result.ok:
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(before, "utf-8")
        return result_embed(result, lang) if result else embed(t("reindex_busy", lang),
                                                               colour=WARNING)
    card = result_embed(result, lang)
    card.title = t("attach_done" if folder == "bank" else "attach_gap_done", lang)
    card.description = "\n".join(filter(None, [t("attach_written", lang, file=path.relative_to(
        root.parent).as_posix()), card.description]))
    answer = bot.live.engine.ask(question, chosen.language, chosen.language)
    declined = "attach_still_declined" if folder == "bank" else "attach_gap_declined"
    card.add_field(name=t("attach_now", lang), inline=False, value=t(
        declined, lang) if answer.abstained else limits.truncate(
        answer.text, limits.FIELD_VALUE))
    return limits.fit_embed(card)
