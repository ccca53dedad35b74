"""The parity check reports, by file and heading, where en, id and de say different things."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer import parity
from indexer.corpus import load_corpus
from indexer.errors import CorpusError
from tests.conftest import REPO
from tests.helpers import document

EN = """\
    ## Signing

    The charter was signed on 24 May 1960 in Braunschweig. [sources: city]

    ## Youth centre

    According to one source, the youth centre opened on 5 November 1976. [sources: blog]
    """
ID = """\
    ## Penandatanganan

    Piagam ditandatangani pada 24 Mei 1960 di Braunschweig. [sources: city]

    ## Gedung pemuda

    Menurut satu sumber, gedung pemuda dibuka pada 5 November 1976. [sources: blog]
    """
DE = """\
    ## Unterzeichnung

    Die Urkunde wurde am 24. Mai 1960 in Braunschweig unterzeichnet. [sources: city]

    ## Jugendzentrum

    Laut einer Quelle wurde das Jugendzentrum am 5. November 1976 eröffnet. [sources: blog]
    """


def write(root: Path, texts: dict[str, str], sections: dict[str, str] | None = None) -> None:
    for lang, body in texts.items():
        (root / f"documents/{lang}/charter-{lang}.md").write_text(document(
            f"charter-{lang}", lang, body, sources="[city, blog]",
            sections=(sections or {}).get(lang, "")), "utf-8")


def differences(root: Path) -> list[str]:
    return [str(d) for d in parity.check(load_corpus(root))]


def test_translations_that_agree_have_no_differences(small_corpus: Path) -> None:
    write(small_corpus, {"en": EN, "id": ID, "de": DE})
    assert differences(small_corpus) == []


def test_a_missing_date_is_reported_in_the_file_and_section_that_lacks_it(
        small_corpus: Path) -> None:
    write(small_corpus, {"en": EN, "id": ID.replace("pada 24 Mei 1960", "pada 1960"), "de": DE})
    assert differences(small_corpus) == [
        "corpus/documents/id/charter-id.md: 'Penandatanganan': lacks 1960-05-24, which English "
        "and German state",
        "corpus/documents/id/charter-id.md: 'Penandatanganan': states 1960, which English and "
        "German do not",
    ]


def test_a_dropped_hedge_is_reported(small_corpus: Path) -> None:
    write(small_corpus, {"en": EN, "id": ID.replace("Menurut satu sumber, g", "G"), "de": DE})
    found = differences(small_corpus)
    assert ("corpus/documents/id/charter-id.md: 'Gedung pemuda': lacks the hedge "
            "'single source' that English and German make") in found
    assert ("corpus/documents/id/charter-id.md: 'Gedung pemuda': states 1976-11-05 without the "
            "hedge 'single source' that English and German give it") in found


def test_section_keys_match_merged_sections(small_corpus: Path) -> None:
    """One Indonesian section may cover two English ones when both carry the same key."""
    merged = ID.replace("    ## Gedung pemuda\n\n", "")
    write(small_corpus, {"en": EN, "id": merged, "de": DE},
          {"en": "[charter, charter]", "id": "[charter]", "de": "[charter, charter]"})
    assert differences(small_corpus) == []


def test_a_section_missing_in_one_language_is_named(small_corpus: Path) -> None:
    shortened = ID.split("    ## Gedung pemuda")[0]
    write(small_corpus, {"en": EN, "id": shortened, "de": DE},
          {"en": "[charter, youth]", "id": "[charter]", "de": "[charter, youth]"})
    assert differences(small_corpus) == [
        "corpus/documents/id/charter-id.md: section key 'youth': has no section for "
        "'Youth centre' (English)"]


def test_section_keys_must_match_the_sections(small_corpus: Path) -> None:
    write(small_corpus, {"en": EN, "id": ID, "de": DE},
          {"en": "[charter]", "id": "[charter, youth]", "de": "[charter, youth]"})
    with pytest.raises(CorpusError) as caught:
        load_corpus(small_corpus)
    assert "lists 1 section keys but the document has 2 sections" in str(caught.value.report())


@pytest.mark.parametrize(("url", "verdict"), [
    ("https://regionalheute.de/", "is the home page of regionalheute.de, not the cited page"),
    ("https://web.archive.org/", "is the home page of web.archive.org, not the cited page"),
    ("https://web.archive.org/save", "is the Internet Archive itself, not an archived copy"
                                     " of the page"),
    ("https://ekpos.com/2021/06/20/", "is the date archive /2021/06/20/ of ekpos.com, not the "
                                      "cited page"),
    ("https://ekpos.com/?p=595311", None),
    ("https://www.braunschweig.de/leben/stadtportraet/partnerstaedte/bandung.php", None),
    ("https://web.archive.org/web/2012/https://www.braunschweig.de/", None),
])
def test_links_must_lead_to_the_cited_page(url: str, verdict: str | None) -> None:
    assert parity.link_problem(url) == verdict


def test_a_home_page_link_is_reported_in_sources_yaml(small_corpus: Path) -> None:
    write(small_corpus, {"en": EN, "id": ID, "de": DE})
    path = small_corpus / "sources.yaml"
    path.write_text(path.read_text().replace("https://example.org/city", "https://example.org/"))
    assert differences(small_corpus) == [
        "corpus/sources.yaml: city: url is the home page of example.org, not the cited page; "
        "set url to null and keep the site in `site`"]


def test_the_project_corpus_says_the_same_in_all_three_languages() -> None:
    """The shipped corpus passes its own check: no section, record or event differs."""
    assert [str(d) for d in parity.check(load_corpus(REPO / "corpus"))] == []
