"""Dates, numbers and hedges read the same from English, Indonesian and German text."""

from __future__ import annotations

import pytest

from indexer.statements import read

TRIOS = [
    ("The charter was signed on 24 May 1960.", "Piagam ditandatangani pada 24 Mei 1960.",
     "Die Urkunde wurde am 24. Mai 1960 unterzeichnet.", {"1960-05-24"}),
    ("The conference ran from 16 to 18 May 1957.", "Konferensi berlangsung 16\u201318 Mei 1957.",
     "Die Konferenz fand vom 16. bis 18. Mai 1957 statt.", {"1957-05-16", "1957-05-18"}),
    ("The fair ran from 30 April to 15 May 1949.", "Pameran berlangsung 30 April\u201315 Mei 1949.",
     "Die Messe lief vom 30. April bis 15. Mai 1949.", {"--04-30", "1949-05-15"}),
    ("The DIG was founded in May 1964.", "DIG didirikan pada Mei 1964.",
     "Die DIG wurde im Mai 1964 gegründet.", {"1964-05"}),
    ("Bandung has 330,000 firms and Rp2.5 billion.",
     "Bandung punya 330.000 usaha dan Rp2,5 miliar.",
     "Bandung hat 330.000 Betriebe und 2,5 Milliarden Rupiah.", {"330000", "2.5"}),
    ("A seven-member delegation came for three to four months.",
     "Delegasi tujuh orang datang selama 3\u20134 bulan.",
     "Eine siebenköpfige Delegation kam für drei bis vier Monate.", {"7", "3", "4"}),
]


@pytest.mark.parametrize(("en", "id_", "de", "facts"), TRIOS)
def test_translations_state_the_same_facts(en: str, id_: str, de: str, facts: set[str]) -> None:
    assert read(en, "en").facts == read(id_, "id").facts == read(de, "de").facts == facts


def test_one_and_both_are_not_counts() -> None:
    """'One', 'first' and 'the two cities' are words, not facts to compare."""
    assert read("The two cities signed one charter, the first in 1960.", "en").facts == {"1960"}
    assert read("Kedua kota menandatangani satu piagam pada 1960.", "id").facts == {"1960"}
    assert read("Die beiden Städte unterzeichneten 1960 eine Urkunde.", "de").facts == {"1960"}


def test_web_addresses_and_names_carry_no_facts() -> None:
    assert read("According to one source (unser38.de), it was 2017.", "en").facts == {"2017"}
    assert read("It was postponed by COVID-19 in 2020.", "en").facts == {"2020"}


def test_a_hedge_covers_the_facts_of_its_own_sentence() -> None:
    statement = read("According to one source, the GGM opened in 1976. It was rebuilt in 2021.",
                     "en")
    assert statement.hedges == {"single source"}
    assert statement.hedged["single source"] == {"1976"}


@pytest.mark.parametrize(("text", "language", "kind"), [
    ("Menurut satu sumber, GGM dibuka pada 1976.", "id", "single source"),
    ("Laut einer Quelle wurde das GGM 1976 eröffnet.", "de", "single source"),
    ("Sources disagree on who signed the charter.", "en", "sources disagree"),
    ("Die Quellen widersprechen sich beim Datum.", "de", "sources disagree"),
    ("Menurut studi tersebut, UMKM dipromosikan.", "id", "only the study"),
    ("Ob das Angebot umgesetzt wurde, geht aus den Quellen nicht hervor.", "de",
     "not in the sources"),
])
def test_hedges_are_recognised_in_each_language(text: str, language: str, kind: str) -> None:
    assert kind in read(text, language).hedges
