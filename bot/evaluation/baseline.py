"""The plain baseline: rank-bm25 over whitespace-split text, top passage as the answer."""

from __future__ import annotations

from rank_bm25 import BM25Okapi

from indexer.passages import Passage


class Baseline:
    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self.bm25 = BM25Okapi([p.text.lower().split() for p in passages])

    def ask(self, question: str) -> tuple[str, str]:
        """(answer text, language of the passage). It never abstains."""
        scores = self.bm25.get_scores(question.lower().split())
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        return self.passages[best].text, self.passages[best].language
