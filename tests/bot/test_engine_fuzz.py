"""A fuzz of the answer engine through its public API, on the real corpus.

Whatever the question — corpus words in any order, mentions, Markdown, control and
zero-width characters, right-to-left marks, emoji, lone surrogates — `AnswerEngine.ask`
returns an answer or an abstention without raising; every quoted sentence stands verbatim in
the passage it cites; and everything the engine wrote is encodable as UTF-8.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import AnswerEngine
from bot.answers.render import to_json, to_text

HOSTILE = st.sampled_from(["<@123456789012345678>", "<@&1>", "<#2>", "@everyone", "**", "`",
                           "\u200b", "\u202e", "\ufeff", "\x00", "\n", "\t", "🇮🇩", "🤝",
                           "\ud800", "\udcff", "\udfff", "?", "…", "'", '"', "\\", "||"])
QUESTION_WORDS = st.sampled_from(["When", "Who", "What", "How many", "Why", "Kapan", "Siapa",
                                  "Apa", "Berapa", "Wann", "Wer", "Was", "Wie viele", "now"])
ANY_CHARACTER = st.characters(codec=None, categories=None, exclude_categories=[])


def corpus_words(engine: AnswerEngine) -> list[str]:
    words = {w for p in engine.index.passages[:400] for w in re.findall(r"\w+", p.text)}
    return sorted(words)[:3000]


def questions(words: list[str]) -> st.SearchStrategy[str]:
    made_of_words = st.lists(st.one_of(st.sampled_from(words), QUESTION_WORDS, HOSTILE),
                             min_size=1, max_size=14).map(" ".join)
    return st.one_of(made_of_words, st.text(ANY_CHARACTER, max_size=300),
                     st.lists(HOSTILE, max_size=30).map("".join))


def test_the_engine_holds_under_any_question(engine: AnswerEngine) -> None:
    passages = {p.id: p for p in engine.index.passages}
    date = engine.index.corpus_date
    answered = []

    @settings(max_examples=400, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(questions(corpus_words(engine)))
    def check(question: str) -> None:
        answer = engine.ask(question)
        assert answer.language in ("en", "id", "de")
        assert (answer.abstained or answer.small_talk) == (not answer.quotes)
        for quote in answer.quotes:
            assert quote.text in passages[quote.passage_id].text
        written = [to_text(answer, date), answer.text, *answer.suggestions,
                   *(ref.title for ref in answer.sources), *(e.text for e in answer.evidence),
                   *answer.notes.values()]
        for text in written:
            text.encode("utf-8")  # raises on a lone surrogate
        json.dumps(to_json(answer))
        answered.append(not answer.abstained)

    check()
    assert any(answered) and not all(answered)  # the fuzz reached both outcomes
