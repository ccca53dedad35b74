"""`doctor`: passes on a healthy setup, and fails with one line naming each broken part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import discord
import pytest

from bot import cli
from bot.doctor import cli as doctor
from bot.settings import Settings, load_settings
from bot.storage import Database, load_or_create_salt
from indexer.index import build_and_save
from indexer.store import current_build

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GFAKE0.known-fake-token-for-the-doctor-test"


@dataclass
class Setup:
    root: Path
    env: Path

    def settings(self) -> Settings:
        return load_settings(self.env)

    def problems(self) -> list[str]:
        return [f.line() for f in doctor.findings(self.settings()) if not f.ok]


@pytest.fixture
def setup(small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    """Corpus, current index, a database with one answer and its salt, a token in .env."""
    for key in ("DISCORD_TOKEN", "CORPUS_DIR", "INDEX_DIR", "DATABASE_PATH"):
        monkeypatch.delenv(key, raising=False)
    build_and_save(small_corpus, tmp_path / "index")
    db = Database(tmp_path / "data" / "bot.sqlite3")
    db.record_answer(question="q", language="en", abstained=False, user_hash="h", guild_id=1,
                     sources=[], passages=[])
    db.close()
    load_or_create_salt(tmp_path / "data" / "bot.sqlite3.salt")
    env = tmp_path / "bot.env"
    env.write_text(f"DISCORD_TOKEN={TOKEN}\nCORPUS_DIR={small_corpus}\n"
                   f"INDEX_DIR={tmp_path / 'index'}\n"
                   f"DATABASE_PATH={tmp_path / 'data' / 'bot.sqlite3'}\n")
    return Setup(tmp_path, env)


def test_a_healthy_setup_passes_and_never_prints_the_token(
        setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["doctor", "--env-file", str(setup.env)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("all checks passed")
    assert "PROBLEM" not in out and TOKEN not in out
    assert "application 123456789012345678" in out
    assert "client_id=123456789012345678" in out and "permissions=309237763136" in out


def _append_env(line: str) -> Callable[[Setup], None]:
    def apply(setup: Setup) -> None:
        setup.env.write_text(setup.env.read_text() + line + "\n")
    return apply


def _damage_index(setup: Setup) -> None:
    (current_build(setup.root / "index") / "idf.npy").write_bytes(b"not numpy")


def _stale_index(setup: Setup) -> None:
    doc = setup.root / "corpus/documents/en/charter-en.md"
    doc.write_text(doc.read_text() + "\nOne more paragraph. [sources: city]\n")


def _unwritable_database(setup: Setup) -> None:
    (setup.root / "blocker").write_text("a file where a folder should be")
    _append_env(f"DATABASE_PATH={setup.root / 'blocker' / 'bot.sqlite3'}")(setup)


def _chmod_salt(setup: Setup) -> None:
    (setup.root / "data/bot.sqlite3.salt").chmod(0o644)


BREAKAGES: dict[str, tuple[Callable[[Setup], None], str]] = {
    "no token": (_append_env("DISCORD_TOKEN="), "token: DISCORD_TOKEN is not set"),
    "'Bot ' prefix": (_append_env(f"DISCORD_TOKEN='Bot {TOKEN}'"), "starts with 'Bot '"),
    "application id as token": (_append_env("DISCORD_TOKEN=123456789012345678"),
                                "that is the Application ID"),
    "client secret as token": (_append_env("DISCORD_TOKEN=" + "a1B2" * 8),
                               "does not look like a bot token"),
    "typo in .env": (_append_env("ADMIN_ROLE_ID=1"),
                     "unknown key ADMIN_ROLE_ID (did you mean ADMIN_ROLE_IDS?)"),
    "broken corpus": (lambda s: (s.root / "corpus/programs/bridge.yaml").write_text("id: [x"),
                      "corpus: corpus/programs/bridge.yaml:2: invalid YAML"),
    "no index": (lambda s: (s.root / "index/CURRENT").unlink(), "no index in"),
    "damaged index": (_damage_index, "idf.npy"),
    "stale index": (_stale_index, "built from an older corpus"),
    "database not SQLite": (lambda s: (s.root / "data/bot.sqlite3").write_bytes(b"x" * 4096),
                            "is not a usable SQLite database"),
    "database folder is a file": (_unwritable_database, "bot.sqlite3 cannot be created"),
    "salt missing": (lambda s: (s.root / "data/bot.sqlite3.salt").unlink(),
                     "is missing, but the database holds answers"),
    "salt malformed": (lambda s: (s.root / "data/bot.sqlite3.salt").write_text("nope"),
                       "is not a salt (expected 64 hex digits)"),
    "salt readable by others": (_chmod_salt, "readable by other users; run chmod 600"),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_each_broken_part_is_one_problem_line(setup: Setup, name: str) -> None:
    breaking, expected = BREAKAGES[name]
    breaking(setup)
    problems = setup.problems()
    # a folder that cannot be created holds the salt too: both say so
    assert len(problems) == (2 if name == "database folder is a file" else 1), problems
    assert problems[0].startswith("PROBLEM") and expected in problems[0]
    assert TOKEN not in problems[0] and "\n" not in problems[0]


def test_missing_intents_are_problems(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the bot stopped asking for an intent its features need, doctor names it."""
    monkeypatch.setattr(doctor, "intents", lambda settings=None: discord.Intents.none())
    problems = setup.problems()
    assert len(problems) == 3 and all("intents:" in p for p in problems)
    assert "'guild_messages' intent, which questions asked by mentioning" in problems[1]


def test_ask_channels_name_the_message_content_intent(
        setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    """With ASK_CHANNEL_IDS the bot asks for Message Content; doctor says why and where to
    enable it (not a problem: only Discord can tell whether it is enabled, see --online)."""
    setup.env.write_text(setup.env.read_text() + "ASK_CHANNEL_IDS=123\n")
    assert cli.main(["doctor", "--env-file", str(setup.env)]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if "intents:" in x]
    assert line.startswith("ok") and "message_content (ASK_CHANNEL_IDS is set" in line
    assert "Privileged Gateway Intents" in line


def test_problems_exit_1_with_a_count(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    (setup.root / "index/CURRENT").unlink()
    (setup.root / "data/bot.sqlite3.salt").unlink()
    assert cli.main(["doctor", "--env-file", str(setup.env)]) == cli.FAILED
    out = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("PROBLEM") for line in out) == 2 and out[-1] == "2 problems found"


def test_a_fresh_machine_needs_only_the_token_and_the_index(
        small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing built or recorded yet: the database and salt will be created, not problems."""
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    settings = Settings(corpus_dir=small_corpus, index_dir=tmp_path / "index",
                        database_path=tmp_path / "new" / "bot.sqlite3")
    topics = [f.topic for f in doctor.findings(settings) if not f.ok]
    assert topics == ["token", "index"]
    assert not (tmp_path / "new").exists() and not (tmp_path / "index").exists()


def test_every_key_in_env_example_is_a_setting() -> None:
    """.env.example, commented-out keys included, names only settings that exist."""
    import re

    from bot.settings import REPO

    keys = re.findall(r"^#? ?([A-Z][A-Z_]+)=", (REPO / ".env.example").read_text(), re.M)
    assert len(keys) >= 15 and {k.lower() for k in keys} <= set(Settings.model_fields)
