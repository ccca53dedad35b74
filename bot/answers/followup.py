"""Follow-up questions: does a question lack its own topic, and if so, what it asks.

"And when was that?", "Who signed it?", "Dan di Bandung?" and "Und wo?" mean little on their
own; asked right after "When was the partnership charter signed?" they ask about the charter.
This module only decides and rewrites; who asked what, and when, is the front end's business.
Pure text rules over the three languages at once (a follow-up is short, too short to detect its
language reliably); no Discord, no index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+|\d+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that ask (the follow-up keeps its own question word and borrows the previous topic).
QUESTION_WORDS = _words("""
    what who whom whose when where which why how
    apa apakah siapa kapan dimana mana bagaimana gimana mengapa kenapa berapa
    was wer wen wem wessen wann wo woher wohin welche welcher welches welchen welchem warum
    wieso weshalb wie
""")
# Words that always point back at something said before ("Who signed it?", "Und wo war er?").
PRONOUNS = _words("""
    it they them he she him then
    dia mereka sana situ begitu tadi
    es er sie ihn ihm dort da damals
""")
# Words that point back when they stand alone ("When was that?") but only pick out a thing
# when a noun follows ("that charter", "das Abkommen"; Indonesian "piagam itu" has it after).
DETERMINERS = _words("""
    that this those these its their his her
    itu ini tersebut
    das dies diese dieser dieses ihr ihre dessen deren
""")
ANAPHORS = PRONOUNS | DETERMINERS
_AFTER_NOUN = frozenset({"itu", "ini", "tersebut"})
# Indonesian "-nya" ("menandatanganinya": signed it, "tanggalnya": its date), except in words
# that merely end so.
_NYA_WORDS = frozenset({"hanya", "punya", "bertanya", "tanya", "nya", "lainnya", "biasanya",
                        "sebenarnya", "seharusnya", "selanjutnya", "sebelumnya", "setelahnya"})
_EXISTENTIAL = frozenset({"gibt", "gab", "geht", "ging"})  # "gibt es": "es" points at nothing
# Openers that continue a conversation.
MARKERS = (("what", "about"), ("how", "about"), ("and",), ("also",), ("so",), ("then",),
           ("bagaimana", "dengan"), ("gimana", "dengan"), ("kalau",), ("kalo",), ("dan",),
           ("lalu",), ("terus",), ("juga",), ("was", "ist", "mit"), ("wie", "ist", "es", "mit"),
           ("und",), ("auch",), ("dann",))
# Words that carry no topic: auxiliaries, articles, prepositions, pronouns, fillers.
FUNCTION_WORDS = QUESTION_WORDS | ANAPHORS | _words("""
    a an the is are was were be been being am do does did done has have had can could will
    would shall should may might must of in on at to for from by with about into over under
    and or but so also too then again please tell me us you your i we my our one ones
    exactly actually really now any some more other else name called held happen happened
    place take took year years date day many much there
    yang di ke dari pada untuk dengan dan atau juga lagi dong sih ya kah pun saja aja
    sudah udah akan bisa ada adalah itu nya tahun tanggal kapan terjadi lalu terus kalau
    kalo saya aku kami kita anda kamu tolong
    der die das den dem des ein eine einer eines einem einen ist sind war waren wird werden
    wurde wurden hat haben hatte kann können und oder aber auch noch denn dann doch mal bitte
    von vom zu zum zur im in am an auf aus bei mit nach seit über für um es ich wir man
    jahr datum statt stattgefunden passiert gibt gab geht ging
""")
MAX_OWN_WORDS = 2  # a follow-up names at most this many things of its own



@dataclass(frozen=True)
class Turn:
    """One question as it was answered: the text sent to the engine, its topic, and the
    question, as asked, that set the topic (the same question unless this is a follow-up)."""

    question: str
    topic: str
    about: str


def words(text: str) -> list[str]:
    """Lower-cased words and numbers, in order."""
    return [w.casefold() for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """The words of `text` that name something, in order, as written."""
    return [w for w in _WORD.findall(text) if w.casefold() not in FUNCTION_WORDS]


def _marker(lowered: list[str]) -> tuple[str, ...] | None:
    for marker in MARKERS:
        if tuple(lowered[:len(marker)]) == marker:
            return marker
    return None


def _points_back(lowered: list[str]) -> bool:
    """An anaphor used as a pronoun, not as a determiner of a noun that follows it."""
    for position, word in enumerate(lowered):
        before = lowered[position - 1] if position else None
        after = lowered[position + 1] if position + 1 < len(lowered) else None
        if word in PRONOUNS and not (word == "es" and before in _EXISTENTIAL):
            return True
        if word.endswith("nya") and len(word) > 5 and word not in _NYA_WORDS:
            return True
        if word in _AFTER_NOUN:
            if before is None or before in FUNCTION_WORDS:
                return True
        elif word in DETERMINERS and (after is None or after in FUNCTION_WORDS):
            return True
    return False


def lacks_topic(question: str) -> bool:
    """True if `question` only makes sense with an earlier one: it opens with "and"/"dan"/
    "und" or points back ("that", "itu", "das") and names at most two things of its own, or
    it is a bare question word ("Where?", "Wann?")."""
    lowered = words(question)
    if not lowered:
        return False
    own = content_words(question)
    if len(own) > MAX_OWN_WORDS:
        return False
    if _marker(lowered) or _points_back(lowered):
        return True
    return not own and any(w in QUESTION_WORDS for w in lowered)


def topic_of(question: str) -> str:
    """What `question` is about: its naming words, in order ("partnership charter signed")."""
    return " ".join(content_words(question))


def start(question: str) -> Turn:
    """A question with a topic of its own."""
    return Turn(question, topic_of(question), question)


def combine(question: str, previous: Turn) -> Turn:
    """`question` read with the topic of `previous`.

    A follow-up with its own question word keeps it and takes the earlier topic ("Und wo?" →
    "Und wo Partnerschaftsurkunde unterzeichnet?"); one without ("Dan di Bandung?") repeats
    the earlier question with the new words ("Kapan piagam ditandatangani di Bandung?")."""
    own = question.strip().rstrip("?!.。 ")
    lowered = words(own)
    marker = _marker(lowered)
    if marker and not any(w in QUESTION_WORDS for w in lowered[len(marker):]):
        rest = _drop_words(own, len(marker))
        base = previous.question.strip().rstrip("?!.。 ")
        return Turn(f"{base} {rest}".strip() + "?", previous.topic, previous.about)
    missing = [w for w in previous.topic.split() if w.casefold() not in set(lowered)]
    return Turn(" ".join([own, *missing]) + "?", previous.topic, previous.about)


def follow_up(question: str, previous: Turn | None) -> Turn | None:
    """The question to answer if `question` follows up on `previous`, else None (a new
    topic, or nothing to follow up on)."""
    if previous is None or not previous.topic or not lacks_topic(question):
        return None
    return combine(question, previous)


def _drop_words(text: str, count: int) -> str:
    """`text` without its first `count` words (and what precedes them)."""
    matches = list(_WORD.finditer(text))
    if count >= len(matches):
        return ""
    return text[matches[count].start():]
