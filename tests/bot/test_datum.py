"""Which questions ask for a datum, and which sentences hold one."""

from __future__ import annotations

import pytest

from bot.answers.datum import carries, required_datum


@pytest.mark.parametrize(("question", "sentence", "holds"), [
    ("How much does a stand cost?", "A stand costs Rp 2 million.", True),
    ("Berapa biaya sertifikasi halal?", "Sertifikasi halal dari Disdagin gratis.", True),
    ("Was kostet die Anmeldung?", "Die Anmeldung erfolgt bei Disdagin.", False),
    ("What is the phone number of Disdagin?", "Call +62 22 123 4567.", True),
    ("Jam buka galeri?", "Galeri buka pukul 09.00 WIB.", True),
    ("What are the opening hours?", "The centre opened in 1976.", False),
    ("Wie viele Einwohner hat Bandung?", "Bandung hat 2,5 Millionen Einwohner.", True),
    ("How many partner cities does Braunschweig have?", "It has seven partner cities.", True),
    ("Wie viele Ratsmitglieder kamen?", "Eine siebenköpfige Delegation kam.", True),
    ("Berapa jumlah peserta?", "Pesertanya 40 orang.", True),
    ("How many students took part?", "The exchange began in 1985.", False),
    ("Berapa jumlah mahasiswa?", "Sumber tentang pertukaran itu ada.", False),
])
def test_datum_patterns(question: str, sentence: str, holds: bool) -> None:
    datum = required_datum(question)
    assert datum is not None
    assert bool(datum.search(sentence)) is holds


@pytest.mark.parametrize("question", ["When was the charter signed?", "Apa itu GGM?",
                                      "Ist die Teilnahme kostenlos?"])
def test_ordinary_questions_need_no_datum(question: str) -> None:
    assert required_datum(question) is None


@pytest.mark.parametrize("sentence", [
    "The delegation visited from 10 to 13 December 2017.",
    "Der Besuch fand vom 10. bis 13. Dezember 2017 statt.",
    "Kunjungan berlangsung pada 22 Juni 2019.",
    "The fair opened on June 22, 2019.",
])
def test_the_day_of_a_date_is_no_count(sentence: str) -> None:
    """'How many members …?' is not answered by a sentence whose only numbers are a date's."""
    datum = required_datum("How many members does it have? / Wie viele Mitglieder?")
    assert datum is not None
    assert not carries(datum, sentence)
    assert carries(datum, sentence.replace("2017", "2017 with 40 members").replace(
        "2019", "2019, 40 Gäste").replace("statt", "mit 40 Gästen statt"))


def test_a_number_word_compound_is_a_count() -> None:
    datum = required_datum("Wie viele Stockwerke hat das Haus?")
    assert datum is not None and carries(datum, "Es ist ein vierstöckiges Haus.")
