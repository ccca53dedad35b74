"""Corpus models, loading, text processing and the BM25 search index. No Discord here."""

from indexer.bm25 import BM25Index, BM25Params
from indexer.corpus import Corpus, load_corpus
from indexer.errors import CorpusError, IndexerError, IndexFileError, Problem
from indexer.index import SearchIndex, build_and_save, ensure_index
from indexer.passages import Passage
from indexer.query import Query, QueryAnalyzer
from indexer.text import Tokenizer, TokenizerConfig

__all__ = [
    "BM25Index", "BM25Params", "Corpus", "CorpusError", "IndexFileError", "IndexerError",
    "Passage", "Problem", "Query", "QueryAnalyzer", "SearchIndex", "Tokenizer",
    "TokenizerConfig", "build_and_save", "ensure_index", "load_corpus",
]
