"""Build small corpora on disk for tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

SOURCES = """\
sources:
  - id: city
    publisher: "City of Braunschweig"
    title: "City portal"
    url: "https://example.org/city"
    accessed: 2026-11-28
    confidence: high
  - id: blog
    publisher: "A blog"
    title: "Post on the youth centre"
    published: 2019-06
    url: null
    accessed: 2026-11-28
    confidence: low
"""
GLOSSARY = """\
terms:
  - concept: braunschweig
    en: [Braunschweig, Brunswick]
    id: [Braunschweig]
    de: [Braunschweig]
"""
PROGRAM = """\
id: {id}
name: {{en: "Bridge naming", id: "Penamaan jembatan", de: "Brückenbenennung"}}
fields: [culture]
start: 2021
end: 2021
status: completed
summary:
  en: "A bridge in Braunschweig was named after Bandung in 2021."
  id: "Sebuah jembatan di Braunschweig diberi nama Bandung pada 2021."
  de: "Eine Brücke in Braunschweig wurde 2021 nach Bandung benannt."
how_to_take_part:
  en: "This was a one-time event."
  id: "Ini acara satu kali."
  de: "Dies war ein einmaliges Ereignis."
partners: [City of Braunschweig]
sources: [city]
confidence: C2
"""


def document(doc_id: str, language: str, body: str, title: str = "Test document",
             sources: str = "[city]", sections: str = "") -> str:
    keys = f"sections: {sections}\n        " if sections else ""
    return textwrap.dedent(f"""\
        ---
        id: {doc_id}
        topic: {doc_id.rsplit('-', 1)[0]}
        title: "{title}"
        language: {language}
        sources: {sources}
        {keys}updated: 2026-11-28
        ---

        """) + textwrap.dedent(body)


def write_corpus(root: Path) -> Path:
    """A valid three-language corpus of a few documents and one program."""
    (root / "documents" / "en").mkdir(parents=True)
    (root / "documents" / "id").mkdir(parents=True)
    (root / "documents" / "de").mkdir(parents=True)
    (root / "programs").mkdir()
    (root / "sources.yaml").write_text(SOURCES, "utf-8")
    (root / "glossary.yaml").write_text(GLOSSARY, "utf-8")
    (root / "documents/en/charter-en.md").write_text(document("charter-en", "en", """\
        ## Signing

        The partnership charter was signed on 24 May 1960 in Braunschweig. The mayor of
        Braunschweig signed it for the German side. [sources: city]

        ## Youth

        According to one blog, the youth centre opened in 1976. [sources: blog]
        """, sources="[city, blog]"), "utf-8")
    (root / "documents/id/charter-id.md").write_text(document("charter-id", "id", """\
        ## Penandatanganan

        Piagam persahabatan ditandatangani pada 24 Mei 1960 di Braunschweig.
        """), "utf-8")
    (root / "documents/de/charter-de.md").write_text(document("charter-de", "de", """\
        ## Unterzeichnung

        Die Partnerschaftsurkunde wurde am 24. Mai 1960 in Braunschweig unterzeichnet.
        """), "utf-8")
    (root / "programs/bridge.yaml").write_text(PROGRAM.format(id="bridge"), "utf-8")
    return root
