"""Stage 2, analyze: weigh the question's words by what it asks rather than how it is phrased.

indexer.query gives each word idf times how rare it is in everyday language; here words that only
ask for a kind of answer ("Anzahl", "address") or only describe the asker ("I make leather
bags.") weigh less, and an unknown name mid-question weighs more.
"""

from __future__ import annotations

import re

from bot.answers.params import PARAMS, AnswerParams
from bot.answers.question import frame_words
from indexer.query import Query, QueryWord
from indexer.sentences import split_sentences
from indexer.text import Tokenizer, fold


def weigh(query: Query, text: str, tokenizer: Tokenizer, params: AnswerParams = PARAMS
          ) -> None:
    """Adjust word weights to what the question asks rather than how it is phrased."""
    frame = frame_words(text)
    context = _context_words(text, tokenizer)
    for word in query.words:
        if word.text in frame:
            word.weight *= params.frame_weight
        if word.text in context:
            word.weight *= params.context_weight
            word.context = True
    _cap_context(query.words, context, params.context_share)
    if query.language != "de":  # German capitalises every noun, not only names
        names = _names(text)
        for word in query.words:
            if word.text in names and word.text not in context and not (
                    word.known or word.alternatives):
                word.weight *= params.unknown_name_factor
    query.reweighed()


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


def _cap_context(words: list[QueryWord], context: set[str], share: float) -> None:
    """However long the statements around a question, together they weigh at most
    CONTEXT_SHARE of the question itself."""
    said = sum(w.weight for w in words if w.text in context)
    asked = sum(w.weight for w in words if w.text not in context)
    if said > share * asked > 0:
        for word in words:
            if word.text in context:
                word.weight *= share * asked / said
