"""Load and validate the whole corpus, collecting every problem before giving up."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from indexer.errors import CorpusError, Problem
from indexer.markdown import FrontMatterError, paragraphs, split_front_matter
from indexer.models import (
    LANGUAGES,
    Document,
    DocumentMeta,
    GlossaryEntry,
    ProgramRecord,
    Source,
    TimelineEvent,
)
from indexer.yaml_lines import YamlSyntaxError, line_of, parse

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 2_000_000
_M = TypeVar("_M", bound=BaseModel)
# Extensions that look like corpus files but are not read; each one is reported, not skipped.
_NEAR_MISSES = {"documents": (".md", {".md", ".markdown", ".mdown", ".txt"}),
                "programs": (".yaml", {".yaml", ".yml", ".json"})}


@dataclass
class Corpus:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    programs: list[ProgramRecord] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    fingerprint: str = ""


def corpus_files(root: Path) -> list[Path]:
    """Every data file of the corpus, in a stable order (misnamed ones too, so that adding
    one makes the index stale and its problem is reported)."""
    files = [root / name for name in ("sources.yaml", "glossary.yaml", "timeline.yaml")]
    files = [f for f in files if f.exists() or f.is_symlink()]
    files += _documents(root) + _programs(root) + misnamed(root)
    return files


def _documents(root: Path) -> list[Path]:
    folder = root / "documents"
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def _programs(root: Path) -> list[Path]:
    folder = root / "programs"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def misnamed(root: Path) -> list[Path]:
    """Files that look meant for the corpus but would not be read: `x.yml` among the
    programs, `x.MD` or `x.markdown` among the documents, `sources.yml` for `sources.yaml`."""
    top = {"sources", "glossary", "timeline"}
    found = sorted(f for f in root.iterdir() if f.stem in top and f.suffix != ".yaml"
                   and f.suffix.lower() in (".yaml", ".yml")) if root.is_dir() else []
    for folder, (wanted, similar) in _NEAR_MISSES.items():
        if not (root / folder).is_dir():
            continue
        candidates = (root / folder).rglob("*") if folder == "documents" else (
            root / folder).glob("*")
        found += sorted(f for f in candidates if f.suffix != wanted
                        and f.suffix.lower() in similar and not f.name.startswith("."))
    return found


def fingerprint(root: Path) -> str:
    """sha256 over the names and bytes of the corpus files: changes when any file changes."""
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()


class _Collector:
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


def load_corpus(root: Path) -> Corpus:
    """Load and validate the corpus in `root`; raise CorpusError listing every problem."""
    root = Path(root)
    if not root.is_dir():
        raise CorpusError([Problem(str(root), None, None, "corpus folder not found")])
    c = _Collector(root)
    corpus = Corpus(root=root)
    corpus.sources = _load_sources(c, root / "sources.yaml")
    corpus.glossary = [g for _, g in _load_list(c, root / "glossary.yaml", "terms",
                                                 GlossaryEntry, True)]
    corpus.timeline = [e for _, e in _load_list(c, root / "timeline.yaml", "events",
                                                 TimelineEvent, False)]
    corpus.documents = _load_documents(c, root)
    corpus.programs = _load_programs(c, root)
    for path in misnamed(root):
        wanted = ".yaml" if path.suffix.lower() in (".yaml", ".yml", ".json") else ".md"
        c.add(path, f"is not read: corpus files end in '{wanted}' (rename it to "
              f"{path.stem}{wanted}, or move it out of the corpus)")
    if not _documents(root) and not _programs(root):
        c.add(root / "documents", "the corpus has no documents and no program records; an "
              "index needs at least one (documents/<language>/*.md or programs/*.yaml)")
    _check_references(c, corpus)
    if c.problems:
        raise CorpusError(c.problems)
    corpus.fingerprint = fingerprint(root)
    log.debug("loaded corpus %s: %d documents, %d programs", root, len(corpus.documents),
              len(corpus.programs))
    return corpus


def _load_list(
    c: _Collector, path: Path, key: str, model: type[_M], required: bool
) -> Iterator[tuple[int, _M]]:
    """The valid items under `key`, each with its position in the file's list."""
    if not path.exists() and not path.is_symlink():
        if required:
            c.add(path, "file is missing")
        return
    items: list[tuple[int, _M]] = []
    with c.guard(path):
        text = c.read_text(path)
        if text is None:
            return
        data, node = c.parse_yaml(path, text)
        if data is None and node is None:
            return
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            c.add(path, f"must be a mapping with a list under '{key}'", 1, key)
            return
        extra = set(data) - {key}
        for name in sorted(extra, key=str):
            c.add(path, "is not a known field (check the spelling)", line_of(node, [name]),
                  str(name))
        rel = c.rel(path)
        for index, item in enumerate(data[key]):
            value = c.validate(model, item, path, node, (key, index))
            c.lines[(rel, f"{key}.{index}.id")] = line_of(node, [key, index, "id"])
            c.lines[(rel, f"{key}.{index}.sources")] = line_of(node, [key, index, "sources"])
            if value is not None:
                items.append((index, value))
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                c.invalid_ids.add(item["id"])
    yield from items


def _load_sources(c: _Collector, path: Path) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for index, source in _load_list(c, path, "sources", Source, True):
        if source.id in sources:
            c.add(path, f"duplicate source id '{source.id}'",
                  c.lines.get((c.rel(path), f"sources.{index}.id")), f"sources.{index}.id")
        sources[source.id] = source
    return sources


def _load_documents(c: _Collector, root: Path) -> list[Document]:
    documents: list[Document] = []
    for path in _documents(root):
        with c.guard(path):
            document = _load_document(c, path)
            if document is not None:
                documents.append(document)
    return documents


def _load_document(c: _Collector, path: Path) -> Document | None:
    text = c.read_text(path)
    if text is None:
        return None
    try:
        front, body, body_line = split_front_matter(text)
    except FrontMatterError as exc:
        c.add(path, str(exc), 1)
        return None
    data, node = c.parse_yaml(path, front, line_offset=1)
    if data is None and node is None:
        return None
    if not isinstance(data, dict):
        c.add(path, "front matter must be a YAML mapping", 2)
        return None
    meta = c.validate(DocumentMeta, data, path, node, line_offset=1)
    if meta is None:
        return None
    rel = c.rel(path)
    for fld in ("id", "sources"):
        line = line_of(node, [fld])
        c.lines[(rel, fld)] = line + 1 if line is not None else None
    folder_language = path.parent.name
    if folder_language in LANGUAGES and folder_language != meta.language.value:
        c.add(path, f"is '{meta.language.value}' but the file is in documents/"
              f"{folder_language}/", (line_of(node, ["language"]) or 0) + 1, "language")
    if not paragraphs(body, body_line):
        c.add(path, "has no text after the front matter", body_line, "body")
        return None
    return Document(meta=meta, body=body, body_line=body_line, path=rel)


def _load_programs(c: _Collector, root: Path) -> list[ProgramRecord]:
    programs: list[ProgramRecord] = []
    for path in _programs(root):
        with c.guard(path):
            record = _load_program(c, path)
            if record is not None:
                programs.append(record)
                c.program_files.append(c.rel(path))
    return programs


def _load_program(c: _Collector, path: Path) -> ProgramRecord | None:
    text = c.read_text(path)
    if text is None:
        return None
    data, node = c.parse_yaml(path, text)
    if data is None and node is None:
        return None
    record = c.validate(ProgramRecord, data, path, node)
    if record is None:
        return None
    rel = c.rel(path)
    c.lines[(rel, "id")] = line_of(node, ["id"])
    c.lines[(rel, "sources")] = line_of(node, ["sources"])
    if record.id != path.stem:
        c.add(path, f"id '{record.id}' does not match the file name '{path.stem}.yaml'",
              line_of(node, ["id"]), "id")
    if record.start and record.end and record.end < record.start:
        c.add(path, f"end {record.end} is before start {record.start}",
              line_of(node, ["end"]), "end")
    return record


def _check_references(c: _Collector, corpus: Corpus) -> None:
    known = corpus.sources
    root = corpus.root

    def check(path: str, ids: list[str] | tuple[str, ...], fld: str,
              line: int | None = None) -> None:
        for source_id in ids:
            if source_id not in known and source_id not in c.invalid_ids:
                c.problems.append(Problem(path, line, fld, f"unknown source id '{source_id}'"))

    for doc in corpus.documents:
        check(doc.path, doc.meta.sources, "sources", c.lines.get((doc.path, "sources")))
        for para in doc.paragraphs():
            check(doc.path, para.sources, "[sources: …]", para.line)
            stray = [s for s in para.sources if s in known and s not in doc.meta.sources]
            if stray:
                c.problems.append(Problem(
                    doc.path, para.line, "[sources: …]",
                    f"cites {', '.join(stray)} but the front matter does not"))
    for program, path in zip(corpus.programs, c.program_files, strict=True):
        check(path, program.sources, "sources", c.lines.get((path, "sources")))
    timeline, glossary = c.rel(root / "timeline.yaml"), c.rel(root / "glossary.yaml")
    for index, event in enumerate(corpus.timeline):
        fld = f"events.{index}.sources"
        check(timeline, event.sources, fld, c.lines.get((timeline, fld)))
    for index, entry in enumerate(corpus.glossary):
        fld = f"terms.{index}.sources"
        check(glossary, entry.sources, fld, c.lines.get((glossary, fld)))

    _duplicates(c, [(d.meta.id, d.path) for d in corpus.documents], "document id")
    _duplicates(c, [(f"{d.meta.topic}/{d.meta.language.value}", d.path)
                    for d in corpus.documents], "topic and language", "topic")
    _duplicates(c, list(zip((p.id for p in corpus.programs), c.program_files, strict=True)),
                "program id")


def _duplicates(c: _Collector, pairs: list[tuple[str, str]], what: str, fld: str = "id") -> None:
    counts = Counter(key for key, _ in pairs)
    for key, path in pairs:
        if counts[key] > 1:
            others = sorted(p for k, p in pairs if k == key and p != path)
            c.problems.append(Problem(path, c.lines.get((path, "id")), fld,
                                      f"duplicate {what} '{key}' (also in {', '.join(others)})"))
