"""The bot's settings, read from the environment and `.env` (see `.env.example`).

`load_settings()` is the one place that decides them, for every command and the bot:

- `.env` is the file given with `--env-file`, else `.env` in the current folder, else `.env`
  beside pyproject.toml (so `sistercity run` works from any folder);
- environment variables win over `.env`; command-line flags (`--corpus`, `--index`,
  `--database`) win over both;
- relative paths in settings are taken from the project folder, relative flags from the
  current folder.

Built in `main()` (never at import), so tests and tools can make their own without a token.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict, SettingsError

REPO = Path(__file__).resolve().parents[1]
PROJECT_ENV = REPO / ".env"  # tests point this elsewhere

IdList = Annotated[list[int], NoDecode]


class SettingsProblem(Exception):
    """Settings that cannot be used; `lines` holds one line per problem, never the token."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("; ".join(lines))
        self.lines = lines


class Settings(BaseSettings):
    """Everything the bot can be configured with. Only the token is secret."""

    model_config = SettingsConfigDict(env_file=None, env_file_encoding="utf-8",
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
    log_file: Path | None = None
    log_file_max_mb: float = Field(default=10.0, gt=0)
    log_file_backups: int = Field(default=5, ge=0)
    # Shard cluster: this process runs only these shards of SHARD_COUNT (e.g. "0,1" and "2,3"
    # in two processes); empty runs them all.
    shard_ids: IdList = Field(default_factory=list)
    # postgresql://user:password@host/db: storage shared by several processes (else SQLite
    # at DATABASE_PATH)
    database_url: SecretStr | None = None

    _env_path: Path | None = PrivateAttr(default=None)

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

    @field_validator("corpus_dir", "index_dir", "database_path", "log_file")
    @classmethod
    def _from_project(cls, value: Path | None) -> Path | None:
        """Relative paths are taken from the project folder, not the current one."""
        if value is None:
            return None
        value = value.expanduser()
        return value if value.is_absolute() else REPO / value

    @field_validator("corpus_dir")
    @classmethod
    def _corpus_is_a_folder(cls, value: Path) -> Path:
        if value.exists() and not value.is_dir():
            raise ValueError("is a file; the corpus is a folder (default: corpus/)")
        return value

    @field_validator("index_dir")
    @classmethod
    def _index_is_a_folder(cls, value: Path) -> Path:
        if value.exists() and not value.is_dir():
            raise ValueError("is a file; the index is a folder (default: .index/)")
        return value

    @field_validator("database_path", "log_file")
    @classmethod
    def _is_a_file(cls, value: Path | None) -> Path | None:
        if value is not None and value.is_dir():
            raise ValueError("is a folder; give the path of a file in it")
        return value

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

    @property
    def env_path(self) -> Path | None:
        """The .env file these settings were read from, if any."""
        return self._env_path

    @property
    def salt_path(self) -> Path:
        """The salt of the user hashes, kept beside the database (back up both)."""
        return self.database_path.with_name(self.database_path.name + ".salt")


def find_env_file(explicit: Path | None = None) -> Path | None:
    """The .env file to read: `explicit`, else ./.env, else the project's .env, else None."""
    if explicit is not None:
        if not explicit.is_file():
            raise SettingsProblem([f"--env-file {explicit}: no such file"])
        return explicit
    for candidate in (Path.cwd() / ".env", PROJECT_ENV):
        if candidate.is_file():
            return candidate
    return None


def load_settings(env_file: Path | None = None, flags: Mapping[str, str] | None = None,
                  **overrides: Any) -> Settings:
    """Settings from the environment and the .env file `find_env_file` picks.

    `overrides` (e.g. from command-line flags) win; `flags` maps their field names to the
    flag to name in error messages ({"index_dir": "--index"}). Raises SettingsProblem.
    """
    found = find_env_file(env_file)
    try:
        settings = Settings(_env_file=found, **overrides)  # type: ignore[call-arg]
    except ValidationError as exc:
        given = {name: flag for name, flag in (flags or {}).items() if name in overrides}
        raise SettingsProblem(_describe(exc, found, given)) from None
    except SettingsError as exc:
        raise SettingsProblem([f"cannot read the settings: {exc}"]) from None
    settings._env_path = found
    return settings


def _describe(exc: ValidationError, env_file: Path | None, flags: Mapping[str, str]
              ) -> list[str]:
    lines = []
    where = f" (in {env_file} or the environment)" if env_file else " (in the environment)"
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        message = error["msg"].removeprefix("Value error, ")
        if not field:  # a check of several settings together; its message names them
            lines.append(f"{message}{where}")
        elif field == "discord_token":
            lines.append(f"DISCORD_TOKEN{where}: {message}")
        elif field in flags:
            lines.append(f"{flags[field]} {error['input']}: {message}")
        elif len(error["loc"]) > 1:  # one item of a list
            lines.append(f"{field.upper()}{where}: {error['input']!r}: {message}")
        else:
            lines.append(f"{field.upper()}={error['input']}{where}: {message}")
    return lines
