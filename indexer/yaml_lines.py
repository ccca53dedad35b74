"""Parse YAML and find the line of a field, so validation errors can point at it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

try:  # the C loader is several times faster on large corpora
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, with libyaml's loader where PyYAML has it (the word lists are read on
    every start)."""
    return yaml.load(text, Loader=_SafeLoader)


class _Loader(_SafeLoader):
    """The safe loader, except that dates stay text.

    PyYAML turns `2026-02-30` into a `datetime.date` while loading and raises a bare
    ValueError (no file, no line) for a day that does not exist. Kept as text, a date is
    checked by the pydantic model instead, whose error names the field and so the line.
    """


def _scalar_text(loader: _SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _scalar_text)


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """Return the data and its node tree (for line look-ups)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlSyntaxError(f"invalid YAML: {exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"invalid YAML: {exc}", None) from None
    except RecursionError:
        raise YamlSyntaxError("invalid YAML: nested too deeply", None) from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. `!!int abc`
        raise YamlSyntaxError(f"invalid YAML value: {exc}", None) from None
    return data, node


def line_of(node: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """1-based line of the deepest node along `path` (keys and list indices)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(key):
                    node = value_node
                    line = key_node.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                return line
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line
