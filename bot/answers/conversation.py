"""Stage 1, normalize: clean the text and separate the question from the talk around it.

"hi, when was the partnership founded?", "halo kak, mau tanya: …", "Hallo zusammen, weißt du
zufällig …" ask the same as the bare question. A greeting, thanks, "help" or "who are you"
alone is small talk; single letters, digits, "test" or keyboard mash are noise. The word lists
are data: `bot/answers/lexicon/<lang>.yaml`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from bot.answers.lexicon import raw
from indexer.models import LANGUAGES
from indexer.text import fold

LISTS = ("greetings", "addressees", "fillers", "thanks", "closings", "help", "identity", "noise",
         "pronouns", "demonstratives", "hedges", "superseded", "disputes", "procedures",
         "negations", "copulas")
# Format characters inside a word (zero-width space/joiner, soft hyphen) are deleted, not
# turned into spaces: "Wh\u200ben" is "When".
_JOINING = {"Cf"}
_SPACING = {"Cc", "Co", "Cn", "Zl", "Zp"}
_SEPARATORS = " ,.;:!?-\u2013\u2014~\u2026()[]\"'*_"  # incl. en and em dash, ellipsis
_SOCIAL = {"greetings": "greeting", "thanks": "thanks", "closings": "closing"}


@dataclass(frozen=True)
class Lexicon:
    language: str
    lists: dict[str, tuple[str, ...]]  # folded phrases, longest first
    examples: tuple[str, ...]

    def phrases(self, name: str) -> tuple[str, ...]:
        return self.lists.get(name, ())


@cache
def lexicons() -> dict[str, Lexicon]:
    """Every language's conversation lexicon (read once)."""
    result = {}
    for lang in LANGUAGES:
        data = raw(lang)
        lists = {name: tuple(sorted({fold(str(p)) for p in data.get(name, [])},
                                    key=lambda p: (-len(p), p))) for name in LISTS}
        result[lang] = Lexicon(lang, lists, tuple(data.get("examples", [])))
    return result


def clean(text: str) -> str:
    """Drop control and format characters and unpaired surrogates; collapse whitespace.
    Always returns text that encodes as UTF-8. (Discord's mention syntax is the Discord front
    end's to remove: bot/exts/answers/_mentions.py.)"""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category in _JOINING:
            continue
        out.append(" " if category in _SPACING or category == "Cs" else char)
    return " ".join("".join(out).split())


def _folded(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each folded character, the index of the character it came from
    ("ß" folds to "ss"), so a cut found in folded text can be made in the original."""
    chars, origin = [], []
    for i, char in enumerate(text):
        for f in fold(char):
            chars.append(f)
            origin.append(i)
    return "".join(chars), origin


@dataclass(frozen=True)
class Talk:
    """A message split into the question and the conversation around it."""

    question: str  # what is left to answer ("" when the message is only talk)
    social: str  # "greeting" | "thanks" | "help" | "identity" | "closing" | "" (a question)
    language: str | None  # the language the talk words were in, if any
    stripped: bool  # whether conversation words were removed

    @property
    def is_small_talk(self) -> bool:
        return not self.question and bool(self.social)


def _strip_prefix(text: str, phrases: tuple[str, ...]) -> str | None:
    folded, origin = _folded(text)
    for phrase in phrases:
        if folded.startswith(phrase) and (len(folded) == len(phrase)
                                          or folded[len(phrase)] in _SEPARATORS):
            cut = origin[len(phrase)] if len(phrase) < len(origin) else len(text)
            return text[cut:].lstrip(_SEPARATORS)
    return None


def _strip_suffix(text: str, phrases: tuple[str, ...]) -> str | None:
    folded, origin = _folded(text.rstrip(_SEPARATORS))
    for phrase in phrases:
        start = len(folded) - len(phrase)
        if folded.endswith(phrase) and (start == 0 or folded[start - 1] in _SEPARATORS):
            return text[: origin[start]].rstrip(_SEPARATORS)
    return None


def separate(text: str) -> Talk:
    """Split off greetings, addressees and fillers at the start, thanks and closings at the
    end; what remains is the question."""
    social, language, stripped = "", None, False
    current = text.strip()
    for _ in range(8):
        whole = fold(current).strip(_SEPARATORS)
        for lang, lex in lexicons().items():
            for name in ("help", "identity"):
                if whole in lex.phrases(name):
                    return Talk("", name, lang, True)
            cut = None
            for name in ("greetings", "addressees", "fillers", "thanks", "closings"):
                cut = _strip_prefix(current, lex.phrases(name))
                if cut is not None:
                    social = social or _SOCIAL.get(name, "")
                    break
            if cut is None:
                for name in ("thanks", "closings"):
                    cut = _strip_suffix(current, lex.phrases(name))
                    if cut is not None:
                        social = social or _SOCIAL[name]
                        break
            if cut is not None:
                # a word in several languages' lists ("hallo") says nothing of the language
                shared = sum(any(fold(current[: len(current) - len(cut)]).strip(_SEPARATORS)
                                 .startswith(p) for p in other.phrases(n)) for other in
                             lexicons().values() for n in ("greetings", "addressees", "fillers"))
                current, stripped = cut, True
                language = language or (lang if shared <= 1 else None)
                break
        else:
            break
    if not current.strip(_SEPARATORS):
        return Talk("", social or "greeting", language, stripped)
    return Talk(current, "", language, stripped)


def is_noise(text: str) -> bool:
    """Text with nothing to search: no word of two or more letters, or only words of the
    noise lists ("test", "asdf")."""
    words = re.findall(r"[^\W\d_]{2,}", fold(text))
    if not words:
        return True
    noise = {p for lex in lexicons().values() for p in lex.phrases("noise")}
    return all(w in noise for w in words)


def words_of(name: str) -> frozenset[str]:
    """One list of every language's lexicon, as a set of folded words."""
    return frozenset(w for lex in lexicons().values() for w in lex.phrases(name))


def phrase_pattern(name: str) -> re.Pattern[str]:
    """Any phrase of one list of every language's lexicon, as whole words, to search in folded
    text (`fold(sentence)`)."""
    phrases = sorted(words_of(name), key=lambda p: (-len(p), p))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")


def examples(language: str) -> tuple[str, ...]:
    return lexicons()[language if language in LANGUAGES else "en"].examples
