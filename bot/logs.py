"""Logging for every command, set up in one place: stderr always, a rotating file if asked.

Library code (`indexer/`) only logs; handlers are configured here, by `bot.cli.main`.
"""

from __future__ import annotations

import logging
import sys

from bot.settings import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactToken(logging.Filter):
    """Replaces the token with '[token]' in every log record, as a last line of defence."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "[token]"), None
        return True


def configure(settings: Settings, verbose: bool = False) -> None:
    """Log to stderr (and to LOG_FILE, rotated, when set); the token never reaches a handler.

    Handlers already on the root logger (a test's capture) are kept. Raises OSError when the
    log file cannot be opened.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    added: list[logging.Handler] = []
    if not root.handlers:
        added.append(logging.StreamHandler(sys.stderr))
    log_file = settings.log_file
    if log_file is not None and not any(
            getattr(h, "baseFilename", None) == str(log_file) for h in root.handlers):
        from logging.handlers import RotatingFileHandler  # (imports socket, pickle, queue)

        log_file.parent.mkdir(parents=True, exist_ok=True)
        added.append(RotatingFileHandler(
            log_file, maxBytes=int(settings.log_file_max_mb * 1024 * 1024),
            backupCount=settings.log_file_backups, encoding="utf-8"))
    for handler in added:
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    if settings.token:
        for handler in root.handlers:
            handler.addFilter(RedactToken(settings.token))
