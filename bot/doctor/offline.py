"""The checks that need no network (but for a PostgreSQL database at DATABASE_URL): settings
file, token shape, corpus, index, database, salt and intents. Each returns Findings; none
writes anything."""

from __future__ import annotations

import base64
import binascii
import contextlib
import difflib
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import discord
from dotenv import dotenv_values

from bot.bot import NEEDED_INTENTS, PRIVILEGED_INTENTS, invite_url
from bot.doctor.model import Finding, ok, problem
from bot.settings import Settings
from bot.storage import SaltError, load_or_create_salt
from bot.storage.database import MIGRATIONS
from indexer.corpus import load_corpus
from indexer.errors import CorpusError, IndexFileError
from indexer.index import SearchIndex, is_current

TOKEN_PART = re.compile(r"[A-Za-z0-9_-]+")
SHOWN_CORPUS_PROBLEMS = 20


def check_settings(settings: Settings) -> list[Finding]:
    """Where the settings came from, and keys in .env that no setting has (typos)."""
    path = settings.env_path
    if path is None:
        return [ok("settings", "no .env file; read from the environment only")]
    found = [ok("settings", f"read from {path} and the environment")]
    known = {name.upper() for name in Settings.model_fields}
    for key in dotenv_values(path):
        if key.upper() not in known:
            close = difflib.get_close_matches(key.upper(), known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            found.append(problem("settings", f"{path}: unknown key {key}{hint}"))
    return found


def application_id(token: str) -> int | None:
    """The bot's user id (also its application id), encoded in the first part of the token."""
    first = token.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() and 15 <= len(decoded) <= 21 else None


def token_problem(token: str) -> str | None:
    """What is wrong with the shape of a bot token, in words that never quote it."""
    if token.lower().startswith("bot "):
        return "starts with 'Bot '; put only the token itself in DISCORD_TOKEN"
    if token[0] in "'\"" or token[-1] in "'\"":
        return "is wrapped in quotes; remove them"
    if any(c.isspace() for c in token):
        return "contains spaces or line breaks; copy it again"
    parts = token.split(".")
    if token.isdigit():
        return "is a number: that is the Application ID, not the token (Bot → Reset Token)"
    if len(parts) != 3 or not all(TOKEN_PART.fullmatch(p) for p in parts):
        return ("does not look like a bot token (three parts separated by dots); the client "
                "secret or public key is not the token: copy it from Bot → Reset Token")
    if application_id(token) is None:
        return "does not start with an encoded bot id; copy it again from Bot → Reset Token"
    return None


def check_token(settings: Settings) -> list[Finding]:
    token = settings.token
    if token is None:
        return [problem("token", "DISCORD_TOKEN is not set (developer portal → your "
                                 "application → Bot → Reset Token, then put it in .env)")]
    wrong = token_problem(token)
    if wrong:
        return [problem("token", f"DISCORD_TOKEN {wrong}")]
    app_id = application_id(token)
    assert app_id is not None
    return [ok("token", f"present and well-formed, for application {app_id}; invite: "
                        f"{invite_url(app_id)}")]


def check_corpus(settings: Settings) -> list[Finding]:
    try:
        corpus = load_corpus(settings.corpus_dir)
    except CorpusError as exc:
        found = [problem("corpus", str(p)) for p in exc.problems[:SHOWN_CORPUS_PROBLEMS]]
        if len(exc.problems) > SHOWN_CORPUS_PROBLEMS:
            found.append(problem("corpus", f"… and {len(exc.problems) - SHOWN_CORPUS_PROBLEMS}"
                                           " more (`python -m bot index --dry-run` lists all)"))
        return found
    return [ok("corpus", f"{settings.corpus_dir}: {len(corpus.documents)} documents, "
                         f"{len(corpus.programs)} programs, {len(corpus.sources)} sources")]


def check_index(settings: Settings, corpus_valid: bool = True) -> list[Finding]:
    """Loadable and built from the corpus as it is now (unless the corpus is broken, when
    the bot keeps answering from the last good index)."""
    root = settings.index_dir
    found = [] if _writable(root) else [problem(
        "index", f"{root} cannot be written; the bot rebuilds the index there (INDEX_DIR)")]
    try:
        index = SearchIndex.load(root)
    except IndexFileError as exc:
        if not (root / "CURRENT").exists():
            return [*found, problem("index", f"no index in {root} yet; build it with "
                                             "`python -m bot index`")]
        return [*found, problem("index", str(exc))]
    if not is_current(index, settings.corpus_dir) and not corpus_valid:
        return [*found, ok("index", f"{root}: older than the corpus; the bot answers from it "
                                    "until the corpus problems are fixed")]
    if not is_current(index, settings.corpus_dir):
        return [*found, problem("index", f"{root} was built from an older corpus (or another "
                                         "version of the bot); run `python -m bot index`")]
    return [*found, ok("index", f"{root}: current, {len(index.passages)} passages, built "
                                f"{index.stats.built_at}")]


def check_storage(settings: Settings) -> list[Finding]:
    """The database and the salt of the user hashes: in PostgreSQL when DATABASE_URL is
    set (the SQLite file at DATABASE_PATH is then not used), else beside each other on disk."""
    if settings.database_url is not None:
        return check_postgres(settings)
    return [*check_database(settings), *check_salt(settings)]


def check_postgres(settings: Settings) -> list[Finding]:
    """Reachable, of a schema this bot knows, and holding a well-formed salt; in a read-only
    session (the bot creates the tables and the salt when it first starts)."""
    assert settings.database_url is not None
    url = settings.database_url.get_secret_value()
    try:
        import psycopg

        from bot.storage.postgres import MIGRATIONS as PG_MIGRATIONS
        from bot.storage.postgres import parse_salt, where
    except ImportError:
        return [problem("database", "DATABASE_URL is set, but psycopg is not installed: "
                                    "install the `postgres` extra (pip install -e "
                                    "'.[postgres]')")]
    shown = f"PostgreSQL {where(url)}"
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as db:
            db.execute("SET default_transaction_read_only = on")

            def one(sql: str) -> Any:
                row = db.execute(sql).fetchone()  # type: ignore[arg-type]
                return row[0] if row else None

            if one("SELECT to_regclass('schema_version')") is None:
                return [ok("database", f"{shown}: reachable; no tables yet, the bot creates "
                                       "them when it first starts"),
                        ok("salt", "none yet; the bot will create it in the database")]
            version = int(one("SELECT max(version) FROM schema_version") or 0)
            if version > len(PG_MIGRATIONS):
                return [problem("database", f"{shown} is from a newer version of the bot "
                                            f"(schema {version}, this one knows "
                                            f"{len(PG_MIGRATIONS)})")]
            answers = int(one("SELECT COUNT(*) FROM answers") or 0) if version else 0
            salt = (one("SELECT value FROM bot_settings WHERE key = 'user_salt'")
                    if version else None)
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [problem("database", f"cannot reach {shown} (DATABASE_URL): {reason}")]
    found = [ok("database", f"{shown}: {answers} recorded answers, schema {version}")]
    if salt is None:
        if answers:
            return [*found, problem("salt", "the database holds answers but no 'user_salt' "
                                            "row in bot_settings: restore it from a backup (a "
                                            "new salt makes every user a stranger to their "
                                            "past votes)")]
        return [*found, ok("salt", "none yet; the bot will create it in the database")]
    try:
        parse_salt(salt)
    except SaltError as exc:
        return [*found, problem("salt", str(exc))]
    return [*found, ok("salt", "in the database: well-formed, shared by every process")]


def check_database(settings: Settings) -> list[Finding]:
    path = settings.database_path
    if not path.exists():
        if _writable(path.parent):
            return [ok("database", f"none yet; the bot will create {path}")]
        return [problem("database", f"{path} cannot be created (check DATABASE_PATH and the "
                                    "folder's permissions)")]
    if not os.access(path, os.R_OK | os.W_OK) or not _writable(path.parent):
        return [problem("database", f"{path} (or its folder, which holds the write-ahead log) "
                                    "is not writable by this user")]
    try:
        with _read_only(path) as db:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            answers = _count_answers(db, version)
    except sqlite3.Error as exc:
        return [problem("database", f"{path} is not a usable SQLite database ({exc}); "
                                    "restore it from the backup")]
    if check != "ok":
        return [problem("database", f"{path} is damaged ({check}); restore it from the backup")]
    if version > len(MIGRATIONS):
        return [problem("database", f"{path} is from a newer version of the bot (schema "
                                    f"{version}, this one knows {len(MIGRATIONS)})")]
    return [ok("database", f"{path}: {answers} recorded answers, schema {version}")]


def check_salt(settings: Settings) -> list[Finding]:
    path, database = settings.salt_path, settings.database_path
    if not path.exists():
        if database.exists() and _has_answers(database):
            return [problem("salt", f"{path} is missing, but the database holds answers and "
                                    "votes hashed with it: restore it from the backup (a new "
                                    "salt makes every user a stranger to their past votes)")]
        if not _writable(path.parent):
            return [problem("salt", f"{path} cannot be created (check the folder's permissions)")]
        return [ok("salt", f"none yet; the bot will create {path}")]
    try:
        load_or_create_salt(path)  # reads an existing salt and checks it; writes nothing
    except SaltError as exc:
        return [problem("salt", str(exc))]
    if path.stat().st_mode & 0o077:
        return [problem("salt", f"{path} is readable by other users; run chmod 600 {path}")]
    return [ok("salt", f"{path}: well-formed, readable only by its owner")]


def check_intents(wanted: discord.Intents, settings: Settings | None = None) -> list[Finding]:
    """The intents the features need are asked for; privileged ones are named (Message
    Content is asked for only when ASK_CHANNEL_IDS is set)."""
    found = [problem("intents", f"the bot does not ask for the '{name}' intent, which "
                                f"{_NEEDED_FOR[name]} need")
             for name in NEEDED_INTENTS if not getattr(wanted, name)]
    privileged = [name for name in PRIVILEGED_INTENTS if getattr(wanted, name)]
    if privileged:
        why = (" (ASK_CHANNEL_IDS is set: ask channels read every message)"
               if "message_content" in privileged and settings and settings.ask_channel_ids
               else "")
        found.append(ok("intents", f"asks for the privileged {', '.join(privileged)}{why}: "
                                   "enable them under Bot → Privileged Gateway Intents (the "
                                   "run refuses to start without them)"))
    elif not found:
        found.append(ok("intents", f"{', '.join(NEEDED_INTENTS)}; no privileged intents, "
                                   "nothing to enable in the developer portal"))
    return found


_NEEDED_FOR = {"guilds": "slash commands and the channel allow-list",
               "guild_messages": "questions asked by mentioning the bot in a server",
               "dm_messages": "questions sent as direct messages"}


def _writable(folder: Path) -> bool:
    """Can this user create files in `folder` (or create it, if it does not exist yet)?"""
    while not folder.exists():
        if folder.parent == folder:
            return False
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _read_only(path: Path) -> contextlib.closing[sqlite3.Connection]:
    """A connection that cannot write, closed at the end of the `with` block."""
    return contextlib.closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True))


def _count_answers(db: sqlite3.Connection, version: int) -> int:
    if version == 0:
        return 0
    return int(db.execute("SELECT COUNT(*) FROM answers").fetchone()[0])


def _has_answers(path: Path) -> bool:
    try:
        with _read_only(path) as db:
            return _count_answers(db, db.execute("PRAGMA user_version").fetchone()[0]) > 0
    except sqlite3.Error:
        return True  # unreadable: assume the worst, keep the salt
