"""The database layer: votes, abstentions, grouping, retention, export."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from bot.storage import Database, DatabaseError, Recorder, SaltError, user_hasher
from bot.storage.grouping import group_questions
from bot.storage.privacy import load_or_create_salt


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return Database(tmp_path / "data" / "bot.sqlite3")


def record(db: Database, question: str = "When was it founded?", abstained: bool = False,
           user: str = "u1") -> str:
    return db.record_answer(question=question, language="en", abstained=abstained,
                            user_hash=user, guild_id=1, sources=["city"], passages=["x#0"])


def test_one_vote_per_user_and_changing_it(db: Database) -> None:
    answer = record(db)
    assert db.vote(answer, "alice", 1)
    assert db.vote(answer, "bob", 1)
    assert db.votes_for(answer) == (2, 0)
    assert db.vote(answer, "alice", -1)
    assert db.votes_for(answer) == (1, 1)


def test_vote_on_unknown_answer_is_refused(db: Database) -> None:
    assert not db.vote("no-such-answer", "alice", 1)


def test_unanswered_lists_abstentions_and_downvotes(db: Database) -> None:
    record(db, "weather in Braunschweig?", abstained=True)
    liked = record(db, "When was the charter signed?")
    disliked = record(db, "Who founded GGM?")
    db.vote(liked, "a", 1)
    db.vote(disliked, "a", -1)
    questions = {row["question"] for row in db.unanswered(days=7)}
    assert questions == {"weather in Braunschweig?", "Who founded GGM?"}


def test_activity_counts(db: Database) -> None:
    record(db, abstained=True)
    answer = record(db)
    db.vote(answer, "x", 1)
    assert db.activity(hours=24) == {"asked": 2, "answered": 1, "abstained": 1, "up": 1,
                                     "down": 0}


def test_purge_removes_old_rows_and_their_votes(db: Database) -> None:
    answer = record(db)
    db.vote(answer, "x", 1)
    db._db.execute("UPDATE answers SET asked_at = '2000-01-01T00:00:00+00:00'")
    assert db.purge(retention_days=30) == 1
    assert db.votes_for(answer) == (0, 0)


def test_user_ids_are_stored_only_as_salted_hashes(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = Database(path)
    hashed = user_hasher(b"salt")(123456789012345678)
    record(db, user=hashed)
    db.close()
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert "123456789012345678" not in dump
    assert hashed != user_hasher(b"other salt")(123456789012345678)


def test_hostile_text_is_stored_verbatim(db: Database) -> None:
    """Parameterized statements: quotes and SQL in a question are just text."""
    question = "x'); DROP TABLE answers; --"
    record(db, question, abstained=True)
    assert db.unanswered(days=1)[0]["question"] == question


def test_export_json_and_csv(db: Database) -> None:
    record(db, "Apa itu GGM?")
    assert '"question": "Apa itu GGM?"' in db.export()
    assert db.export(as_csv=True).splitlines()[0].startswith("id,asked_at")


def test_wal_mode_and_migrations(db: Database, tmp_path: Path) -> None:
    assert db._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    again = Database(tmp_path / "data" / "bot.sqlite3")  # reopening does not re-migrate
    assert again._db.execute("PRAGMA user_version").fetchone()[0] == 1


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


def test_a_write_lock_held_elsewhere_delays_the_write_not_the_caller(tmp_path: Path) -> None:
    """Another connection holds the write lock: recording returns at once, a vote on the
    still-queued answer is accepted, and both are stored, in order, once the lock clears."""
    path = tmp_path / "bot.sqlite3"
    recorder = Recorder(Database(path))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started = time.perf_counter()
    answer_id = recorder.record_answer(**answer_fields())
    assert recorder.vote(answer_id, "alice", 1)
    assert time.perf_counter() - started < 0.1
    assert not recorder.flush(timeout=1.5)  # still waiting for the lock
    assert recorder.pending == 2
    other.execute("ROLLBACK")
    assert recorder.flush(timeout=10)
    assert recorder.votes_for(answer_id) == (1, 0)
    assert recorder.export().count(answer_id) == 1
    recorder.close()


def test_closing_stores_what_is_queued(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    recorder = Recorder(Database(path))
    ids = [recorder.record_answer(**answer_fields(f"question {n}")) for n in range(20)]
    recorder.close()
    again = Database(path)
    assert all(again.has_answer(i) for i in ids)


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


def test_stored_questions_carry_no_discord_ids(tmp_path: Path) -> None:
    """Mentions of users, roles and channels are stored as @user, @role, #channel."""
    path = tmp_path / "bot.sqlite3"
    recorder = Recorder(Database(path))
    recorder.record_answer(**answer_fields(
        "<@111111111111111111> ask <@!222222222222222222> and <@&333333333333333333> in "
        "<#444444444444444444>: when was the charter signed?"))
    recorder.close()
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert not any(digits * 6 in dump for digits in "1234")
    assert "@user ask @user and @role in #channel: when was the charter signed?" in dump


def test_a_lone_surrogate_is_stored_as_a_replacement_character(tmp_path: Path) -> None:
    recorder = Recorder(Database(tmp_path / "bot.sqlite3"))
    recorder.record_answer(**answer_fields("\ud800 When was the charter signed?"))
    assert recorder.flush(timeout=5)
    assert '"question": "\ufffd When was the charter signed?"' in recorder.export()
    recorder.close()
