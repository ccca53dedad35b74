"""Reports: the numbers per day, the gaps by topic, and `report --html` as one self-contained
file that headless Chromium renders with its three charts."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cli
from bot.reports import data
from bot.storage import Database
from indexer.index import SearchIndex

DAY = dt.date(2026, 11, 28)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# .ci/run installs Chromium and sets this, so CI cannot pass by skipping the browser test
REQUIRE_BROWSER = os.environ.get("REQUIRE_CHROMIUM") == "1"


def row(days_ago: int, language: str, abstained: bool, up: int = 0, down: int = 0,
        question: str = "q") -> data.Row:
    day = DAY - dt.timedelta(days=days_ago)
    return data.Row(f"{day}T10:00:00+00:00", day, question, language, abstained, up, down)


def test_activity_counts_each_day_by_language_outcome_and_vote() -> None:
    rows = [row(0, "en", False, up=2), row(0, "id", True), row(2, "de", False, down=1),
            row(9, "en", False)]  # outside a 7-day window
    a = data.activity(rows, 7, today=DAY)
    assert a.days[0] == DAY - dt.timedelta(days=6) and a.days[-1] == DAY
    assert a.by_language["en"][-1] == 1 and a.by_language["id"][-1] == 1
    assert a.by_language["de"][-3] == 1 and a.total == 3
    assert (a.answered[-1], a.declined[-1], a.up[-1], a.down[-3]) == (1, 1, 2, 1)


def test_gaps_put_declined_and_downvoted_questions_under_the_nearest_topic(
        real_index: SearchIndex) -> None:
    rows = [row(0, "de", True, question="Wie viele Einwohner hat die Bandungbrücke?"),
            row(0, "en", False, down=1, question="When did the Bandungbrücke get its name?"),
            row(0, "en", True, question="zzqx plorf"),
            row(0, "en", False, up=1, question="A helpful answer is no gap")]
    gaps = {g.topic: g for g in data.gaps(rows, real_index)}
    bridge = next(g for g in gaps.values() if g.declined and g.downvoted)
    assert bridge.count == 2 and bridge.topic != data.NO_TOPIC
    assert gaps[data.NO_TOPIC].examples == ["zzqx plorf"] and len(gaps) == 2


@pytest.fixture
def report(small_corpus: Path, tmp_path: Path) -> Path:
    """`report --html` over a database with answered, declined, voted and hostile questions."""
    path = tmp_path / "bot.sqlite3"
    db = Database(path)
    for question, language, abstained, vote in [
            ("When was the charter signed?", "en", False, 1),
            ("Kapan piagam ditandatangani?", "id", False, -1),
            ("Is there a zoo on the moon?", "en", True, 0),
            ("is there a zoo on the moon", "en", True, 0),
            ("<script>alert('x')</script> Gibt es einen Zoo?", "de", True, 0)]:
        answer = db.record_answer(question=question, language=language, abstained=abstained,
                                  user_hash="u", guild_id=1, sources=[], passages=[])
        if vote:
            db.vote(answer, "v", vote)
    db.close()
    target = tmp_path / "out" / "report.html"
    assert cli.main(["report", "--html", str(target), "--days", "7", "--database", str(path),
                     "--corpus", str(small_corpus), "--index", str(tmp_path / "index")]) == 0
    return target


def test_the_report_is_one_self_contained_file(report: Path) -> None:
    html = report.read_text("utf-8")
    assert html.count("<svg id=\"chart-") == 3 and "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)  # nothing to fetch
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert re.search(r"2×</td><td>(I|i)s there a zoo on the moon", html)
    assert '<table id="gaps">' in html and "Questions per day, by language" in html


def test_report_arguments_and_a_missing_database_are_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "r.html")
    assert cli.main(["report", "--html", out, "--days", "0"]) == cli.USAGE_ERROR
    assert capsys.readouterr().err == "error: --days must be between 1 and 366\n"
    assert cli.main(["report", "--html", str(tmp_path), "--database", out]) == cli.USAGE_ERROR
    assert "is a folder; name the file to write" in capsys.readouterr().err
    assert cli.main(["report", "--html", out, "--database", str(tmp_path / "none.db")]) == 1
    assert capsys.readouterr().err.startswith(f"error: no database at {tmp_path / 'none.db'}")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        if REQUIRE_BROWSER:
            pytest.fail("Chromium is needed for this test: apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does)")
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'chromium-profile'}", *args],
        capture_output=True, text=True, timeout=120, check=True)


def test_chromium_renders_the_three_charts_and_the_tables(report: Path, tmp_path: Path) -> None:
    """Headless Chromium parses the file into a page with three labelled SVG charts (their
    titles as text) and both tables, and paints the bars in the languages' colours."""
    dom = chromium(tmp_path, "--dump-dom", report.as_uri()).stdout
    charts = re.findall(r'<svg id="chart-(\w+)" role="img" aria-label="([^"]+)"', dom)
    assert [name for name, _ in charts] == ["languages", "outcomes", "votes"]
    for _, title in charts:  # the chart's own title, drawn as SVG text
        assert f">{title}</text>" in dom
    assert '<table id="declined">' in dom and '<table id="gaps">' in dom

    from PIL import Image

    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=1000,2600", f"--screenshot={shot}", report.as_uri())
    with Image.open(shot) as image:
        colours = {colour for _, colour in image.convert("RGB").getcolors(1 << 20) or []}
    english, answered, declined = (0x1F, 0x6F, 0xB2), (0x2E, 0x8B, 0x57), (0x9E, 0x9E, 0x9E)
    assert {english, answered, declined} <= colours


def test_answering_never_loads_the_plotting_library(small_corpus: Path, tmp_path: Path) -> None:
    """matplotlib is imported only to draw: `ask` and the bot's start do not pay for it."""
    code = ("import sys; from bot import cli; from bot.app import create_bot; "
            "import bot.exts.admin.insights; "
            f"cli.main(['ask', 'When?', '--corpus', {str(small_corpus)!r}, '--index', "
            f"{str(tmp_path / 'index')!r}]); print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.splitlines()[-1] == "False"
