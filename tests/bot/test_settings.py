"""Settings: one place decides paths for the CLI and the bot; .env is found from any folder;
every bad value is one line and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.settings
from bot import cli
from bot.settings import REPO, SettingsProblem, load_settings


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project .env (as if beside pyproject.toml) and a current folder without one."""
    env = tmp_path / "project" / ".env"
    env.parent.mkdir()
    monkeypatch.setattr(bot.settings, "PROJECT_ENV", env)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for key in ("DISCORD_TOKEN", "CORPUS_DIR", "INDEX_DIR", "DATABASE_PATH", "LOG_FILE",
                "FEEDBACK_RETENTION_DAYS", "DATABASE_URL", "SHARD_IDS", "SHARD_COUNT"):
        monkeypatch.delenv(key, raising=False)
    return env


def test_the_projects_env_is_read_from_any_folder(project: Path) -> None:
    """`sistercity run` from another folder still finds the token in the project's .env."""
    project.write_text("DISCORD_TOKEN=abc.def.ghi\nFEEDBACK_RETENTION_DAYS=30\n")
    settings = load_settings()
    assert settings.token == "abc.def.ghi" and settings.feedback_retention_days == 30
    assert settings.env_path == project


def test_env_in_the_current_folder_then_env_file_flag_win(project: Path, tmp_path: Path) -> None:
    project.write_text("FEEDBACK_RETENTION_DAYS=30\n")
    Path(".env").write_text("FEEDBACK_RETENTION_DAYS=40\n")
    assert load_settings().feedback_retention_days == 40
    chosen = tmp_path / "prod.env"
    chosen.write_text("FEEDBACK_RETENTION_DAYS=50\n")
    assert load_settings(chosen).feedback_retention_days == 50
    with pytest.raises(SettingsProblem, match=r"--env-file .*gone\.env: no such file"):
        load_settings(tmp_path / "gone.env")


def test_relative_paths_are_taken_from_the_project_folder(project: Path) -> None:
    project.write_text("CORPUS_DIR=corpus\nINDEX_DIR=var/index\nDATABASE_PATH=var/bot.db\n")
    settings = load_settings()
    assert settings.corpus_dir == REPO / "corpus"
    assert settings.index_dir == REPO / "var/index"
    assert settings.salt_path == REPO / "var/bot.db.salt"


def test_the_cli_builds_the_index_where_the_bot_looks_for_it(
        project: Path, small_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CORPUS_DIR and INDEX_DIR are honoured by `index` and `ask` as by `run`."""
    project.write_text(f"CORPUS_DIR={small_corpus}\nINDEX_DIR={tmp_path / 'shared-index'}\n")
    assert cli.main(["index"]) == 0
    assert (load_settings().index_dir / "CURRENT").is_file()
    assert cli.main(["ask", "When was the partnership charter signed?"]) == 0
    assert "24 May 1960" in capsys.readouterr().out


def test_flags_win_over_settings(project: Path, small_corpus: Path, tmp_path: Path) -> None:
    project.write_text(f"INDEX_DIR={tmp_path / 'from-env'}\n")
    assert cli.main(["index", "--corpus", str(small_corpus), "--index",
                     str(tmp_path / "from-flag")]) == 0
    assert (tmp_path / "from-flag" / "CURRENT").is_file()
    assert not (tmp_path / "from-env").exists()


@pytest.mark.parametrize(("line", "expected"), [
    ("FEEDBACK_RETENTION_DAYS=abc", "FEEDBACK_RETENTION_DAYS=abc (in "),
    ("ASK_COOLDOWN_RATE=0", "ASK_COOLDOWN_RATE=0 (in "),
    ("ADMIN_ROLE_IDS=[1, 2", "ADMIN_ROLE_IDS=[1, 2 (in "),
    ("ALLOWED_CHANNEL_IDS=1,general", "'general': Input should be a valid integer"),
    ("DEV_GUILD_ID=my server", "DEV_GUILD_ID=my server"),
    ("SHARD_IDS=0,1", "SHARD_IDS needs SHARD_COUNT (the total over all processes) (in "),
    ("SHARD_COUNT=2\nSHARD_IDS=1,2", "SHARD_IDS must be distinct numbers from 0 to 1"),
])
def test_a_bad_setting_is_one_line_and_exit_2(
        project: Path, capsys: pytest.CaptureFixture[str], line: str, expected: str) -> None:
    project.write_text(f"DISCORD_TOKEN=MTIz.secret.value\n{line}\n")
    assert cli.main(["feedback", "export"]) == cli.USAGE_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and expected in err
    assert "Traceback" not in err and "validation error" not in err
    assert "secret" not in err


def test_a_path_of_the_wrong_kind_is_one_line(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--index or INDEX_DIR naming a file, DATABASE_PATH naming a folder: exit 2, one line."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    assert cli.main(["ask", "When?", "--index", str(a_file)]) == cli.USAGE_ERROR
    assert capsys.readouterr().err == (f"error: --index {a_file}: is a file; the index is a "
                                       "folder (default: .index/)\n")
    project.write_text(f"INDEX_DIR={a_file}\nDATABASE_PATH={tmp_path}\n")
    assert cli.main(["ask", "When?"]) == cli.USAGE_ERROR
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"error: INDEX_DIR={a_file} (in {project}") and len(lines) == 2
    assert lines[1].startswith(f"error: DATABASE_PATH={tmp_path}") and "is a folder" in lines[1]


def test_an_unwritable_log_file_is_one_line(project: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    project.write_text(f"LOG_FILE={blocker / 'bot.log'}\n")
    assert cli.main(["programs", "--corpus", str(tmp_path)]) == cli.USAGE_ERROR
    assert capsys.readouterr().err.startswith(f"error: LOG_FILE {blocker / 'bot.log'}: cannot")


def test_database_flag_sets_database_url_aside(project: Path, tmp_path: Path) -> None:
    """DATABASE_URL chooses PostgreSQL, but --database FILE names a SQLite file and wins."""
    project.write_text("DATABASE_URL=postgresql://bot:pw@db.example/bot\n")
    assert cli.settings_for(cli._parser().parse_args(["doctor"])).database_url is not None
    flagged = cli.settings_for(cli._parser().parse_args(
        ["doctor", "--database", str(tmp_path / "bot.db")]))
    assert flagged.database_url is None and flagged.database_path == tmp_path / "bot.db"
