"""What the answer gate measures about a composed answer: how well the evidence covers the
question, in both directions, and which of the question's words it lacks.

The evidence of a passage is its text and its bank questions (the questions it answers, in
people's words). A question word that neither holds is the strongest sign of a near miss:
"When was Prof. Georg Eckert *born*?" shares every other word with the sentence on his idea.
The corpus's open questions (corpus/gaps) give the contrast: how close the asked question comes
to a question the corpus is known not to answer, against the closest bank question, and how
typical its words are of open questions anywhere in the corpus (indexer.gapwords). Whether the
quoted sentence is the one the bank answers such questions with is measured too, and so is
whether it has the shape the question's words ask for (the day of a date, a figure, a list:
indexer.answershapes).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from bot.answers.model import Answer
from bot.answers.question import Kind, kind_of, satisfies
from indexer.answershapes import unmet
from indexer.index import SearchIndex
from indexer.query import Query, QueryWord

# The gate's inputs, in order; each a number measured on the question and its answer.
FEATURES = (
    "coverage",  # share of the question's weight the best candidate holds (text + bank)
    "text_coverage",  # ... that the answer's passage text alone holds
    "bank_match",  # ... that the passage's closest bank question holds
    "bank_reverse",  # share of that bank question's weight the asked question holds
    "score",  # BM25 of the top hit over its upper bound for this query
    "margin",  # best coverage minus the best coverage among other topics
    "missing_weight",  # heaviest question word the evidence lacks, over the heaviest word
    "missing_share",  # share of the question's weight the evidence lacks
    "missing_idf",  # highest corpus idf among lacking words, over the index's maximum
    "missing_unknown",  # a lacking word the corpus never uses at all
    "missing_count",  # how many question words the evidence lacks
    "sentence_coverage",  # share of the question's weight the quoted sentences hold
    "kind_fit",  # the quoted text has what the question kind asks for
    "kind_testable",  # the kind has such a test (when, who, where, how many…)
    "same_language",  # the quoted passage is in the asker's language
    "words",  # log(1 + content words)
    "gap_match",  # likeness of the closest open question of the candidates (corpus/gaps)
    "gap_margin",  # ... minus that of the closest bank question of the same candidates
    "sentence_bank",  # likeness of the closest bank question naming the first quoted sentence
    "gap_words",  # how much more the corpus's open questions than its bank use the asked words
    "unmet_shape",  # largest lift the question's words give a shape the quotes lack
)
MIN_SHARE = 0.25  # of the heaviest word's weight, for a word to count as asked
# Two questions asking for different kinds of answer ("How many members…?", "How do I become
# a member…?") are this much less alike than their words say.
KIND_MISMATCH = 0.5
_TESTABLE = frozenset({Kind.WHEN, Kind.WHO, Kind.WHERE, Kind.HOW_MANY, Kind.HOW_TO, Kind.WHY,
                       Kind.LIST})


def measure(index: SearchIndex, query: Query, answer: Answer, row: int, coverage: float,
            margin: float, top_score: float, text_terms: frozenset[str],
            bank: list[tuple[str, frozenset[str]]],
            tokens: Callable[[str, str], list[str]],
            nearby: tuple[list[Shape], list[Shape]] = ([], []), named: float = 0.0
            ) -> list[float]:
    """The features of `answer`, whose first quote comes from passage `row`. `nearby`: the
    open questions and the bank questions of the best candidate passages; `named`: the
    likeness of the closest of the bank questions that name the first quoted sentence as
    their answer."""
    words = query.words
    total = sum(w.weight for w in words) or 1.0
    heaviest = max((w.weight for w in words), default=1.0) or 1.0
    evidence = set(text_terms)
    for _, terms in bank:
        evidence |= terms
    # The asker's story around the question and words that weigh little (that only ask for a
    # kind of answer) are left out of the counts: what matters is what is asked.
    asked = [w for w in words if w.weight >= MIN_SHARE * heaviest and not w.context]
    lacking = [w for w in asked if not w.matches(evidence)]
    best = max(bank, key=lambda item: query.information(item[1]), default=None)
    bank_terms = best[1] if best else frozenset()
    idf_max = max(float(index.bm25.idf.max()) if len(index.bm25.idf) else 1.0, 1e-9)
    lacking_idf = max((index.bm25.term_idf(s) or idf_max for w in lacking for s in w.stems),
                      default=0.0)
    quoted: set[str] = set()
    for quote in answer.quotes:
        passage = index.passages[row] if quote.passage_id == index.passages[row].id else None
        language = passage.language if passage else query.language
        quoted.update(tokens(quote.text, language))
    kind = kind_of(query.text)
    bound = sum((index.bm25.term_idf(t) or 0.0) * (index.bm25.params.k1 + 1)
                for t in query.terms)
    vocabulary = query.vocabulary
    gaps, banks = nearby
    gap = closest(query, vocabulary, kind, gaps)
    known = closest(query, vocabulary, kind, banks)
    return [
        coverage,
        query.information(text_terms),
        query.information(bank_terms),
        _reverse(index, bank_terms, vocabulary),
        top_score / bound if bound else 0.0,
        margin,
        max((w.weight for w in lacking), default=0.0) / heaviest,
        sum(w.weight for w in lacking) / total,
        lacking_idf / idf_max,
        float(any(not w.known and not w.alternatives for w in lacking)),
        float(len(lacking)),
        query.information(frozenset(quoted)),
        float(satisfies(kind, answer.text)),
        float(kind in _TESTABLE),
        float(answer.answer_language is None),
        math.log1p(len(asked)),
        gap,
        gap - known,
        named,
        _gap_words(index, asked),
        _unmet_shape(index, query, " ".join(q.text for q in answer.quotes)),
    ]


@dataclass
class Shape:
    """What likeness needs of a bank or gap question: its terms, each with its idf (the
    index's largest for a term the text never uses), their sum, and its kind (worked out
    when first needed)."""

    question: str
    terms: frozenset[str]
    weighted: tuple[tuple[str, float], ...]
    total: float

    @cached_property
    def kind(self) -> Kind:
        return kind_of(self.question)


def shape(index: SearchIndex, question: str, terms: frozenset[str], idf_max: float) -> Shape:
    weighted = tuple((t, index.bm25.term_idf(t) or idf_max) for t in terms)
    return Shape(question, terms, weighted, sum(w for _, w in weighted))


def closest(query: Query, vocabulary: set[str], kind: Kind, others: list[Shape]) -> float:
    """The likeness of the question among `others` most like the asked one (of `kind`):
    the harmonic mean of the share of the asked question's weight the other holds and the
    share of the other's (idf) weight the asked one holds, times KIND_MISMATCH when they ask
    for different kinds of answer. A long question that holds every asked word but asks for
    more is not alike."""
    best = 0.0
    for other in others:
        best = max(best, kind_likeness(query, vocabulary, kind, other, best))
    return best


def kind_likeness(query: Query, vocabulary: set[str], kind: Kind, other: Shape,
                  above: float = 0.0) -> float:
    """`likeness`, times KIND_MISMATCH when `other` asks for another kind of answer than
    `kind`; at most `above` when it cannot exceed it (the kind, worked out only then, can
    only lower it)."""
    alike = likeness(query, vocabulary, other, above)
    if alike <= above or kind is other.kind:
        return alike
    return alike * KIND_MISMATCH


def likeness(query: Query, vocabulary: set[str], other: Shape, above: float = 0.0) -> float:
    """The harmonic mean of the share of the asked question's weight `other` holds and the
    share of `other`'s idf weight the asked one holds; 0 when it cannot exceed `above`."""
    if not other.total:
        return 0.0
    backward = sum(w for t, w in other.weighted if t in vocabulary) / other.total
    if 2 * backward / (1 + backward) <= above:  # its likeness at the most (forward 1)
        return 0.0
    forward = query.information(other.terms)
    if not forward:
        return 0.0
    return 2 * forward * backward / (forward + backward)


def _unmet_shape(index: SearchIndex, query: Query, quoted: str) -> float:
    """How much the question's words, stopwords too ("wann", "berapa"), lift a shape of
    answer (the day of a date, a figure, …) that the quoted text lacks
    (indexer.answershapes). Only words with a known stem can have a lift: every word of the
    bank is saved with the index."""
    tokenizer, language = index.tokenizer, query.language
    stems = [tokenizer.known_stem(w, language) for w in tokenizer.words(query.text)]
    return unmet(index.shape_lifts.get(language, {}), [s for s in stems if s], quoted)


def _gap_words(index: SearchIndex, asked: list[QueryWord]) -> float:
    """The asked words' log odds of being in a known gap's question rather than a bank
    question (indexer.gapwords), each word's highest among its terms, weighed by the words'
    weights."""
    odds = index.gap_odds
    total = sum(w.weight for w in asked)
    if not total:
        return 0.0
    return sum(w.weight * max((odds.get(t, 0.0) for t in w.keys), default=0.0)
               for w in asked) / total


def _reverse(index: SearchIndex, bank_terms: frozenset[str], vocabulary: set[str]) -> float:
    """Share of a bank question's (idf-weighted) terms that the asked question also has."""
    if not bank_terms:
        return 0.0
    weights = {t: index.bank.term_idf(t) or 0.0 for t in bank_terms}
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if t in vocabulary) / total
