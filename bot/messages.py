"""Every fixed text the bot shows, in English, Indonesian and German.

Corpus text is never translated here; these are labels, hints and error messages only.
"""

from __future__ import annotations

LANGUAGE_NAMES = {
    "en": {"en": "English", "id": "Indonesian", "de": "German"},
    "id": {"en": "bahasa Inggris", "id": "bahasa Indonesia", "de": "bahasa Jerman"},
    "de": {"en": "Englisch", "id": "Indonesisch", "de": "Deutsch"},
}

_TEXT: dict[str, dict[str, str]] = {
    "answer": {"en": "Answer", "id": "Jawaban", "de": "Antwort"},
    "sources": {"en": "Sources", "id": "Sumber", "de": "Quellen"},
    "corpus_date": {"en": "Corpus as of {date}", "id": "Korpus per {date}",
                    "de": "Korpus, Stand {date}"},
    "no_url": {"en": "no public URL", "id": "tanpa URL publik", "de": "keine öffentliche URL"},
    "hedged": {
        "en": "Part of this rests on a single source or on sources that disagree.",
        "id": "Sebagian jawaban ini hanya bersandar pada satu sumber atau sumber yang berbeda "
              "pendapat.",
        "de": "Ein Teil davon stützt sich auf nur eine Quelle oder auf widersprüchliche Quellen.",
    },
    "fallback": {
        "en": "The corpus has no {wanted} text on this; quoted in {got}.",
        "id": "Korpus belum punya teks {wanted} tentang ini; dikutip dalam {got}.",
        "de": "Der Korpus hat dazu keinen Text auf {wanted}; zitiert auf {got}.",
    },
    "abstain": {
        "en": "The corpus does not cover this question, so I won't guess.",
        "id": "Pertanyaan ini tidak tercakup dalam korpus, jadi saya tidak akan menebak.",
        "de": "Dazu enthält der Korpus nichts, also rate ich nicht.",
    },
    "abstain_hint": {
        "en": "Try /programs, /sme, or ask about: {topics}",
        "id": "Coba /programs, /sme, atau tanyakan tentang: {topics}",
        "de": "Versuchen Sie /programs, /sme oder fragen Sie nach: {topics}",
    },
    "empty": {
        "en": "Please type a question.",
        "id": "Silakan ketik pertanyaan.",
        "de": "Bitte geben Sie eine Frage ein.",
    },
    "too_long": {
        "en": "That question is longer than {limit} characters; please shorten it.",
        "id": "Pertanyaan itu lebih dari {limit} karakter; mohon dipersingkat.",
        "de": "Die Frage ist länger als {limit} Zeichen; bitte kürzen Sie sie.",
    },
    "no_content": {
        "en": "I could not find any searchable words in that question.",
        "id": "Saya tidak menemukan kata yang bisa dicari dalam pertanyaan itu.",
        "de": "In der Frage steht kein Wort, nach dem ich suchen kann.",
    },
}


def t(key: str, language: str, **values: object) -> str:
    """The text `key` in `language` (English if missing), with `values` filled in."""
    texts = _TEXT[key]
    return texts.get(language, texts["en"]).format(**values)


def language_name(code: str, in_language: str) -> str:
    return LANGUAGE_NAMES.get(in_language, LANGUAGE_NAMES["en"]).get(code, code)
