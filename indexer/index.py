"""The search index: passages, their BM25 postings, and the corpus data the front ends show."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from indexer.bank import questions_by_passage
from indexer.bm25 import BM25Index, BM25Params
from indexer.checks import BuildMismatch, check_build
from indexer.commonness import build_table
from indexer.compounds import split_compounds
from indexer.corpus import Corpus, fingerprint, load_corpus
from indexer.errors import CorpusError, IndexFileError, Problem
from indexer.models import LANGUAGES, GlossaryEntry, ProgramRecord, Source, TimelineEvent
from indexer.passage_store import PassageStore
from indexer.passages import Passage, passages
from indexer.store import REBUILD_HINT, current_build, read_build, read_manifest, write_build
from indexer.text import Tokenizer, TokenizerConfig

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexStats:
    documents: int
    passages: int
    programs: int
    glossary_terms: int
    built_at: str
    corpus_fingerprint: str


class SearchIndex:
    """Everything a query needs, loaded from disk without re-tokenizing the corpus."""

    def __init__(self, bm25: BM25Index, passages: PassageStore, corpus_data: dict[str, Any],
                 manifest: dict[str, Any], tokenizer: Tokenizer | None = None,
                 word_languages: dict[str, dict[str, float]] | None = None,
                 commonness: dict[str, dict[str, float]] | None = None,
                 bank: BM25Index | None = None,
                 bank_questions: list[list[str]] | None = None,
                 bank_sentences: list[list[int]] | None = None) -> None:
        self.bm25 = bm25
        # The question bank: a second BM25 field over the same passage ids, and the questions
        # of each passage (for the answer gate and "did you mean …?").
        self.bank = bank or BM25Index.build([] for _ in range(len(passages)))
        self.bank_questions = bank_questions or [[] for _ in range(len(passages))]
        # the sentence of the passage that answers each bank question (-1: not recorded)
        self.bank_sentences = bank_sentences or [[-1] * len(q) for q in self.bank_questions]
        self.word_languages = word_languages or {}
        self.commonness = commonness or {}
        self.passages = passages
        self.manifest = manifest
        self.tokenizer = tokenizer or Tokenizer()
        self.sources = {s["id"]: Source.model_validate(s) for s in corpus_data["sources"]}
        self.programs = [ProgramRecord.model_validate(p) for p in corpus_data["programs"]]
        self.glossary = [GlossaryEntry.model_validate(g) for g in corpus_data["glossary"]]
        self.timeline = [TimelineEvent.model_validate(t) for t in corpus_data["timeline"]]
        self.documents: list[dict[str, Any]] = corpus_data["documents"]
        self.corpus_json = corpus_data  # the validated corpus as JSON, saved as it came
        self.compounds = _compounds(self.word_languages, self.tokenizer)

    def tokens(self, text: str, language: str) -> list[str]:
        """Index terms of a passage's text: the tokenizer's, plus the parts of German
        compounds ("kooperationsvertrag" → also "kooperation", "vertrag")."""
        words = self.tokenizer.words(text)
        stops = self.tokenizer.stopwords[language]
        return _with_parts([self.tokenizer.stem(w, language) for w in words if w not in stops],
                           [w for w in words if w not in stops], language, self.compounds)

    @property
    def stats(self) -> IndexStats:
        return IndexStats(
            documents=len(self.documents), passages=len(self.passages),
            programs=len(self.programs), glossary_terms=len(self.glossary),
            built_at=self.manifest.get("built_at", "?"),
            corpus_fingerprint=self.manifest.get("corpus_fingerprint", ""),
        )

    @property
    def corpus_date(self) -> str:
        """The newest `updated` date of the corpus documents."""
        dates = [d["updated"] for d in self.documents if d.get("updated")]
        return str(max(dates) if dates else self.manifest.get("built_at", "")[:10])

    # -- building -----------------------------------------------------------------------

    @classmethod
    def build(cls, corpus: Corpus, tokenizer: Tokenizer | None = None,
              params: BM25Params | None = None) -> SearchIndex:
        tokenizer = tokenizer or Tokenizer()
        items = list(passages(corpus))
        if not items:
            raise CorpusError([Problem(str(corpus.root), None, None,
                                       "has no passages to index")])
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        for p in items:
            for word in set(tokenizer.words(p.text)):
                seen[word][p.language] += 1
        shares = _language_shares(seen)
        compounds = _compounds(shares, tokenizer)

        def tokens(p: Passage) -> list[str]:
            stops = tokenizer.stopwords[p.language]
            words = [w for w in tokenizer.words(f"{p.title}\n{p.heading}\n{p.text}")
                     if w not in stops]
            return _with_parts([tokenizer.stem(w, p.language) for w in words], words,
                               p.language, compounds)

        bm25 = BM25Index.build((tokens(p) for p in items), params)
        by_anchor = questions_by_passage(corpus)
        pairs = [by_anchor.get(p.anchor, []) for p in items]
        asked = [[q for q, _ in found] for found in pairs]
        answering = [[n for _, n in found] for found in pairs]

        def bank_tokens(questions: list[str], language: str) -> list[str]:
            stops = tokenizer.stopwords[language]
            words = [w for q in questions for w in tokenizer.words(q) if w not in stops]
            return _with_parts([tokenizer.stem(w, language) for w in words], words, language,
                               compounds)

        bank = BM25Index.build((bank_tokens(q, p.language) for q, p in zip(asked, items,
                                                                          strict=True)), params)
        manifest = {
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "corpus_fingerprint": corpus.fingerprint,
            "tokenizer": tokenizer.config.to_dict(),
            "bm25": {"k1": bm25.params.k1, "b": bm25.params.b, "epsilon": bm25.params.epsilon,
                     "avgdl": bm25.avgdl},
            "counts": {"passages": len(items), "documents": len(corpus.documents),
                       "bank_questions": sum(map(len, asked)),
                       "programs": len(corpus.programs), "terms": len(bm25.vocabulary)},
        }
        return cls(bm25, PassageStore.from_passages(items), corpus_data(corpus), manifest,
                   tokenizer, shares, build_table(LANGUAGES), bank, asked, answering)

    def save(self, root: Path) -> Path:
        arrays: dict[str, np.ndarray] = {
            "indptr": self.bm25.indptr, "doc_ids": self.bm25.doc_ids,
            "weights": self.bm25.weights, "doc_len": self.bm25.doc_len, "idf": self.bm25.idf,
            "passage_offsets": self.passages.offsets,
            "bank_indptr": self.bank.indptr, "bank_doc_ids": self.bank.doc_ids,
            "bank_weights": self.bank.weights, "bank_doc_len": self.bank.doc_len,
            "bank_idf": self.bank.idf}
        vocabulary = sorted(self.bm25.vocabulary, key=self.bm25.vocabulary.__getitem__)
        bank_vocabulary = sorted(self.bank.vocabulary, key=self.bank.vocabulary.__getitem__)
        return write_build(root, arrays, {"vocabulary": vocabulary, "corpus": self.corpus_json,
                                          "languages": self.word_languages,
                                          "commonness": self.commonness,
                                          "bank": {"vocabulary": bank_vocabulary,
                                                   "avgdl": self.bank.avgdl,
                                                   "questions": self.bank_questions,
                                                   "sentences": self.bank_sentences}},
                           {"passages": self.passages.data}, self.manifest)

    @classmethod
    def load(cls, root: Path, tokenizer: Tokenizer | None = None) -> SearchIndex:
        """Load a saved index; raise IndexFileError if it is missing, damaged or foreign.

        A build saved by another process while this one was reading (and the old build
        removed) is not damage: the load is tried again on the new build.
        """
        root = Path(root)
        for attempt in range(3):
            folder = current_build(root)
            try:
                return cls._load_build(folder, tokenizer)
            except IndexFileError:
                if attempt == 2 or _current_name(root) in (None, folder.name):
                    raise
                log.debug("%s was replaced while loading it; loading the new build", folder)
        raise AssertionError("unreachable")  # pragma: no cover

    @classmethod
    def _load_build(cls, folder: Path, tokenizer: Tokenizer | None) -> SearchIndex:
        manifest = read_manifest(folder)
        arrays, jsons, lines = read_build(folder, manifest)
        try:
            check_build(arrays, jsons, manifest, lines["passages"])
            vocabulary = {term: i for i, term in enumerate(jsons["vocabulary"])}
            p = manifest["bm25"]
            bm25 = BM25Index(vocabulary, arrays["indptr"], arrays["doc_ids"], arrays["weights"],
                             arrays["doc_len"], arrays["idf"],
                             BM25Params(p["k1"], p["b"], p["epsilon"]), p["avgdl"])
            items = PassageStore(lines["passages"], arrays["passage_offsets"])
            saved = jsons["bank"]
            bank = BM25Index({t: i for i, t in enumerate(saved["vocabulary"])},
                             arrays["bank_indptr"], arrays["bank_doc_ids"],
                             arrays["bank_weights"], arrays["bank_doc_len"], arrays["bank_idf"],
                             bm25.params, saved["avgdl"])
            return cls(bm25, items, jsons["corpus"], manifest, tokenizer, jsons["languages"],
                       jsons["commonness"], bank, saved["questions"], saved["sentences"])
        except (BuildMismatch, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise IndexFileError(f"the index in {folder} is inconsistent ({exc}); rebuild it "
                                 "with `python -m bot index`") from None


def _current_name(root: Path) -> str | None:
    try:
        return current_build(root).name
    except IndexFileError:
        return None


def _language_shares(seen: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    """Every word of the corpus text → share of each language among the passages using it."""
    shares = {}
    for word, counts in seen.items():
        total = sum(counts.values())
        shares[word] = {lang: round(n / total, 3) for lang, n in counts.items()}
    return shares


def _compounds(shares: dict[str, dict[str, float]], tokenizer: Tokenizer
               ) -> dict[str, list[str]]:
    """German compounds of the corpus and their parts (see indexer.compounds)."""
    german = [w for w, by_language in shares.items() if by_language.get("de", 0.0) >= 0.5]
    return split_compounds(german, lambda w: tokenizer.stem(w, "de"))


def _with_parts(stems: list[str], words: list[str], language: str,
                compounds: dict[str, list[str]]) -> list[str]:
    if language != "de" or not compounds:
        return stems
    extra = [part for w in words for part in compounds.get(w, ())]
    return stems + extra


def corpus_data(corpus: Corpus) -> dict[str, Any]:
    return {
        "sources": [s.model_dump(mode="json") for s in corpus.sources.values()],
        "programs": [p.model_dump(mode="json") for p in corpus.programs],
        "glossary": [g.model_dump(mode="json") for g in corpus.glossary],
        "timeline": [t.model_dump(mode="json") for t in corpus.timeline],
        "documents": [{**d.meta.model_dump(mode="json"), "path": d.path}
                      for d in corpus.documents],
    }


def is_current(index: SearchIndex, corpus_root: Path) -> bool:
    """True when the index was built from this corpus with this tokenizer."""
    return (index.manifest.get("corpus_fingerprint") == fingerprint(corpus_root)
            and index.manifest.get("tokenizer") == TokenizerConfig().to_dict())


def build_and_save(corpus_root: Path, index_root: Path) -> tuple[SearchIndex, float]:
    """Validate the corpus, build and save the index. Raises CorpusError on a bad corpus,
    IndexFileError when the index folder cannot be written."""
    started = time.perf_counter()
    corpus = load_corpus(corpus_root)
    index = SearchIndex.build(corpus)
    index.save(index_root)
    return index, time.perf_counter() - started


def _build_and_try_to_save(corpus_root: Path, index_root: Path) -> SearchIndex:
    """Build from the corpus; if the index folder cannot be written, serve the new index
    from memory (saying why) rather than not at all."""
    index = SearchIndex.build(load_corpus(corpus_root))
    try:
        index.save(index_root)
    except IndexFileError as exc:
        log.warning("answering from an index built in memory, which could not be saved: %s",
                    exc)
    return index


def ensure_index(corpus_root: Path, index_root: Path) -> SearchIndex:
    """Load the index, rebuilding it first when it is missing, damaged or stale.

    A stale index is kept (with one warning naming the problems) if the corpus is now
    invalid, so a broken corpus file never takes answers away. Raises CorpusError when
    there is no usable index and the corpus is invalid.
    """
    try:
        index = SearchIndex.load(index_root)
    except IndexFileError as exc:
        if (index_root / "CURRENT").exists():
            reason = str(exc).removesuffix(f"; {REBUILD_HINT}")
            log.warning("index not usable (%s); rebuilding it from %s", reason, corpus_root)
        else:
            log.info("no index yet in %s; building it from %s", index_root, corpus_root)
        return _build_and_try_to_save(corpus_root, index_root)
    if is_current(index, corpus_root):
        return index
    started = time.perf_counter()
    try:
        fresh = _build_and_try_to_save(corpus_root, index_root)
    except CorpusError as exc:
        log.error("the corpus has problems; still answering from the previous index "
                  "(built %s).\n%s", index.manifest.get("built_at", "?"), exc.report(limit=10))
        return index
    log.info("corpus changed; rebuilt the index in %.2f s", time.perf_counter() - started)
    return fresh
