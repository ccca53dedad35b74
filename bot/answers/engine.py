"""The answer pipeline, shared by the terminal and Discord front ends:

    normalize → analyze → retrieve → gate → select → cite

Each stage is a module of this package (conversation, analyze, retrieve, gate, select, cite);
this one only runs them in order and decides what a message gets: an answer, a friendly reply
to small talk, or a decline that suggests nearby questions.
"""

from __future__ import annotations

from bot.answers.analyze import Analysis, analyze
from bot.answers.cite import cite
from bot.answers.conversation import Talk, clean, examples, is_noise, separate
from bot.answers.gate import Gate, load_gate
from bot.answers.model import Answer
from bot.answers.params import PARAMS
from bot.answers.retrieve import Candidate, Retriever
from bot.answers.select import Pick, focused
from bot.messages import t
from indexer.index import SearchIndex
from indexer.language import detect_language
from indexer.query import QueryAnalyzer

MAX_QUESTION_CHARS = 500


def clean_question(text: str) -> str:
    """Drop Discord mentions, control and invisible characters; collapse whitespace."""
    return clean(text)


class AnswerEngine:
    """Answers questions from one SearchIndex. Cheap to call; keeps small per-passage caches."""

    def __init__(self, index: SearchIndex, gate: Gate | None = None) -> None:
        self.index = index
        self.analyzer = QueryAnalyzer(index)
        self.retriever = Retriever(index)
        self.gate = gate or load_gate()

    def ask(self, question: str, language: str | None = None, locale: str | None = None
            ) -> Answer:
        """Answer `question`. `language` forces the reply language; `locale` (e.g. Discord's
        'de' or 'id') is used when the question's language is unclear."""
        fallback = locale_language(locale)
        text = clean(question)
        if not text:
            return Answer(question, language or fallback, True, reason="empty")
        if len(text) > MAX_QUESTION_CHARS:
            return Answer(question, language or fallback, True, reason="too_long")
        talk = separate(text)
        if talk.is_small_talk:
            return self._small_talk(question, talk, language or talk.language or fallback)
        if is_noise(talk.question):
            return Answer(question, language or self._language(talk.question, fallback), True,
                          reason="no_content")
        analysis = self.analyze(talk.question, language, talk.language or fallback)
        if not analysis.query.words:
            return self._decline(question, analysis, [], "no_content")
        ranked = self.judge(analysis)
        if not ranked:
            return self._decline(question, analysis, ranked, "weak_evidence")
        best = self._in_language(analysis, ranked)
        if best.probability < self.gate.threshold:
            stale = best.features and best.features[14] > 0
            return self._decline(question, analysis, ranked, "stale" if stale else
                                 "weak_evidence")
        picks = focused(analysis, best, self.retriever)
        if not picks:
            return self._decline(question, analysis, ranked, "weak_evidence")
        return cite(self.index, question, analysis.language, best, picks, best.probability)

    # -- stages, also used by `eval --fit` -------------------------------------------------

    def analyze(self, text: str, language: str | None = None, fallback: str = "en"
                ) -> Analysis:
        return analyze(self.analyzer, text, language, fallback)

    def judge(self, analysis: Analysis) -> list[Candidate]:
        """Candidates with the gate's probability, best first."""
        candidates = self.retriever.candidates(analysis)
        for cand in candidates:
            cand.ranking = self.gate.ranking(cand.features)
        candidates.sort(key=lambda c: (-c.ranking, -c.text_score, c.row))
        ranked = candidates[: PARAMS.gate_candidates]
        for cand in ranked:
            cand.probability = self.gate.probability(cand.features)
        return ranked

    def compose(self, question: str, analysis: Analysis, cand: Candidate) -> Answer | None:
        """The answer `cand` alone would give (None if no sentence of it can answer)."""
        picks: list[Pick] = focused(analysis, cand, self.retriever)
        if not picks:
            return None
        return cite(self.index, question, analysis.language, cand, picks, cand.probability)

    # -- decisions ---------------------------------------------------------------------------

    def _in_language(self, analysis: Analysis, ranked: list[Candidate]) -> Candidate:
        """The best candidate, or the best in the asker's language if it is nearly as good."""
        best = ranked[0]
        if best.passage.language == analysis.language:
            return best
        own = [c for c in ranked if c.passage.language == analysis.language]
        if own and own[0].ranking >= best.ranking - PARAMS.own_language_margin:
            return own[0]
        return best

    def _language(self, text: str, fallback: str) -> str:
        return detect_language(text, self.analyzer.hints, self.analyzer.phrase_hints,
                               self.index.commonness) or fallback

    def _small_talk(self, question: str, talk: Talk, language: str) -> Answer:
        lines = [t(f"talk.{talk.social}", language)]
        if talk.social in ("greeting", "help", "identity"):
            lines.append(t("talk.examples", language))
            lines += [f"• {example}" for example in examples(language)]
        return Answer(question, language, False, reason="small_talk", reply="\n".join(lines))

    def _decline(self, question: str, analysis: Analysis, ranked: list[Candidate],
                 reason: str) -> Answer:
        return Answer(question, analysis.language, True, reason=reason,
                      suggestions=self._suggestions(analysis, ranked),
                      confidence=round(ranked[0].probability, 3) if ranked else None)

    def _suggestions(self, analysis: Analysis, ranked: list[Candidate]) -> tuple[str, ...]:
        """Bank questions in the asker's language closest to what was asked."""
        query = analysis.query
        options: dict[str, float] = {}
        for cand in ranked:
            if cand.passage.language != analysis.language:
                continue
            for text, terms in self.retriever.bank_questions(cand.row, cand.passage):
                score = query.information(terms)
                if score > 0 and text.casefold() != analysis.text.casefold():
                    options[text] = max(options.get(text, 0.0), score + cand.probability)
        best = sorted(options, key=lambda q: (-options[q], q))
        return tuple(best[: PARAMS.suggestions])


def locale_language(locale: str | None) -> str:
    """'id' for an Indonesian locale ('id'), 'de' for German ('de', 'de-AT'…), else 'en'."""
    code = str(locale or "").split("-")[0].lower()
    return code if code in ("en", "id", "de") else "en"
