"""Stage 6, cite: turn the chosen sentences into an Answer whose every quote names the
sources of its own paragraph."""

from __future__ import annotations

from bot.answers.model import Answer, Evidence, Quote, SourceRef
from bot.answers.params import PARAMS
from bot.answers.retrieve import Candidate
from bot.answers.select import Pick
from indexer.index import SearchIndex

_RANK = {"high": 0, "medium": 1, "low": 2}


def cite(index: SearchIndex, question: str, language: str, cand: Candidate,
         picks: list[Pick], probability: float) -> Answer:
    numbers: dict[str, int] = {}
    quotes = []
    for pick in picks:
        refs = [numbers.setdefault(sid, len(numbers) + 1)
                for sid in strongest(index, cand.passage.sources)]
        quotes.append(Quote(pick.text, cand.passage.id, tuple(refs), cand.passage.confidence))
    sources = tuple(SourceRef(n, sid, index.sources[sid].title, index.sources[sid].url)
                    for sid, n in numbers.items() if sid in index.sources)
    p = cand.passage
    evidence = (Evidence(p.id, p.title, p.heading, p.text, p.language,
                         round(cand.text_score, 3)),)
    answer_language = None if p.language == language else p.language
    return Answer(question, language, False, tuple(quotes), sources, evidence, answer_language,
                  confidence=round(probability, 3))


def strongest(index: SearchIndex, source_ids: tuple[str, ...]) -> list[str]:
    """A paragraph's best sources (high before medium before low, then as listed)."""
    known = [s for s in source_ids if s in index.sources]
    known.sort(key=lambda s: _RANK.get(index.sources[s].confidence.value, 3))
    return known[: PARAMS.sources_per_quote]
