"""The database layer: votes, abstentions, grouping, retention, export — on SQLite and on
PostgreSQL (a real server: TEST_DATABASE_URL, which .ci/run sets; skipped without one)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.storage import Database, DatabaseError, Recorder, SaltError, Storage, user_hasher
from bot.storage.grouping import group_questions
from bot.storage.privacy import load_or_create_salt
from tests.postgres import postgres_url

if TYPE_CHECKING:
    from bot.storage.postgres import PostgresDatabase

Store = Database  # or PostgresDatabase: the same Storage interface


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


# -- faults: a lock held elsewhere, a damaged file, the salt, privacy ------------------------

def answer_fields(question: str = "When was it founded?") -> dict[str, Any]:
    return {"question": question, "language": "en", "abstained": False, "user_hash": "u1",
            "guild_id": 1, "sources": ["city"], "passages": ["x#0"]}


@dataclass
class Backend:
    """One database on one backend: `open()` connects to it again (as another process
    would), `hold_write_lock()` holds its write lock from another connection, `dump()` is
    every stored row as text."""

    name: str
    open: Callable[[], Storage]
    hold_write_lock: Callable[[], AbstractContextManager[None]]
    dump: Callable[[], str]


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        path = tmp_path / "bot.sqlite3"

        @contextmanager
        def sqlite_lock() -> Iterator[None]:
            other = sqlite3.connect(path, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            try:
                yield
            finally:
                other.execute("ROLLBACK")
                other.close()

        def sqlite_dump() -> str:
            with sqlite3.connect(path) as db:
                return "\n".join(db.iterdump())

        yield Backend("sqlite", lambda: Database(path), sqlite_lock, sqlite_dump)
        return
    import psycopg

    from bot.storage.postgres import PostgresDatabase

    with postgres_url() as url:
        @contextmanager
        def postgres_lock() -> Iterator[None]:
            with psycopg.connect(url) as other:  # a transaction until the block ends
                other.execute("LOCK TABLE answers IN EXCLUSIVE MODE")
                yield
                other.rollback()

        def postgres_dump() -> str:
            with psycopg.connect(url) as db:
                return "\n".join(repr(row) for table in ("answers", "votes", "reindexes")
                                 for row in db.execute(f"SELECT * FROM {table}"))

        PostgresDatabase(url).close()  # create the tables
        yield Backend("postgres", lambda: PostgresDatabase(url), postgres_lock, postgres_dump)


def test_a_write_lock_held_elsewhere_delays_the_write_not_the_caller(backend: Backend) -> None:
    """Another connection holds the write lock: recording returns at once, a vote on the
    still-queued answer is accepted, and both are stored, in order, once the lock clears."""
    recorder = Recorder(backend.open())
    with backend.hold_write_lock():
        started = time.perf_counter()
        answer_id = recorder.record_answer(**answer_fields())
        assert recorder.vote(answer_id, "alice", 1)
        assert time.perf_counter() - started < 0.1
        assert not recorder.flush(timeout=1.5)  # still waiting for the lock
        assert recorder.pending == 2
    assert recorder.flush(timeout=10)
    assert recorder.votes_for(answer_id) == (1, 0)
    assert recorder.export().count(answer_id) == 1
    recorder.close()


def test_closing_stores_what_is_queued(backend: Backend) -> None:
    recorder = Recorder(backend.open())
    ids = [recorder.record_answer(**answer_fields(f"question {n}")) for n in range(20)]
    recorder.close()
    again = backend.open()
    assert all(again.has_answer(i) for i in ids)
    again.close()


@pytest.mark.parametrize("damage", ["garbage", "damaged pages"])
def test_a_damaged_database_is_moved_aside_and_a_fresh_one_started(
        tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    """A file that is not a database, or fails its integrity check: one clear log line,
    the bad file kept beside for inspection, and a working new database."""
    path = tmp_path / "bot.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database\n" * 100)
    else:
        db = Database(path)
        for n in range(300):
            record(db, f"question {n} " + "x" * 200)
        db._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        data = bytearray(path.read_bytes())
        data[4096 * 2: 4096 * 4] = b"\xa5" * 8192
        path.write_bytes(bytes(data))
    bad = path.read_bytes()
    db = Database(path)
    assert record(db)
    assert db.activity(hours=1)["asked"] == 1
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and p.suffix != ".sqlite3-wal"]
    assert [p.read_bytes() for p in aside if not p.name.endswith(("-wal", "-shm"))] == [bad]
    assert "is damaged" in caplog.text and "moved it to" in caplog.text


def test_the_database_file_is_private(tmp_path: Path) -> None:
    """Created 0600 (the -wal file too); an existing world-readable file is tightened."""
    path = tmp_path / "bot.sqlite3"
    db = Database(path)
    record(db)
    for name in ("bot.sqlite3", "bot.sqlite3-wal"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600
    db.close()
    path.chmod(0o644)
    Database(path).close()
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("content", "says"), [
    (b"", "is empty"), (b"  \n", "is empty"), (b"not hex at all", "is not a salt"),
    (b"abcd", "shorter than the 16 needed"), (b"\xff\xfe", "is not a salt")])
def test_an_empty_or_malformed_salt_is_refused(tmp_path: Path, content: bytes,
                                               says: str) -> None:
    """HMAC with an empty salt is computable by anyone: refuse it, and say to restore the
    backed-up salt."""
    path = tmp_path / "bot.sqlite3.salt"
    path.write_bytes(content)
    with pytest.raises(SaltError, match=says) as caught:
        load_or_create_salt(path)
    assert "backup" in str(caught.value) and "\n" not in str(caught.value)


def test_a_new_salt_is_private_and_a_lost_one_is_reported(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "bot.sqlite3.salt"
    salt = load_or_create_salt(path)
    assert len(salt) == 32 and path.stat().st_mode & 0o777 == 0o600
    assert load_or_create_salt(path) == salt
    assert "no salt file" not in caplog.text
    path.unlink()
    assert load_or_create_salt(path, database_exists=True) != salt
    assert "can no longer be matched" in caplog.text


def test_stored_questions_carry_no_discord_ids(backend: Backend) -> None:
    """Mentions of users, roles and channels are stored as @user, @role, #channel."""
    recorder = Recorder(backend.open())
    recorder.record_answer(**answer_fields(
        "<@111111111111111111> ask <@!222222222222222222> and <@&333333333333333333> in "
        "<#444444444444444444>: when was the charter signed?"))
    recorder.close()
    dump = backend.dump()
    assert not any(digits * 6 in dump for digits in "1234")
    assert "@user ask @user and @role in #channel: when was the charter signed?" in dump


def test_a_lone_surrogate_is_stored_as_a_replacement_character(backend: Backend) -> None:
    recorder = Recorder(backend.open())
    recorder.record_answer(**answer_fields("\ud800 When was the charter signed?"))
    assert recorder.flush(timeout=5)
    assert '"question": "\ufffd When was the charter signed?"' in recorder.export()
    recorder.close()


def test_a_lost_postgres_connection_is_opened_again_and_the_write_stored() -> None:
    """A lost connection is a transient failure: the writer thread connects again and
    stores the write (SQLite has no connection to lose)."""
    import psycopg

    from bot.storage.postgres import PostgresDatabase

    with postgres_url() as url:
        store = PostgresDatabase(url)
        recorder = Recorder(store)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (store._db.info.backend_pid,))
        answer_id = recorder.record_answer(**answer_fields())
        assert recorder.flush(timeout=10)
        assert recorder.export().count(answer_id) == 1
        recorder.close()


def test_an_empty_or_malformed_shared_salt_is_refused() -> None:
    """The PostgreSQL salt lives in the database (the SQLite salt file is tested above)."""
    from bot.storage.postgres import PostgresDatabase

    with postgres_url() as url:
        _check_shared_salt(PostgresDatabase(url))


def _check_shared_salt(store: PostgresDatabase) -> None:
    assert len(store.shared_salt()) == 32
    for value, says in (("", "is empty"), ("zz", "is not a salt"), ("abcd", "shorter")):
        store._db.execute("UPDATE bot_settings SET value = %s WHERE key = 'user_salt'",
                          (value,))
        with pytest.raises(SaltError, match=says) as caught:
            store.shared_salt()
        assert "backup" in str(caught.value)
    store.close()


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
    db = Recorder(Database(tmp_path / "bot.sqlite3"))
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
