"""Run questions through the engine (and the baseline) and summarise the results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.answers import AnswerEngine
from bot.answers.figures import restates
from bot.answers.question import kind_of
from bot.evaluation.baseline import Baseline
from bot.evaluation.questions import EvalQuestion


@dataclass(frozen=True)
class Outcome:
    question: EvalQuestion
    correct: bool
    abstained: bool
    in_language: bool
    answer: str
    baseline_correct: bool
    baseline_in_language: bool
    long: bool = False  # more than two sentences, or one fact quoted twice

    @property
    def padded(self) -> bool:
        return self.correct and not self.abstained and self.long

    @property
    def kind(self) -> str:
        if self.question.expect_abstain:
            return "out_of_scope"
        return self.question.type or kind_of(self.question.question).value


def evaluate(engine: AnswerEngine, baseline: Baseline | None, questions: list[EvalQuestion]
             ) -> list[Outcome]:
    outcomes = []
    for q in questions:
        answer = engine.ask(q.question)
        in_language = answer.language == q.lang and answer.answer_language in (None, q.lang)
        b_text, b_lang = baseline.ask(q.question) if baseline else ("", "")
        outcomes.append(Outcome(
            q, q.passes(answer.text, answer.abstained), answer.abstained, in_language,
            answer.text, q.passes(b_text, False) if baseline else False, b_lang == q.lang,
            len(answer.quotes) > 2 or _repeats([quote.text for quote in answer.quotes])))
    return outcomes


@dataclass(frozen=True)
class Summary:
    label: str
    count: int
    correct: float  # share of in-scope questions answered correctly
    declined: float | None  # share of out-of-scope questions declined
    in_language: float  # share answered (or declined) in the asker's language
    base_correct: float
    base_declined: float | None
    base_in_language: float
    long: float = float("nan")  # share of correct answers longer than two sentences or repeating


def _share(values: list[bool]) -> float:
    return sum(values) / len(values) if values else float("nan")


def summarise(label: str, outcomes: list[Outcome]) -> Summary:
    scope = [o for o in outcomes if not o.question.expect_abstain]
    oos = [o for o in outcomes if o.question.expect_abstain]
    return Summary(
        label, len(outcomes),
        _share([o.correct for o in scope]),
        _share([o.correct for o in oos]) if oos else None,
        _share([o.in_language for o in outcomes]),
        _share([o.baseline_correct for o in scope]),
        0.0 if oos else None,  # the baseline always answers
        _share([o.baseline_in_language for o in outcomes]),
        _share([o.padded for o in scope if o.correct and not o.abstained]),
    )


def breakdown(outcomes: list[Outcome]) -> list[Summary]:
    """Overall, then per language, then per question type."""
    rows = [summarise("all", outcomes)]
    by_lang: dict[str, list[Outcome]] = defaultdict(list)
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_lang[o.question.lang].append(o)
        by_kind[o.kind].append(o)
    rows += [summarise(f"lang={k}", v) for k, v in sorted(by_lang.items())]
    rows += [summarise(f"type={k}", v) for k, v in sorted(by_kind.items())]
    return rows


def _pct(value: float | None) -> str:
    if value is None:
        return "   –  "
    return "   –  " if value != value else f"{100 * value:5.1f}%"


def table(rows: list[Summary]) -> str:
    head = (f"{'group':<18}{'n':>5}  {'correct':>7} {'declined':>8} {'in-lang':>7} "
            f"{'>2 sent.':>8}   |  "
            f"{'baseline: correct':>17} {'declined':>8} {'in-lang':>7}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r.label:<18}{r.count:>5}  {_pct(r.correct):>7} {_pct(r.declined):>8} "
                     f"{_pct(r.in_language):>7} {_pct(r.long):>8}   |  "
                     f"{_pct(r.base_correct):>17} "
                     f"{_pct(r.base_declined):>8} {_pct(r.base_in_language):>7}")
    return "\n".join(lines)


def _repeats(sentences: list[str]) -> bool:
    """Do two quoted sentences state the same dated fact (the same figures, twice)?"""
    return any(restates(a, b) for n, a in enumerate(sentences) for b in sentences[:n])
