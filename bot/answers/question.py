"""What kind of answer a question wants, from its question words (en, id, de)."""

from __future__ import annotations

import re
from enum import StrEnum

from indexer.text import fold


class Kind(StrEnum):
    WHEN = "when"
    WHO = "who"
    WHERE = "where"
    HOW_MANY = "how_many"
    HOW_TO = "how_to"
    WHY = "why"
    DEFINE = "define"
    LIST = "list"
    WHAT = "what"


_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    # "Whom can I ask…" wants a way in, not a name: listed first, it wins over "whom".
    (Kind.HOW_TO, re.compile(r"\b(who|whom) (can|should|do) (i|we|one|smes?) (ask|contact|turn to)"
                             r"|siapa yang (bisa|dapat|harus) (di)?(tanya|hubungi)\w*|"
                             r"an wen (wende|kann|soll)|wen (kann|soll) (ich|man) (fragen|"
                             r"kontaktieren)", re.I)),
    (Kind.HOW_MANY, re.compile(r"\b(how (many|much)|berapa( banyak| jumlah)?|wie (viele?|hoch|groß)"
                               r"|jumlah|anzahl)\b", re.I)),
    (Kind.WHEN, re.compile(r"\b(when|what (year|date)|which year|since when|kapan|"
                           r"ta(h)?un (berapa|brp)|sejak kapan|tanggal berapa|wann|seit wann|"
                           r"in welchem jahr|welches datum|year|tahun|taun|jahr)\b", re.I)),
    (Kind.WHO, re.compile(r"\b(who|whom|whose|siapa|wer|wem|wen|welche[rs]? person|wie hei(ß|ss)t|"
                          r"what('s| is) the name)\b", re.I)),
    (Kind.WHERE, re.compile(r"\b(where|di ?mana|ke ?mana|wo|wohin|woher|address|alamat|adresse|"
                            r"located|situated|liegt|befindet|terletak|letak(nya)?|lokasi(nya)?)\b",
                            re.I)),
    (Kind.HOW_TO, re.compile(r"\b(how (do|can|to|should)|cara|bagaimana (cara|saya|kami)|"
                             r"langkah|syarat|wie (kann|können|bekomme|erhalte|melde)|"
                             r"requirements?|apply|daftar|mendaftar|voraussetzung\w*|contact|"
                             r"kontak|hubungi|ansprechpartner|take part|participate|ikut|"
                             r"berpartisipasi|mitmachen|teilnehmen|beteilig\w*)\b", re.I)),
    (Kind.WHY, re.compile(r"\b(why|how come|for what reason|mengapa|kenapa|apa alasan\w*|"
                          r"warum|wieso|weshalb|aus welchem grund)\b", re.I)),
    (Kind.LIST, re.compile(r"\b(which|what) (\w+ )?(programs|programmes|fields|cities|"
                           r"sister cities|activities|areas)\b|\b(list|liste)\b|"
                           r"\b(apa saja|bidang apa|sebutkan|welche[rns]? \w+)|"
                           r"\b(includes?|involves?|consists? of|meliputi|mencakup|umfass\w*|"
                           r"beinhalte\w*)\b", re.I)),
]
# Kinds whose cue words are about the form of the answer, not its topic ("Anzahl", "address",
# "requirements"): once the kind is known, they say little about which passage is meant.
_FORM_KINDS = frozenset({Kind.HOW_MANY, Kind.WHEN, Kind.WHERE, Kind.HOW_TO})
# Words asking for a definition or explanation, whatever the kind.
_FRAME = re.compile(r"\b(define[sd]?|definitions?|meaning|means?|explain|describe|list|liste|"
                    r"arti(nya)?|definisi|maksud(nya)?|pengertian|bedeutet|bedeutung|"
                    r"definier\w*|erklär\w*|beschreib\w*)\b", re.I)
# "What is X?" with no other cue asks for a definition.
_DEFINE = re.compile(r"^\W*(what|who) (is|are|was|were) (the |a |an )?\S+( \S+){0,3}\W*$|"
                     r"\b(what does .+ mean|apa (itu|yang dimaksud)|apa arti|"
                     r"was (ist|sind|war|bedeutet)( der| die| das| ein| eine)? \S+( \S+){0,3}"
                     r"\W*$)", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"\b(?:[A-Z]\.\s*)*[A-ZÄÖÜ][a-zäöüß]+"
                   r"(?:[\s-]+(?:[A-Z]\.\s*)*[A-ZÄÖÜ][a-zäöüß]+)+"
                   r"|\b[A-Z]\.\s*[A-ZÄÖÜ][a-zäöüß]{3,}")
_PLACE = re.compile(r"\b(Jl\.|Jalan|street|road|Straße|Platz|museum|Museum|\w+(weg|park|platz)\b|"
                    r"(in|at|am|im|di) [A-ZÄÖÜ][a-zäöüß]+)")
_REASON = re.compile(r"\b(because|due to|owing to|as a result|reason|karena|sebab|akibat|"
                     r"alasan|lantaran|weil|wegen|aufgrund|grund|deshalb|daher)\b", re.I)
_STEPS = re.compile(r"\b(must|need|register|contact|ask|apply|requires?|harus|perlu|daftar|"
                    r"hubungi|menghubungi|dihubungi|bertanya|syarat|wenden|benötigt|anmelden|"
                    r"muss|brauchen|nachfragen|fragen|kontaktieren)\b", re.I)


def kind_of(question: str) -> Kind:
    """The kind whose cue comes first ("Who was mayor when…" is a who-question)."""
    found = [(m.start(), n, kind) for n, (kind, pattern) in enumerate(_PATTERNS)
             if (m := pattern.search(question))]
    if found:
        return min(found)[2]
    return Kind.DEFINE if _DEFINE.search(question) else Kind.WHAT


# Words the corpus uses where a question of that kind has its cue: "how many" is answered by
# a sentence on "the number of …".
KIND_WORDS: dict[Kind, dict[str, tuple[str, ...]]] = {
    Kind.HOW_MANY: {"en": ("number",), "id": ("jumlah",), "de": ("anzahl", "zahl")},
}


def frame_words(question: str) -> set[str]:
    """The question's words that ask for a kind of answer rather than name a topic."""
    kind = kind_of(question)
    spans = [m.group(0) for m in _FRAME.finditer(question)]
    for cue_kind, pattern in _PATTERNS:
        if cue_kind is kind and kind in _FORM_KINDS:
            spans += [m.group(0) for m in pattern.finditer(question)]
    return {fold(word) for span in spans for word in span.split()}


def newest_year(sentence: str) -> int:
    """The latest year a sentence names (0 if none)."""
    return max((int(y) for y in _YEAR.findall(sentence)), default=0)


def satisfies(kind: Kind, sentence: str) -> bool:
    """Does the sentence contain the sort of thing the question asks for?"""
    if kind is Kind.WHEN:
        return bool(_YEAR.search(sentence))
    if kind is Kind.HOW_MANY:
        return bool(_NUMBER.search(sentence))
    if kind is Kind.WHO:
        return bool(_NAME.search(sentence))
    if kind is Kind.WHERE:
        return bool(_PLACE.search(sentence))
    if kind is Kind.HOW_TO:
        return bool(_STEPS.search(sentence))
    if kind is Kind.WHY:
        return bool(_REASON.search(sentence))
    if kind is Kind.LIST:
        return sentence.count(",") >= 2
    return False
