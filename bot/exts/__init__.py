"""The bot's extensions: one cog per user-facing feature, found by walking this package."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator


def walk_extensions() -> Iterator[str]:
    """Dotted names of every module under bot.exts that defines `setup(bot)`.

    Modules and packages whose name starts with an underscore are private helpers.
    """
    for module in pkgutil.walk_packages(__path__, f"{__name__}.", onerror=_raise):
        if any(part.startswith("_") for part in module.name.split(".")):
            continue
        imported = importlib.import_module(module.name)
        if inspect.iscoroutinefunction(getattr(imported, "setup", None)):
            yield module.name


def _raise(name: str) -> None:
    raise ImportError(f"cannot import extension package {name}")
