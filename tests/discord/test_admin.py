"""Admin commands: who may use them, /stats and /unanswered content, and /reindex."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import discord
import pytest
import simcord

from bot.tree import Refusal
from tests.discord.conftest import World, error_types


async def command_id(world: World, name: str) -> int:
    """The id Discord gave the guild command `name`."""
    commands = await world.bot.tree.fetch_commands(guild=discord.Object(world.guild.id))
    return next(c.id for c in commands if c.name == name)


ADMIN_COMMANDS = [("reindex", {}), ("stats", {}), ("unanswered", {"days": 3})]


@pytest.mark.parametrize(("name", "options"), ADMIN_COMMANDS)
async def test_admin_commands_refuse_members_and_look_alike_roles(
        world: World, name: str, options: dict[str, Any]) -> None:
    """A plain member, and one with a role merely named 'Admin', are refused at run time."""
    # Server owners can make hidden commands visible to everyone; the run-time check holds.
    world.guild.set_command_permissions(await command_id(world, name),
                                        {world.guild.default_role: True})
    for member in (world.alice, world.impostor):
        result = await member.slash(world.channel, name, **options)
        assert result.response.ephemeral
        assert result.response.content.startswith("This command is for admins")
    assert error_types(world.env) == [Refusal, Refusal]


@pytest.mark.parametrize(("name", "options"), ADMIN_COMMANDS)
async def test_admin_commands_are_hidden_from_members_by_default(
        world: World, name: str, options: dict[str, Any]) -> None:
    """Default permissions (Manage Server) hide admin commands from plain members."""
    assert name not in world.alice.available_commands(world.channel)
    assert name in world.manager.available_commands(world.channel)
    with pytest.raises(simcord.SetupError, match="not visible"):
        await world.alice.slash(world.channel, name, **options)


async def test_admin_commands_are_refused_in_direct_messages(world: World) -> None:
    """In DMs admin commands are not offered, and the run-time check refuses them too."""
    await world.bot.tree.sync()  # global commands, as `python -m bot sync` registers them
    user = world.env.create_user("dm-admin")
    assert "stats" not in user.available_commands()
    with pytest.raises(simcord.SetupError):
        await user.slash("stats")


async def test_manage_server_and_admin_role_id_are_accepted(world: World) -> None:
    """Manage Server permission, or the configured admin role id, let a member in."""
    # The role id passes the run-time check; the server lets the role see the command.
    world.guild.set_command_permissions(await command_id(world, "stats"),
                                        {world.admin_role: True})
    for member in (world.manager, world.role_admin):
        result = await member.slash(world.channel, "stats")
        assert result.response.embeds[0].title == "Statistics"


async def test_stats_reports_index_activity_and_feedback(world: World) -> None:
    """/stats shows index size, answered/abstained counts, votes and top questions."""
    answer = (await world.alice.slash(world.channel, "ask",
                                      question="When was the charter signed?")).response
    await world.alice.click(answer.message, label=None, custom_id=answer.components[0]
                            ["components"][1]["custom_id"])
    await world.alice.slash(world.channel, "ask", question="Is there a zoo on the moon?")
    result = await world.manager.slash(world.channel, "stats")
    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields["Index"].startswith("4 documents") and "12 programs" in fields["Index"]
    assert fields["Last 24 hours"] == "2 asked · 1 answered · 1 abstained · 👍 1 👎 0"
    assert fields["Feedback (7 days)"] == "100% 👍 (1)"
    assert "1× when was the charter signed?" in fields["Top questions (7 days)"]


async def test_unanswered_groups_abstained_and_downvoted_questions(world: World) -> None:
    """Similar abstained questions form one group, most frequent first; 👎 answers count."""
    for question in ("Is there a zoo on the moon?", "is there a zoo on the moon",
                     "How much does a flight to Mars cost?"):
        await world.alice.slash(world.channel, "ask", question=question)
    answer = (await world.bob.slash(world.channel, "ask",
                                    question="When was the charter signed?")).response
    await world.bob.click(answer.message, custom_id=answer.components[0]["components"][2]
                          ["custom_id"])
    world.guild.set_command_permissions(await command_id(world, "unanswered"),
                                        {world.admin_role: True})
    result = await world.role_admin.slash(world.channel, "unanswered", days=7)
    embed = result.response.embeds[0]
    assert result.response.ephemeral and "(3 groups)" in embed.title
    lines = embed.description.splitlines()
    assert lines[0].startswith("**2×** Is there a zoo on the moon?") or \
        lines[0].startswith("**2×** is there a zoo on the moon")
    assert any("When was the charter signed?" in line for line in lines)


async def test_reindex_reports_the_diff_records_it_and_posts_to_the_log(world: World) -> None:
    """A rebuild shows what changed and the build time; the DB and log channel get it too."""
    guide = world.bot.settings.corpus_dir / "documents/en/charter-en.md"
    guide.write_text(guide.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    result = await world.manager.slash(world.channel, "reindex")
    embed = result.response.embeds[0]
    assert result.response.ephemeral and embed.title == "Index rebuilt"
    assert "passages: +1 −0 ~0" in embed.description
    assert {f.name for f in embed.fields} == {"Build time", "Index"}
    row = world.bot.db.reindexes()[0]
    assert row["ok"] == 1 and row["origin"] == "discord"
    assert row["actor"] == world.bot.hash_user(world.manager.id)
    assert world.log_channel.last_message.embeds[0].title == "Index rebuilt"
    answer = await world.alice.slash(world.channel, "ask", question="When did the Nîmes "
                                     "partnership follow?")
    assert "1962" in answer.response.embeds[0].description


async def test_reindex_reload_picks_up_an_index_built_by_the_cli(world: World) -> None:
    """`/reindex mode:reload` swaps in an index someone built on the command line."""
    from indexer.index import build_and_save
    settings = world.bot.settings
    doc = settings.corpus_dir / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    build_and_save(settings.corpus_dir, settings.index_dir)
    result = await world.manager.slash(world.channel, "reindex", mode="reload")
    assert "passages: +1" in result.response.embeds[0].description
    again = await world.manager.slash(world.channel, "reindex", mode="reload")
    assert again.response.embeds[0].description == "No changes."
    assert len(world.bot.db.reindexes()) == 2


async def test_broken_corpus_shows_errors_and_keeps_the_old_index(world: World) -> None:
    """A broken file: the admin sees file-and-field errors, questions still get answers."""
    programs = world.bot.settings.corpus_dir / "programs"
    (programs / "broken.yaml").write_text("id: broken\nname: [unclosed\n", "utf-8")
    (programs / "incomplete.yaml").write_text("id: incomplete\nstatus: active\n", "utf-8")
    result = await world.manager.slash(world.channel, "reindex")
    embed = result.response.embeds[0]
    assert "problem(s); nothing was changed" in embed.title
    assert "broken.yaml" in embed.description and "incomplete.yaml" in embed.description
    assert embed.footer.text == "The bot keeps answering from the previous index."
    assert world.bot.db.reindexes()[0]["ok"] == 0
    answer = await world.alice.slash(world.channel, "ask", question="When was the charter "
                                     "signed?")
    assert "24 May 1960" in answer.response.embeds[0].description


def hold_the_swap(monkeypatch: pytest.MonkeyPatch, env: simcord.Env) -> asyncio.Event:
    """Pause a reindex after the build, before the swap, until the returned event is set."""
    gate = asyncio.Event()
    real: Callable[..., Awaitable[Any]] = asyncio.to_thread

    async def to_thread(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        if getattr(func, "__name__", "") == "_prepare" and not gate.is_set():
            await env.external_wait(gate.wait(), reason="test holds the index swap")
        return await real(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", to_thread)
    return gate


async def test_questions_are_answered_during_a_reindex_and_a_second_one_waits(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a reindex runs, questions come from the old index and a second /reindex is
    told one is running; after the swap, answers come from the new index."""
    doc = world.bot.settings.corpus_dir / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    gate = hold_the_swap(monkeypatch, world.env)
    first = await world.manager.slash(world.channel, "reindex")
    assert first.deferred and world.bot.live.busy
    during = await world.alice.slash(world.channel, "ask", question="When was the charter "
                                     "signed?")
    assert "24 May 1960" in during.response.embeds[0].description
    world.guild.set_command_permissions(await command_id(world, "reindex"),
                                        {world.admin_role: True})
    second = await world.role_admin.slash(world.channel, "reindex")
    assert second.response.content.startswith("A reindex is already running")
    assert not any("Nîmes" in p.text for p in world.bot.live.index.passages)
    gate.set()
    await world.env.settle()
    assert first.response.embeds[0].title == "Index rebuilt"
    assert any("Nîmes" in p.text for p in world.bot.live.index.passages)
    assert len(world.bot.db.reindexes()) == 1


async def test_background_poll_picks_up_a_cli_build_and_purge_runs_daily(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every INDEX_POLL_SECONDS a CLI-built index is swapped in (and logged); once a day
    old feedback is purged with the configured retention."""
    from indexer.index import build_and_save
    settings = world.bot.settings
    purged: list[int] = []
    monkeypatch.setattr(world.bot.db, "purge", lambda days: purged.append(days) or 0)
    doc = settings.corpus_dir / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    build_and_save(settings.corpus_dir, settings.index_dir)
    assert not any("Nîmes" in p.text for p in world.bot.live.index.passages)
    await world.env.advance_time(settings.index_poll_seconds + 1)
    assert any("Nîmes" in p.text for p in world.bot.live.index.passages)
    assert "rebuilt outside the bot" in world.log_channel.last_message.content
    await world.env.advance_time(24 * 3600)
    assert purged and set(purged) == {settings.feedback_retention_days}


async def test_the_run_time_admin_check_refuses_direct_messages() -> None:
    """Even if a client sent an admin command from a DM, the check refuses it."""
    from unittest.mock import MagicMock

    from bot.exts.admin._checks import _check

    interaction = MagicMock(spec=discord.Interaction)
    interaction.guild = None
    interaction.locale = discord.Locale.german
    with pytest.raises(Refusal, match="nur auf einem Server"):
        await _check(interaction)


def options(message: Any) -> dict[str, str]:
    """label → value of the (first) select menu on a message."""
    for row in message.components:
        for child in row["components"]:
            if child["type"] == 3:
                return {o["label"]: o["value"] for o in child["options"]}
    return {}


async def _youth_passage_preview(world: World) -> Any:
    """/unanswered → the first declined question → search "youth centre" → the youth
    passage's preview (with the attach and known-gap buttons)."""
    listing = (await world.manager.slash(world.channel, "unanswered")).response
    picker = (await world.manager.select(listing.message, ["0"])).response
    shown = await world.manager.click(picker.message, label="Search other words")
    found = (await world.manager.submit_modal(shown, {"words": "youth centre"})).response
    youth = next(value for label, value in options(found).items() if "Youth" in label)
    return (await world.manager.select(found.message, [youth])).response


async def _filed(world: World, preview: Any, button: str, title: str, folder: str,
                 question: str) -> Any:
    """Click `button` on the youth passage's preview: the report has `title`, names the file
    under corpus/<folder>/, and that file ends with the question under the passage's anchor."""
    done = await world.manager.click(preview.message, label=button)
    report = done.response.embeds[0]
    assert report.title == title
    assert f"Written to `corpus/{folder}/en/charter.yaml`" in report.description
    written = world.bot.settings.corpus_dir / folder / "en/charter.yaml"
    assert written.read_text("utf-8").endswith(f'"charter-en#youth/1":\n  - {question}\n')
    return report


async def test_unanswered_attaches_a_declined_question_to_its_passage(world: World) -> None:
    """From /unanswered an admin picks a declined question, finds the passage (here by
    searching other words), confirms; the question is written to the question bank, the
    index rebuilt, and the result reported."""
    question = "When did the teen club start?"
    declined = await world.alice.slash(world.channel, "ask", question=question)
    assert declined.response.ephemeral
    listing = (await world.manager.slash(world.channel, "unanswered")).response
    assert list(options(listing)) == [question]
    picker = (await world.manager.select(listing.message, ["0"])).response
    assert picker.ephemeral and f"Which passage answers “{question}”" in \
        picker.embeds[0].description
    shown = await world.manager.click(picker.message, label="Search other words")
    found = (await world.manager.submit_modal(shown, {"words": "youth centre"})).response
    youth = next(value for label, value in options(found).items() if "Youth" in label)
    preview = (await world.manager.select(found.message, [youth])).response
    assert "youth centre opened in 1976" in preview.embeds[0].description
    assert preview.embeds[0].footer.text == "charter-en#youth/1"
    report = await _filed(world, preview, "Attach and reindex",
                          "Question attached, index rebuilt", "bank", question)
    now = {field.name: field.value for field in report.fields}["The question now gets"]
    answer = world.bot.live.engine.ask(question, "en", "en")
    assert now == (answer.text if not answer.abstained else
                   "still no answer: the passage alone does not cover the question well enough.")
    assert world.bot.db.reindexes()[0]["ok"] == 1
    assert world.log_channel.last_message.embeds[0].title == "Index rebuilt"


async def test_attaching_to_a_broken_corpus_leaves_the_bank_as_it_was(world: World) -> None:
    """When the rebuild fails the new bank entry is taken back and the errors are shown."""
    await world.alice.slash(world.channel, "ask", question="When did the teen club start?")
    (world.bot.settings.corpus_dir / "programs/broken.yaml").write_text("id: [", "utf-8")
    preview = await _youth_passage_preview(world)
    done = await world.manager.click(preview.message, label="Attach and reindex")
    assert "nothing was changed" in done.response.embeds[0].title
    assert not (world.bot.settings.corpus_dir / "bank/en/charter.yaml").exists()
    assert world.bot.db.reindexes()[0]["ok"] == 0
async def test_stats_attaches_a_chart_of_questions_outcomes_and_votes(world: World) -> None:
    """/stats carries a PNG chart in its embed (questions by language, answered and
    declined, votes), drawn from what was asked."""
    answer = (await world.alice.slash(world.channel, "ask",
                                      question="When was the charter signed?")).response
    await world.alice.click(answer.message, custom_id=answer.components[0]["components"][1]
                            ["custom_id"])
    await world.alice.slash(world.channel, "ask", question="Is there a zoo on the moon?")
    result = await world.manager.slash(world.channel, "stats")
    card = result.response.embeds[0]
    [attachment] = result.response.attachments
    assert result.response.ephemeral and attachment.filename == "stats.png"
    assert card.image.url == "attachment://stats.png"
    assert (await attachment.read()).startswith(b"\x89PNG\r\n\x1a\n")


async def test_stats_without_a_chart_still_gives_the_numbers(
        world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """If the chart cannot be drawn, the embed comes without it and the log says why."""
    from bot.reports import charts

    def broken(*_: object) -> bytes:
        raise RuntimeError("no fonts")

    monkeypatch.setattr(charts, "stats_png", broken)
    result = await world.manager.slash(world.channel, "stats")
    assert result.response.embeds[0].title == "Statistics"
    assert result.response.attachments == [] and "could not draw the /stats chart" in caplog.text


async def test_unanswered_files_a_question_the_corpus_does_not_answer_as_a_known_gap(
        world: World) -> None:
    """The other way out of /unanswered: the passage is about the question's subject but
    does not answer it; "Not covered" files it under corpus/gaps/, rebuilds, and says what
    the question gets now."""
    question = "Who designed the teen club's logo?"
    await world.alice.slash(world.channel, "ask", question=question)
    preview = await _youth_passage_preview(world)
    report = await _filed(world, preview, "Not covered: file as a known gap",
                          "Filed as a known gap, index rebuilt", "gaps", question)
    assert not (world.bot.settings.corpus_dir / "bank/en/charter.yaml").exists()
    row = next(i for i, p in enumerate(world.bot.live.index.passages)
               if p.anchor == "charter-en#youth/1")
    assert world.bot.live.index.gaps[row] == [question]
    now = {field.name: field.value for field in report.fields}["The question now gets"]
    answer = world.bot.live.engine.ask(question, "en", "en")
    assert now.startswith("a decline") == answer.abstained
