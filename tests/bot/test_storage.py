"""The database layer: votes, abstentions, grouping, retention, export."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.storage import Database, DatabaseError, user_hasher
from bot.storage.grouping import group_questions


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
