"""Answer quality on the regression sets stays at or above the committed floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.evaluation.questions import load_questions
from bot.evaluation.report import evaluate, summarise

REPO = Path(__file__).resolve().parents[2]
TARGETS = json.loads((REPO / "eval/targets.json").read_text())


@pytest.mark.parametrize("name", [k for k in TARGETS if not k.startswith("_")])
def test_quality_meets_the_committed_targets(engine: AnswerEngine, name: str) -> None:
    path = REPO / name
    assert path.is_file(), f"{name} is named in eval/targets.json but is not in the repository"
    target = TARGETS[name]
    outcomes = evaluate(engine, None, load_questions(path))
    overall = summarise("all", outcomes)
    assert overall.correct >= target["correct"]
    assert (overall.declined or 0) >= target["declined"]
    assert overall.in_language >= target["in_language"]
    if "language_gap" in target:
        by_language = {lang: summarise(lang, [o for o in outcomes if o.question.lang == lang])
                       for lang in ("en", "id", "de")}
        english = by_language["en"].correct
        for lang in ("id", "de"):
            assert by_language[lang].correct >= english - target["language_gap"]


def test_regression_set_covers_every_document_and_program(engine: AnswerEngine) -> None:
    questions = load_questions(REPO / "eval/questions.jsonl")
    about = {a for q in questions for a in q.about}
    topics = {d["topic"] for d in engine.index.documents}
    programs = {p.id for p in engine.index.programs}
    assert topics <= about | {a.rsplit("-", 1)[0] for a in about}
    assert programs <= about
    by_lang = {lang: sum(q.lang == lang and not q.expect_abstain for q in questions)
               for lang in ("id", "de")}
    assert min(by_lang.values()) >= 30
    assert sum(q.expect_abstain for q in questions) >= 25
    assert len(questions) >= 150
