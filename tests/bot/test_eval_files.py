"""Question files: the documented format loads; every malformed line is named by file and line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.evaluation.questions import QuestionFileError, load_questions

REPO = Path(__file__).resolve().parents[2]
GOOD = {"id": "q1", "lang": "en", "question": "When was the charter signed?",
        "expect_all": ["1960"]}


def write(tmp_path: Path, *rows: object) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows), "utf-8")
    return path


def test_every_documented_field_loads(tmp_path: Path) -> None:
    """A question with every field of docs/eval-format.md, and an out-of-scope one, load."""
    path = write(tmp_path, {**GOOD, "type": "when", "style": "plain", "about": ["charter"],
                            "expect_any": ["May"], "expect_at_least": [1, ["24", "Braunschweig"]],
                            "examiner_note": "kept out of the way"}, "",
                 {"id": 2, "lang": "de", "question": "Wie hoch ist der Mount Everest?",
                  "expect_abstain": True})
    first, second = load_questions(path)
    assert first.expect_at_least == (1, ("24", "Braunschweig")) and first.about == ("charter",)
    assert first.style == "plain"
    assert second.id == "2" and second.expect_abstain
    assert first.passes("It was signed on 24 May 1960.", abstained=False)
    assert not second.passes("8,849 m", abstained=False)


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "q2", "lang": "en", ', "not JSON"),
    ('["a list"]', "must be a JSON object"),
    ({**GOOD, "id": "q2", "expect_al": ["x"]}, "unknown expectation 'expect_al'"),
    ({**GOOD, "id": "q2", "lang": "fr"}, "'lang' must be en, id or de"),
    ({"id": "q2", "language": "en", "question": "x", "expect_all": ["x"]},
     "'lang' must be en, id or de"),
    ({**GOOD, "id": "q2", "question": "  "}, "'question' must be a non-empty string"),
    ({**GOOD}, "id 'q1' is already used on line 1"),
    ({**GOOD, "id": "q2", "expect_all": ["(unclosed"]}, "invalid regular expression"),
    ({**GOOD, "id": "q2", "expect_at_least": [3, ["a", "b"]]}, "'expect_at_least' must be"),
    ({"id": "q2", "lang": "en", "question": "x"}, "needs expect_all, expect_any"),
    ({**GOOD, "id": "q2", "expect_abstain": True}, "cannot also expect text"),
    ({**GOOD, "id": "q2", "expect_abstain": "yes"}, "must be true or false"),
])
def test_a_malformed_line_is_named_with_its_line_number(tmp_path: Path, line: object,
                                                        message: str) -> None:
    path = write(tmp_path, GOOD, line)
    with pytest.raises(QuestionFileError) as caught:
        load_questions(path)
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value)


def test_a_missing_or_empty_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(QuestionFileError, match=r"none\.jsonl: no such file"):
        load_questions(tmp_path / "none.jsonl")
    with pytest.raises(QuestionFileError, match="holds no questions"):
        load_questions(write(tmp_path, ""))


def test_eval_with_a_bad_file_exits_2_with_one_line(tmp_path: Path, small_corpus: Path) -> None:
    """`eval` names the file and line, exits 2 and builds no index for a file it cannot use."""
    bad = write(tmp_path, GOOD, {**GOOD, "id": "q2", "lang": "english"})
    for files, where in (([str(bad)], f"{bad}:2:"), ([str(tmp_path / "gone.jsonl")], "gone")):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "eval", *files, "--corpus", str(small_corpus),
             "--index", str(tmp_path / "index")], cwd=REPO, capture_output=True, text=True,
            timeout=120)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0 and where in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "index").exists()


def test_the_format_document_names_every_field() -> None:
    """docs/eval-format.md documents each field the loader accepts."""
    from bot.evaluation.questions import FIELDS

    text = (REPO / "docs/eval-format.md").read_text("utf-8")
    assert all(f"| `{name}` |" in text for name in FIELDS)


def test_eval_fit_finds_the_committed_floors_from_any_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`eval --fit` names files as eval/targets.json does (from the project folder), so
    eval/dev.jsonl has its floors whether given as eval/dev.jsonl, dev.jsonl from eval/ or
    an absolute path; a file outside the project has none."""
    from bot.evaluation.cli import committed_floors, target_key

    targets = json.loads((REPO / "eval/targets.json").read_text("utf-8"))
    assert "eval/dev.jsonl" in targets and not any("shared" in key for key in targets)
    monkeypatch.chdir(REPO / "eval")
    given = [Path("dev.jsonl"), REPO / "eval/questions.jsonl", write(tmp_path, GOOD)]
    assert [target_key(p) for p in given[:2]] == ["eval/dev.jsonl", "eval/questions.jsonl"]
    floors = committed_floors(given)
    assert floors == {given[0]: targets["eval/dev.jsonl"],
                      given[1]: targets["eval/questions.jsonl"]}
