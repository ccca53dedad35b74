"""The Discord bot's settings, read from the environment and `.env` (see `.env.example`).

Built once in `main()` (never at import), so tests and tools can make their own without a token.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO = Path(__file__).resolve().parents[1]

IdList = Annotated[list[int], NoDecode]


class Settings(BaseSettings):
    """Everything the Discord front end can be configured with. Only the token is secret."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8",
                                      extra="ignore", case_sensitive=False,
                                      env_ignore_empty=True)

    discord_token: SecretStr | None = None
    dev_guild_id: int | None = None
    admin_role_ids: IdList = Field(default_factory=list)
    allowed_channel_ids: IdList = Field(default_factory=list)
    # Channels (text or forum) where every new message or post is a question. Needs the
    # privileged Message Content intent, so it is off unless set.
    ask_channel_ids: IdList = Field(default_factory=list)
    ask_cooldown_rate: int = Field(default=3, ge=1)
    ask_cooldown_per: float = Field(default=30.0, gt=0)
    max_concurrent_answers: int = Field(default=4, ge=1)
    corpus_dir: Path = REPO / "corpus"
    index_dir: Path = REPO / ".index"
    database_path: Path = REPO / "data" / "bot.sqlite3"
    feedback_retention_days: int = Field(default=180, ge=1)
    log_channel_id: int | None = None
    index_poll_seconds: float = Field(default=60.0, gt=0)
    shard_count: int | None = Field(default=None, ge=1)
    # Shard cluster: this process runs only these shards of SHARD_COUNT (e.g. "0,1" and "2,3"
    # in two processes); empty runs them all.
    shard_ids: IdList = Field(default_factory=list)
    # postgresql://user:password@host/db: storage shared by several processes (else SQLite
    # at DATABASE_PATH)
    database_url: SecretStr | None = None

    @model_validator(mode="after")
    def _shards(self) -> Settings:
        if self.shard_ids:
            if self.shard_count is None:
                raise ValueError("SHARD_IDS needs SHARD_COUNT (the total over all processes)")
            wrong = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
            if wrong or len(set(self.shard_ids)) != len(self.shard_ids):
                raise ValueError(f"SHARD_IDS must be distinct numbers from 0 to "
                                 f"{self.shard_count - 1} (SHARD_COUNT - 1)")
        return self

    @field_validator("admin_role_ids", "allowed_channel_ids", "ask_channel_ids", "shard_ids",
                     mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        """Accept '1,2 3', a JSON list '[1, 2]', or a list."""
        if isinstance(value, int):
            return [value]
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("["):
            return json.loads(text)
        return [part for part in text.replace(",", " ").split() if part]

    @model_validator(mode="after")
    def _ask_channels_are_allowed(self) -> Settings:
        """An ask channel is a channel the bot answers in, whatever the allow-list says."""
        if self.allowed_channel_ids:
            extra = [c for c in self.ask_channel_ids if c not in self.allowed_channel_ids]
            self.allowed_channel_ids = [*self.allowed_channel_ids, *extra]
        return self

    @property
    def token(self) -> str | None:
        """The token's value, or None when unset or blank."""
        if self.discord_token is None:
            return None
        return self.discord_token.get_secret_value().strip() or None
