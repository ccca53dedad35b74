"""Loading reports every corpus problem with file, field and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.corpus import load_corpus
from indexer.errors import CorpusError
from tests.damage import DAMAGES, Damage


def problems(root: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(root)
    return [str(p) for p in caught.value.problems]


def test_valid_corpus_loads(small_corpus: Path) -> None:
    corpus = load_corpus(small_corpus)
    assert len(corpus.documents) == 3
    assert [p.id for p in corpus.programs] == ["bridge"]
    assert corpus.fingerprint


def test_bad_yaml_names_file_and_line(small_corpus: Path) -> None:
    path = small_corpus / "programs/bridge.yaml"
    path.write_text(path.read_text().replace("status: completed", "status: [completed"))
    found = problems(small_corpus)
    assert any(p.startswith("corpus/programs/bridge.yaml:") and "invalid YAML" in p
               for p in found)


def test_missing_and_unknown_fields_are_reported_together(small_corpus: Path) -> None:
    path = small_corpus / "programs/bridge.yaml"
    text = path.read_text().replace("status: completed\n", "").replace("partners:", "partner:")
    path.write_text(text)
    found = problems(small_corpus)
    assert any("field 'status': is required" in p for p in found)
    assert any("bridge.yaml:14: field 'partner': is not a known field" in p for p in found)


def test_bad_enum_value_points_at_its_line(small_corpus: Path) -> None:
    path = small_corpus / "programs/bridge.yaml"
    path.write_text(path.read_text().replace("status: completed", "status: finished"))
    assert any(p.startswith("corpus/programs/bridge.yaml:6: field 'status'")
               for p in problems(small_corpus))


def test_duplicate_ids_and_unknown_sources(small_corpus: Path) -> None:
    doc = small_corpus / "documents/id/charter-id.md"
    doc.write_text(doc.read_text().replace("id: charter-id", "id: charter-en")
                   .replace("sources: [city]", "sources: [city, nowhere]"))
    found = problems(small_corpus)
    assert any("duplicate document id 'charter-en'" in p for p in found)
    assert any("unknown source id 'nowhere'" in p for p in found)


def test_bad_language_code(small_corpus: Path) -> None:
    doc = small_corpus / "documents/de/charter-de.md"
    doc.write_text(doc.read_text().replace("language: de", "language: fr"))
    assert any("charter-de.md:5: field 'language'" in p for p in problems(small_corpus))


def test_language_must_match_folder(small_corpus: Path) -> None:
    doc = small_corpus / "documents/de/charter-de.md"
    doc.write_text(doc.read_text().replace("language: de", "language: en")
                   .replace("topic: charter", "topic: charter2"))
    assert any("is 'en' but the file is in documents/de/" in p for p in problems(small_corpus))


def test_empty_text_and_missing_front_matter(small_corpus: Path) -> None:
    (small_corpus / "documents/en/empty-en.md").write_text("")
    (small_corpus / "documents/en/plain-en.md").write_text("Just text, no front matter.\n")
    body_less = small_corpus / "documents/id/charter-id.md"
    body_less.write_text(body_less.read_text().split("## ")[0])
    found = problems(small_corpus)
    assert "corpus/documents/en/empty-en.md: is empty" in found
    assert any("plain-en.md:1: missing front matter" in p for p in found)
    assert any("charter-id.md" in p and "has no text" in p for p in found)


def test_wrong_encoding_and_huge_file(small_corpus: Path) -> None:
    (small_corpus / "documents/de/latin1-de.md").write_bytes("Brücke".encode("latin-1"))
    (small_corpus / "documents/en/huge-en.md").write_text("x" * 2_100_000)
    found = problems(small_corpus)
    assert any("latin1-de.md: is not valid UTF-8" in p for p in found)
    assert any("huge-en.md: is 2,100,000 bytes" in p for p in found)


def test_symlink_outside_corpus_is_refused(small_corpus: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\nid: x\n---\nsecret\n")
    (small_corpus / "documents/en/link-en.md").symlink_to(secret)
    assert any("outside the corpus folder" in p for p in problems(small_corpus))


def test_paragraph_source_must_be_in_front_matter(small_corpus: Path) -> None:
    doc = small_corpus / "documents/id/charter-id.md"
    doc.write_text(doc.read_text().replace("di Braunschweig.", "di Braunschweig. [sources: blog]"))
    assert any("cites blog but the front matter does not" in p for p in problems(small_corpus))


def test_every_problem_is_reported_not_just_the_first(small_corpus: Path) -> None:
    (small_corpus / "documents/en/empty-en.md").write_text("")
    path = small_corpus / "programs/bridge.yaml"
    path.write_text(path.read_text().replace("status: completed", "status: finished"))
    (small_corpus / "sources.yaml").write_text(
        (small_corpus / "sources.yaml").read_text().replace("confidence: low", "confidence: meh"))
    assert len(problems(small_corpus)) == 3


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.name for d in DAMAGES])
def test_every_kind_of_damage_is_a_problem_with_file_line_and_field(
        small_corpus: Path, damage: Damage) -> None:
    """Impossible dates, symlink loops, an empty corpus, misnamed files and duplicate ids are
    reported like any other problem, never raised as a bare Python error."""
    damage.apply(small_corpus)
    found = problems(small_corpus)
    assert any(damage.expected in p for p in found), found


def test_a_date_in_a_free_text_field_is_just_text(small_corpus: Path) -> None:
    """A date-like note is not parsed as a date, so an impossible one is not an error."""
    path = small_corpus / "sources.yaml"
    path.write_text(path.read_text().replace("url: null", "url: null\n    note: 2026-02-30"))
    assert load_corpus(small_corpus).sources["blog"].note == "2026-02-30"


@pytest.mark.parametrize("value", ["!!int abc", "!!float x", "!!binary ???", "[" * 5000])
def test_values_the_yaml_loader_cannot_build_are_problems(small_corpus: Path,
                                                          value: str) -> None:
    """Bad tagged values and absurd nesting name the file instead of raising."""
    path = small_corpus / "programs/bridge.yaml"
    path.write_text(path.read_text().replace("start: 2021", f"start: {value}"))
    assert any(p.startswith("corpus/programs/bridge.yaml") for p in problems(small_corpus))
