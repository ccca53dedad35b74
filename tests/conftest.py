from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from indexer.corpus import load_corpus
from indexer.index import SearchIndex
from tests.helpers import write_corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_project_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> None:
    """A developer's own .env beside pyproject.toml never leaks into a test, nor a shared
    database or shard cluster set in their environment."""
    import bot.settings

    monkeypatch.setattr(bot.settings, "PROJECT_ENV", tmp_path_factory.getbasetemp() / "no.env")
    for key in ("DATABASE_URL", "SHARD_IDS", "SHARD_COUNT"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """The project's own corpus, built once per test run into a temporary folder."""
    index = SearchIndex.build(load_corpus(REPO / "corpus"))
    index.save(tmp_path_factory.mktemp("index"))
    return index


@pytest.fixture(scope="session")
def engine(real_index: SearchIndex) -> AnswerEngine:
    return AnswerEngine(real_index)
