"""The bot's own SQLite database: answers, votes, abstentions and reindex history."""

from bot.storage.database import Database, DatabaseError, user_hasher

__all__ = ["Database", "DatabaseError", "user_hasher"]
