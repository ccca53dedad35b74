"""`demo`: what a newcomer sees first — sample questions answered in three languages."""

from __future__ import annotations

import argparse

from bot.answers import AnswerEngine
from bot.answers.render import to_text
from bot.commands.common import open_index
from bot.settings import Settings

SAMPLES = (
    "When was the Bandung–Braunschweig partnership founded?",
    "Who signed the 1960 charter on the German side?",
    "How can my Bandung food business get a free halal certificate?",
    "Apa itu Harz und Heide?",
    "Bagaimana kriteria usaha mikro menurut PP 7/2021?",
    "Was ist die Bandungbrücke?",
    "Wer veranstaltete die Harz und Heide bis 2008?",
    "What is the tallest mountain in the world?",
)


def run(args: argparse.Namespace, settings: Settings) -> int:
    index = open_index(settings)
    if index is None:
        return 1
    engine = AnswerEngine(index)
    stats = index.stats
    print(f"Index: {stats.passages} passages from {stats.documents} documents and "
          f"{stats.programs} program records (corpus {index.corpus_date}).\n")
    for question in SAMPLES:
        print(f"? {question}")
        print(to_text(engine.ask(question), index.corpus_date, sources=index.sources))
        print()
    print('Ask your own: .venv/bin/python -m bot ask "your question" [--language en|id|de]')
    return 0
