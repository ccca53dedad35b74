"""Which questions ask for a datum, and which sentences hold one."""

from __future__ import annotations

import pytest

from bot.answers.datum import required_datum


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
