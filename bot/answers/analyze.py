"""Stage 2, analyze: the question's language, words, their weights and the kind of answer.

Word weights start as idf × how rare the word is in everyday language (indexer.query); here
they are adjusted to what the question asks rather than how it is phrased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers.datum import asks_about_now, required_datum
from bot.answers.figures import amounts
from bot.answers.params import PARAMS
from bot.answers.question import KIND_WORDS, Kind, frame_words, kind_of
from indexer.query import Query, QueryAnalyzer, QueryWord
from indexer.sentences import split_sentences
from indexer.text import Tokenizer, fold


@dataclass
class Analysis:
    """Everything the later stages need to know about one question."""

    text: str  # the question without the talk around it
    query: Query
    kind: Kind
    datum: re.Pattern[str] | None  # what a sentence must hold ("a phone number")
    figures: list[tuple[float, str]]  # the asker's own amounts ("Rp 3 miliar")
    about_now: bool  # "Who is … now?"

    @property
    def language(self) -> str:
        return self.query.language


def analyze(analyzer: QueryAnalyzer, text: str, language: str | None, fallback: str
            ) -> Analysis:
    query = analyzer.analyze(text, language, fallback)
    tok = analyzer.tokenizer
    _weigh(query, text, tok)
    kind = kind_of(text)
    query.expansions += [tok.stem(word, lang) for lang, words
                         in KIND_WORDS.get(kind, {}).items() for word in words]
    return Analysis(text, query, kind, required_datum(text), amounts(text), asks_about_now(text))


def _weigh(query: Query, text: str, tokenizer: Tokenizer) -> None:
    frame = frame_words(text)
    context = _context_words(text, tokenizer)
    for word in query.words:
        if word.text in frame:
            word.weight *= PARAMS.frame_weight
        if word.text in context:
            word.weight *= PARAMS.context_weight
    _cap_context(query.words, context)
    if query.language != "de":  # German capitalises every noun, not only names
        names = _names(text)
        for word in query.words:
            if word.text in names and word.text not in context and not (
                    word.known or word.alternatives):
                word.weight *= PARAMS.unknown_name_factor


def _context_words(text: str, tokenizer: Tokenizer) -> set[str]:
    """Words only in the statements around a question ("I make leather bags in Bandung.
    Who can curate my products?"): they describe the asker, the question is the rest."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return set()
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    if not asking or len(asking) == len(sentences):
        return set()
    question_words = {w for s in asking for w in tokenizer.words(s)}
    return {w for s in sentences if s not in asking for w in tokenizer.words(s)
            if w not in question_words}


_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\W*$")


def _names(text: str) -> set[str]:
    """Words written Capitalised where case tells something: not at a sentence start, not
    ALL-CAPS acronyms."""
    return {fold(m.group(0)) for m in _WORD.finditer(text)
            if m.group(0)[0].isupper() and not m.group(0).isupper()
            and not _SENTENCE_START.search(text[: m.start()])}


def _cap_context(words: list[QueryWord], context: set[str]) -> None:
    """However long the statements around a question, together they weigh at most
    context_share of the question itself."""
    said = sum(w.weight for w in words if w.text in context)
    asked = sum(w.weight for w in words if w.text not in context)
    if said > PARAMS.context_share * asked > 0:
        for word in words:
            if word.text in context:
                word.weight *= PARAMS.context_share * asked / said
