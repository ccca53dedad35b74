"""What a rebuild would change, and a corpus file changed while it is being indexed."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer import diff
from indexer.corpus import load_corpus
from indexer.errors import CorpusError
from indexer.index import SearchIndex, build_and_save


def edit(corpus: Path) -> None:
    """Add a paragraph to one document, reword another, remove a third."""
    en = corpus / "documents/en/charter-en.md"
    en.write_text(en.read_text() + "\nThe Nîmes partnership followed in 1962.\n")
    de = corpus / "documents/de/charter-de.md"
    de.write_text(de.read_text().replace("1960", "1961"))
    (corpus / "documents/id/charter-id.md").unlink()


def test_the_diff_names_the_passages_added_removed_and_changed(small_corpus: Path,
                                                               tmp_path: Path) -> None:
    old, _ = build_and_save(small_corpus, tmp_path / "index")
    edit(small_corpus)
    corpus = load_corpus(small_corpus)
    changes = diff.compare(diff.of_index(old), diff.of_corpus(corpus))
    passages = changes["passages"]
    assert passages.added == ["charter-en#2"]
    assert passages.removed == ["charter-id#0"]
    assert passages.changed == ["charter-de#0"]
    assert changes["documents"].removed == ["charter-id"]
    # the saved new index gives the same diff as the corpus it was built from
    new = SearchIndex.build(corpus)
    assert diff.compare(diff.of_index(old), diff.of_index(new)) == changes
    assert all(c.empty for c in diff.compare(diff.of_index(new), diff.of_corpus(corpus))
               .values())


def test_the_index_still_answers_after_its_pages_were_released(small_corpus: Path,
                                                               tmp_path: Path) -> None:
    """The diff reads every passage of a mapped index and lets go of the pages behind it:
    the index reads the same afterwards."""
    build_and_save(small_corpus, tmp_path / "index")
    index = SearchIndex.load(tmp_path / "index")
    before = [index.passages.line(i) for i in range(len(index.passages))]
    diff.of_index(index)
    assert [index.passages.line(i) for i in range(len(index.passages))] == before
    assert index.passages[0].text


def test_a_first_build_adds_every_passage(small_corpus: Path) -> None:
    corpus = load_corpus(small_corpus)
    added = diff.compare(diff.of_index(None), diff.of_corpus(corpus))["passages"].added
    assert added == sorted(p.id for p in SearchIndex.build(corpus).passages)


def test_a_document_changed_after_validation_is_not_indexed(small_corpus: Path) -> None:
    """The corpus's text is read again for the build (it is not held in memory): a file
    edited in between is refused, never indexed unvalidated."""
    corpus = load_corpus(small_corpus)
    doc = small_corpus / "documents/en/charter-en.md"
    doc.write_text(doc.read_text().replace("[sources: city]", "[sources: nowhere]"))
    with pytest.raises(CorpusError) as changed:
        SearchIndex.build(corpus)
    assert "charter-en.md: changed while it was being indexed" in changed.value.report()
    doc.unlink()
    with pytest.raises(CorpusError) as gone:
        SearchIndex.build(corpus)
    assert "charter-en.md: cannot be read again" in gone.value.report()
