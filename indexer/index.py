"""The search index: passages, their BM25 postings, and the corpus data the front ends show."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, overload

import numpy as np

from indexer.answershapes import ShapeTally, shapes
from indexer.bank import gaps_by_passage, questions_by_passage
from indexer.bm25 import BM25Index, BM25Params
from indexer.checks import BuildMismatch, check_build
from indexer.commonness import build_table, table_arrays, tables
from indexer.compounds import split_compounds
from indexer.corpus import Corpus, corpus_stat, fingerprint, load_corpus
from indexer.errors import CorpusError, IndexFileError, Problem
from indexer.gapwords import GapTally
from indexer.language import LanguageCounts, LanguageTally
from indexer.models import LANGUAGES, GlossaryEntry, ProgramRecord, Source, TimelineEvent
from indexer.passage_store import PassageStore, PassageWriter
from indexer.passages import Passage, passages
from indexer.postings import PostingsWriter
from indexer.store import (
    REBUILD_HINT,
    build_lock,
    current_build,
    read_build,
    read_manifest,
    write_build,
)
from indexer.text import Tokenizer, TokenizerConfig

log = logging.getLogger(__name__)

_T = TypeVar("_T")


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
                 commonness: Mapping[str, Mapping[str, float]] | None = None,
                 bank: BM25Index | None = None,
                 bank_questions: Sequence[list[str]] | None = None,
                 bank_sentences: Sequence[list[int]] | None = None,
                 compounds: dict[str, list[str]] | None = None,
                 gaps: Sequence[list[str]] | None = None,
                 language_counts: LanguageCounts | None = None,
                 gap_odds: dict[str, float] | None = None,
                 shape_lifts: dict[str, dict[str, list[float]]] | None = None) -> None:
        self.bm25 = bm25
        # The question bank: a second BM25 field over the same passage ids, and the questions
        # of each passage (for the answer gate and "did you mean …?").
        self.bank = bank or BM25Index.build([] for _ in range(len(passages)))
        self.bank_questions: Sequence[list[str]] = (
            bank_questions if bank_questions is not None else ByPassage({}, len(passages)))
        # the sentence of the passage that answers each bank question (-1: not recorded)
        self.bank_sentences: Sequence[list[int]] = (
            bank_sentences if bank_sentences is not None else ByPassage(
                {i: [-1] * len(q) for i, q in enumerate(self.bank_questions) if q},
                len(passages)))
        # the questions about each passage's subject that the corpus leaves open (corpus/gaps)
        self.gaps: Sequence[list[str]] = (
            gaps if gaps is not None else ByPassage({}, len(passages)))
        # each term's log odds of being asked by a gap rather than a bank question
        # (indexer.gapwords)
        self.gap_odds = gap_odds or {}
        # language → question word → how much it lifts each shape of an answer
        # (indexer.answershapes)
        self.shape_lifts = shape_lifts or {}
        self.word_languages = word_languages or {}
        self.commonness = commonness or {}
        # each word's occurrences per language in the passages, the bank and the gaps: what
        # tells a question's language (indexer.language); None: function words alone
        self.language_counts = language_counts
        self.passages = passages
        self.manifest = manifest
        self.tokenizer = tokenizer or Tokenizer()
        self.sources = {s["id"]: Source.model_validate(s) for s in corpus_data["sources"]}
        self.programs = [ProgramRecord.model_validate(p) for p in corpus_data["programs"]]
        self.glossary = [GlossaryEntry.model_validate(g) for g in corpus_data["glossary"]]
        self.timeline = [TimelineEvent.model_validate(t) for t in corpus_data["timeline"]]
        self.documents: list[dict[str, Any]] = corpus_data["documents"]
        self.corpus_json = corpus_data  # the validated corpus as JSON, saved as it came
        # saved with the index: working them out stems many non-words (and needs nltk)
        self.compounds = (compounds if compounds is not None
                          else _compounds(self.word_languages, self.tokenizer))

    def tokens(self, text: str, language: str) -> list[str]:
        """Index terms of a passage's text: the tokenizer's, plus the parts of German
        compounds ("kooperationsvertrag" → also "kooperation", "vertrag")."""
        words = self.tokenizer.words(text)
        stops = self.tokenizer.stopwords[language]
        return _with_parts([self.tokenizer.stem(w, language) for w in words if w not in stops],
                           [w for w in words if w not in stops], language, self.compounds)

    @property
    def has_bank(self) -> bool:
        """Does any passage have bank questions? (Without visiting every passage.)"""
        questions = self.bank_questions
        return bool(questions.by_passage) if isinstance(questions, ByPassage) else any(questions)

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
              params: BM25Params | None = None, spill: Path | None = None) -> SearchIndex:
        """Index the corpus, streaming its passages (read twice, never all held at once).
        With `spill`, a folder on the index's file system, postings and passages are
        written there as they are made, so memory stays bounded at any corpus size."""
        tokenizer = tokenizer or Tokenizer()
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        count = 0
        for count, p in enumerate(passages(corpus), 1):  # noqa: B007
            for word in dict.fromkeys(tokenizer.words(p.text)):  # in text order: builds repeat
                seen[word][p.language] += 1
        if not count:
            raise CorpusError([Problem(str(corpus.root), None, None,
                                       "has no passages to index")])
        shares = _language_shares(seen)
        del seen
        compounds = _compounds(shares, tokenizer)

        def tokens(p: Passage) -> list[str]:
            stops = tokenizer.stopwords[p.language]
            words = [w for w in tokenizer.words(f"{p.title}\n{p.heading}\n{p.text}")
                     if w not in stops]
            return _with_parts([tokenizer.stem(w, p.language) for w in words], words,
                               p.language, compounds)

        def question_tokens(question: str, language: str) -> list[str]:
            stops = tokenizer.stopwords[language]
            words = [w for w in tokenizer.words(question) if w not in stops]
            return _with_parts([tokenizer.stem(w, language) for w in words], words, language,
                               compounds)

        by_anchor = questions_by_passage(corpus)
        gaps = gaps_by_passage(corpus)
        params = params or BM25Params()
        # the bank is one more BM25 field: per passage, the tokens of all its bank questions
        postings, bank_postings = PostingsWriter(params, spill), PostingsWriter(params, spill)
        store = PassageWriter(spill)
        asked: dict[int, list[str]] = {}
        answering: dict[int, list[int]] = {}
        open_questions: dict[int, list[str]] = {}
        languages = LanguageTally()  # each word's and trigram's counts per language
        asking = GapTally()  # the terms of the questions answered and left open
        answers = ShapeTally()  # the words of bank questions and the shapes of their answers
        for i, p in enumerate(passages(corpus)):
            postings.add(tokens(p))
            pairs = by_anchor.get(p.anchor, [])
            questions = [q for q, _ in pairs]
            by_question = [question_tokens(q, p.language) for q in questions]
            bank_postings.add([t for terms in by_question for t in terms])
            if questions:
                asked[i] = questions
                answering[i] = [n for _, n in pairs]
            if p.anchor in gaps:
                open_questions[i] = gaps[p.anchor]
            for terms in by_question:
                asking.add(terms, answered=True)
            written = store.add(p)  # its sentences, as saved with it
            shaped = [shapes(s) for s in written] if pairs else []
            for question, number in pairs:
                if 0 <= number < len(shaped):
                    answers.add(p.language, [tokenizer.stem(w, p.language)
                                             for w in tokenizer.words(question)],
                                shaped[number], i)
            for question in gaps.get(p.anchor, ()):
                asking.add(question_tokens(question, p.language), answered=False)
            for text in (p.text, *questions, *gaps.get(p.anchor, ())):
                languages.add(p.language, text)
        bm25, bank, items = postings.finish(), bank_postings.finish(), store.finish()
        tokenizer.remember(tokenizer.stems_of(shares))
        manifest = {
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "corpus_fingerprint": corpus.fingerprint,
            "corpus_stat": corpus.stat,
            "tokenizer": tokenizer.config.to_dict(),
            "bm25": {"k1": bm25.params.k1, "b": bm25.params.b, "epsilon": bm25.params.epsilon,
                     "avgdl": bm25.avgdl},
            "counts": {"passages": len(items), "documents": len(corpus.documents),
                       "bank_questions": sum(map(len, asked.values())),
                       "gap_questions": sum(map(len, open_questions.values())),
                       "programs": len(corpus.programs), "terms": len(bm25.vocabulary)},
        }
        return cls(bm25, items, corpus_data(corpus), manifest, tokenizer, shares,
                   build_table(LANGUAGES), bank, ByPassage(asked, len(items)),
                   ByPassage(answering, len(items)), compounds,
                   ByPassage(open_questions, len(items)), languages.counts(), asking.odds(),
                   answers.lifts())

    def save(self, root: Path) -> Path:
        """Write the index as a new build under `root` (see indexer.store); postings and
        passages a build spilled to files are moved in, not copied. Raises IndexFileError
        when `root` cannot be written."""
        arrays: dict[str, np.ndarray | Path] = {
            **_postings_arrays(self.bm25, ""), **_postings_arrays(self.bank, "bank_"),
            "passage_offsets": self.passages.offsets}
        files = self.passages.files
        lines: dict[str, bytes | memoryview | Path]
        if files is not None and (files / "passages.jsonl").exists():
            lines = {"passages": files / "passages.jsonl",
                     "sentences": files / "sentences.jsonl"}
        else:
            lines = {"passages": self.passages.data, "sentences": self.passages.sentence_data()}
        arrays["sentence_offsets"] = self.passages.sentence_offsets()
        arrays["commonness_words"], arrays["commonness_zipf"], rows = table_arrays(
            self.commonness)
        counts = self.language_counts or LanguageCounts.build([])
        arrays.update(counts.arrays())
        vocabulary = sorted(self.bm25.vocabulary, key=self.bm25.vocabulary.__getitem__)
        bank_vocabulary = sorted(self.bank.vocabulary, key=self.bank.vocabulary.__getitem__)
        questions = {str(i): q for i, q in enumerate(self.bank_questions) if q}
        answering = {key: self.bank_sentences[int(key)] for key in questions}
        gaps = {str(i): q for i, q in enumerate(self.gaps) if q}
        return write_build(root, arrays, {"vocabulary": vocabulary, "corpus": self.corpus_json,
                                          "languages": self.word_languages,
                                          "stems": self.tokenizer.stems_of(self._words()),
                                          "compounds": self.compounds,
                                          "bank": {"vocabulary": bank_vocabulary,
                                                   "avgdl": self.bank.avgdl,
                                                   "questions": questions,
                                                   "sentences": answering,
                                                   "gaps": gaps,
                                                   "gap_odds": self.gap_odds,
                                                   "shape_lifts": self.shape_lifts}},
                           lines, {**self.manifest, "commonness": rows})

    def _words(self) -> set[str]:
        """The words questions are compared with: the corpus text's, the glossary's and the
        question bank's and the open questions' (the answer engine tokenizes a candidate
        passage's bank and open questions)."""
        words = set(self.word_languages)
        words.update(w for entry in self.glossary for _, term in entry.terms()
                     for w in self.tokenizer.words(term))
        for table in (self.bank_questions, self.gaps):
            words.update(w for questions in table for q in questions
                         for w in self.tokenizer.words(q))
        return words

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
        try:
            # the reliability checks run on the mapped files before anything uses them;
            # those that read every posting only when a file had to be hashed (checks.py)
            arrays, jsons, lines = read_build(
                folder, manifest, lambda arrays, jsons, lines, full: check_build(
                    arrays, jsons, manifest, lines, full))
            tokenizer = tokenizer or Tokenizer()
            if manifest.get("tokenizer") == tokenizer.config.to_dict():
                tokenizer.remember(jsons["stems"])
            vocabulary = {term: i for i, term in enumerate(jsons["vocabulary"])}
            p = manifest["bm25"]
            bm25 = BM25Index(vocabulary, arrays["indptr"], arrays["doc_ids"], arrays["weights"],
                             arrays["doc_len"], arrays["idf"],
                             BM25Params(p["k1"], p["b"], p["epsilon"]), p["avgdl"],
                             arrays["max_weight"])
            items = PassageStore(lines["passages"], arrays["passage_offsets"],
                                 (lines["sentences"], arrays["sentence_offsets"]))
            saved = jsons["bank"]
            bank = BM25Index({t: i for i, t in enumerate(saved["vocabulary"])},
                             arrays["bank_indptr"], arrays["bank_doc_ids"],
                             arrays["bank_weights"], arrays["bank_doc_len"], arrays["bank_idf"],
                             bm25.params, saved["avgdl"], arrays["bank_max_weight"])
            questions = ByPassage({int(i): q for i, q in saved["questions"].items()}, len(items))
            answering = ByPassage({int(i): n for i, n in saved["sentences"].items()},
                                  len(items))
            gaps = ByPassage({int(i): q for i, q in saved["gaps"].items()}, len(items))
            commonness = tables(arrays["commonness_words"], arrays["commonness_zipf"],
                                manifest["commonness"])
            return cls(bm25, items, jsons["corpus"], manifest, tokenizer, jsons["languages"],
                       commonness, bank, questions, answering, jsons["compounds"], gaps,
                       LanguageCounts(arrays["language_words"], arrays["language_counts"],
                                      arrays["language_grams"], arrays["language_gram_counts"]),
                       saved["gap_odds"], saved["shape_lifts"])
        except (BuildMismatch, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise IndexFileError(f"the index in {folder} is inconsistent ({exc}); rebuild it "
                                 "with `python -m bot index`") from None


def _current_name(root: Path) -> str | None:
    try:
        return current_build(root).name
    except IndexFileError:
        return None


def _postings_arrays(field: BM25Index, prefix: str) -> dict[str, np.ndarray | Path]:
    """One BM25 field's arrays for `write_build`: the postings a build spilled to files are
    given as those files (moved into the build, not copied)."""
    spilled = field.files if field.files and (field.files / "doc_ids.npy").exists() else None
    return {f"{prefix}indptr": field.indptr,
            f"{prefix}doc_ids": spilled / "doc_ids.npy" if spilled else field.doc_ids,
            f"{prefix}weights": spilled / "weights.npy" if spilled else field.weights,
            f"{prefix}doc_len": field.doc_len, f"{prefix}idf": field.idf,
            f"{prefix}max_weight": field.max_weight}


class ByPassage(Sequence[list[_T]]):
    """A list per passage, kept sparse (most passages have none): the question bank's
    questions of each passage, and the sentence answering each."""

    def __init__(self, by_passage: dict[int, list[_T]], size: int) -> None:
        self.by_passage = by_passage
        self.size = size

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, i: int) -> list[_T]: ...
    @overload
    def __getitem__(self, i: slice) -> list[list[_T]]: ...
    def __getitem__(self, i: int | slice) -> list[_T] | list[list[_T]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.size))]
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError(i)
        return self.by_passage.get(i, [])

    def __iter__(self) -> Iterator[list[_T]]:
        return (self.by_passage.get(i, []) for i in range(self.size))


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
    """True when the index was built from this corpus with this tokenizer. The corpus files
    are hashed only when their sizes, inodes or change times differ from those recorded at
    the build (hashing a large corpus would dominate a cold start)."""
    if index.manifest.get("tokenizer") != TokenizerConfig().to_dict():
        return False
    recorded = index.manifest.get("corpus_stat")
    if recorded is not None and recorded == corpus_stat(corpus_root):
        return True
    return bool(index.manifest.get("corpus_fingerprint") == fingerprint(corpus_root))


@contextmanager
def spill_folder(index_root: Path) -> Iterator[Path]:
    """A scratch folder beside the builds, for a build's postings and passages (moved into
    the build folder when it is saved, so it must be on the same file system)."""
    try:
        index_root.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.TemporaryDirectory(prefix=".spill-", dir=index_root)
    except OSError as exc:
        raise IndexFileError(f"cannot write the index in {index_root}: "
                             f"{exc.strerror or exc}") from None
    with scratch as folder:
        yield Path(folder)


def build_and_save(corpus_root: Path, index_root: Path, wait: bool = True, reuse: bool = False
                   ) -> tuple[SearchIndex, float]:
    """Validate the corpus, build and save the index, holding the build lock (one process
    builds at a time; without `wait`, IndexBusyError if another is building). With `reuse`,
    a build of this very corpus that another process saved meanwhile is loaded instead of
    built again. Raises CorpusError on a bad corpus, IndexFileError when the index folder
    cannot be written."""
    started = time.perf_counter()
    with build_lock(index_root, wait):
        if reuse and (current := _current_index(corpus_root, index_root)) is not None:
            return current, time.perf_counter() - started
        corpus = load_corpus(corpus_root)
        with spill_folder(index_root) as spill:
            index = SearchIndex.build(corpus, spill=spill)
            index.save(index_root)
    return index, time.perf_counter() - started


def _current_index(corpus_root: Path, index_root: Path) -> SearchIndex | None:
    """The saved index, if it loads and was built from the corpus as it is now."""
    try:
        index = SearchIndex.load(index_root)
    except IndexFileError:
        return None
    return index if is_current(index, corpus_root) else None


def _build_and_try_to_save(corpus_root: Path, index_root: Path) -> SearchIndex:
    """Build from the corpus, unless another process, which held the build lock meanwhile,
    has just built it (shard processes starting together build once). If the index folder
    cannot be written, serve the new index from memory (saying why) rather than not at all."""
    built: SearchIndex | None = None
    try:
        with build_lock(index_root):
            if (current := _current_index(corpus_root, index_root)) is not None:
                return current
            corpus = load_corpus(corpus_root)
            with spill_folder(index_root) as spill:
                built = SearchIndex.build(corpus, spill=spill)
                built.save(index_root)
            return built
    except (IndexFileError, OSError) as exc:  # the lock, the spill folder or the save
        log.warning("answering from an index built in memory, which could not be saved: %s",
                    exc)
    # (a build that could not be saved still maps its spilled files: they live on, unnamed,
    # as long as it does)
    return built if built is not None else SearchIndex.build(load_corpus(corpus_root))


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
