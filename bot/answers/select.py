"""Stage 5, select: the sentence of the chosen passage that answers, and only what honesty
needs beside it.

One sentence answers; a second is quoted only when it adds a part of the question the first
lacks. Honesty brings along what a sentence depends on: the sentence before a "This/These …",
the passage's opening hedge ("According to one source, …"), the versions after "Sources
disagree on …", the way in after "no procedure is published".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers.analyze import Analysis
from bot.answers.figures import holds
from bot.answers.params import PARAMS
from bot.answers.question import Kind, satisfies
from bot.answers.retrieve import Candidate, Retriever
from indexer.passages import is_take_part
from indexer.text import fold

# A sentence opening with these leans on the one before it; quote both.
_PRONOUNS = frozenset("it its they their them he she his her there dies es sie er ihr ihre dort "
                      "damit dabei dazu ia mereka dia beliau".split())
_DEMONSTRATIVES = frozenset("this these those such that diese dieser dieses diesen diesem ini itu "
                            "tersebut".split())
_SUPERSEDED = re.compile(r"supersed|no longer (valid|in force)|sudah diganti|tidak berlaku lagi|"
                         r"ketentuan lama|überholt|ersetzt|nicht mehr gültig", re.IGNORECASE)
# A sentence that says a fact is disputed, single-source or only the study's claim.
HEDGE = re.compile(
    r"sources disagree|according to (one|a single|that single) source|one source|only the study|"
    r"according to the study|the study (states|says|claims)|not confirmed|no public source|"
    r"berbeda pendapat|menurut (satu|sebuah) sumber|satu sumber|hanya (studi|penelitian)|"
    r"menurut (studi|penelitian)|belum (di)?konfirmasi|tidak ada (satu pun )?sumber|"
    r"widersprechen|laut einer( einzigen)? quelle|einer einzigen quelle|nur die studie|"
    r"laut der studie|nicht bestätigt|keine öffentliche quelle", re.IGNORECASE)
# "Sources disagree on who signed…" is only honest together with the versions that follow it.
_DISPUTE = re.compile(r"sources disagree|berbeda pendapat|widersprechen sich", re.IGNORECASE)
# "No procedure is published…" answers a how-to question only with the way in that follows it.
_PROCEDURE = re.compile(r"\b(procedure|prosedur|verfahren)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(no|not|none|tidak|belum|bukan|kein\w*|nicht)\b", re.IGNORECASE)
_COPULA = re.compile(r"\b(is|are|means|stands for|adalah|merupakan|ialah|yaitu|yakni|"
                     r"singkatan|ist|sind|bedeutet|steht für|bezeichnet)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Pick:
    position: int  # sentence number in the passage
    text: str
    terms: frozenset[str]
    value: float


def focused(analysis: Analysis, cand: Candidate, retriever: Retriever) -> list[Pick]:
    """The sentences to quote from `cand`, in passage order; empty when none can answer."""
    query, kind = analysis.query, analysis.kind
    sentences = retriever.sentences(cand.row, cand.passage)
    figure_amount = analysis.figures[0][0] if analysis.figures else None
    scored: list[Pick] = []
    for position, (sentence, terms) in enumerate(sentences):
        if analysis.datum is not None and not analysis.datum.search(sentence):
            continue
        figure = figure_amount is not None and holds(sentence, figure_amount)
        info = query.information(terms | {str(n) for _, n in analysis.figures} if figure
                                 else terms)
        versions = _followers(sentences, position, kind)
        fits = (satisfies(kind, sentence) or figure
                or (kind is Kind.DEFINE and not is_take_part(cand.passage)
                    and _defines(sentence, analysis))
                or (kind is Kind.HOW_TO and is_take_part(cand.passage))
                or any(satisfies(kind, v) for v, _ in versions))
        value = (info + PARAMS.type_bonus * fits + PARAMS.lead_bonus * (position == 0)
                 - PARAMS.superseded_penalty * bool(_SUPERSEDED.search(sentence)))
        scored.append(Pick(position, sentence, terms, value))
    if not scored:
        return []
    scored.sort(key=lambda p: (-p.value, p.position))
    best = scored[0]
    chosen = [best]
    total = sum(w.weight for w in query.words) or 1.0
    for other in scored[1:]:
        gain = sum(w.weight * w.credit for w in query.words
                   if w.matches(other.terms) and not w.matches(best.terms)) / total
        if (gain >= PARAMS.second_gain and other.value >= PARAMS.second_share * best.value
                and not _redundant(other.terms, best.terms)):
            chosen.append(other)
            break
    return _with_honesty(chosen, sentences, kind)


def _with_honesty(chosen: list[Pick], sentences: list[tuple[str, frozenset[str]]],
                  kind: Kind) -> list[Pick]:
    """Add what each chosen sentence needs to be quoted honestly; at most max_sentences,
    the needed ones before a second answering sentence."""
    needed: dict[int, Pick] = {}
    main = chosen[0]
    for pick in chosen:
        wants = [pick.position + n for n in range(1, 1 + len(
            _followers(sentences, pick.position, kind)))]
        words = pick.text.casefold().split()[:5]
        if pick.position > 0 and words and (words[0].strip(",") in _PRONOUNS or any(
                w.strip(",") in _DEMONSTRATIVES for w in words)):
            wants.append(pick.position - 1)
        if pick.position > 0 and not HEDGE.search(pick.text) and HEDGE.search(sentences[0][0]):
            wants.append(0)
        for position in wants:
            if position not in needed and all(p.position != position for p in chosen):
                text, terms = sentences[position]
                needed[position] = Pick(position, text, terms, pick.value)
        if pick is main:
            honest = [main, *needed.values()]
    result = honest[: PARAMS.max_sentences]
    extra = [p for p in [*chosen[1:], *needed.values()] if p not in result]
    budget = sum(len(p.text) for p in result)
    for pick in extra:
        if len(result) < PARAMS.max_sentences and budget + len(pick.text) <= PARAMS.max_answer_chars:
            result.append(pick)
            budget += len(pick.text)
    return sorted(result, key=lambda p: p.position)


def _followers(sentences: list[tuple[str, frozenset[str]]], position: int, kind: Kind
               ) -> list[tuple[str, frozenset[str]]]:
    """The two after a "sources disagree on …" that does not itself give the versions (no
    colon), or, for a how-to question, the one after "no procedure is published"."""
    sentence = sentences[position][0]
    if ":" not in sentence and _DISPUTE.search(sentence):
        return sentences[position + 1 : position + 3]
    if kind is Kind.HOW_TO and ";" not in sentence and _PROCEDURE.search(sentence) and (
            _NEGATION.search(sentence)):
        return sentences[position + 1 : position + 2]
    return []


def _defines(sentence: str, analysis: Analysis) -> bool:
    """Does the sentence open by saying what the question's subject is ("Harz und Heide …
    is a regional consumer fair")? The subject must come before the verb, near the start."""
    head = sentence[:140]
    verb = _COPULA.search(head)
    words = analysis.query.words
    if not verb or not words:
        return False
    opening = fold(head[: verb.start()])
    heaviest = max(w.weight for w in words)
    return any(re.search(rf"\b{re.escape(w.text)}\b", opening) for w in words
               if w.weight >= heaviest * 0.5)


def _redundant(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) > 0.8
