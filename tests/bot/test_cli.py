"""The command-line contract other tools rely on."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.store import current_build
from tests.damage import DAMAGES, Damage

REPO = Path(__file__).resolve().parents[2]


def bot(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def paths(small_corpus: Path, tmp_path: Path) -> list[str]:
    return ["--corpus", str(small_corpus), "--index", str(tmp_path / "index")]


def test_ask_human_readable_builds_the_index_on_first_use(paths: list[str]) -> None:
    result = bot("ask", "When was the partnership charter signed?", *paths)
    assert result.returncode == 0, result.stderr
    assert "24 May 1960" in result.stdout
    assert ("[1] City of Braunschweig: City portal · reliable source · https://example.org/city"
            in result.stdout)


def test_a_cold_ask_imports_only_what_it_needs(paths: list[str]) -> None:
    """Against a built index, `ask` imports neither the storage, the rotating log file
    handler, wordfreq nor nltk, and the collector runs with the start-up objects frozen."""
    assert bot("index", *paths).returncode == 0
    script = ("import gc, runpy, sys\n"
              f"sys.argv = ['bot', 'ask', 'When was the partnership charter signed?', "
              f"*{paths!r}]\n"
              "try:\n    runpy.run_module('bot', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              "print([m for m in ('sqlite3', 'bot.storage', 'logging.handlers', 'wordfreq', "
              "'nltk') if m in sys.modules], gc.isenabled(), gc.get_freeze_count() > 0, "
              "file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert "24 May 1960" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[] True True"


def test_ask_json(paths: list[str]) -> None:
    result = bot("ask", "Kapan piagam persahabatan ditandatangani?", "--json", *paths)
    row = json.loads(result.stdout)
    assert row["language"] == "id" and not row["abstained"]
    assert row["sources"] == [{"id": "city", "title": "City portal",
                               "url": "https://example.org/city"}]


def test_batch_keeps_order_and_ids(paths: list[str], tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(row) for row in [
        {"id": "a", "question": "When was the charter signed?"},
        {"id": 7, "question": "Wann wurde die Partnerschaftsurkunde unterzeichnet?",
         "language": "de"},
        {"question": "What is the tallest mountain?"},
    ]))
    result = bot("ask", "--json", "--batch", str(batch), *paths)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", 7, None]
    assert rows[1]["language"] == "de" and "1960" in rows[1]["answer"]
    assert rows[2]["abstained"] and rows[2]["answer"] == ""


def test_batch_takes_lang_like_eval_files_and_language_as_its_alias(
        paths: list[str], tmp_path: Path) -> None:
    """`lang` (the eval files' name) and `language` both set the reply language."""
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(row) for row in [
        {"id": "e1", "lang": "de", "question": "When was the charter signed?",
         "expect_all": ["1960"]},
        {"id": "e2", "language": "id", "question": "When was the charter signed?"},
    ]))
    rows = [json.loads(line) for line in bot("ask", "--json", "--batch", str(batch),
                                             *paths).stdout.splitlines()]
    assert [r["language"] for r in rows] == ["de", "id"]
    batch.write_text(json.dumps({"question": "x", "lang": "de", "language": "en"}))
    result = bot("ask", "--json", "--batch", str(batch), *paths)
    assert result.returncode == 2 and f"{batch}:1: 'lang' and 'language' disagree" in result.stderr


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_exits_2_with_one_line(paths: list[str], question: str) -> None:
    result = bot("ask", question, *paths)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_question_over_500_characters_exits_2_naming_the_limit(paths: list[str]) -> None:
    result = bot("ask", "When was the charter signed? " + "Really, " * 70, *paths)
    assert result.returncode == 2
    assert result.stderr.startswith("error: the question is 588 characters long; ask in at "
                                    "most 500 characters")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_index_dry_run_writes_nothing(paths: list[str], tmp_path: Path) -> None:
    result = bot("index", "--dry-run", *paths)
    assert result.returncode == 0
    assert "passages: +" in result.stdout and "dry run" in result.stdout
    assert not (tmp_path / "index").exists()


def test_index_dry_run_reports_where_the_languages_disagree(paths: list[str]) -> None:
    """The small corpus has two English sections but one Indonesian and one German."""
    result = bot("index", "--dry-run", *paths)
    assert "parity: 2 difference(s) in 2 file(s)" in result.stdout
    assert ("  corpus/documents/id/charter-id.md: sections: has 1 sections, the English "
            "version 2; match them with `sections:` keys") in result.stdout


def test_invalid_corpus_lists_every_error_and_keeps_the_index(
        paths: list[str], small_corpus: Path, tmp_path: Path) -> None:
    assert bot("index", *paths).returncode == 0
    before = current_build(tmp_path / "index")
    (small_corpus / "programs/bridge.yaml").write_text("id: [broken")
    (small_corpus / "documents/en/empty-en.md").write_text("")
    result = bot("index", *paths)
    assert result.returncode == 1
    assert re.search(r"bridge.yaml:\d+: invalid YAML", result.stderr)
    assert "empty-en.md: is empty" in result.stderr
    assert current_build(tmp_path / "index") == before


def test_programs_filters_and_json(paths: list[str]) -> None:
    rows = json.loads(bot("programs", "--field", "culture", "--json", *paths).stdout)
    assert [r["id"] for r in rows] == ["bridge"]
    assert json.loads(bot("programs", "--status", "active", "--json", *paths).stdout) == []
    assert bot("programs", "--field", "cooking", *paths).returncode == 2


def test_feedback_export_and_purge(tmp_path: Path) -> None:
    from bot.storage import Database

    path = tmp_path / "bot.sqlite3"
    db = Database(path)
    db.record_answer(question="Apa itu GGM?", language="id", abstained=False, user_hash="h",
                     guild_id=1, sources=["city"], passages=["x#0"])
    db.close()
    rows = bot("feedback", "export", "--database", str(path)).stdout.splitlines()
    assert json.loads(rows[0])["question"] == "Apa itu GGM?"
    assert bot("feedback", "export", "--csv", "--database", str(path)).stdout.startswith("id,")
    assert "removed 0 answer(s)" in bot("feedback", "purge", "--database", str(path)).stdout
    missing = bot("feedback", "export", "--database", str(tmp_path / "none.sqlite3"))
    assert missing.returncode == 1 and "no database" in missing.stderr


@pytest.mark.parametrize("damage", DAMAGES, ids=[d.name for d in DAMAGES])
def test_a_damaged_corpus_never_crashes_the_cli_and_the_old_index_answers(
        small_corpus: Path, tmp_path: Path, damage: Damage, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    """`index --dry-run` and `index` list the problem (file, line, field) and exit 1;
    `ask`, finding the index stale, answers from the last good one and says so once."""
    from bot import cli
    from indexer.index import build_and_save

    paths = ["--corpus", str(small_corpus), "--index", str(tmp_path / "index")]
    build_and_save(small_corpus, tmp_path / "index")
    before = current_build(tmp_path / "index")
    damage.apply(small_corpus)
    for command in (["index", "--dry-run"], ["index"]):
        assert cli.main([*command, *paths]) == 1
        err = capsys.readouterr().err
        assert damage.expected in err and "Traceback" not in err
    assert current_build(tmp_path / "index") == before
    caplog.clear()
    assert cli.main(["ask", "When was the partnership charter signed?", *paths]) == 0
    assert "24 May 1960" in capsys.readouterr().out
    assert caplog.text.count("the corpus has problems") == 1
    assert damage.expected in caplog.text


def test_undecodable_bytes_in_a_question_are_answered(paths: list[str]) -> None:
    """`ask $'\\xff When…'` with a strict UTF-8 stdout: answered, as text and as JSON."""
    import os

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    question = b"\xff When was the partnership charter signed?"
    for extra in ([], ["--json"]):
        result = subprocess.run([sys.executable.encode(), b"-m", b"bot", b"ask", question,
                                 *extra, *map(os.fsencode, paths)], cwd=REPO,
                                capture_output=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")
        assert "24 May 1960" in out
    assert json.loads(out)["question"].startswith("\ufffd When")


def test_a_batch_with_lone_surrogates_and_bad_bytes_loses_no_row(
        paths: list[str], tmp_path: Path) -> None:
    """Every row is answered in order; the undecodable line is named on stderr."""
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b'{"id": 1, "question": "\\ud800 When was the charter signed?"}\n'
                      b'{"id": 2, "question": "When was the \xff charter signed?"}\n'
                      b'{"id": 3, "question": "\\udfff"}\n'
                      b'{"id": 4, "question": "When was the charter signed?"}\n')
    result = bot("ask", "--json", "--batch", str(batch), *paths)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [1, 2, 3, 4]
    assert [r["abstained"] for r in rows] == [False, False, True, False]
    assert rows[0]["question"] == "\ufffd When was the charter signed?"
    assert "batch.jsonl:2: not valid UTF-8" in result.stderr


def test_bank_gap_files_an_open_question_and_rebuilds(small_corpus: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`bank gap ANCHOR "Q"`: the question lands in corpus/gaps/<lang>/, the index is rebuilt
    with it, and a wrong anchor is one line naming the way to list them."""
    from bot import cli
    from indexer.corpus import load_corpus
    from indexer.passages import passages

    paths = ["--corpus", str(small_corpus), "--index", str(tmp_path / "index")]
    passage = next(iter(passages(load_corpus(small_corpus))))
    assert cli.main(["bank", "gap", passage.anchor, "Who painted it?", *paths]) == 0
    out = capsys.readouterr().out
    assert f"gaps/{passage.language}/" in out and "1 the corpus leaves open" in out
    assert "Who painted it?" in next((small_corpus / "gaps" / passage.language).glob(
        "*.yaml")).read_text("utf-8")
    assert cli.main(["bank", "gap", "nowhere#x/1", "Who?", *paths]) == 2
    assert "bank passages --search" in capsys.readouterr().err
