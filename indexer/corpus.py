"""Load and validate the whole corpus, collecting every problem before giving up."""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from indexer.bank import MAX_QUESTION_CHARS, BankEntry, bank_files
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


@dataclass
class Corpus:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    programs: list[ProgramRecord] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    bank: list[BankEntry] = field(default_factory=list)
    fingerprint: str = ""
    stat: str | None = None  # corpus_stat before reading, if every file had settled


def corpus_files(root: Path) -> list[Path]:
    """Every data file of the corpus, in a stable order."""
    files = [root / name for name in ("sources.yaml", "glossary.yaml", "timeline.yaml")]
    files = [f for f in files if f.exists() or f.is_symlink()]
    files += sorted((root / "documents").rglob("*.md")) if (root / "documents").is_dir() else []
    files += sorted((root / "programs").glob("*.yaml")) if (root / "programs").is_dir() else []
    return files + bank_files(root)


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


def corpus_stat(root: Path, settled_before: int | None = None) -> str | None:
    """A digest of the corpus files' names, sizes, inodes and change times: equal means
    unchanged (any write moves the ctime) without reading the files. With `settled_before`
    (ns), None if a file changed within a second of it: timestamps are coarse, so a change in
    the same tick could leave them equal."""
    digest = hashlib.sha256()
    for path in corpus_files(root):
        try:
            stat = path.stat()
        except OSError:
            return None
        if settled_before is not None and max(stat.st_mtime_ns, stat.st_ctime_ns) > (
                settled_before - 1_000_000_000):
            return None
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_ino}\0"
                      f"{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0".encode())
    return digest.hexdigest()


class _Collector:
    """Reads files and turns every failure into a Problem."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.invalid_ids: set[str] = set()  # ids of items that failed validation

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, message: str, line: int | None = None, fld: str | None = None) -> None:
        self.problems.append(Problem(self.rel(path), line, fld, message))

    def read_text(self, path: Path) -> str | None:
        resolved = path.resolve()
        if not resolved.is_relative_to(self.root.resolve()):
            self.add(path, f"is a link to {resolved}, outside the corpus folder; refusing to read it")
            return None
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.add(path, f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit per file")
                return None
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            self.add(path, f"is not valid UTF-8 (byte {exc.start}); save it as UTF-8")
            return None
        except OSError as exc:
            self.add(path, f"cannot be read: {exc.strerror or exc}")
            return None
        if not text.strip():
            self.add(path, "is empty")
            return None
        return text.lstrip("\ufeff")

    def parse_yaml(self, path: Path, text: str, line_offset: int = 0) -> tuple[Any, yaml.Node | None]:
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
    corpus = Corpus(root=root, stat=corpus_stat(root, settled_before=time.time_ns()))
    corpus.sources = _load_sources(c, root / "sources.yaml")
    corpus.glossary = list(_load_list(c, root / "glossary.yaml", "terms", GlossaryEntry, True))
    corpus.timeline = list(_load_list(c, root / "timeline.yaml", "events", TimelineEvent, False))
    corpus.documents = _load_documents(c, root)
    corpus.programs = _load_programs(c, root)
    _check_references(c, corpus)
    if not c.problems:  # anchors can only be checked against a valid corpus
        corpus.bank = _load_bank(c, corpus)
    if c.problems:
        raise CorpusError(c.problems)
    corpus.fingerprint = fingerprint(root)
    log.debug("loaded corpus %s: %d documents, %d programs", root, len(corpus.documents),
              len(corpus.programs))
    return corpus


def _load_list(
    c: _Collector, path: Path, key: str, model: type[_M], required: bool
) -> Iterator[_M]:
    if not path.exists() and not path.is_symlink():
        if required:
            c.add(path, "file is missing")
        return
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
    for name in sorted(extra):
        c.add(path, "is not a known field (check the spelling)", line_of(node, [name]), name)
    for index, item in enumerate(data[key]):
        value = c.validate(model, item, path, node, (key, index))
        if value is not None:
            yield value
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            c.invalid_ids.add(item["id"])


def _load_sources(c: _Collector, path: Path) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for source in _load_list(c, path, "sources", Source, True):
        if source.id in sources:
            c.add(path, f"duplicate source id '{source.id}'", None, "id")
        sources[source.id] = source
    return sources


def _load_documents(c: _Collector, root: Path) -> list[Document]:
    documents: list[Document] = []
    folder = root / "documents"
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        text = c.read_text(path)
        if text is None:
            continue
        try:
            front, body, body_line = split_front_matter(text)
        except FrontMatterError as exc:
            c.add(path, str(exc), 1)
            continue
        data, node = c.parse_yaml(path, front, line_offset=1)
        if data is None and node is None:
            continue
        if not isinstance(data, dict):
            c.add(path, "front matter must be a YAML mapping", 2)
            continue
        meta = c.validate(DocumentMeta, data, path, node, line_offset=1)
        if meta is None:
            continue
        folder_language = path.parent.name
        if folder_language in LANGUAGES and folder_language != meta.language.value:
            c.add(path, f"is '{meta.language.value}' but the file is in documents/"
                  f"{folder_language}/", (line_of(node, ["language"]) or 0) + 1, "language")
        if not paragraphs(body, body_line):
            c.add(path, "has no text after the front matter", body_line, "body")
            continue
        documents.append(Document(meta=meta, body=body, body_line=body_line, path=c.rel(path)))
    return documents


def _load_programs(c: _Collector, root: Path) -> list[ProgramRecord]:
    programs: list[ProgramRecord] = []
    folder = root / "programs"
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        text = c.read_text(path)
        if text is None:
            continue
        data, node = c.parse_yaml(path, text)
        if data is None and node is None:
            continue
        record = c.validate(ProgramRecord, data, path, node)
        if record is None:
            continue
        if record.id != path.stem:
            c.add(path, f"id '{record.id}' does not match the file name '{path.stem}.yaml'",
                  line_of(node, ["id"]), "id")
        if record.start and record.end and record.end < record.start:
            c.add(path, f"end {record.end} is before start {record.start}",
                  line_of(node, ["end"]), "end")
        programs.append(record)
    return programs


def _check_references(c: _Collector, corpus: Corpus) -> None:
    known = corpus.sources
    root = corpus.root

    def check(path: Path | str, ids: list[str] | tuple[str, ...], fld: str,
              line: int | None = None) -> None:
        for source_id in ids:
            if source_id not in known and source_id not in c.invalid_ids:
                c.problems.append(Problem(str(path), line, fld, f"unknown source id '{source_id}'"))

    for doc in corpus.documents:
        check(doc.path, doc.meta.sources, "sources")
        for para in doc.paragraphs():
            check(doc.path, para.sources, "[sources: …]", para.line)
            stray = [s for s in para.sources if s in known and s not in doc.meta.sources]
            if stray:
                c.problems.append(Problem(doc.path, para.line, "[sources: …]",
                                          f"cites {', '.join(stray)} but the front matter does not"))
    for program in corpus.programs:
        check(f"{c.rel(root / 'programs')}/{program.id}.yaml", program.sources, "sources")
    for index, event in enumerate(corpus.timeline):
        check(c.rel(root / "timeline.yaml"), event.sources, f"events.{index}.sources")
    for index, entry in enumerate(corpus.glossary):
        check(c.rel(root / "glossary.yaml"), entry.sources, f"terms.{index}.sources")

    _duplicates(c, [(d.meta.id, d.path) for d in corpus.documents], "document id")
    _duplicates(c, [(f"{d.meta.topic}/{d.meta.language.value}", d.path)
                    for d in corpus.documents], "topic and language")
    _duplicates(c, [(p.id, f"{c.rel(root / 'programs')}/{p.id}.yaml") for p in corpus.programs],
                "program id")


def _duplicates(c: _Collector, pairs: list[tuple[str, str]], what: str) -> None:
    counts = Counter(key for key, _ in pairs)
    for key, path in pairs:
        if counts[key] > 1:
            others = sorted(p for k, p in pairs if k == key and p != path)
            c.problems.append(Problem(path, None, "id", f"duplicate {what} '{key}' (also in "
                                      f"{', '.join(others)})"))


def _load_bank(c: _Collector, corpus: Corpus) -> list[BankEntry]:
    """Bank files: a mapping of passage anchor → list of questions in the folder's language."""
    from indexer.passages import passages

    anchors = {p.anchor: p.language for p in passages(corpus)}
    entries: list[BankEntry] = []
    for path in bank_files(corpus.root):
        language = path.parent.name
        text = c.read_text(path)
        if text is None:
            continue
        data, node = c.parse_yaml(path, text)
        if data is None and node is None:
            continue
        if not isinstance(data, dict):
            c.add(path, "must be a mapping of passage anchor to a list of questions", 1)
            continue
        for anchor, questions in data.items():
            line = line_of(node, [str(anchor)])
            if anchor not in anchors:
                c.add(path, f"no passage has the anchor '{anchor}' (list them with "
                      "`python -m bot bank passages`)", line, str(anchor))
                continue
            if anchors[anchor] != language:
                c.add(path, f"'{anchor}' is a passage in '{anchors[anchor]}', but this file "
                      f"is in bank/{language}/", line, str(anchor))
                continue
            if not isinstance(questions, list) or not questions:
                c.add(path, "must be a non-empty list of questions", line, str(anchor))
                continue
            good = []
            for n, question in enumerate(questions):
                where = line_of(node, [str(anchor), n])
                if not isinstance(question, str) or not question.strip():
                    c.add(path, "a question must be non-empty text", where, f"{anchor}.{n}")
                elif len(question) > MAX_QUESTION_CHARS:
                    c.add(path, f"question is over {MAX_QUESTION_CHARS} characters", where,
                          f"{anchor}.{n}")
                else:
                    good.append(" ".join(question.split()))
            entries.append(BankEntry(str(anchor), language, tuple(good), c.rel(path), line))
    return entries
