"""The question bank: for each passage, questions it answers, as people ask them.

Document expansion written by hand (doc2query, Nogueira et al. 2019): `corpus/bank/<lang>/*.yaml`
map a passage anchor (see `Passage.anchor`) to questions in that language. The bank is indexed
as a BM25 field of its own beside the passage text, so a question in other words than the
passage's still finds it; bank questions are never quoted as answers.

Beside it, the corpus's known gaps: `corpus/gaps/<lang>/*.yaml` map a passage anchor to
questions about the passage's subject that the corpus does not answer ("How many members does
the DIG have?" beside the passage on its founding), written from the passage like the bank.
They are the contrast the answer gate needs: a question closer to a known gap than to any
bank question is more likely a near miss than a paraphrase. Never quoted, never suggested.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.models import LANGUAGES

if TYPE_CHECKING:
    from indexer.corpus import Corpus

MAX_QUESTION_CHARS = 300


@dataclass(frozen=True)
class BankEntry:
    """The questions one passage answers, as written in one bank file."""

    anchor: str
    language: str
    questions: tuple[str, ...]
    path: str  # relative to the corpus folder's parent, for error messages
    line: int | None
    # For each question, the number of the passage's sentence that answers it (-1: not given).
    sentences: tuple[int, ...] = ()


def bank_files(root: Path) -> list[Path]:
    return _language_files(root / "bank")


def gap_files(root: Path) -> list[Path]:
    return _language_files(root / "gaps")


def _language_files(folder: Path) -> list[Path]:
    """`folder/<lang>/*.yaml` for every language, sorted (none if the folder is missing)."""
    if not folder.is_dir():
        return []
    return sorted(p for lang in LANGUAGES for p in (folder / lang).glob("*.yaml"))


def gaps_by_passage(corpus: Corpus) -> dict[str, list[str]]:
    """Anchor → the questions about its subject the corpus leaves open, all files in order."""
    result: dict[str, list[str]] = {}
    for entry in corpus.gaps:
        result.setdefault(entry.anchor, []).extend(entry.questions)
    return result


def questions_by_passage(corpus: Corpus) -> dict[str, list[tuple[str, int]]]:
    """Anchor → its bank questions with the number of the sentence that answers each (-1 if
    the bank does not say), all files in file order."""
    result: dict[str, list[tuple[str, int]]] = {}
    for entry in corpus.bank:
        sentences = entry.sentences or (-1,) * len(entry.questions)
        result.setdefault(entry.anchor, []).extend(zip(entry.questions, sentences, strict=True))
    return result


def answering_sentence(sentences: list[str], opening: str) -> int | None:
    """The one sentence that contains `opening` (a few words quoted from it), or None when
    none or several do."""
    wanted = " ".join(opening.split())
    found = [n for n, s in enumerate(sentences) if wanted in " ".join(s.split())]
    return found[0] if len(found) == 1 else None


def bank_path(root: Path, language: str, anchor: str, folder: str = "bank") -> Path:
    """The bank file (or, `folder` "gaps", the gap file) a new question for `anchor` goes
    into: the one named after its document topic, program or timeline group."""
    origin, _, part = anchor.partition("#")
    if origin.startswith("timeline-"):
        group = "timeline"
    elif "/" in part:  # a document paragraph: "<topic>-<lang>#<section>/<k>"
        group = origin.rsplit("-", 1)[0]
    else:
        group = "program"
    return root / folder / language / f"{group}.yaml"


def add_question(root: Path, language: str, anchor: str, question: str,
                 folder: str = "bank") -> Path:
    """Append `question` under `anchor` in its bank file (with `folder` "gaps": as a question
    the corpus leaves open) (created if missing), keeping the rest of the file as written.
    The caller validates the corpus afterwards."""
    import yaml

    path = bank_path(root, language, anchor, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    title = "Question bank" if folder == "bank" else "Questions the corpus leaves open"
    text = path.read_text("utf-8") if path.exists() else f"# {title} ({language})\n"
    line = f"  - {yaml.safe_dump(question, allow_unicode=True, width=10_000).strip()}\n"
    if line.endswith("...\n"):  # safe_dump of a plain scalar may end the document
        line = line[: -len("\n...\n")] + "\n"
    key = f"{yaml.safe_dump(anchor, width=10_000).strip().removesuffix('...').strip()}:"
    lines = text.splitlines(keepends=True)
    for n, existing in enumerate(lines):
        if existing.rstrip() in (key, f'"{anchor}":', f"'{anchor}':"):
            end = n + 1
            while end < len(lines) and lines[end].startswith((" ", "\t")):
                end += 1
            lines.insert(end, line)
            break
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines += [f'"{anchor}":\n', line]
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text("".join(lines), "utf-8")
    tmp.replace(path)
    return path
