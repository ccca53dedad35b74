"""Load and validate the whole corpus, collecting every problem before giving up."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from indexer.bank import (
    MAX_QUESTION_CHARS,
    BankEntry,
    answering_sentence,
    bank_files,
    gap_files,
)
from indexer.collector import Collector
from indexer.corpus_files import (
    corpus_files,
    corpus_stat,
    document_files,
    fingerprint,
    misnamed,
    program_files,
)
from indexer.errors import CorpusError, Problem
from indexer.markdown import FrontMatterError, paragraphs, sections, split_front_matter
from indexer.models import (
    LANGUAGES,
    Document,
    DocumentMeta,
    GlossaryEntry,
    ProgramRecord,
    Source,
    TimelineEvent,
    text_digest,
)
from indexer.yaml_lines import line_of

__all__ = ["Corpus", "corpus_files", "corpus_stat", "fingerprint", "load_corpus"]

log = logging.getLogger(__name__)

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
    gaps: list[BankEntry] = field(default_factory=list)  # questions the corpus leaves open
    fingerprint: str = ""
    stat: str | None = None  # corpus_stat before reading, if every file had settled


def load_corpus(root: Path) -> Corpus:
    """Load and validate the corpus in `root`; raise CorpusError listing every problem."""
    root = Path(root)
    if not root.is_dir():
        raise CorpusError([Problem(str(root), None, None, "corpus folder not found")])
    c = Collector(root)
    corpus = Corpus(root=root, stat=corpus_stat(root, settled_before=time.time_ns()))
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
    if not document_files(root) and not program_files(root):
        c.add(root / "documents", "the corpus has no documents and no program records; an "
              "index needs at least one (documents/<language>/*.md or programs/*.yaml)")
    _check_references(c, corpus)
    if not c.problems:  # anchors can only be checked against a valid corpus
        corpus.bank = _load_bank(c, corpus, bank_files(root), "bank")
        corpus.gaps = _load_bank(c, corpus, gap_files(root), "gaps")
    if c.problems:
        raise CorpusError(c.problems)
    corpus.fingerprint = fingerprint(root)
    log.debug("loaded corpus %s: %d documents, %d programs", root, len(corpus.documents),
              len(corpus.programs))
    return corpus


def _load_list(
    c: Collector, path: Path, key: str, model: type[_M], required: bool
) -> Iterator[tuple[int, _M]]:
    """The valid items under `key`, each with its position in the file's list."""
    if not path.exists() and not path.is_symlink():
        if required:
            c.add(path, "file is missing")
        return
    items: list[tuple[int, _M]] = []
    with c.guard(path):
        found = c.read_yaml(path)
        if found is None:
            return
        data, node = found
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


def _load_sources(c: Collector, path: Path) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for index, source in _load_list(c, path, "sources", Source, True):
        if source.id in sources:
            c.add(path, f"duplicate source id '{source.id}'",
                  c.lines.get((c.rel(path), f"sources.{index}.id")), f"sources.{index}.id")
        sources[source.id] = source
    return sources


def _load_documents(c: Collector, root: Path) -> list[Document]:
    documents: list[Document] = []
    for path in document_files(root):
        with c.guard(path):
            document = _load_document(c, path)
            if document is not None:
                documents.append(document)
    return documents


def _load_document(c: Collector, path: Path) -> Document | None:
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
    found = len(sections(paragraphs(body, body_line)))
    if meta.sections and len(meta.sections) != found:
        c.add(path, f"lists {len(meta.sections)} section keys but the document has {found} "
              "sections; give one key per section, in order",
              (line_of(node, ["sections"]) or 0) + 1, "sections")
    return Document(meta=meta, body_line=body_line, path=rel, file=path,
                    digest=text_digest(text))


def _load_programs(c: Collector, root: Path) -> list[ProgramRecord]:
    programs: list[ProgramRecord] = []
    for path in program_files(root):
        with c.guard(path):
            record = _load_program(c, path)
            if record is not None:
                programs.append(record)
                c.program_files.append(c.rel(path))
    return programs


def _load_program(c: Collector, path: Path) -> ProgramRecord | None:
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


def _check_references(c: Collector, corpus: Corpus) -> None:
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


def _duplicates(c: Collector, pairs: list[tuple[str, str]], what: str, fld: str = "id") -> None:
    counts = Counter(key for key, _ in pairs)
    for key, path in pairs:
        if counts[key] > 1:
            others = sorted(p for k, p in pairs if k == key and p != path)
            c.problems.append(Problem(path, c.lines.get((path, "id")), fld,
                                      f"duplicate {what} '{key}' (also in {', '.join(others)})"))


def _load_bank(c: Collector, corpus: Corpus, paths: list[Path], folder: str
               ) -> list[BankEntry]:
    """Bank files (or gap files, `folder` "gaps"): a mapping of passage anchor → list of
    questions in the folder's language."""
    from indexer.passages import passages

    files: list[tuple[Path, dict[Any, Any], yaml.Node | None]] = []
    for path in paths:
        with c.guard(path):
            found = c.read_yaml(path)
            if found is None:
                continue
            if not isinstance(found[0], dict):
                c.add(path, "must be a mapping of passage anchor to a list of questions", 1)
                continue
            files.append((path, found[0], found[1]))
    if not files:
        return []
    # only the passages the bank names are kept, not the whole corpus
    wanted = {str(anchor) for _, data, _ in files for anchor in data}
    anchors: dict[str, str] = {}
    texts: dict[str, str] = {}
    for p in passages(corpus):
        if p.anchor in wanted:
            anchors[p.anchor], texts[p.anchor] = p.language, p.text
    entries: list[BankEntry] = []
    for path, data, node in files:
        with c.guard(path):
            entries += _bank_file(c, path, data, node, anchors, texts, folder)
    return entries


def _bank_file(c: Collector, path: Path, data: dict[Any, Any], node: yaml.Node | None,
               anchors: dict[str, str], texts: dict[str, str], folder: str = "bank"
               ) -> list[BankEntry]:
    """One bank file's entries (anchor → questions), each checked against its passage. A gap
    file's questions are plain text: no sentence of the passage answers them."""
    from indexer.sentences import split_sentences

    language = path.parent.name
    entries: list[BankEntry] = []
    for anchor, questions in data.items():
        line = line_of(node, [str(anchor)])
        if anchor not in anchors:
            c.add(path, f"no passage has the anchor '{anchor}' (list them with "
                  "`python -m bot bank passages`)", line, str(anchor))
            continue
        if anchors[anchor] != language:
            c.add(path, f"'{anchor}' is a passage in '{anchors[anchor]}', but this file "
                  f"is in {folder}/{language}/", line, str(anchor))
            continue
        if not isinstance(questions, list) or not questions:
            c.add(path, "must be a non-empty list of questions", line, str(anchor))
            continue
        good: list[str] = []
        answers: list[int] = []
        sentences = split_sentences(texts[anchor])
        for n, item in enumerate(questions):
            where = line_of(node, [str(anchor), n])
            question, opening = (item.get("q"), item.get("answer")) if isinstance(
                item, dict) else (item, None)
            if folder == "gaps" and not isinstance(item, str):
                c.add(path, "a question the corpus leaves open is plain text (no 'answer': "
                      "no sentence answers it)", where, f"{anchor}.{n}")
            elif isinstance(item, dict) and set(item) - {"q", "answer"}:
                c.add(path, "a question is text, or a mapping with 'q' and 'answer' (the "
                      "opening words of the sentence that answers it)", where,
                      f"{anchor}.{n}")
            elif not isinstance(question, str) or not question.strip():
                c.add(path, "a question must be non-empty text", where, f"{anchor}.{n}")
            elif len(question) > MAX_QUESTION_CHARS:
                c.add(path, f"question is over {MAX_QUESTION_CHARS} characters", where,
                      f"{anchor}.{n}")
            else:
                number = -1 if opening is None else (
                    answering_sentence(sentences, opening) if isinstance(opening, str) else None)
                if number is None:
                    c.add(path, f"'answer: {opening}' must be words of exactly one sentence "
                          "of the passage", where, f"{anchor}.{n}.answer")
                else:
                    good.append(" ".join(question.split()))
                    answers.append(number)
        entries.append(BankEntry(str(anchor), language, tuple(good), c.rel(path), line,
                                 tuple(answers)))
    return entries
