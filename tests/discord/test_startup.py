"""`run` and `sync` when Discord cannot be reached or refuses the bot: one line, an exit status
for the service manager, and never the token."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import discord
import pytest

from bot import cli
from bot.app import create_bot
from bot.commands import discord_run
from bot.settings import Settings

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GFAKE0.known-fake-token-for-the-start-test"


@pytest.fixture
def environment(settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key, value in {"DISCORD_TOKEN": TOKEN, "CORPUS_DIR": str(settings.corpus_dir),
                       "INDEX_DIR": str(settings.index_dir), "SHARD_COUNT": "1",
                       "DATABASE_PATH": str(settings.database_path)}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("command", ["run", "sync"])
def test_discord_unreachable_is_one_line_and_exit_4(
        environment: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture, command: str) -> None:
    """discord.py's real HTTP client against a closed port: aiohttp's connection error."""
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")
    assert cli.main([command]) == cli.DISCORD_UNREACHABLE
    err = capsys.readouterr().err
    assert err.startswith("error: cannot reach Discord (Cannot connect to host 127.0.0.1:9")
    assert err.count("\n") == 1 and "check the network" in err
    assert "Traceback" not in err + caplog.text and TOKEN not in err + caplog.text


@pytest.mark.parametrize(("code", "status", "expected"), [
    (4004, cli.DISCORD_REFUSED, "Discord rejected the token"),
    (4014, cli.DISCORD_REFUSED, "intent that is not enabled"),
    (4011, cli.USAGE_ERROR, "SHARD_COUNT"),
    (4000, cli.DISCORD_UNREACHABLE, "Discord closed the connection (code 4000"),
])
def test_a_gateway_close_is_one_line_and_a_status(
        environment: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        code: int, status: int, expected: str) -> None:
    async def closed(bot: discord.Client, token: str, sync_only: bool) -> None:
        bot.db.close()  # type: ignore[attr-defined]
        raise discord.ConnectionClosed(SimpleNamespace(close_code=code), shard_id=0)  # type: ignore[arg-type]

    monkeypatch.setattr(discord_run, "_serve", closed)
    assert cli.main(["run"]) == status
    err = capsys.readouterr().err
    assert err.startswith("error: ") and expected in err and err.count("\n") == 1
    assert TOKEN not in err


@pytest.mark.parametrize("refusal", ["close 4014", "PrivilegedIntentsRequired"])
def test_ask_channels_without_message_content_are_exit_3_and_name_the_toggle(
        environment: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        refusal: str) -> None:
    """With ASK_CHANNEL_IDS set, the refused privileged intent is Message Content: the line
    says which toggle to turn on, with ops' status for a refusal by Discord (3)."""
    monkeypatch.setenv("ASK_CHANNEL_IDS", "123")

    async def refused(bot: discord.Client, token: str, sync_only: bool) -> None:
        bot.db.close()  # type: ignore[attr-defined]
        if refusal == "close 4014":
            raise discord.ConnectionClosed(SimpleNamespace(close_code=4014), shard_id=0)  # type: ignore[arg-type]
        raise discord.PrivilegedIntentsRequired(0)

    monkeypatch.setattr(discord_run, "_serve", refused)
    assert cli.main(["run"]) == cli.DISCORD_REFUSED
    err = capsys.readouterr().err
    assert err.startswith("error: ASK_CHANNEL_IDS is set") and err.count("\n") == 1
    assert "Message Content Intent" in err and TOKEN not in err


def test_a_discord_server_error_is_one_line_and_exit_4(
        environment: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    async def outage(bot: discord.Client, token: str, sync_only: bool) -> None:
        bot.db.close()  # type: ignore[attr-defined]
        response = SimpleNamespace(status=503, reason="Service Unavailable")
        raise discord.DiscordServerError(response, "upstream connect error")  # type: ignore[arg-type]

    monkeypatch.setattr(discord_run, "_serve", outage)
    assert cli.main(["sync"]) == cli.DISCORD_UNREACHABLE
    assert capsys.readouterr().err == ("error: Discord answered 503 (upstream connect error); "
                                       "try again later\n")


def test_a_first_start_logs_no_warnings(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                        caplog: pytest.LogCaptureFixture) -> None:
    """No index yet and no voice libraries: the start is quiet (information, no warnings)."""
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    settings.index_dir = settings.index_dir.parent / "new-index"
    caplog.set_level(logging.INFO)
    made = create_bot(settings)
    made.db.close()  # type: ignore[attr-defined]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert "no index yet in" in caplog.text
