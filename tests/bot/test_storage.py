"""The database layer: votes, abstentions, grouping, retention, export — on SQLite and on
PostgreSQL (a real server: TEST_DATABASE_URL, which .ci/run sets; skipped without one)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage import Database, DatabaseError, user_hasher
from bot.storage.grouping import group_questions
from tests.postgres import postgres_url

Store = Database  # or PostgresDatabase: the same public interface


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        store = Database(tmp_path / "data" / "bot.sqlite3")
        yield store
        store.close()
        return
    from bot.storage.postgres import PostgresDatabase

    with postgres_url() as url:
        store = PostgresDatabase(url)  # type: ignore[assignment]
        yield store
        store.close()


def record(db: Store, question: str = "When was it founded?", abstained: bool = False,
           user: str = "u1") -> str:
    return db.record_answer(question=question, language="en", abstained=abstained,
                            user_hash=user, guild_id=1, sources=["city"], passages=["x#0"])


def test_one_vote_per_user_and_changing_it(db: Store) -> None:
    answer = record(db)
    assert db.vote(answer, "alice", 1)
    assert db.vote(answer, "bob", 1)
    assert db.votes_for(answer) == (2, 0)
    assert db.vote(answer, "alice", -1)
    assert db.votes_for(answer) == (1, 1)


def test_vote_on_unknown_answer_is_refused(db: Store) -> None:
    assert not db.vote("no-such-answer", "alice", 1)


def test_unanswered_lists_abstentions_and_downvotes(db: Store) -> None:
    record(db, "weather in Braunschweig?", abstained=True)
    liked = record(db, "When was the charter signed?")
    disliked = record(db, "Who founded GGM?")
    db.vote(liked, "a", 1)
    db.vote(disliked, "a", -1)
    questions = {row["question"] for row in db.unanswered(days=7)}
    assert questions == {"weather in Braunschweig?", "Who founded GGM?"}


def test_activity_counts(db: Store) -> None:
    record(db, abstained=True)
    answer = record(db)
    db.vote(answer, "x", 1)
    assert db.activity(hours=24) == {"asked": 2, "answered": 1, "abstained": 1, "up": 1,
                                     "down": 0}


def test_purge_removes_old_rows_and_their_votes(db: Store) -> None:
    answer = record(db)
    db.vote(answer, "x", 1)
    db._db.execute("UPDATE answers SET asked_at = '2000-01-01T00:00:00+00:00'")
    assert db.purge(retention_days=30) == 1
    assert db.votes_for(answer) == (0, 0)


def test_sqlite_stores_user_ids_only_as_salted_hashes(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = Database(path)
    hashed = user_hasher(b"salt")(123456789012345678)
    record(db, user=hashed)
    db.close()
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert "123456789012345678" not in dump
    assert hashed != user_hasher(b"other salt")(123456789012345678)


def test_hostile_text_is_stored_verbatim(db: Store) -> None:
    """Parameterized statements: quotes and SQL in a question are just text."""
    question = "x'); DROP TABLE answers; --"
    record(db, question, abstained=True)
    assert db.unanswered(days=1)[0]["question"] == question


def test_export_json_and_csv(db: Store) -> None:
    record(db, "Apa itu GGM?")
    assert '"question": "Apa itu GGM?"' in db.export()
    assert db.export(as_csv=True).splitlines()[0].startswith("id,asked_at")


def test_wal_mode_and_migrations(tmp_path: Path) -> None:
    db = Database(tmp_path / "data" / "bot.sqlite3")
    assert db._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    again = Database(tmp_path / "data" / "bot.sqlite3")  # reopening does not re-migrate
    assert again._db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_postgres_processes_share_tables_salt_and_migrate_once() -> None:
    """Two bot processes on one PostgreSQL database: migrated once, one salt, one history."""
    from bot.storage.postgres import PostgresDatabase

    with postgres_url() as url:
        first, second = PostgresDatabase(url), PostgresDatabase(url)
        assert first.schema_version() == second.schema_version() == 1
        assert first.shared_salt() == second.shared_salt()
        answer = record(first)
        assert second.vote(answer, "alice", -1)
        assert first.votes_for(answer) == (0, 1)
        first.close()
        second.close()


def test_unreachable_postgres_gives_a_clear_message() -> None:
    from bot.storage.postgres import PostgresDatabase

    with pytest.raises(DatabaseError, match="cannot open the PostgreSQL database"):
        PostgresDatabase("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_unwritable_path_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DatabaseError, match="cannot open the database"):
        Database(blocker / "sub" / "bot.sqlite3")


def test_grouping_merges_similar_wording() -> None:
    rows = [("weather in Braunschweig today?", "en", "2"),
            ("Weather in Braunschweig today", "en", "1"),
            ("Who is the president of France?", "en", "3")]
    groups = group_questions(rows)
    assert [(g.count, g.example) for g in groups] == [
        (2, "weather in Braunschweig today?"), (1, "Who is the president of France?")]


def test_shard_cluster_settings() -> None:
    """SHARD_IDS picks this process's shards of SHARD_COUNT; nonsense is refused."""
    from pydantic import ValidationError

    from bot.settings import Settings

    settings = Settings(_env_file=None, shard_ids="2, 3", shard_count=4)  # type: ignore[arg-type]
    assert settings.shard_ids == [2, 3]
    for wrong in ({"shard_ids": "0,1"}, {"shard_ids": "3,4", "shard_count": 4},
                  {"shard_ids": "1,1", "shard_count": 4}):
        with pytest.raises(ValidationError, match="SHARD"):
            Settings(_env_file=None, **wrong)  # type: ignore[arg-type]


async def test_bot_runs_only_its_shards(tmp_path: Path) -> None:
    from bot.bot import SisterCityBot
    from bot.live import LiveIndex
    from bot.settings import Settings
    from indexer.index import build_and_save
    from tests.helpers import write_corpus

    corpus = write_corpus(tmp_path / "corpus")
    index, _ = build_and_save(corpus, tmp_path / "index")
    settings = Settings(_env_file=None, shard_ids="1", shard_count=3,  # type: ignore[arg-type]
                        corpus_dir=corpus, index_dir=tmp_path / "index")
    db = Database(tmp_path / "bot.sqlite3")
    bot = SisterCityBot(settings=settings, live=LiveIndex(index, corpus, tmp_path / "index"),
                        db=db, hash_user=user_hasher(b"s"))
    assert (bot.shard_ids, bot.shard_count) == ([1], 3)
    db.close()


def test_open_database_follows_database_url(tmp_path: Path) -> None:
    from bot.app import open_database
    from bot.settings import Settings

    db, salt = open_database(Settings(_env_file=None,  # type: ignore[call-arg]
                                      database_path=tmp_path / "bot.sqlite3"))
    assert isinstance(db, Database) and len(salt) == 32
    db.close()
    with postgres_url() as url:
        from bot.storage.postgres import PostgresDatabase

        shared, shared_salt = open_database(Settings(_env_file=None,  # type: ignore[call-arg]
                                                     database_url=url))
        again, again_salt = open_database(Settings(_env_file=None,  # type: ignore[call-arg]
                                                   database_url=url))
        assert isinstance(shared, PostgresDatabase) and again_salt == shared_salt
        shared.close()
        again.close()
