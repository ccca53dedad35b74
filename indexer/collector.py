"""Read corpus files and turn every failure into a Problem (file, line, field, message), so
that loading collects all of them before giving up."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from indexer.errors import Problem
from indexer.yaml_lines import YamlSyntaxError, line_of, parse

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 2_000_000
_M = TypeVar("_M", bound=BaseModel)


class Collector:
    """Reads files and turns every failure into a Problem."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.invalid_ids: set[str] = set()  # ids of items that failed validation
        self.lines: dict[tuple[str, str], int | None] = {}  # (file, field) → line
        self.program_files: list[str] = []  # beside Corpus.programs: the file of each

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, message: str, line: int | None = None,
            fld: str | None = None) -> None:
        self.problems.append(Problem(self.rel(path), line, fld, message))

    @contextmanager
    def guard(self, path: Path) -> Iterator[None]:
        """Whatever goes wrong reading one file becomes a problem of that file."""
        try:
            yield
        except Exception as exc:  # a broken corpus must never be a crash
            log.debug("unexpected error loading %s", path, exc_info=True)
            self.add(path, f"could not be loaded ({type(exc).__name__}: {exc})")

    def read_text(self, path: Path) -> str | None:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            self.add(path, "is a symbolic link that loops back on itself; fix or remove it")
            return None
        if not resolved.is_relative_to(self.root.resolve()):
            self.add(path, f"is a link to {resolved}, outside the corpus folder; refusing to "
                     "read it")
            return None
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.add(path, f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit "
                         "per file")
                return None
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            self.add(path, f"is not valid UTF-8 (byte {exc.start}); save it as UTF-8")
            return None
        except OSError as exc:
            self.add(path, f"cannot be read: {exc.strerror or exc}")
            return None
        except ValueError as exc:  # e.g. a NUL byte in a path
            self.add(path, f"cannot be read: {exc}")
            return None
        if not text.strip():
            self.add(path, "is empty")
            return None
        return text.lstrip("\ufeff")

    def parse_yaml(self, path: Path, text: str,
                   line_offset: int = 0) -> tuple[Any, yaml.Node | None]:
        try:
            return parse(text)
        except YamlSyntaxError as exc:
            line = exc.line + line_offset if exc.line is not None else None
            self.add(path, str(exc), line)
            return None, None

    def read_yaml(self, path: Path) -> tuple[Any, yaml.Node | None] | None:
        """The data and node tree of a YAML file, or None after recording why not."""
        text = self.read_text(path)
        if text is None:
            return None
        data, node = self.parse_yaml(path, text)
        return None if data is None and node is None else (data, node)

    def validate(
        self, model: type[_M], data: Any, path: Path, node: yaml.Node | None,
        prefix: tuple[str | int, ...] = (), line_offset: int = 0,
    ) -> _M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                loc = (*prefix, *error["loc"])
                line = line_of(node, loc)
                self.add(
                    path, _describe(error), line + line_offset if line is not None else None,
                    ".".join(str(p) for p in loc) or None,
                )
            return None


def _describe(error: Any) -> str:
    if error["type"] in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"{error['input']!r} is not a calendar date (write it as YYYY-MM-DD)"
    if error["type"] == "missing":
        return "is required but missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field (check the spelling)"
    return str(error["msg"])
