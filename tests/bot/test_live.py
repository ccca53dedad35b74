"""Reindexing swaps the index whole, one at a time, and never loses the live one."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.live import LiveIndex, ReindexBusy
from indexer.index import build_and_save


@pytest.fixture
def live(small_corpus: Path, tmp_path: Path) -> LiveIndex:
    index, _ = build_and_save(small_corpus, tmp_path / "index")
    return LiveIndex(index, small_corpus, tmp_path / "index")


def add_paragraph(corpus: Path) -> None:
    doc = corpus / "documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nThe Nîmes partnership followed in 1962.\n")


async def test_reindex_swaps_in_the_new_corpus_and_reports_the_diff(
        live: LiveIndex, small_corpus: Path) -> None:
    add_paragraph(small_corpus)
    result = await live.reindex()
    assert result.ok
    assert result.changes["passages"].added == ["charter-en#2"]
    assert any("Nîmes" in p.text for p in live.index.passages)


async def test_questions_are_answered_from_the_old_index_during_a_reindex(
        live: LiveIndex, small_corpus: Path) -> None:
    add_paragraph(small_corpus)
    old_engine = live.engine
    task = asyncio.create_task(live.reindex())
    answers = []
    while not task.done():
        answers.append(live.engine.ask("When was the charter signed?"))
        await asyncio.sleep(0.01)
    assert (await task).ok
    assert answers and all(not a.abstained for a in answers)
    assert live.engine is not old_engine


async def test_second_reindex_is_told_one_is_running(live: LiveIndex) -> None:
    first = asyncio.create_task(live.reindex())
    await asyncio.sleep(0)
    with pytest.raises(ReindexBusy):
        await live.reindex()
    assert (await first).ok


async def test_broken_corpus_leaves_the_live_index(live: LiveIndex, small_corpus: Path) -> None:
    before = live.index
    (small_corpus / "programs/bridge.yaml").write_text("id: [unclosed")
    result = await live.reindex()
    assert not result.ok
    assert any("bridge.yaml" in p and "invalid YAML" in p for p in result.problems)
    assert live.index is before
    assert not live.engine.ask("When was the charter signed?").abstained


async def test_an_index_rebuilt_by_the_cli_is_picked_up(live: LiveIndex, small_corpus: Path,
                                                       tmp_path: Path) -> None:
    assert not await live.reload_if_changed()
    add_paragraph(small_corpus)
    build_and_save(small_corpus, tmp_path / "index")
    assert await live.reload_if_changed()
    assert any("Nîmes" in p.text for p in live.index.passages)
