"""The question bank: validated like the rest of the corpus, searchable, teachable."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.bank import add_question
from indexer.corpus import load_corpus
from indexer.errors import CorpusError
from indexer.index import SearchIndex
from indexer.passages import passages


def _anchors(root: Path) -> dict[str, str]:
    return {p.anchor: p.language for p in passages(load_corpus(root))}


def test_every_passage_has_a_unique_anchor(small_corpus: Path) -> None:
    items = list(passages(load_corpus(small_corpus)))
    assert len({p.anchor for p in items}) == len(items)
    assert all("#" in p.anchor for p in items)


def test_a_question_for_an_unknown_passage_names_file_and_line(small_corpus: Path) -> None:
    anchor, lang = next(iter(_anchors(small_corpus).items()))
    folder = small_corpus / "bank" / lang
    folder.mkdir(parents=True)
    (folder / "test.yaml").write_text(f'"{anchor}":\n  - "A fine question?"\n'
                                      '"nowhere#nothing/1":\n  - "Lost?"\n', "utf-8")
    with pytest.raises(CorpusError) as caught:
        load_corpus(small_corpus)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"corpus/bank/{lang}/test.yaml:3")
    assert "nowhere#nothing/1" in str(problem)


def test_a_question_in_the_wrong_language_folder_is_refused(small_corpus: Path) -> None:
    anchor, lang = next(iter(_anchors(small_corpus).items()))
    other = "de" if lang != "de" else "en"
    (small_corpus / "bank" / other).mkdir(parents=True)
    (small_corpus / "bank" / other / "x.yaml").write_text(f'"{anchor}": ["Frage?"]\n', "utf-8")
    with pytest.raises(CorpusError) as caught:
        load_corpus(small_corpus)
    [problem] = caught.value.problems
    assert f"is a passage in '{lang}'" in str(problem) and f"bank/{other}/x.yaml" in str(problem)


def test_a_taught_question_finds_its_passage(small_corpus: Path) -> None:
    """Words only the bank question uses now retrieve the passage through the bank field."""
    anchor, lang = next(iter(_anchors(small_corpus).items()))
    before = SearchIndex.build(load_corpus(small_corpus))
    assert before.bank.top(["zzyzx"], 3) == []
    path = add_question(small_corpus, lang, anchor, "What about zzyzx?")
    add_question(small_corpus, lang, anchor, "And zzyzx again?")
    assert path.read_text("utf-8").count(anchor) == 1  # filed under the same key
    corpus = load_corpus(small_corpus)
    index = SearchIndex.build(corpus)
    row = next(i for i, p in enumerate(passages(corpus)) if p.anchor == anchor)
    assert [r for r, _ in index.bank.top(["zzyzx"], 3)] == [row]
    assert index.bank_questions[row] == ["What about zzyzx?", "And zzyzx again?"]


def test_the_bank_survives_save_and_load(small_corpus: Path, tmp_path: Path) -> None:
    anchor, lang = next(iter(_anchors(small_corpus).items()))
    add_question(small_corpus, lang, anchor, "What about zzyzx?")
    SearchIndex.build(load_corpus(small_corpus)).save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index")
    assert loaded.bank.top(["zzyzx"], 1)
    assert sum(map(len, loaded.bank_questions)) == 1


def _gap_file(root: Path, lang: str, text: str) -> Path:
    folder = root / "gaps" / lang
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "test.yaml"
    path.write_text(text, "utf-8")
    return path


def test_open_questions_are_checked_and_kept_per_passage(small_corpus: Path,
                                                         tmp_path: Path) -> None:
    """corpus/gaps: questions about a passage's subject the corpus does not answer; stored
    with the passage through a save and a load, never in the bank field."""
    anchor, lang = next(iter(_anchors(small_corpus).items()))
    _gap_file(small_corpus, lang, f'"{anchor}":\n  - "How many zzyzx does it have?"\n')
    corpus = load_corpus(small_corpus)
    SearchIndex.build(corpus).save(tmp_path / "index")
    loaded = SearchIndex.load(tmp_path / "index")
    row = next(i for i, p in enumerate(passages(corpus)) if p.anchor == anchor)
    assert loaded.gaps[row] == ["How many zzyzx does it have?"]
    assert loaded.bank.top(["zzyzx"], 3) == [] and sum(map(len, loaded.bank_questions)) == 0


@pytest.mark.parametrize(("text", "message"), [
    ('"nowhere#nothing/1":\n  - "Lost?"\n', "no passage has the anchor 'nowhere#nothing/1'"),
    ('"{anchor}":\n  - q: "Who?"\n    answer: "x"\n', "is plain text"),
    ('"{anchor}": []\n', "must be a non-empty list of questions"),
])
def test_a_broken_open_question_names_file_and_field(small_corpus: Path, text: str,
                                                      message: str) -> None:
    anchor, lang = next(iter(_anchors(small_corpus).items()))
    _gap_file(small_corpus, lang, text.replace("{anchor}", anchor))
    with pytest.raises(CorpusError) as caught:
        load_corpus(small_corpus)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"corpus/gaps/{lang}/test.yaml:") and message in str(problem)


def test_a_new_open_question_makes_the_index_stale(small_corpus: Path) -> None:
    from indexer.corpus_files import fingerprint

    anchor, lang = next(iter(_anchors(small_corpus).items()))
    before = fingerprint(small_corpus)
    _gap_file(small_corpus, lang, f'"{anchor}":\n  - "Who designed it?"\n')
    assert fingerprint(small_corpus) != before
