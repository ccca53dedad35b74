"""Compose a short, extractive, cited answer — or abstain. Shared by terminal and Discord."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from bot.answers.analyze import weigh
from bot.answers.conversation import (
    Talk,
    clean,
    examples,
    is_noise,
    phrase_pattern,
    separate,
    words_of,
)
from bot.answers.datum import asks_about_now, carries, required_datum
from bot.answers.features import Shape, kind_likeness, likeness, measure, shape
from bot.answers.figures import amounts, holds, restates
from bot.answers.gate import Gate, load_gate
from bot.answers.model import Answer, Evidence, Quote, SourceRef
from bot.answers.params import PARAMS, AnswerParams
from bot.answers.question import KIND_WORDS, Kind, kind_of, newest_year, satisfies
from bot.messages import t
from indexer.index import SearchIndex
from indexer.passages import Passage, is_take_part
from indexer.query import Query, QueryAnalyzer
from indexer.sentences import split_sentences
from indexer.text import fold

MAX_QUESTION_CHARS = 500
# A sentence opening with these leans on the one before it; quote both (lexicon data).
_PRONOUNS = words_of("pronouns")
_DEMONSTRATIVES = words_of("demonstratives")
# Marker phrases of the lexicon (bot/answers/lexicon/<lang>.yaml), searched in folded text:
# a sentence about superseded rules, one saying a fact is disputed, single-source or only the
# study's claim (when it opens a passage, a quote from later in that passage brings it along),
# "sources disagree" (quoted with the versions after it), "no procedure is published"
# (answers a how-to question only with the way in that follows it).
_SUPERSEDED = phrase_pattern("superseded")
_HEDGE = phrase_pattern("hedges")
_DISPUTE = phrase_pattern("disputes")
_PROCEDURE = phrase_pattern("procedures")
_NEGATION = phrase_pattern("negations")
_COPULA = phrase_pattern("copulas")


def clean_question(text: str) -> str:
    """Drop control and invisible characters; collapse whitespace."""
    return clean(text)


@dataclass
class _Candidate:
    passage: Passage
    score: float
    coverage: float
    adjusted: float = 0.0
    row: int = -1  # passage number in the index
    terms: frozenset[str] = frozenset()  # the question's vocabulary its text holds


@dataclass(frozen=True)
class _Option:
    """A sentence that could answer: where it stands and what the ranker measures on it."""

    rank: int  # its passage's place in the pool
    position: int  # its number in the passage
    sentence: str
    terms: frozenset[str]
    value: float  # how well it answers (params: information + bonuses)


class AnswerEngine:
    """Answers questions from one SearchIndex. Cheap to call; keeps small per-passage caches."""

    def __init__(self, index: SearchIndex, gate: Gate | str | None = "fitted",
                 params: AnswerParams = PARAMS) -> None:
        """`gate`: the answer gate ("fitted": bot/answers/gate.json if there is one; None:
        the hand-set coverage threshold alone)."""
        self.index = index
        self.params = params
        self.gate = load_gate() if gate == "fitted" else gate
        if gate == "fitted" and not index.has_bank:
            self.gate = None  # fitted on features of a corpus with a question bank
        assert self.gate is None or isinstance(self.gate, Gate)
        self.analyzer = QueryAnalyzer(index)
        self._sentences: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self._folded_sentences: dict[str, list[str]] = {}
        self._bank: dict[int, list[tuple[str, frozenset[str], int]]] = {}
        self._bank_shapes: dict[int, list[Shape]] = {}
        self._gap_shapes: dict[int, list[Shape]] = {}

    def ask(self, question: str, language: str | None = None, locale: str | None = None
            ) -> Answer:
        """Answer `question`. `language` forces the reply language; `locale` (e.g. Discord's
        'de' or 'id') is used when the question's language is unclear."""
        prepared = self._prepare(question, language, locale)
        if isinstance(prepared, Answer):
            return prepared
        query, candidates = prepared
        answer = self._compose(question, query, candidates)
        if self.gate is None or answer.abstained:
            return answer
        values = self._features(query, candidates, answer)
        probability = self.gate.probability(values)
        if probability < self.gate.threshold:
            declined = self._abstain(question, query, "weak_evidence")
            return replace(declined, confidence=round(probability, 3), gate_features=values)
        return replace(answer, confidence=round(probability, 3), gate_features=values)

    def _prepare(self, question: str, language: str | None, locale: str | None
                 ) -> Answer | tuple[Query, list[_Candidate]]:
        """normalize → analyze → retrieve, and the coverage floor: the question's analysis
        and its candidate passages, or the answer when it ends before composition."""
        fallback = locale_language(locale)
        text = clean(question)
        if not text:
            return Answer(question, language or fallback, True, reason="empty")
        if len(text) > MAX_QUESTION_CHARS:
            return Answer(question, language or fallback, True, reason="too_long")
        talk = separate(text)  # "hi, …", "halo kak, mau tanya …", "… danke!"
        if talk.is_small_talk:
            return self._small_talk(question, talk, language or talk.language or fallback)
        if is_noise(talk.question):
            query = self.analyzer.analyze(talk.question, language, fallback)
            return Answer(question, query.language, True, reason="no_content")
        text = talk.question
        query = self.analyzer.analyze(text, language, talk.language or fallback)
        tok = self.index.tokenizer
        weigh(query, text, tok, self.params)
        query.expansions += [tok.stem(word, lang) for lang, words
                             in KIND_WORDS.get(kind_of(text), {}).items() for word in words]
        if not query.words:
            return self._abstain(question, query, "no_content")
        candidates = self._located(query, self._candidates(query))
        if not candidates:
            return self._abstain(question, query, "weak_evidence")
        best = max(candidates, key=lambda c: c.coverage)
        floor = self.params.min_coverage if self.gate is None else self.params.gate_min_coverage
        if best.coverage < floor or candidates[0].score < self.params.min_score:
            return self._abstain(question, query, "weak_evidence")
        return query, candidates

    def _features(self, query: Query, candidates: list[_Candidate], answer: Answer
                  ) -> tuple[float, ...]:
        """What the gate measures: the evidence of the passage the answer opens with."""
        lead = next(c for c in candidates if c.passage.id == answer.quotes[0].passage_id)
        others = [c.coverage for c in candidates if c.row != lead.row
                  and c.passage.language == lead.passage.language]
        best = max(c.coverage for c in candidates)
        near = sorted(candidates, key=lambda c: -c.adjusted)[: self.params.candidate_passages]
        gaps = [s for c in near for s in self._shapes(c.row, c.passage, gaps=True)]
        banks = [s for c in near for s in self._shapes(c.row, c.passage, gaps=False)]
        # the asked question is like one the bank answers with the very sentence quoted
        sentences = [s for s, _ in self._sentences_of(lead.passage)]
        first = answer.quotes[0].text
        named = self._answering_sentences(query, lead, kind_of(query.text), floor=0.0).get(
            sentences.index(first) if first in sentences else -1, 0.0)
        return tuple(measure(self.index, query, answer, lead.row, best,
                             best - max(others, default=0.0), candidates[0].score, lead.terms,
                             [(q, terms) for q, terms, _ in self._bank_of(lead.row, lead.passage)],
                             self.index.tokens, (gaps, banks), named))

    # -- retrieval ------------------------------------------------------------------------

    def _candidates(self, query: Query) -> list[_Candidate]:
        hits = self.index.bm25.top(query.terms, self.params.retrieve)
        seen = {i for i, _ in hits}
        bank_hits = [(i, s) for i, s in self.index.bank.top(query.terms, self.params.retrieve_bank)
                     if i not in seen]
        if bank_hits:  # passages found by their bank questions, scored on their text
            dense = self.index.bm25.scores(query.terms)
            hits = hits + [(i, float(dense[i])) for i, _ in bank_hits]
        present = self.index.bm25.containing(query.vocabulary, [i for i, _ in hits])
        figures = amounts(query.text)
        # the asker's own figure is covered by a passage with a range that holds it
        figure_words = frozenset(word for _, written in figures
                                 for word in self.index.tokenizer.words(written))
        result = []
        for (i, score), terms in zip(hits, present, strict=True):
            passage = self.index.passages[i]
            if figures and any(holds(s, figures[0][0]) for s, _ in self._sentences_of(passage)):
                terms |= figure_words
            # the passage's bank question closest to the asked one counts as evidence too:
            # it says in people's words what the passage answers
            covered = max([query.information(terms)] + [
                query.information(terms, q) for _, q, _ in self._bank_of(i, passage)
                if query.information(q) >= self.params.bank_min_match])
            factor = (1.0 if passage.language == query.language
                      else self.params.other_language_factor)
            result.append(_Candidate(passage, score, covered,
                                     score * factor * (0.5 + 0.5 * covered), i,
                                     frozenset(terms)))
        return result

    def _located(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """The candidates that place something where the question asks ("… in Madrid"). The
        translations of a text state the same facts, so a passage that names the place in
        another role ("KBRI Madrid") counts when a version of its text in another language
        places something there ("the embassy in Madrid")."""
        if not query.places:
            return candidates
        located = [query.locates(c.passage.text) for c in candidates]
        placing = {c.passage.topic for c, yes in zip(candidates, located, strict=True) if yes}
        return [c for c, yes in zip(candidates, located, strict=True) if yes or (
            c.passage.topic in placing and query.mentions(c.passage.text))]

    def _answering_sentences(self, query: Query, cand: _Candidate, kind: Kind,
                             floor: float | None = None) -> dict[int, float]:
        """Each sentence the bank names as the answer to one of the passage's bank questions,
        with the likeness of the closest of those questions to the asked one (the gate's
        likeness, both ways and halved across question kinds; those from
        `floor`, by default bank_sentence_min_match): a sentence people ask about in the
        asker's words answers more likely than one that only shares them, and a bank question
        that holds the asked words among others about something else is not alike."""
        if floor is None:
            floor = self.params.bank_sentence_min_match
        closest: dict[int, float] = {}
        shapes = self._shapes(cand.row, cand.passage, gaps=False)
        for (_, _, number), other in zip(self._bank_of(cand.row, cand.passage), shapes,
                                         strict=True):
            if number < 0:
                continue
            value = kind_likeness(query, query.vocabulary, kind, other)
            if value >= floor and value > closest.get(number, 0.0):
                closest[number] = value
        return closest

    def _bank_of(self, row: int, passage: Passage) -> list[tuple[str, frozenset[str], int]]:
        """The passage's bank questions: text, terms, and the sentence that answers each."""
        cached = self._bank.get(row)
        if cached is None:
            cached = [(q, frozenset(self.index.tokens(q, passage.language)), number)
                      for q, number in zip(self.index.bank_questions[row],
                                           self.index.bank_sentences[row], strict=True)]
            self._bank[row] = cached
        return cached

    def _shapes(self, row: int, passage: Passage, gaps: bool) -> list[Shape]:
        """The passage's bank questions (or, `gaps`, the questions about its subject the
        corpus leaves open) as the gate compares them with the asked one."""
        cache = self._gap_shapes if gaps else self._bank_shapes
        cached = cache.get(row)
        if cached is None:
            most = self.analyzer.max_idf
            if gaps:
                cached = [shape(self.index, q, frozenset(self.index.tokens(q, passage.language)),
                                most) for q in self.index.gaps[row]]
            else:
                cached = [shape(self.index, q, terms, most)
                          for q, terms, _ in self._bank_of(row, passage)]
            cache[row] = cached
        return cached

    def _sentences_of(self, passage: Passage) -> list[tuple[str, frozenset[str]]]:
        cached = self._sentences.get(passage.id)
        if cached is None:
            cached = [(s, frozenset(self.index.tokens(s, passage.language)))
                      for s in split_sentences(passage.text)]
            self._sentences[passage.id] = cached
        return cached

    def _folded(self, passage: Passage) -> list[str]:
        """The passage's sentences folded, as the lexicon's marker phrases are matched."""
        cached = self._folded_sentences.get(passage.id)
        if cached is None:
            cached = [fold(s) for s, _ in self._sentences_of(passage)]
            self._folded_sentences[passage.id] = cached
        return cached

    # -- composition ----------------------------------------------------------------------

    def _pool(self, query: Query, candidates: list[_Candidate]) -> list[_Candidate]:
        """The passages sentences are drawn from: the asker's language's when one of them is
        good enough, else any language's, best first."""
        ranked = sorted(candidates, key=lambda c: (-c.adjusted, c.passage.id))
        top = ranked[0].adjusted
        best_coverage = max(c.coverage for c in candidates)
        own = [c for c in ranked if c.passage.language == query.language
               and c.coverage >= self.params.own_language_coverage * best_coverage
               and c.adjusted >= self.params.own_language_score * top]
        return (own or ranked)[: self.params.candidate_passages]

    def _options(self, question: str, query: Query, pool: list[_Candidate], kind: Kind
                 ) -> list[_Option]:
        """Every sentence of the pool that holds some of the `question` (as cleaned), with
        its value."""
        top = pool[0].adjusted or 1.0
        datum = required_datum(question)
        figures = amounts(question)
        options = []
        for rank, cand in enumerate(pool):
            answering = self._answering_sentences(query, cand, kind)
            folded = self._folded(cand.passage)
            for position, (sentence, terms) in enumerate(self._sentences_of(cand.passage)):
                if datum is not None and not carries(datum, sentence):
                    continue
                figure = bool(figures) and holds(sentence, figures[0][0])
                info = query.information(terms | {str(n) for _, n in figures} if figure
                                         else terms)
                if info == 0:
                    continue
                versions = self._followers(cand.passage, position, kind)
                fits = satisfies(kind, sentence, question) or figure or (
                    kind is Kind.DEFINE and not is_take_part(cand.passage)
                    and _defines(sentence, query)) or (
                    kind is Kind.HOW_TO and is_take_part(cand.passage)) or any(
                    satisfies(kind, version, question) for version, _ in versions)
                value = (info + self.params.type_bonus * fits
                         + self.params.bank_sentence_bonus * answering.get(position, 0.0)
                         + self.params.passage_prior * cand.adjusted / top
                         + self.params.lead_bonus * (position == 0)
                         - self.params.superseded_penalty
                         * bool(_SUPERSEDED.search(folded[position])))
                options.append(_Option(rank, position, sentence, terms, value))
        return options

    def _compose(self, question: str, query: Query, candidates: list[_Candidate]) -> Answer:
        pool = self._pool(query, candidates)
        # the question as cleaned (zero-width characters joined, a greeting set aside), as
        # the bank's questions and the gate see it
        asked = query.text
        kind = kind_of(asked)
        options = self._options(asked, query, pool, kind)
        if not options:
            return self._abstain(question, query, "weak_evidence")
        chances = _softmax([self.params.sentence_sharpness * o.value for o in options])
        needed = self.params.extra_sentence_chance
        ranked = sorted(zip(chances, options, strict=True),
                        key=lambda item: (-item[0], item[1].rank, item[1].position))
        chosen: list[tuple[float, int, int, str, frozenset[str], _Candidate]] = []
        length = picked = 0
        for chance, option in ranked:
            if picked >= self.params.max_sentences:
                break
            if picked and chance < needed[min(picked, len(needed)) - 1]:
                break
            if length + len(option.sentence) > self.params.max_answer_chars or any(
                    (other[1], other[2]) == (option.rank, option.position)
                    or _redundant(option.terms, other[4]) or restates(option.sentence, other[3])
                    for other in chosen):
                continue
            cand = pool[option.rank]
            chosen.append((chance, option.rank, option.position, option.sentence,
                           option.terms, cand))
            length += len(option.sentence)
            picked += 1
            # what honesty needs after it (the versions of a disputed fact) is not counted
            for offset, (sentence, terms) in enumerate(
                    self._followers(cand.passage, option.position, kind), 1):
                if length + len(sentence) <= self.params.max_answer_chars:
                    chosen.append((chance, option.rank, option.position + offset, sentence,
                                   terms, cand))
                    length += len(sentence)
        if kind is Kind.WHO and asks_about_now(asked) and max(
                (newest_year(item[3]) for item in chosen), default=0) < self._recent_year():
            return self._abstain(question, query, "stale")
        lead: dict[int, int] = {}  # passage rank → order of its best sentence in the answer
        for item in chosen:
            lead.setdefault(item[1], len(lead))
        chosen = self._with_antecedents(chosen)
        chosen.sort(key=lambda item: (lead[item[1]], item[2]))
        return self._answer(question, query, chosen, pool)

    def _followers(self, passage: Passage, position: int, kind: Kind
                   ) -> list[tuple[str, frozenset[str]]]:
        """Sentences a chosen one needs after it: the two after a "sources disagree on …"
        that does not itself give the versions (no colon), or, for a how-to question, the
        one after "no procedure is published" (whom to ask instead)."""
        sentences = self._sentences_of(passage)
        sentence, folded = sentences[position][0], self._folded(passage)[position]
        if ":" not in sentence and _DISPUTE.search(folded):
            return sentences[position + 1 : position + 3]
        if kind is Kind.HOW_TO and ";" not in sentence and _PROCEDURE.search(folded) and (
                _NEGATION.search(folded)):
            return sentences[position + 1 : position + 2]
        return []

    def _with_antecedents(self, chosen: list) -> list:
        """Add the previous sentence before any chosen sentence that starts by referring
        back to it ("These programmes were…")."""
        result = list(chosen)
        for value, rank, position, sentence, _, cand in chosen:
            if position == 0:
                continue
            sentences, folded = self._sentences_of(cand.passage), self._folded(cand.passage)
            words = sentence.casefold().split()[:5]
            leans = bool(words) and (words[0].strip(",") in _PRONOUNS
                                     or any(w.strip(",") in _DEMONSTRATIVES for w in words))
            wanted = [position - 1] if leans else []
            if not _HEDGE.search(folded[position]) and _HEDGE.search(folded[0]):
                wanted.append(0)
            for index in wanted:
                if not any(item[1] == rank and item[2] == index for item in result):
                    result.append((value, rank, index, *sentences[index], cand))
        return result

    def _answer(self, question: str, query: Query, chosen: list, pool: list[_Candidate]
                ) -> Answer:
        numbers: dict[str, int] = {}
        quotes = []
        for _, _, _, sentence, _, cand in chosen:
            refs = []
            for source_id in self._strongest(cand.passage.sources):
                refs.append(numbers.setdefault(source_id, len(numbers) + 1))
            quotes.append(Quote(sentence, cand.passage.id, tuple(refs), cand.passage.confidence))
        sources = tuple(
            SourceRef(n, sid, self.index.sources[sid].title, self.index.sources[sid].url)
            for sid, n in numbers.items() if sid in self.index.sources)
        used = list(dict.fromkeys(item[5].passage.id for item in chosen))
        evidence = tuple(
            Evidence(c.passage.id, c.passage.title, c.passage.heading, c.passage.text,
                     c.passage.language, round(c.score, 3))
            for pid in used for c in pool if c.passage.id == pid)
        languages = {item[5].passage.language for item in chosen}
        answer_language = None if languages == {query.language} else sorted(languages)[0]
        return Answer(question, query.language, False, tuple(quotes), sources, evidence,
                      answer_language)

    def _recent_year(self) -> int:
        """Sentences dated this year or later can speak of the present."""
        year = self.index.corpus_date[:4]
        return (int(year) if year.isdigit() else 0) - self.params.recent_years

    def _strongest(self, source_ids: tuple[str, ...]) -> list[str]:
        """The passage's best sources (high before medium before low, then as listed)."""
        rank = {"high": 0, "medium": 1, "low": 2}
        known = [s for s in source_ids if s in self.index.sources]
        known.sort(key=lambda s: rank[self.index.sources[s].confidence.value])
        return known[: self.params.sources_per_quote]

    def _abstain(self, question: str, query: Query, reason: str) -> Answer:
        return Answer(question, query.language, True, suggestions=self._suggestions(query),
                      reason=reason)

    def _suggestions(self, query: Query) -> tuple[str, ...]:
        """Bank questions in the asker's language closest to what was asked ("Did you mean
        …?"): of each passage the bank field ranks first, its question most like the asked
        one both ways (likeness), so a long question that holds the asked words among many
        others does not win, and no passage offers two wordings of one question."""
        best: dict[int, tuple[float, Shape]] = {}
        vocabulary, asked = query.vocabulary, fold(query.text)
        # the other languages' banks can fill the first hits ("Braunschweig" is "Brunswick" in
        # English questions): look further down for the asker's own
        seen = 0
        for row, _ in self.index.bank.top(query.terms, 4 * self.params.retrieve_bank):
            passage = self.index.passages[row]
            if passage.language != query.language:
                continue
            seen += 1
            if seen > self.params.retrieve_bank:
                break
            for other in self._shapes(row, passage, gaps=False):
                if fold(other.question) == asked:
                    continue
                alike = likeness(query, vocabulary, other)
                if alike > (best[row][0] if row in best else 0.0):
                    best[row] = (alike, other)
        # ties keep the bank field's order: the passages it ranks first come first; a
        # question in nearly the words of one already offered (the same fact in another
        # passage) is not
        chosen: list[Shape] = []
        for _, other in sorted(best.values(), key=lambda item: -item[0]):
            if len(chosen) == self.params.suggestions:
                break
            if not any(_redundant(other.terms, c.terms) for c in chosen):
                chosen.append(other)
        return tuple(c.question for c in chosen)

    def _small_talk(self, question: str, talk: Talk, language: str) -> Answer:
        """A greeting, thanks, "help" or "who are you": a friendly reply saying what the bot
        knows, with example questions. Not an abstention."""
        lines = [t(f"talk.{talk.social}", language)]
        if talk.social in ("greeting", "help", "identity"):
            lines.append(t("talk.examples", language))
            lines += [f"• {example}" for example in examples(language)]
        return Answer(question, language, False, reason="small_talk", reply="\n".join(lines))


def _defines(sentence: str, query: Query) -> bool:
    """Does the sentence open by saying what the question's subject is ("Harz und Heide …
    is a regional consumer fair")? The subject must come before the verb, near the start."""
    head = fold(sentence[:140])
    verb = _COPULA.search(head)
    if not verb:
        return False
    opening = head[: verb.start()]
    return any(re.search(rf"\b{re.escape(w.text)}\b", opening) for w in query.words
               if w.weight >= max(x.weight for x in query.words) * 0.5)


def _softmax(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    exp = [math.exp(v - top) for v in values]
    total = sum(exp) or 1.0
    return [e / total for e in exp]


def _redundant(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) > 0.8


def locale_language(locale: str | None) -> str:
    """'id' for an Indonesian locale ('id'), 'de' for German ('de', 'de-AT'…), else 'en'."""
    code = str(locale or "").split("-")[0].lower()
    return code if code in ("en", "id", "de") else "en"
