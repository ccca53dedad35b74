"""Every weight and threshold of the answer engine, in one config object.

The answer gate's weights are not here: they are data fitted on the labelled questions
(`python -m bot eval --fit`, written to bot/answers/gate.json). What is here was set by
measuring all question sets in eval/ (never by tuning to single questions). Change a value
only with a new measurement. Query analysis, which the indexer package does without importing
bot/, keeps its few knobs at the top of indexer/query.py and indexer/language.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerParams:
    # -- analyze --
    # Share of its weight a word keeps when it only asks for a kind of answer ("Anzahl",
    # "address", "define", "list"), so evidence is judged on the words that name the topic.
    frame_weight: float = 0.25
    # ... and a word only found in statements around the question ("I make leather bags.");
    # all such words together weigh at most context_share of the question's own words.
    context_weight: float = 0.5
    context_share: float = 0.5
    # An unknown word written as a name mid-question ("… Hannover Messe?") weighs this much more.
    unknown_name_factor: float = 2.0
    # -- retrieve --
    retrieve_text: int = 40  # BM25 hits on the passage text
    retrieve_bank: int = 20  # BM25 hits on the question bank
    gate_candidates: int = 8  # candidates the gate judges (and `eval --fit` labels)
    # -- gate --
    # "Who is … now?" needs a sentence dated at most this many years before the corpus date.
    recent_years: int = 2
    # A passage in the asker's language is preferred when the gate rates it at most this much
    # below the best candidate in another language.
    own_language_margin: float = 0.15
    # -- select --
    type_bonus: float = 0.35  # the sentence has what the question type asks for
    lead_bonus: float = 0.05  # a passage's first sentence usually introduces its subject
    superseded_penalty: float = 0.3  # rules the corpus marks as superseded rank lower
    # A second sentence is quoted only when it adds this share of the question's weight that
    # the first lacks, and scores this share of the first.
    second_gain: float = 0.25
    second_share: float = 0.7
    max_sentences: int = 3  # including what honesty needs (hedges, dispute versions)
    max_answer_chars: int = 900
    # -- cite --
    sources_per_quote: int = 3  # the strongest sources of the quoted paragraph
    suggestions: int = 3  # "Did you mean …?" questions on a decline


PARAMS = AnswerParams()
