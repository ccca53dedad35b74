"""Check a loaded build before anything uses it: shapes, dtypes, ranges and JSON types.

Checksums catch damage, not a build that was edited and re-checksummed (or written by a
buggy program): a negative passage id or a vocabulary of numbers would otherwise surface as
an IndexError or AttributeError in the middle of answering a question. Everything here is
vectorised or touches only small JSON, so loading stays fast at 100k passages; passages
themselves are checked when first read (see PassageStore).

The arrays and line files are memory-mapped (see `indexer.store`). The checks that read
every posting or every line (passage ids in range, finite weights, offsets on line ends)
and the types of everything in the JSON files run only with `full`: when a file of the
build had to be hashed on this load. A build whose files are all trusted from
`verified.json` is byte for byte the one that passed them before, so a cold start checks
only the shapes, dtypes and offsets of the arrays.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from indexer.answershapes import SHAPES
from indexer.bm25 import term_maxima
from indexer.models import LANGUAGES

POSTINGS = {"indptr": np.int64, "doc_ids": np.int32, "weights": np.float64,
            "doc_len": np.int64, "idf": np.float64, "max_weight": np.float64}
DTYPES = {**POSTINGS, "passage_offsets": np.int64, "sentence_offsets": np.int64,
          **{f"bank_{name}": dtype for name, dtype in POSTINGS.items()},
          "commonness_zipf": np.float64, "language_counts": np.float64,
          "language_gram_counts": np.float64}
CORPUS_LISTS = ("sources", "programs", "glossary", "timeline", "documents")
DOCUMENT_TEXT = ("id", "topic", "title", "language", "updated", "path")


class BuildMismatch(ValueError):
    """What is wrong with a build, in a few words."""


def check_build(arrays: dict[str, np.ndarray], jsons: dict[str, Any],
                manifest: dict[str, Any], lines: dict[str, bytes | memoryview],
                full: bool = True) -> None:
    """Raise BuildMismatch unless the parts of a build fit together. Without `full`, the
    checks that read every posting and line are left out (see the module docstring)."""
    for name, dtype in DTYPES.items():
        array = arrays[name]
        if array.dtype != np.dtype(dtype) or array.ndim != 1:
            raise BuildMismatch(f"{name} is {array.dtype} of {array.ndim} dimension(s), "
                                f"expected a 1-d {np.dtype(dtype)} array")
    if full:  # (JSON of trusted files is the very JSON that passed before, like the arrays)
        _check_json(jsons)
    _check_params(manifest)
    n_docs = len(arrays["passage_offsets"]) - 1
    if n_docs < 1:
        raise BuildMismatch("the index has no passages")
    _check_postings(arrays, "", len(jsons["vocabulary"]), n_docs, full)
    bank = jsons["bank"]
    _check_postings(arrays, "bank_", len(bank["vocabulary"]), n_docs, full)
    questions, sentences = bank["questions"], bank["sentences"]
    if (questions.keys() != sentences.keys()
            or not all(key.isdigit() and int(key) < n_docs for key in questions)
            or any(len(q) != len(sentences[key]) for key, q in questions.items())):
        raise BuildMismatch("the question bank does not match the passages")
    if not all(key.isdigit() and int(key) < n_docs for key in bank["gaps"]):
        raise BuildMismatch("the corpus's open questions do not match the passages")
    if len(arrays["sentence_offsets"]) != n_docs + 1:
        raise BuildMismatch("the sentence file does not match the passages")
    _check_offsets(arrays["passage_offsets"], lines["passages"], "passage", full)
    _check_offsets(arrays["sentence_offsets"], lines["sentences"], "sentence", full)
    _check_commonness(arrays["commonness_words"], arrays["commonness_zipf"],
                      manifest.get("commonness"), full)
    for keys, counts in (("language_words", "language_counts"),
                         ("language_grams", "language_gram_counts")):
        _check_language_counts(keys, arrays[keys], arrays[counts], full)


def _check_postings(arrays: dict[str, np.ndarray], prefix: str, n_terms: int, n_docs: int,
                    full: bool) -> None:
    """One BM25 field's postings (the text's, or the question bank's with prefix 'bank_')."""
    field = "the question bank's " if prefix else ""
    indptr, doc_ids = arrays[f"{prefix}indptr"], arrays[f"{prefix}doc_ids"]
    if (len(indptr) != n_terms + 1 or len(arrays[f"{prefix}idf"]) != n_terms
            or len(arrays[f"{prefix}max_weight"]) != n_terms):
        raise BuildMismatch(f"{field}postings do not match the vocabulary")
    if len(arrays[f"{prefix}doc_len"]) != n_docs or len(doc_ids) != len(
            arrays[f"{prefix}weights"]):
        raise BuildMismatch(f"{field}postings do not match the passages")
    if indptr[0] != 0 or indptr[-1] != len(doc_ids) or np.any(np.diff(indptr) < 0):
        raise BuildMismatch(f"{field}posting offsets are not ascending from 0 to the end")
    if full and len(doc_ids) and (int(doc_ids.min()) < 0 or int(doc_ids.max()) >= n_docs):
        raise BuildMismatch(f"a {field}posting names a passage that does not exist")
    for name in ("weights", "idf") if full else ("idf",):
        if not np.all(np.isfinite(arrays[f"{prefix}{name}"])):
            raise BuildMismatch(f"{field}{name} holds a value that is not a finite number")
    if len(arrays[f"{prefix}doc_len"]) and int(arrays[f"{prefix}doc_len"].min()) < 0:
        raise BuildMismatch(f"a passage has a negative {field}length")
    # a bound below a weight would make a search skip a passage that belongs in the top k
    if full and not np.array_equal(arrays[f"{prefix}max_weight"],
                                   term_maxima(indptr, arrays[f"{prefix}weights"])):
        raise BuildMismatch(f"{field}max_weight is not each term's largest weight")


def _check_offsets(offsets: np.ndarray, data: bytes | memoryview, what: str, full: bool
                   ) -> None:
    if offsets[0] != 0 or offsets[-1] != len(data) or np.any(np.diff(offsets) <= 0):
        raise BuildMismatch(f"{what} offsets do not match the {what} file")
    if not full:
        return
    ends = np.frombuffer(data, dtype=np.uint8)[offsets[1:] - 1]
    if np.any(ends != ord("\n")):
        raise BuildMismatch(f"{what} offsets do not fall on line ends")


def _check_language_counts(name: str, keys: np.ndarray, counts: np.ndarray, full: bool
                           ) -> None:
    """The counts of language detection (indexer.language): sorted UTF-8 keys (words or
    trigrams), a row of finite, non-negative counts for each, one per language."""
    if keys.ndim != 1 or keys.dtype.kind != "S" or len(counts) != len(LANGUAGES) * len(keys):
        raise BuildMismatch(f"{name}.npy is not a 1-d array of keys with {len(LANGUAGES)} "
                            "counts each (one per language)")
    if full and (np.any(keys[1:] <= keys[:-1]) or not np.all(np.isfinite(counts))
                 or np.any(counts < 0)):
        raise BuildMismatch(f"{name}.npy is not sorted, or its counts are not finite numbers "
                            "of zero or more")


def _check_commonness(words: np.ndarray, zipf: np.ndarray, rows: object, full: bool) -> None:
    """The everyday-word table (indexer.commonness): UTF-8 words, sorted within each
    language's rows, which follow each other from the first row to the last."""
    if words.dtype.kind != "S" or words.ndim != 1 or len(words) != len(zipf):
        raise BuildMismatch("commonness_words.npy is not a 1-d array of words, one for each "
                            "frequency of commonness_zipf.npy")
    if not isinstance(rows, dict) or not all(
            isinstance(r, list) and len(r) == 2 and all(type(x) is int for x in r)
            for r in rows.values()):
        raise BuildMismatch("the manifest's commonness rows are not [start, stop] pairs")
    if not _rows_follow(rows, len(words)):
        raise BuildMismatch("the manifest's commonness rows do not cover commonness_words.npy")
    if not full:
        return
    if not np.all(np.isfinite(zipf)):
        raise BuildMismatch("commonness_zipf.npy holds a value that is not a finite number")
    for start, stop in rows.values():
        table = words[start:stop]
        if np.any(table[1:] <= table[:-1]):
            raise BuildMismatch("commonness_words.npy is not sorted within each language")
    try:  # ("\n" continues no UTF-8 sequence, so the joined words decode if each one does)
        b"\n".join(words.tolist()).decode("utf-8")
    except UnicodeDecodeError:
        raise BuildMismatch("commonness_words.npy holds a word that is not UTF-8") from None


def _rows_follow(rows: dict[str, list[int]], size: int) -> bool:
    """Do the [start, stop) rows follow each other, from row 0 to `size`?"""
    following = 0
    for start, stop in rows.values():
        if start != following or stop < start:
            return False
        following = stop
    return following == size


def _check_json(jsons: dict[str, Any]) -> None:
    vocabulary = jsons["vocabulary"]
    if not isinstance(vocabulary, list) or not all(isinstance(t, str) for t in vocabulary):
        raise BuildMismatch("the vocabulary is not a list of words")
    if len(set(vocabulary)) != len(vocabulary):
        raise BuildMismatch("the vocabulary repeats a word")
    if not _word_table(jsons["languages"]):
        raise BuildMismatch("languages.json is not a table of words and numbers")
    corpus = jsons["corpus"]
    if not isinstance(corpus, dict) or not all(
            isinstance(corpus.get(key), list) and all(isinstance(i, dict) for i in corpus[key])
            for key in CORPUS_LISTS):
        raise BuildMismatch("corpus.json does not hold lists of sources, programs, glossary, "
                            "timeline and documents")
    for document in corpus["documents"]:
        if not all(isinstance(document.get(key), str) for key in DOCUMENT_TEXT):
            raise BuildMismatch("a document in corpus.json lacks its id, title, language, "
                                "date or path")
    bank = jsons["bank"]
    if not (isinstance(bank, dict) and isinstance(bank.get("vocabulary"), list)
            and all(isinstance(t, str) for t in bank["vocabulary"])
            and _number(bank.get("avgdl"))
            and isinstance(bank.get("questions"), dict) and isinstance(bank.get("sentences"), dict)
            and all(isinstance(q, list) and all(isinstance(x, str) for x in q)
                    for q in bank["questions"].values())
            and isinstance(bank.get("gap_odds"), dict)
            and all(isinstance(t, str) and _number(v) for t, v in bank["gap_odds"].items())
            and isinstance(bank.get("shape_lifts"), dict)
            and all(isinstance(table, dict) and all(
                isinstance(lifts, list) and len(lifts) == len(SHAPES) and all(map(_number, lifts))
                for lifts in table.values()) for table in bank["shape_lifts"].values())
            and isinstance(bank.get("gaps"), dict)
            and all(isinstance(q, list) and all(isinstance(x, str) for x in q)
                    for q in bank["gaps"].values())
            and all(isinstance(n, list) and all(isinstance(x, int) and not isinstance(x, bool)
                                                for x in n)
                    for n in bank["sentences"].values())):
        raise BuildMismatch("bank.json is not a question bank (vocabulary, avgdl, questions, "
                            "sentences and open questions by passage, the terms' gap odds, "
                            "the question words' lifts of answer shapes)")
    stems = jsons["stems"]
    if not isinstance(stems, dict) or not all(
            isinstance(table, dict) and all(isinstance(v, str) for v in table.values())
            for table in stems.values()):
        raise BuildMismatch("stems.json is not a table of words and their stems")
    compounds = jsons["compounds"]
    if not isinstance(compounds, dict) or not all(
            isinstance(parts, list) and all(isinstance(p, str) for p in parts)
            for parts in compounds.values()):
        raise BuildMismatch("compounds.json is not a table of compounds and their parts")


def _word_table(table: object) -> bool:
    return isinstance(table, dict) and all(
        isinstance(inner, dict) and all(
            isinstance(key, str) and _number(value) for key, value in inner.items())
        for inner in table.values())


def _check_params(manifest: dict[str, Any]) -> None:
    params = manifest.get("bm25")
    if not isinstance(params, dict) or not all(
            _number(params.get(key)) for key in ("k1", "b", "epsilon", "avgdl")):
        raise BuildMismatch("the manifest's BM25 parameters are not numbers")
    if params["avgdl"] < 0:
        raise BuildMismatch("the manifest's average passage length is negative")


def _number(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))
