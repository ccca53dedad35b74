"""Logging: stderr always; LOG_FILE adds a rotated file; the token reaches neither."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import logs
from bot.settings import Settings

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GFAKE0.known-fake-token-for-the-logs-test"


@pytest.fixture
def restore_root() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:], root.level = handlers, level


def test_log_file_gets_every_line_rotated_and_without_the_token(
        tmp_path: Path, restore_root: None) -> None:
    log_file = tmp_path / "logs" / "bot.log"
    settings = Settings(discord_token=TOKEN, log_file=log_file,  # type: ignore[arg-type]
                        log_file_max_mb=0.001, log_file_backups=2)
    logs.configure(settings)
    logs.configure(settings)  # a second call adds no second file handler
    log = logging.getLogger("bot.test")
    for n in range(40):
        log.info("line %d, Authorization: Bot %s", n, TOKEN)
    text = "".join(p.read_text() for p in sorted(log_file.parent.iterdir()))
    assert sorted(p.name for p in log_file.parent.iterdir()) == ["bot.log", "bot.log.1",
                                                                 "bot.log.2"]
    assert "INFO bot.test: line 39, Authorization: Bot [token]" in log_file.read_text()
    assert TOKEN not in text and text.count("line 39") == 1
