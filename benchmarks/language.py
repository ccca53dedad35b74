"""How well the bot tells a question's language, next to the detectors a user would pick.

    .venv/bin/pip install -e '.[bench]'     # py3langid and langdetect
    .venv/bin/pip install lingua-language-detector   # optional (96 MB of models)
    .venv/bin/python benchmarks/language.py [FILES…]   (default: every file in eval/)

Every question of the files is given to each detector; a detector is right when it names the
question's `lang`. The peers are restricted to English, Indonesian and German where they can
be (lingua, py3langid); langdetect's best answer among the three counts, English when it names
none. The bot's detectors are read with the index's hints and counts, as `ask` reads them;
"function words" is the reading without the learned counts (what the bot did before). A
detector that is not installed is left out. Needs a built index (`python -m bot index`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.commands.common import open_index  # noqa: E402
from bot.evaluation.questions import load_questions  # noqa: E402
from bot.settings import Settings  # noqa: E402
from indexer.language import detect_language  # noqa: E402
from indexer.models import LANGUAGES  # noqa: E402
from indexer.query import QueryAnalyzer  # noqa: E402

Detector = Callable[[str], str]


def bot_detectors() -> dict[str, Detector]:
    index = open_index(Settings())
    if index is None:
        raise SystemExit("error: no index; run `python -m bot index` first")
    analyzer = QueryAnalyzer(index)

    def learned(text: str) -> str:
        return detect_language(text, analyzer.hints, analyzer.phrase_hints, index.commonness,
                               index.language_counts) or "en"

    def function_words(text: str) -> str:
        return detect_language(text, analyzer.hints, analyzer.phrase_hints,
                               index.commonness) or "en"

    return {"this bot (learned counts)": learned,
            "this bot (function words only)": function_words}


def peer_detectors() -> dict[str, Detector]:
    found: dict[str, Detector] = {}
    try:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    except ImportError:
        pass
    else:
        identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
        identifier.set_languages(list(LANGUAGES))
        found["py3langid (en/id/de)"] = lambda text: str(identifier.classify(text)[0])
    try:
        from langdetect import DetectorFactory, LangDetectException, detect_langs
    except ImportError:
        pass
    else:
        DetectorFactory.seed = 0

        def langdetect(text: str) -> str:
            try:
                return next((str(g.lang) for g in detect_langs(text) if g.lang in LANGUAGES),
                            "en")
            except LangDetectException:
                return "en"

        found["langdetect"] = langdetect
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        pass
    else:
        codes = {Language.ENGLISH: "en", Language.INDONESIAN: "id", Language.GERMAN: "de"}
        lingua = LanguageDetectorBuilder.from_languages(*codes).build()
        found["lingua (en/id/de)"] = lambda text: codes.get(
            lingua.detect_language_of(text), "en")  # type: ignore[arg-type]
    return found


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((ROOT / "eval").glob("*.jsonl"))
    questions = [(q.question, q.lang) for f in files for q in load_questions(f)]
    print(f"{len(questions)} questions from {len(files)} files")
    header = f"{'detector':<32} {'right':>7} " + " ".join(f"{lang:>6}" for lang in LANGUAGES)
    print(f"{header} {'ms/question':>12}")
    print("-" * len(header) + "-" * 13)
    for name, detect in {**bot_detectors(), **peer_detectors()}.items():
        start = time.perf_counter()
        guesses = [detect(text) for text, _ in questions]
        elapsed = time.perf_counter() - start
        right = [g == lang for g, (_, lang) in zip(guesses, questions, strict=True)]
        by_language = []
        for lang in LANGUAGES:
            mine = [r for r, (_, q_lang) in zip(right, questions, strict=True) if q_lang == lang]
            by_language.append(f"{100 * sum(mine) / max(len(mine), 1):5.1f}%")
        print(f"{name:<32} {100 * sum(right) / len(right):6.1f}% " + " ".join(by_language)
              + f" {1000 * elapsed / len(questions):12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
