"""Other ways askers spell a word than the corpus does, tried when a question word is unknown.

- German typed without umlauts: "Staedtepartnerschaft", "foerdert" (the corpus's folded
  spelling is "stadtepartnerschaft", "fordert").
- Colloquial Indonesian, as written in chat: "ngurusin" for "mengurus", "ngusulin" for
  "mengusulkan", "dikirimin" for "dikirimkan", and a few everyday chat words that are other
  words altogether ("dikasih" for "diberi"). The corpus is written in standard Indonesian.
"""

from __future__ import annotations

import re

_UMLAUT = re.compile(r"(?<=[b-df-hj-pr-z])(ae|oe|ue)")  # not after a vowel or q ("Quelle")
_VOWELS = "aeiou"
# Everyday chat words and the standard words they stand for.
_CHAT_WORDS = {"kasih": "beri", "dapet": "dapat", "bikin": "buat", "pake": "pakai",
               "liat": "lihat", "tau": "tahu", "gede": "besar", "jualan": "jual",
               "ketemu": "temu", "nanya": "tanya", "taun": "tahun"}


def without_umlaut_spelling(word: str) -> list[str]:
    """'staedte' → ['stadte']: ae, oe, ue after a letter read as folded ä, ö, ü."""
    if not _UMLAUT.search(word):
        return []
    return [_UMLAUT.sub(lambda m: m.group(1)[0], word)]


def standard_indonesian(word: str) -> list[str]:
    """Standard forms a colloquial Indonesian verb may stand for, most likely first."""
    for prefix, restore, keep in (("", "", ""), ("di", "", "di"), ("ng", "k", "")):
        base = restore + word[len(prefix):] if word.startswith(prefix) else ""
        if base in _CHAT_WORDS:  # dikasih → diberi; ngasih (kasih) → beri
            return [keep + _CHAT_WORDS[base]]
    if len(word) < 5:
        return []
    stems = [word]
    if word.endswith("in") and len(word) > 5:  # -in → -kan, or no suffix
        stems = [word[:-2] + "kan", word[:-2]]
    forms: list[str] = []
    for stem in stems:
        if stem.startswith("nge") and len(stem) > 5:  # ngecek → cek
            forms += [stem[3:], "menge" + stem[3:]]
        elif stem.startswith("ng") and stem[2:3] in _VOWELS:  # ngurus → mengurus
            forms += ["me" + stem, "mengk" + stem[2:]]  # ngirim → mengkirim → kirim
        elif stem.startswith("ny") and stem[2:3] in _VOWELS:  # nyari → mencari, nyusun → menyusun
            forms += ["menc" + stem[2:], "me" + stem]
        elif stem.startswith("di") or stem != word:
            forms.append(stem)
    return list(dict.fromkeys(f for f in forms if f != word))
