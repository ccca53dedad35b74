"""Write synthetic corpora in the real corpus format, with words drawn from the real corpus.

Paragraph lengths and word frequencies follow the real documents, so postings lists have a
realistic shape; the sentences themselves are nonsense.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from pathlib import Path

from indexer.corpus import load_corpus
from indexer.passages import passages

PARAGRAPHS_PER_DOCUMENT = 50


def write_synthetic(real_corpus: Path, target: Path, n_passages: int, seed: int = 1960) -> Path:
    """A corpus of about `n_passages` document passages at `target` (replaced)."""
    rng = random.Random(seed)
    corpus = load_corpus(real_corpus)
    words: dict[str, Counter[str]] = {}
    lengths: list[int] = []
    for p in passages(corpus):
        tokens = p.text.split()
        words.setdefault(p.language, Counter()).update(tokens)
        lengths.append(len(tokens))
    pools = {lang: (list(c), list(c.values())) for lang, c in words.items()}
    if target.exists():
        shutil.rmtree(target)
    for lang in pools:
        (target / "documents" / lang).mkdir(parents=True)
    shutil.copy(real_corpus / "sources.yaml", target / "sources.yaml")
    shutil.copy(real_corpus / "glossary.yaml", target / "glossary.yaml")
    source_ids = list(corpus.sources)
    languages = sorted(pools)
    for n in range(max(1, n_passages // PARAGRAPHS_PER_DOCUMENT)):
        lang = languages[n % len(languages)]
        vocabulary, weights = pools[lang]
        paragraphs = []
        for _ in range(PARAGRAPHS_PER_DOCUMENT):
            text = " ".join(rng.choices(vocabulary, weights, k=rng.choice(lengths)))
            paragraphs.append(text.replace("---", "-").replace("[", "(") + ".")
        front = (f"---\nid: synthetic-{n}-{lang}\ntopic: synthetic-{n}\ntitle: \"Synthetic "
                 f"document {n}\"\nlanguage: {lang}\nsources: [{rng.choice(source_ids)}]\n"
                 "updated: 2026-11-28\n---\n\n## Section\n\n")
        (target / "documents" / lang / f"synthetic-{n}.md").write_text(
            front + "\n\n".join(paragraphs) + "\n", "utf-8")
    return target
