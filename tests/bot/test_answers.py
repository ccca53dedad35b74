"""Answers from the real corpus: right, honest, cited, in the asker's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import AnswerEngine
from bot.answers.render import to_text
from bot.evaluation.questions import load_questions

REPO = Path(__file__).resolve().parents[2]
QUESTION_FILES = sorted((REPO / "eval").glob("*.jsonl"))


def all_questions() -> list[str]:
    return [q.question for path in QUESTION_FILES for q in load_questions(path)]


@pytest.mark.parametrize(("question", "language", "expected"), [
    ("In which year was the Okerbrücke renamed Bandungbrücke?", "en", "2021"),
    ("Siapa wali kota Bandung yang menandatangani piagam di Bandung?", "id", "Priatnakusumah"),
    ("Wann wurde die DIG Niedersachsen gegründet?", "de", "1964"),
])
def test_answers_in_the_askers_language(engine: AnswerEngine, question: str, language: str,
                                        expected: str) -> None:
    answer = engine.ask(question)
    assert not answer.abstained
    assert answer.language == language
    assert answer.answer_language is None
    assert expected in answer.text
    assert answer.sources


@pytest.mark.parametrize("question", [
    "What is the capital of Australia?",
    "Wie wird das Wetter morgen in Braunschweig?",
    "Berapa harga tiket kereta Jakarta ke Bandung?",
])
def test_out_of_scope_questions_are_declined(engine: AnswerEngine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.abstained
    assert answer.reason == "weak_evidence"
    assert answer.suggestions


def test_explicit_language_overrides_detection(engine: AnswerEngine) -> None:
    answer = engine.ask("When was the partnership charter signed?", language="de")
    assert answer.language == "de"
    assert "1960" in answer.text


def test_every_answer_sentence_is_corpus_text_with_its_sources(engine: AnswerEngine) -> None:
    """Honesty invariant, checked on every evaluation question and every bank question: the
    gate and the bank choose passages, but only passage text is ever quoted."""
    passages = {p.id: p for p in engine.index.passages}
    bank = {q for questions in engine.index.bank_questions for q in questions}
    assert len(bank) > 1000
    checked = 0
    for question in [*all_questions(), *sorted(bank)[::7]]:
        answer = engine.ask(question)
        assert not answer.small_talk or not answer.quotes
        numbered = {ref.number: ref.id for ref in answer.sources}
        for quote in answer.quotes:
            passage = passages[quote.passage_id]
            assert quote.text in passage.text
            assert quote.text not in bank
            assert quote.sources
            assert {numbered[n] for n in quote.sources} <= set(passage.sources)
            checked += 1
    assert checked > 20


def test_single_source_facts_are_flagged(engine: AnswerEngine) -> None:
    """Quotes from records marked S1 or U carry the hedge note in the rendered answer."""
    flagged = 0
    for question in all_questions():
        answer = engine.ask(question)
        if any(q.confidence in ("S1", "U") for q in answer.quotes):
            assert answer.hedged
            assert "single source" in to_text(answer) or answer.language != "en"
            flagged += 1
    assert flagged >= 1


def test_answers_fit_a_discord_message(engine: AnswerEngine) -> None:
    for question in all_questions():
        assert len(to_text(engine.ask(question), engine.index.corpus_date)) <= 2000


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600) | st.text(alphabet="\u202e\u200b\u0000\n\t @#<>*_`~|", max_size=80))
def test_any_text_gives_an_answer_or_an_abstention(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    assert isinstance(answer.abstained, bool)
    rendered = to_text(answer)
    assert len(rendered) <= 2000
    assert "@everyone" not in rendered and "@here" not in rendered


def test_huge_and_empty_questions_are_refused_clearly(engine: AnswerEngine) -> None:
    assert engine.ask("x" * 100_000).reason == "too_long"
    assert engine.ask(" \u200b\n ").reason == "empty"
    assert "longer than 500" in to_text(engine.ask("y " * 400))


def test_batch_json_shape(engine: AnswerEngine) -> None:
    from bot.answers.render import to_json

    row = to_json(engine.ask("Who organised Harz und Heide until 2008?"), "q1")
    assert json.loads(json.dumps(row))["id"] == "q1"
    assert set(row) >= {"id", "question", "answer", "abstained", "language", "sources"}
    assert all(set(s) == {"id", "title", "url"} for s in row["sources"])


@pytest.mark.parametrize("question", [
    "What are the opening hours of the Galeri Patrakomala?",
    "Berapa nomor telepon Dinas KUMKM Kota Bandung?",
    "Wie viel kostet ein Stand auf der Messe Harz und Heide?",
    "How much is a ticket for the Harz und Heide fair?",
    "How many students has ITB sent to TU Braunschweig?",
])
def test_asking_for_a_datum_the_corpus_lacks_is_declined(engine: AnswerEngine,
                                                         question: str) -> None:
    """Hours, phone numbers, prices and counts need a sentence that holds one, not just shared
    words (a year is not a count)."""
    assert engine.ask(question).abstained


def test_a_name_the_corpus_never_mentions_is_declined(engine: AnswerEngine) -> None:
    """'Ambiente' is the topic of the question; Harz und Heide sentences sharing its other
    words ('Bandung SMEs', 'fair') do not answer it."""
    assert engine.ask("Where do Bandung SMEs register for the Ambiente trade fair?").abstained
    assert not engine.ask("Where do Bandung SMEs register for the Harz und Heide fair?").abstained


def test_who_holds_an_office_now_needs_a_recent_sentence(engine: AnswerEngine) -> None:
    """The corpus names the lord mayor of 1960, not today's: no earlier holder is passed off as
    the present one. A holder dated within two years of the corpus still answers."""
    for question in ("Who is the Oberbürgermeister of Braunschweig today?",
                     "Wer ist heute Oberbürgermeister von Braunschweig?",
                     "Siapa wali kota Bandung sekarang?"):
        stale = engine.ask(question)
        assert stale.abstained and stale.reason == "stale", question
        if stale.language == "en":
            assert "earlier dates" in to_text(stale)
    recent = engine.ask("Who is currently the chair of the DIG Niedersachsen?")
    assert "Ihbe" in recent.text


def test_current_rules_come_before_superseded_ones(engine: AnswerEngine) -> None:
    answer = engine.ask("What annual sales make a business micro in Indonesia?")
    assert "PP 7/2021" in answer.quotes[0].text
    assert "supersed" not in answer.quotes[0].text


@pytest.mark.parametrize(("question", "expected"), [
    ("Please define the Bandung Corner.", "2020"),
    ("Wie kann ich mich am Jugendaustausch beteiligen?", "Internationale Beziehungen"),
])
def test_words_asking_for_a_kind_of_answer_do_not_sink_coverage(engine: AnswerEngine,
                                                               question: str,
                                                               expected: str) -> None:
    """'define' or 'beteiligen' are missing from the corpus but say nothing about the topic."""
    answer = engine.ask(question)
    assert not answer.abstained
    assert expected in answer.text


def test_a_question_of_only_typos_still_finds_its_answer(engine: AnswerEngine) -> None:
    answer = engine.ask("Bandng Braunschwieg partnershp since when")
    assert not answer.abstained
    assert "1960" in answer.text


@pytest.mark.parametrize("question", [
    "Which exhibitions are held in Berlin?",
    "Pameran apa yang diadakan di Berlin tahun 2026?",
    "Messen in Berlin 2026",
])
def test_a_place_the_corpus_only_names_in_passing_is_not_answered(engine: AnswerEngine,
                                                                  question: str) -> None:
    """Berlin is only the home of the 2026 fair's organiser; nothing happens there."""
    assert engine.ask(question).abstained


def test_a_month_after_in_is_a_time_not_a_place(engine: AnswerEngine) -> None:
    """'im September' reads like 'in Berlin' (and "September" is written alike in all three
    languages, as names the corpus mentions in passing are), but a month is no place."""
    question = "Welche Partnerschaft Braunschweigs wurde im September 1980 begründet?"
    assert engine.analyzer.analyze(question).places == []
    answer = engine.ask(question)
    assert not answer.abstained
    assert "Sousse" in answer.text


def test_a_place_where_something_happened_is_answered(engine: AnswerEngine) -> None:
    answer = engine.ask("Who proposed a Bandung Corner in Hamburg?")
    assert not answer.abstained
    assert "2020" in answer.text


def test_a_figure_in_the_question_picks_the_class_that_holds_it(engine: AnswerEngine) -> None:
    """Rp 3 billion of new capital is a small business: the sentence with its range leads."""
    answer = engine.ask("Modal usaha baru saya Rp 3 miliar, masuk kategori apa?")
    assert not answer.abstained
    assert "usaha kecil" in answer.quotes[0].text
    assert "Rp5 miliar" in answer.quotes[0].text


def test_a_disputed_fact_comes_with_every_version(engine: AnswerEngine) -> None:
    """'Sources disagree on who signed…' is followed by what each source says."""
    answer = engine.ask("Who signed the charter for Indonesia?")
    assert answer.quotes[0].text.startswith("Sources disagree")
    assert "Zairin Zain" in answer.text
    assert "Baisr Isa" in answer.text


@pytest.mark.parametrize(("question", "expected"), [
    ("I sell leather wallets from Bandung. Who curates products for fairs abroad?",
     "Dekranasda"),
    ("Saya pengrajin tas kulit di Cibaduyut. Siapa yang mengkurasi produk untuk pameran?",
     "Dekranasda"),
    ("My family runs a food stall in Bandung. How do I get a free halal certificate?",
     "Disdagin"),
    ("My family has been making leather shoes and handbags in Cibaduyut for fifteen years and "
     "we sell at weekend markets. Who curates craft products for exhibitions?", "Dekranasda"),
])
def test_statements_about_the_asker_weigh_less_than_the_question(
        engine: AnswerEngine, question: str, expected: str) -> None:
    """'I sell leather wallets' is context the corpus cannot know; the question is the rest,
    and a long story around it never outweighs it."""
    answer = engine.ask(question)
    assert not answer.abstained
    assert expected in answer.text


def test_no_published_procedure_comes_with_whom_to_ask(engine: AnswerEngine) -> None:
    """'No procedure is published' alone leaves a how-to question without a way in."""
    quotes = engine.ask("Cara memajang produk UMKM di Pojok Bandung?").quotes
    assert any("dapat bertanya" in q.text for q in quotes)  # the way in is always there
    for n, quote in enumerate(quotes):
        if "belum ada prosedur" in quote.text:  # and right after the sentence that needs it
            assert quotes[n + 1].passage_id == quote.passage_id
            assert "dapat bertanya" in quotes[n + 1].text


@pytest.mark.parametrize(("question", "expected"), [
    ("Pojok Bandung itu siapa yang ngusulin?", "Hamburg"),
    ("Braunschweig pernah ngasih apa aja ke Bandung?", "VW Kombi"),
    ("HBK sama ITB mulai kerja sama taun brp?", "1987"),
    ("Seit wann foerdert die EU Staedtepartnerschaften?", "1989"),
])
def test_chat_spellings_find_the_corpus_words(engine: AnswerEngine, question: str,
                                               expected: str) -> None:
    """'ngusulin' is chat Indonesian for 'mengusulkan', 'ngasih' for 'memberi', 'taun' for
    'tahun'; 'foerdert' is
    'fördert'; the EU is named 'Europäische Union' in the corpus."""
    answer = engine.ask(question)
    assert not answer.abstained
    assert expected in answer.text


def test_a_german_compound_is_found_by_its_part(engine: AnswerEngine) -> None:
    """'Messen … im Ausland' finds the sentence on 'Auslandsmessen' (analysis, retrieval and
    selection; whether that sentence answers "which fairs" is the gate's call, so it is open)."""
    from bot.answers.gate import OPEN

    answer = AnswerEngine(engine.index, gate=OPEN).ask(
        "Welche Messen besuchen indonesische KMU im Ausland?")
    assert "Auslandsmessen" in answer.quotes[0].text


def test_a_why_question_gets_the_sentence_with_the_reason(engine: AnswerEngine) -> None:
    answer = engine.ask("Why did Bandung and Braunschweig become partners?")
    assert "because" in answer.text
    assert "teacher-training" in answer.text


@pytest.mark.parametrize(("question", "opening"), [
    ("Apa itu Harz und Heide?", "Harz und Heide, yang juga ditulis"),
    pytest.param(
        "What is the GGM?", "The Gelanggang Generasi Muda (GGM) youth centre at Jalan Merdeka",
        marks=pytest.mark.xfail(strict=True, reason=(
            "known regression of the eighth round: a one-word 'what is' question is alike to "
            "every bank question naming the GGM, so the sentence on its rebuilding comes first"))),
])
def test_what_is_x_opens_with_the_sentence_saying_what_x_is(engine: AnswerEngine,
                                                             question: str,
                                                             opening: str) -> None:
    assert engine.ask(question).quotes[0].text.startswith(opening)


@pytest.mark.parametrize("question", [
    "When was the DIG founded?", "Wann wurde die DIG gegründet?", "Kapan DIG didirikan?",
    "When was the partnership founded?", "Siapa yang menandatangani piagam 1960?",
    "Welche Partnerstädte hat Braunschweig?"])
def test_one_focused_answer(engine: AnswerEngine, question: str) -> None:
    """At most three sentences picked by their chance of answering (what honesty needs comes
    on top), and no dated fact twice."""
    from bot.answers.figures import restates

    answer = engine.ask(question)
    texts = [q.text for q in answer.quotes]
    assert texts and not answer.abstained
    assert not any(restates(a, b) for n, a in enumerate(texts) for b in texts[:n])
    assert len(texts) <= engine.params.max_sentences + 2


def test_a_place_named_in_another_role_counts_when_a_translation_places_it_there(
        engine: AnswerEngine) -> None:
    """'… di Madrid?': the Indonesian text names 'KBRI Madrid' (the embassy), the English one
    says 'in Madrid'; both state the same fact, so the asker's language is not filtered out.
    A topic no version of which places anything there stays out."""
    from bot.answers.engine import _Candidate
    from indexer.passages import Passage
    from indexer.query import Query

    def candidate(topic: str, language: str, text: str) -> _Candidate:
        passage = Passage(f"{topic}-{language}#1", f"{topic}-{language}", "document", topic,
                          language, "t", "h", text, ())
        return _Candidate(passage, 1.0, 1.0)

    query = Query("… di Madrid?", "id", True, [], places=["madrid"])
    indonesian = candidate("fair", "id", "Bazar itu digelar KBRI Madrid pada 2018.")
    english = candidate("fair", "en", "The bazaar was held by the embassy in Madrid in 2018.")
    elsewhere = candidate("firm", "id", "Penyelenggaranya Expotec GmbH asal Madrid.")
    kept = engine._located(query, [indonesian, english, elsewhere])
    assert kept == [indonesian, english]


def test_questions_the_corpus_is_known_not_to_answer_are_declined(
        engine: AnswerEngine) -> None:
    """corpus/gaps: asked as written, a known gap is declined, not answered with the
    neighbouring fact (89% of a third of them at this commit; 34% before the gate weighed the
    gaps), and it is never offered as "Did you mean …?"."""
    index = engine.index
    asked = [q for qs in index.gaps for q in qs[::6]]
    assert len(asked) > 300
    answers = [engine.ask(q) for q in asked]
    declined = sum(a.abstained for a in answers)
    assert declined >= 0.8 * len(asked), f"{declined} of {len(asked)} declined"
    gaps = {q for qs in index.gaps for q in qs}
    assert not any(set(a.suggestions) & gaps for a in answers)
