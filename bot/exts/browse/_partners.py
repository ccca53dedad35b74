"""Program partners in the reader's language.

The corpus names partners in English with the official name in brackets ("City of
Braunschweig (Stadt Braunschweig)"). The English words are the corpus's own description, so
Indonesian and German readers get them in their language from this table; official names
stay as they are, and a description that becomes the official name is not repeated.
"""

from __future__ import annotations

import re

# English description → (Indonesian, German). Longest first when applied.
GLOSSES: dict[str, tuple[str, str]] = {
    "City of Braunschweig": ("Kota Braunschweig", "Stadt Braunschweig"),
    "City of Bandung": ("Kota Bandung", "Stadt Bandung"),
    "Bandung City Government": ("Pemerintah Kota Bandung", "Stadtverwaltung Bandung"),
    "Indonesian Consulate General in Hamburg": ("Konsulat Jenderal RI di Hamburg",
                                                "Indonesisches Generalkonsulat Hamburg"),
    "Faculty of Art and Design": ("Fakultas Seni Rupa dan Desain", "Fakultät für Kunst und "
                                  "Gestaltung"),
    "Indonesian ministry of research, technology and higher education":
        ("Kementerian Riset, Teknologi, dan Pendidikan Tinggi",
         "indonesisches Ministerium für Forschung, Technologie und Hochschulbildung"),
    "NGO named by one source": ("LSM yang disebut satu sumber", "von einer Quelle genannte NGO"),
    "Bandung city brand": ("merek kota Bandung", "Stadtmarke Bandung"),
    "LENA laboratory": ("laboratorium LENA", "LENA-Labor"),
    "according to the study": ("menurut studi", "laut der Studie"),
}
_COLUMN = {"id": 0, "de": 1}
_REPEATED = re.compile(r"^(?P<name>[^()]+?) \((?P=name)\)")


def partner_name(text: str, lang: str) -> str:
    """`text` with the corpus's English descriptions in `lang` ('en' leaves it alone)."""
    column = _COLUMN.get(lang)
    if column is None:
        return text
    for english in sorted(GLOSSES, key=len, reverse=True):
        if english in text:
            text = text.replace(english, GLOSSES[english][column])
    return _REPEATED.sub(r"\g<name>", text)
