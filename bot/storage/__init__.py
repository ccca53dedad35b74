"""What the bot keeps: answers, votes, abstentions and reindex history.

`Storage` is the interface a backend implements (`Database` is SQLite); the bot reaches it
through a `Recorder`, which queues writes off the event loop. See `bot.storage.base`.
"""

from bot.storage.base import DatabaseError, Storage, TransientStorageError
from bot.storage.database import Database
from bot.storage.privacy import SaltError, load_or_create_salt, redact_mentions, user_hasher
from bot.storage.recorder import Recorder

__all__ = ["Database", "DatabaseError", "Recorder", "SaltError", "Storage",
           "TransientStorageError", "load_or_create_salt", "redact_mentions", "user_hasher"]
