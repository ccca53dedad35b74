"""The parity check: the English, Indonesian and German corpus say the same thing.

    documents  every section exists in all three languages, and matching sections state the
               same dates, numbers and hedges (see indexer/statements.py). Sections match by
               the keys in the front matter (`sections:`), else by position.
    programs   each translated field of a program record states the same facts
    timeline   each event states the same facts; S1 and U events carry their hedge
    sources    a url leads to the cited page, not to a home page, archive root or date archive

Differences are reported by file and heading; they never stop the index from being built.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from indexer.corpus import Corpus
from indexer.models import LANGUAGES, Document, LocalizedText
from indexer.statements import Statement, read

NAMES = {"en": "English", "id": "Indonesian", "de": "German"}
# The hedges an S1 or U timeline event must carry (any one of them).
HEDGES_FOR: dict[str, tuple[str, ...]] = {"S1": ("single source", "only the study"),
                                          "U": ("sources disagree", "not in the sources")}
_DATE_SEGMENT = re.compile(r"^\d{1,4}$")


@dataclass(frozen=True, order=True)
class Difference:
    """One way in which the three versions of a text, or a source link, fall short."""

    file: str
    place: str  # section heading(s), program field, timeline event or source id
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.place}: {self.message}"


def check(corpus: Corpus) -> list[Difference]:
    """Every difference in the corpus, sorted by file and place."""
    return sorted({*_documents(corpus), *_programs(corpus), *_timeline(corpus),
                   *_sources(corpus)})


def summary(differences: list[Difference]) -> str:
    """The one-line verdict `index --dry-run` prints."""
    if not differences:
        return ("parity: en, id and de agree on every section, program and event; "
                "every source link leads to its page or is null")
    files = len({d.file for d in differences})
    return f"parity: {len(differences)} difference(s) in {files} file(s)"


def compare(versions: dict[str, Statement]) -> Iterator[tuple[str, str]]:
    """(language at fault, what is wrong) for each fact or hedge not shared by all versions.

    With three versions the odd one out is at fault: the one that lacks what two state,
    or the one that states what two lack.
    """
    facts = {lang: s.facts for lang, s in versions.items()}
    yield from _odd_one_out(facts, "lacks {items}, which {others} state",
                            "states {items}, which {others} do not")
    kinds = {lang: s.hedges for lang, s in versions.items()}
    yield from _odd_one_out(kinds, "lacks the hedge '{items}' that {others} make",
                            "makes the hedge '{items}' that {others} do not")
    for kind in sorted(set().union(*kinds.values())):
        covered = {lang: s.hedged.get(kind, frozenset()) for lang, s in versions.items()}
        for fact in sorted(set().union(*covered.values())):
            hedged = [lang for lang in versions if fact in covered[lang]]
            plain = [lang for lang in versions if fact in facts[lang] and lang not in hedged]
            if not plain:
                continue
            if len(hedged) >= len(plain):
                for lang in plain:
                    yield lang, (f"states {fact} without the hedge '{kind}' that "
                                 f"{_names(hedged)} give it")
            else:
                for lang in hedged:
                    yield lang, f"hedges {fact} as '{kind}'; {_names(plain)} state it plainly"


def _odd_one_out(values: dict[str, frozenset[str]], lacks: str, extra: str
                 ) -> Iterator[tuple[str, str]]:
    faults: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in sorted(set().union(*values.values())):
        holders = [lang for lang in values if item in values[lang]]
        if len(holders) == len(values):
            continue
        others = [lang for lang in values if lang not in holders]
        if len(holders) < len(others):
            for lang in holders:
                faults[(lang, extra.format(items="{items}", others=_names(others)))].append(item)
        else:
            for lang in others:
                faults[(lang, lacks.format(items="{items}", others=_names(holders)))].append(item)
    for (lang, message), items in faults.items():
        yield lang, message.format(items=", ".join(items))


def _names(languages: list[str]) -> str:
    return " and ".join(NAMES[lang] for lang in languages)


def _documents(corpus: Corpus) -> Iterator[Difference]:
    topics: dict[str, dict[str, Document]] = defaultdict(dict)
    for doc in corpus.documents:
        topics[doc.meta.topic][doc.meta.language.value] = doc
    for topic, docs in sorted(topics.items()):
        yield from _topic(topic, docs)


def _topic(topic: str, docs: dict[str, Document]) -> Iterator[Difference]:
    first = docs.get("en") or next(iter(docs.values()))
    missing = [lang for lang in LANGUAGES if lang not in docs]
    if missing:
        yield Difference(first.path, f"topic '{topic}'", f"has no {_names(missing)} version")
        return
    keyed = [lang for lang in LANGUAGES if docs[lang].meta.sections]
    if keyed and len(keyed) < len(LANGUAGES):
        for lang in LANGUAGES:
            if lang not in keyed:
                yield Difference(docs[lang].path, "front matter", "has no section keys, but "
                                 f"its {_names(keyed)} versions do; add `sections:`")
        return
    if not keyed:
        uneven = [lang for lang in LANGUAGES
                  if len(docs[lang].sections()) != len(first.sections())]
        for lang in uneven:
            yield Difference(docs[lang].path, "sections", f"has {len(docs[lang].sections())} "
                             f"sections, the English version {len(first.sections())}; match "
                             "them with `sections:` keys")
        if uneven:
            return
    groups: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for lang in LANGUAGES:
        found = docs[lang].sections()
        keys = docs[lang].meta.sections or [str(n) for n in range(1, len(found) + 1)]
        for key, (heading, paras) in zip(keys, found, strict=True):
            groups[key][lang].append((heading, " ".join(p.text for p in paras)))
    for key, versions in groups.items():
        absent = [lang for lang in LANGUAGES if lang not in versions]
        if absent:
            present = next(iter(versions))
            for lang in absent:
                yield Difference(docs[lang].path, f"section key '{key}'", "has no section for "
                                 f"{_headings(versions[present])} ({NAMES[present]})")
            continue
        statements = {lang: read(" ".join(t for _, t in versions[lang]), lang)
                      for lang in LANGUAGES}
        for lang, message in compare(statements):
            yield Difference(docs[lang].path, _headings(versions[lang]), message)


def _headings(sections: list[tuple[str, str]]) -> str:
    return " + ".join(f"'{heading}'" for heading, _ in sections)


def _localized(file: str, place: str, text: LocalizedText) -> Iterator[Difference]:
    statements = {lang: read(text.get(lang), lang) for lang in LANGUAGES}
    for lang, message in compare(statements):
        yield Difference(file, f"{place} ({lang})", message)


def _programs(corpus: Corpus) -> Iterator[Difference]:
    for program in corpus.programs:
        file = _rel(corpus, "programs", f"{program.id}.yaml")
        for name in ("name", "summary", "how_to_take_part"):
            yield from _localized(file, name, getattr(program, name))


def _timeline(corpus: Corpus) -> Iterator[Difference]:
    file = _rel(corpus, "timeline.yaml")
    for number, event in enumerate(corpus.timeline, 1):
        place = f"event {number} ({event.date})"
        yield from _localized(file, place, event.text)
        wanted = HEDGES_FOR.get(event.confidence.value)
        if wanted is None:
            continue
        for lang in LANGUAGES:
            if not read(event.text.get(lang), lang).hedges & set(wanted):
                yield Difference(file, f"{place} ({lang})", f"is marked {event.confidence.value}"
                                 f" but its {NAMES[lang]} text has no '{wanted[0]}' hedge")


def _sources(corpus: Corpus) -> Iterator[Difference]:
    file = _rel(corpus, "sources.yaml")
    for source in corpus.sources.values():
        problem = link_problem(source.url) if source.url else None
        if problem:
            yield Difference(file, source.id, f"url {problem}; set url to null and keep the "
                             "site in `site`")


def link_problem(url: str) -> str | None:
    """Why `url` does not lead to a cited page, or None if it may."""
    parts = urlsplit(url)
    path = parts.path.strip("/")
    if not path and not parts.query:
        return f"is the home page of {parts.hostname}, not the cited page"
    if parts.hostname == "web.archive.org" and not re.match(r"web/\d{4,14}", path):
        return "is the Internet Archive itself, not an archived copy of the page"
    if not parts.query and all(_DATE_SEGMENT.match(s) for s in path.split("/")):
        return f"is the date archive /{path}/ of {parts.hostname}, not the cited page"
    return None


def _rel(corpus: Corpus, *parts: str) -> str:
    return Path(corpus.root.name, *parts).as_posix()
