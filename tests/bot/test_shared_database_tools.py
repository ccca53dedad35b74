"""The terminal tools with DATABASE_URL: doctor checks the PostgreSQL database (not a SQLite
file), feedback and report read it, backup points to pg_dump; --database still means SQLite.
On a real server (TEST_DATABASE_URL, which .ci/run sets; skipped without one)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import cli
from bot.doctor import cli as doctor
from bot.settings import Settings
from bot.storage import Database
from tests.postgres import postgres_url


@pytest.fixture
def url() -> Iterator[str]:
    with postgres_url() as found:
        yield found


def settings(url: str, tmp_path: Path, small_corpus: Path) -> Settings:
    return Settings(_env_file=None, database_url=url,  # type: ignore[call-arg]
                    corpus_dir=small_corpus, index_dir=tmp_path / "index",
                    database_path=tmp_path / "no-such-dir" / "bot.sqlite3")


def storage_lines(found: Settings) -> list[str]:
    return [f.line() for f in doctor.findings(found) if f.topic in ("database", "salt")]


def test_doctor_checks_the_postgresql_database_not_the_sqlite_file(
        url: str, tmp_path: Path, small_corpus: Path) -> None:
    from bot.storage.postgres import PostgresDatabase

    configured = settings(url, tmp_path, small_corpus)
    fresh = storage_lines(configured)  # no tables yet: the bot makes them, nothing is wrong
    assert [line.split()[0] for line in fresh] == ["ok", "ok"], fresh
    assert "reachable; no tables yet" in fresh[0] and "bot.sqlite3" not in " ".join(fresh)

    db = PostgresDatabase(url)
    db.shared_salt()
    db.record_answer(question="q", language="en", abstained=False, user_hash="h", guild_id=1,
                     sources=[], passages=[])
    database, salt = storage_lines(configured)
    assert database.startswith("ok") and "1 recorded answers, schema 1" in database
    assert salt.startswith("ok") and "well-formed" in salt

    db._db.execute("UPDATE bot_settings SET value = 'nope' WHERE key = 'user_salt'")
    [salt] = [line for line in storage_lines(configured) if "salt:" in line]
    assert salt.startswith("PROBLEM") and "is not a salt" in salt
    db._db.execute("DELETE FROM bot_settings WHERE key = 'user_salt'")
    [salt] = [line for line in storage_lines(configured) if "salt:" in line]
    assert salt.startswith("PROBLEM") and "holds answers but no 'user_salt'" in salt
    db.close()


def test_doctor_names_an_unreachable_database_without_its_password(
        tmp_path: Path, small_corpus: Path) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    unreachable = "postgresql://bot:hunter2secret@127.0.0.1:9/bot?connect_timeout=2"
    lines = storage_lines(settings(unreachable, tmp_path, small_corpus))
    assert len(lines) == 1 and lines[0].startswith("PROBLEM  database: cannot reach "
                                                   "PostgreSQL bot@127.0.0.1:9/bot")
    assert "hunter2secret" not in lines[0]


def test_feedback_and_report_read_postgresql_and_backup_points_to_pg_dump(
        url: str, tmp_path: Path, small_corpus: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from bot.storage.postgres import PostgresDatabase

    db = PostgresDatabase(url)
    db.record_answer(question="Apa itu GGM?", language="id", abstained=True, user_hash="h",
                     guild_id=1, sources=[], passages=[])
    db.close()
    monkeypatch.setenv("DATABASE_URL", url)
    paths = ["--corpus", str(small_corpus), "--index", str(tmp_path / "index")]
    assert cli.main(["feedback", "export", *paths]) == cli.OK
    assert json.loads(capsys.readouterr().out.splitlines()[0])["question"] == "Apa itu GGM?"
    assert cli.main(["report", "--html", str(tmp_path / "r.html"), *paths]) == cli.OK
    assert "1 questions in 30 days" in capsys.readouterr().out
    assert "Apa itu GGM?" in (tmp_path / "r.html").read_text()
    assert cli.main(["backup", str(tmp_path / "b"), *paths]) == cli.FAILED
    assert "pg_dump" in capsys.readouterr().err and not (tmp_path / "b").exists()

    sqlite = tmp_path / "bot.sqlite3"  # --database names a SQLite file, DATABASE_URL or not
    Database(sqlite).close()
    assert cli.main(["feedback", "export", "--database", str(sqlite), *paths]) == cli.OK
    assert capsys.readouterr().out.strip() == ""
