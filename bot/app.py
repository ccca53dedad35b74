"""`create_bot()`: the fully configured, unstarted bot, for `python -m bot run`, tests and tools."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.bot import SisterCityBot
from bot.live import LiveIndex
from bot.settings import Settings
from bot.storage import Database, user_hasher
from bot.storage.database import load_or_create_salt
from indexer.index import ensure_index

if TYPE_CHECKING:
    from bot.storage.postgres import PostgresDatabase

log = logging.getLogger(__name__)


def open_database(settings: Settings) -> tuple[Database | PostgresDatabase, bytes]:
    """PostgreSQL when DATABASE_URL is set (shared by every process, salt included), else the
    SQLite file at DATABASE_PATH with its salt file beside it."""
    if settings.database_url is not None:
        from bot.storage.postgres import PostgresDatabase

        shared = PostgresDatabase(settings.database_url.get_secret_value())
        return shared, shared.shared_salt()
    salt_path = settings.database_path.with_name(settings.database_path.name + ".salt")
    return Database(settings.database_path), load_or_create_salt(salt_path)


def create_bot(settings: Settings | None = None) -> commands.Bot:
    """Load (or build) the index, open the database, and return the bot; no token needed.

    Raises CorpusError or IndexFileError when no usable index exists, DatabaseError when the
    database cannot be opened.
    """
    settings = settings or Settings()
    index = ensure_index(settings.corpus_dir, settings.index_dir)
    live = LiveIndex(index, settings.corpus_dir, settings.index_dir)
    db, salt = open_database(settings)
    hash_user = user_hasher(salt)
    log.info("index of %d passages and %d programs; corpus as of %s", len(index.passages),
             len(index.programs), index.corpus_date)
    return SisterCityBot(settings=settings, live=live, db=db, hash_user=hash_user)
