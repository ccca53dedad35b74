"""`bank`: the question bank — list passage anchors, or teach the bot a question.

    bank passages [--language L] [--search WORDS]   anchors with heading and opening words
    bank add ANCHOR "QUESTION"                      file a question under the passage that
                                                    answers it, validate, rebuild the index
    bank gap ANCHOR "QUESTION"                      file a question about the passage's
                                                    subject that the corpus does not answer
                                                    (corpus/gaps), validate, rebuild
"""

from __future__ import annotations

import argparse

from bot.cli import UsageError
from bot.settings import Settings
from indexer.bank import add_question
from indexer.corpus import load_corpus
from indexer.errors import CorpusError
from indexer.index import build_and_save
from indexer.passages import passages
from indexer.text import fold


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        corpus = load_corpus(settings.corpus_dir)
    except CorpusError as exc:
        print(exc.report(limit=20))
        return 1
    items = list(passages(corpus))
    if args.action == "passages":
        words = fold(args.search or "").split()
        for p in items:
            if args.language and p.language != args.language:
                continue
            if words and not all(w in fold(f"{p.anchor} {p.heading} {p.text}") for w in words):
                continue
            print(f"{p.anchor}\t{p.heading or p.title}\t{p.text[:80]}")
        return 0
    if not args.anchor or not args.question or not args.question.strip():
        raise UsageError(f'bank {args.action} needs an anchor and a question: '
                         f'bank {args.action} ANCHOR "QUESTION"')
    by_anchor = {p.anchor: p for p in items}
    passage = by_anchor.get(args.anchor)
    if passage is None:
        raise UsageError(f"no passage has the anchor '{args.anchor}'; list them with "
                         "`python -m bot bank passages --search WORDS`")
    folder = "gaps" if args.action == "gap" else "bank"
    path = add_question(settings.corpus_dir, passage.language, passage.anchor,
                        args.question.strip(), folder)
    try:
        index, seconds = build_and_save(settings.corpus_dir, settings.index_dir)
    except CorpusError as exc:
        print(exc.report(limit=20))
        return 1
    print(f"added to {path}; rebuilt the index in {seconds:.2f} s "
          f"({index.manifest['counts']['bank_questions']} bank questions, "
          f"{index.manifest['counts']['gap_questions']} the corpus leaves open)")
    return 0
