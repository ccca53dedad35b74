"""Talk around a question: greetings don't change answers, small talk gets a friendly reply,
noise gets no corpus quote, invisible characters don't break words."""

from __future__ import annotations

import pytest

from bot.answers import AnswerEngine
from bot.answers.render import to_json


@pytest.mark.parametrize(("bare", "greeted"), [
    ("When was the partnership charter signed?", "hi, when was the partnership charter signed?"),
    ("When was the partnership charter signed?", "Good morning! When was the partnership "
                                                 "charter signed? thanks"),
    ("Kapan piagam kerja sama ditandatangani?", "halo kak, mau tanya dong, kapan piagam kerja "
                                               "sama ditandatangani?"),
    ("Wann wurde die Partnerschaftsurkunde unterzeichnet?",
     "Hallo zusammen, weißt du zufällig, wann die Partnerschaftsurkunde unterzeichnet wurde?"),
])
def test_a_greeting_does_not_change_the_answer(engine: AnswerEngine, bare: str,
                                                greeted: str) -> None:
    plain, polite = engine.ask(bare), engine.ask(greeted)
    assert not plain.abstained
    assert polite.text == plain.text
    assert polite.language == plain.language


@pytest.mark.parametrize(("message", "language"), [
    ("hi", "en"), ("thanks!", "en"), ("who are you?", "en"), ("help", "en"),
    ("halo kak", "id"), ("makasih ya", "id"), ("Danke schön!", "de"), ("wer bist du?", "de"),
])
def test_small_talk_gets_a_friendly_reply_not_a_refusal(engine: AnswerEngine, message: str,
                                                         language: str) -> None:
    answer = engine.ask(message, locale=language)
    data = to_json(answer)
    assert data["abstained"] is False and data["sources"] == [] and data["reason"] == "small_talk"
    assert answer.language == language
    assert data["answer"] and "corpus does not cover" not in str(data["answer"])


@pytest.mark.parametrize("noise", ["e", "1", "7", "test", "asdf qwerty", "?!", "ok"])
def test_noise_is_never_answered_with_corpus_sentences(engine: AnswerEngine, noise: str) -> None:
    answer = engine.ask(noise)
    assert not answer.quotes and not answer.sources


def test_zero_width_characters_inside_words_are_ignored(engine: AnswerEngine) -> None:
    plain = engine.ask("When was the charter signed?")
    hidden = engine.ask("Wh\u200ben w\u200bas the ch\u00adarter signed?")
    assert not plain.abstained and hidden.text == plain.text


def test_a_lone_surrogate_never_reaches_the_answer(engine: AnswerEngine) -> None:
    answer = engine.ask("\ud800 When was the charter signed?")
    answer.text.encode("utf-8")  # raises if a surrogate got through
    assert not answer.abstained


def test_a_decline_suggests_nearby_bank_questions_in_the_askers_language(
        engine: AnswerEngine) -> None:
    answer = engine.ask("Wer war Bürgermeister von Bandung im Jahr 1850 und welche Partei?")
    assert answer.abstained
    assert answer.suggestions
    bank = {q for questions in engine.index.bank_questions for q in questions}
    assert set(answer.suggestions) <= bank
    assert all(engine.index.passages[i].language == "de"
               for i, qs in enumerate(engine.index.bank_questions)
               for q in qs if q in answer.suggestions)


@pytest.mark.parametrize(("question", "language"), [
    ("how many members does the DIG have?", "en"),
    ("Who designed the Bandungbrücke?", "en"),
    ("Wer war Bürgermeister von Bandung im Jahr 1850 und welche Partei?", "de"),
    ("Berapa harga tiket kereta Jakarta ke Bandung?", "id"),
])
def test_a_declines_suggestions_are_different_questions(engine: AnswerEngine, question: str,
                                                        language: str) -> None:
    """"Did you mean …?" offers different questions, not one question in three wordings
    (the document, its program and its timeline event each have a bank question on a fact)."""
    answer = engine.ask(question)
    assert answer.abstained and len(answer.suggestions) >= 2
    words = [set(engine.index.tokens(s, language)) for s in answer.suggestions]
    for n, a in enumerate(words):
        for b in words[n + 1:]:
            assert len(a & b) / min(len(a), len(b)) <= 0.8, answer.suggestions


def test_every_lexicon_list_is_there_in_all_three_languages_as_words() -> None:
    """A list missing in one language would silently stop that language's greetings, hedges
    or "sources disagree" from working; YAML reads a bare `no` as false, not the word."""
    import yaml

    from bot.answers.conversation import LISTS
    from bot.answers.lexicon import LEXICON_DIR

    for lang in ("en", "id", "de"):
        data = yaml.safe_load((LEXICON_DIR / f"{lang}.yaml").read_text("utf-8"))
        for name in LISTS:
            entries = data.get(name)
            assert entries, f"{lang}.yaml has no {name}"
            assert all(isinstance(e, str) and e.strip() for e in entries), f"{lang}.yaml {name}"


def test_yes_and_no_alone_are_no_question() -> None:
    from bot.answers.conversation import is_noise

    assert is_noise("yes") and is_noise("no") and is_noise("No!")


def test_every_question_kind_has_cues_in_all_three_languages() -> None:
    """The cues of question kinds are lexicon data: a kind without cues in one language would
    read that language's "when"/"wann"/"kapan" questions as some other kind."""
    import re

    from bot.answers.lexicon import raw
    from bot.answers.question import kind_of

    sections = ("frame", "define", "reasons", "steps", "places", "present")
    for lang in ("en", "id", "de"):
        data = raw(lang)
        assert set(data["kinds"]) == {"ask_whom", "how_many", "when", "who", "where", "how_to",
                                      "why", "list"}, lang
        for name, cues in [*data["kinds"].items(), *((s, data[s]) for s in sections)]:
            assert cues and all(isinstance(c, str) and c.strip() for c in cues), (lang, name)
            for cue in cues:
                re.compile(cue)
        # the datums asked for: the same names in every language, in the same order
        assert list(data["datum_cues"]) == list(data["datum_values"]) == [
            "price", "phone", "hours", "email", "population", "count"], lang
        for cue in (c for section in ("datum_cues", "datum_values")
                    for cues in data[section].values() for c in cues):
            assert isinstance(cue, str) and cue.strip(), lang
            re.compile(cue)
    assert [kind_of(q) for q in ("Since when are they partners?", "Sejak kapan bermitra?",
                                 "Seit wann sind sie Partner?")] == ["when"] * 3
    assert [kind_of(q) for q in ("Whom can I ask about fairs?", "An wen wende ich mich?",
                                 "Siapa yang bisa dihubungi?")] == ["how_to"] * 3
