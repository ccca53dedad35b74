"""`create_bot()`: the fully configured, unstarted bot, for `python -m bot run`, tests and tools."""

from __future__ import annotations

import logging

from discord.ext import commands

from bot.bot import SisterCityBot
from bot.live import LiveIndex
from bot.settings import Settings, load_settings
from bot.storage import Database, Recorder, Storage, load_or_create_salt, user_hasher
from indexer.index import ensure_index

log = logging.getLogger(__name__)


def open_database(settings: Settings) -> tuple[Storage, bytes]:
    """The storage backend and the salt for user hashes: PostgreSQL when DATABASE_URL is set
    (shared by every process, salt included), else the SQLite file at DATABASE_PATH with its
    salt file beside it. Either way the bot reaches it through a `Recorder`.

    Raises DatabaseError when the database cannot be opened, SaltError when its salt is
    empty or malformed."""
    if settings.database_url is not None:
        from bot.storage.postgres import PostgresDatabase

        shared = PostgresDatabase(settings.database_url.get_secret_value())
        try:
            return shared, shared.shared_salt()
        except BaseException:
            shared.close()
            raise
    # the salt first: whether the database already exists tells a lost salt from a new one
    salt = load_or_create_salt(settings.salt_path,
                               database_exists=settings.database_path.exists())
    return Database(settings.database_path), salt


def create_bot(settings: Settings | None = None) -> commands.Bot:
    """Load (or build) the index, open the database, and return the bot; no token needed.

    Without `settings`, they are read as the command line reads them (`load_settings`, which
    raises SettingsProblem). Raises CorpusError or IndexFileError when no usable index exists,
    DatabaseError when the database cannot be opened or its salt is empty or malformed.
    """
    settings = settings or load_settings()
    index = ensure_index(settings.corpus_dir, settings.index_dir)
    live = LiveIndex(index, settings.corpus_dir, settings.index_dir)
    storage, salt = open_database(settings)
    hash_user = user_hasher(salt)
    db = Recorder(storage)
    log.info("index of %d passages and %d programs; corpus as of %s", len(index.passages),
             len(index.programs), index.corpus_date)
    return SisterCityBot(settings=settings, live=live, db=db, hash_user=hash_user)
