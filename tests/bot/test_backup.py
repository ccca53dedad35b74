"""`backup`: a copy of the database and its salt, taken while the bot writes, restores every
answer and vote, and keeps each user recognisable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import cli
from bot.doctor import offline
from bot.settings import Settings
from bot.storage import Database, load_or_create_salt, user_hasher


def test_a_backup_taken_while_running_restores_votes_and_users(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "data" / "bot.sqlite3"
    salt = load_or_create_salt(live.with_name("bot.sqlite3.salt"))
    voter = user_hasher(salt)(4242)
    db = Database(live)  # left open, as in a running bot
    answer = db.record_answer(question="Kapan piagam ditandatangani?", language="id",
                              abstained=False, user_hash=voter, guild_id=1, sources=["city"],
                              passages=["charter-id#0"])
    db.vote(answer, voter, 1)
    assert cli.main(["backup", str(tmp_path / "backups"), "--database", str(live)]) == 0
    copies = capsys.readouterr().out.split("→ ")
    backup_db, backup_salt = Path(copies[1].split()[0]), Path(copies[2].strip())
    db.close()

    restored = tmp_path / "restored" / "bot.sqlite3"  # stop, copy both back, start
    restored.parent.mkdir()
    shutil.copyfile(backup_db, restored)
    shutil.copyfile(backup_salt, restored.with_name("bot.sqlite3.salt"))
    restored.with_name("bot.sqlite3.salt").chmod(0o600)
    again = Database(restored)
    assert again.votes_for(answer) == (1, 0)
    same_user = user_hasher(load_or_create_salt(restored.with_name("bot.sqlite3.salt")))(4242)
    assert same_user == voter and again.vote(answer, same_user, 1)
    assert again.votes_for(answer) == (1, 0)  # recognised: the same vote again, not a new one
    again.close()
    settings = Settings(database_path=restored)
    assert all(f.ok for f in offline.check_database(settings) + offline.check_salt(settings))
    assert backup_salt.stat().st_mode & 0o777 == backup_db.stat().st_mode & 0o777 == 0o600


def test_backup_without_a_database_or_salt_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bot.sqlite3"
    assert cli.main(["backup", str(tmp_path / "b"), "--database", str(path)]) == cli.FAILED
    assert capsys.readouterr().err.startswith(f"error: no database at {path}")
    Database(path).close()
    assert cli.main(["backup", str(tmp_path / "b"), "--database", str(path)]) == cli.FAILED
    assert "bot.sqlite3.salt is missing" in capsys.readouterr().err
