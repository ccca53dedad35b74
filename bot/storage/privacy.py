"""What keeps people unidentifiable in the database: salted user hashes, a checked salt,
and questions stored without the Discord ids that mentions carry."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from bot.storage.base import DatabaseError

log = logging.getLogger(__name__)

SALT_BYTES = 32
MIN_SALT_BYTES = 16
_MENTIONS = ((re.compile(r"<@!?\d+>"), "@user"), (re.compile(r"<@&\d+>"), "@role"),
             (re.compile(r"<#\d+>"), "#channel"))
_RESTORE = ("restore it from the backup kept with the database (without it, votes cannot be "
            "matched to the users who cast them), or move the database and the salt away "
            "together to start over")


class SaltError(DatabaseError):
    """The salt file exists but cannot be a salt."""


def user_hasher(salt: bytes) -> Callable[[int], str]:
    """A function from Discord user id to a salted hash (HMAC-SHA256, hex, 32 chars)."""
    def hash_user(user_id: int) -> str:
        return hmac.new(salt, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]
    return hash_user


def load_or_create_salt(path: Path, *, database_exists: bool = False) -> bytes:
    """The random salt kept beside the database (mode 0600), created on first use.

    An empty or malformed salt file is refused (SaltError): an empty salt makes every hash
    computable by anyone. A missing salt beside an existing database is replaced, with a
    warning, since the old hashes can no longer be matched.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _create_salt(path, database_exists)
    except OSError as exc:
        raise SaltError(f"cannot read the salt file {path}: {exc.strerror}") from None
    # bytes that are not ASCII cannot be hex digits: they fail as "not a salt"
    return check_salt(raw.decode("ascii", "replace"), f"the salt file {path}", _RESTORE)


def check_salt(text: str, name: str, restore: str) -> bytes:
    """The salt `text` holds (hex digits), or SaltError naming it (`name`: "the salt file
    …") and saying how to restore it: an empty or short salt makes every hash computable."""
    text = text.strip()
    if not text:
        raise SaltError(f"{name} is empty; {restore}")
    try:
        salt = bytes.fromhex(text)
    except ValueError:
        raise SaltError(f"{name} is not a salt (expected {SALT_BYTES * 2} hex digits); "
                        f"{restore}") from None
    if len(salt) < MIN_SALT_BYTES:
        raise SaltError(f"{name} is {len(salt)} bytes, shorter than the {MIN_SALT_BYTES} "
                        f"needed; {restore}")
    return salt


def _create_salt(path: Path, database_exists: bool) -> bytes:
    if database_exists:
        log.warning("no salt file at %s beside the existing database: created a new one. "
                    "Votes cast before now can no longer be matched to the users who cast "
                    "them; restore the backed-up salt to fix that", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_bytes(SALT_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise SaltError(f"cannot create the salt file {path}: {exc.strerror}") from None
    with os.fdopen(fd, "w") as handle:
        handle.write(salt.hex())
    return salt


def redact_mentions(text: str) -> str:
    """The question without the ids in Discord mentions: `<@123>` → `@user`, `<@&1>` →
    `@role`, `<#1>` → `#channel`."""
    for pattern, replacement in _MENTIONS:
        text = pattern.sub(replacement, text)
    return text
