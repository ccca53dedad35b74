"""Questions that ask for one particular kind of datum — a price, a phone number, opening
hours, an e-mail address, a population, a count — can only be answered by a sentence that holds one.

When the corpus has no such sentence among the candidates, the bot declines instead of
quoting a sentence that merely shares the question's other words ("What are the opening hours
of the GGM youth centre?" must not be answered with the centre's address).
"""

from __future__ import annotations

import re

_DATA: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile(r"\b(cost|costs|price|prices|fee|fees|how much (does|is|are|do)|tickets?|"
                r"admission|harga|biaya|tarif|tiket|karcis|kostet|kosten|preis|preise|gebühr|"
                r"gebühren|eintritt\w*)\b", re.IGNORECASE),
     re.compile(r"rp ?\d|\d+ ?(rupiah|euro|eur|usd|dollars?)\b|[€$£] ?\d|\b(gratis|free|"
                r"kostenlos\w*|gebührenfrei)\b", re.IGNORECASE)),
    (re.compile(r"\b(phone|telephone|telepon|telp|telefon|telefonnummer|whatsapp|hotline|fax)\b",
                re.IGNORECASE),
     re.compile(r"\+?\d[\d\s().-]{6,}\d")),
    (re.compile(r"opening (hours|times)|\bopen(s)? on\b|jam (buka|operasional)|\bbuka jam\b|"
                r"öffnungszeiten|geöffnet am|hours of", re.IGNORECASE),
     re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(a\.?m\.?|p\.?m\.?|uhr|wib)\b|24/7",
                re.IGNORECASE)),
    (re.compile(r"\b(e-?mail|surel)\b", re.IGNORECASE), re.compile(r"\S+@\S+\.\w+")),
    (re.compile(r"\b(population|inhabitants|penduduk|einwohner)\b", re.IGNORECASE),
     re.compile(r"\d[\d.,]*\s*(people|inhabitants|residents|jiwa|penduduk|einwohner|million|"
                r"juta|millionen)\b", re.IGNORECASE)),
    # a count: a number that is not a year, or a number word ("sieben", "tujuh", "seven",
    # "siebenköpfige"). "one/ein/satu" are left out: they are articles far more often.
    (re.compile(r"\b(how many|(ada )?berapa (banyak|jumlah)|ada berapa|jumlah|wie viele?|anzahl)\b",
                re.IGNORECASE),
     re.compile(r"\b(?!(1[89]|20)\d\d\b)\d|\b(two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|dozens?|hundreds?|thousands?|millions?|dua|tiga|empat|lima|enam|"
                r"tujuh|delapan|sembilan|sepuluh|sebelas|\w+ puluh|ratus(an)?|ribu(an)?|seratus|"
                r"seribu|puluhan|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
                r"zwanzig|hundert|tausend|dutzend)\b|\b(zwei|drei|vier|fünf|sechs|sieben|acht|"
                r"neun|zehn|zwölf)(köpfig|tägig|jährig|fach)", re.IGNORECASE)),
]


def required_datum(question: str) -> re.Pattern[str] | None:
    """The pattern an answer sentence must contain, if the question asks for such a datum."""
    for cue, datum in _DATA:
        if cue.search(question):
            return datum
    return None


# "Who is the mayor now?" The corpus records who held an office at some date; only a sentence
# dated within a few years of the corpus says anything about the present holder.
_PRESENT = re.compile(r"\b(current(ly)?|now|today|right now|at present|incumbent|sekarang|saat ini|"
                      r"kini|aktuell\w*|derzeit\w*|heute|jetzt|amtierend\w*|zurzeit)\b",
                      re.IGNORECASE)


def asks_about_now(question: str) -> bool:
    return bool(_PRESENT.search(question))
