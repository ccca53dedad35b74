"""A small corpus for the Discord tests: the shared test corpus plus enough programs and
timeline events to fill more than one page, a bridge with names in three languages, and an
SME guide."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import document, write_corpus

RULE_SOURCES = """\
  - id: ddtc-2021
    publisher: "DDTC"
    title: "PP 7/2021 size criteria"
    url: "https://example.org/ddtc"
    accessed: 2026-11-28
    confidence: high
  - id: kontrakhukum
    publisher: "Kontrak Hukum"
    title: "UMKM criteria"
    url: "https://example.org/kontrakhukum"
    accessed: 2026-11-28
    confidence: medium
  - id: fortune-idn
    publisher: "Fortune Indonesia"
    title: "UMKM"
    url: "https://example.org/fortune"
    accessed: 2026-11-28
    confidence: medium
"""

PROGRAM = """\
id: {id}
name: {{en: "{en}", id: "{id_name}", de: "{de}"}}
fields: [{field}]
start: {start}
status: {status}
summary:
  en: "{en} is a program of the partnership started in {start}."
  id: "{id_name} adalah program kemitraan yang dimulai pada {start}."
  de: "{de} ist ein Programm der Partnerschaft seit {start}."
how_to_take_part:
  en: "Contact the city's partnership office."
  id: "Hubungi kantor kemitraan kota."
  de: "Wenden Sie sich an das Partnerschaftsbüro der Stadt."
partners: [City of Bandung, City of Braunschweig]
sources: [city]
confidence: C2
"""

EXTRA_PROGRAMS = [
    ("bandung-bridge", "Bandung Bridge", "Jembatan Bandung", "Bandungbrücke", "culture", 2021,
     "completed"),
    ("school-exchange", "School exchange", "Pertukaran pelajar", "Schüleraustausch",
     "education", 1985, "active"),
    ("youth-camp", "Youth camp", "Perkemahan pemuda", "Jugendcamp", "youth", 1990, "active"),
    ("trade-fair", "Trade fair stand", "Stan pameran dagang", "Messestand", "trade", 2018,
     "active"),
    ("angklung-tour", "Angklung concert tour", "Tur konser angklung", "Angklung-Tournee",
     "culture", 2010, "completed"),
    ("tech-forum", "Technology forum", "Forum teknologi", "Technologieforum", "technology",
     2022, "proposed"),
    ("football-cup", "Friendship football cup", "Piala sepak bola persahabatan",
     "Freundschaftspokal", "sport", 2015, "completed"),
    ("green-city", "Green city dialogue", "Dialog kota hijau", "Dialog grüne Stadt",
     "environment", 2019, "active"),
    ("library-link", "Library partnership", "Kemitraan perpustakaan", "Bibliothekspartnerschaft",
     "education", 2005, "unknown"),
    ("coffee-corner", "Bandung coffee corner", "Pojok kopi Bandung", "Bandung-Kaffee-Ecke",
     "economy", 2023, "proposed"),
    ("admin-visit", "Administrative visits", "Kunjungan pemerintahan", "Verwaltungsbesuche",
     "administration", 1960, "active"),
]

TIMELINE_EVENT = """\
  - date: {date}
    text: {{en: "Event {n} of the partnership.", id: "Peristiwa {n} kemitraan.",
            de: "Ereignis {n} der Partnerschaft."}}
    sources: [city]
    confidence: {confidence}
"""

SME_GUIDE = """\
## Step 1: Check your size class

Under PP 7/2021 a new business is classed by its capital and an existing one by its annual
sales. [sources: ddtc-2021, kontrakhukum]

## Step 2: Get certificates

The city's trade office gives free halal certificates to small industries. [sources: city]
"""


def write_discord_corpus(root: Path) -> Path:
    """The shared test corpus, extended for the Discord tests."""
    write_corpus(root)
    sources = root / "sources.yaml"
    sources.write_text(sources.read_text("utf-8") + RULE_SOURCES, "utf-8")
    for pid, en, id_name, de, field, start, status in EXTRA_PROGRAMS:
        (root / "programs" / f"{pid}.yaml").write_text(PROGRAM.format(
            id=pid, en=en, id_name=id_name, de=de, field=field, start=start, status=status),
            "utf-8")
    events = "".join(TIMELINE_EVENT.format(date=1960 + 5 * n, n=n,
                                           confidence="U" if n == 3 else "C2")
                     for n in range(10))
    (root / "timeline.yaml").write_text("events:\n" + events, "utf-8")
    (root / "documents/en/sme-guide-en.md").write_text(document(
        "sme-guide-en", "en", SME_GUIDE, title="SME guide",
        sources="[city, ddtc-2021, kontrakhukum]"), "utf-8")
    return root
