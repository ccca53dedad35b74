"""Plain unit tests of the Discord front end's pure helpers."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import discord
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.exts.answers._cooldown import UserCooldown
from bot.exts.browse import _search
from bot.logs import RedactToken
from bot.settings import Settings, load_settings
from bot.ui import limits
from bot.ui.language import locale_language
from indexer.models import ProgramRecord


@given(st.text(max_size=3000), st.integers(min_value=1, max_value=2000))
def test_truncate_never_exceeds_the_limit(text: str, limit: int) -> None:
    """Cut text fits the limit and keeps short text unchanged."""
    cut = limits.truncate(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text


@given(st.text(max_size=5000), st.integers(min_value=10, max_value=2000))
def test_split_text_pieces_fit_and_keep_the_words(text: str, limit: int) -> None:
    """Every piece fits; no non-space character is lost."""
    pieces = limits.split_text(text, limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join("".join(p.split()) for p in pieces) == "".join(text.split())


def test_join_lines_stops_with_an_ellipsis() -> None:
    """Lines that would pass the limit are replaced by one '…' line."""
    joined = limits.join_lines([f"line {n} " + "x" * 50 for n in range(100)], 1024)
    assert len(joined) <= 1024 and joined.endswith("…")


def test_chunks_always_gives_a_group() -> None:
    assert limits.chunks([1, 2, 3], 2) == [[1, 2], [3]]
    assert limits.chunks([], 5) == [[]]


def test_fit_embed_respects_every_limit() -> None:
    """An oversized embed is cut to Discord's per-part limits and 6,000 in total."""
    embed = discord.Embed(title="t" * 400, description="d" * 9000)
    embed.set_footer(text="f" * 3000)
    embed.set_author(name="a" * 300)
    for _ in range(30):
        embed.add_field(name="n" * 300, value="v" * 2000)
    limits.fit_embed(embed)
    assert len(embed.title) <= limits.EMBED_TITLE
    assert len(embed.description) <= limits.EMBED_DESCRIPTION
    assert len(embed.fields) <= limits.EMBED_FIELDS
    assert all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)
    assert len(embed) <= limits.EMBED_TOTAL


@pytest.mark.parametrize(("locale", "expected"), [
    (discord.Locale.indonesian, "id"), (discord.Locale.german, "de"),
    (discord.Locale.american_english, "en"), (discord.Locale.french, "en"), ("de-AT", "de"),
    (None, "en")])
def test_locale_language(locale: discord.Locale | str | None, expected: str) -> None:
    assert locale_language(locale) == expected


def test_user_cooldown_is_a_sliding_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two questions per 10 s: the third waits, other users are free, time frees it."""
    now = [0.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    cooldown = UserCooldown(rate=2, per=10)
    assert cooldown.hit(1) == 0 and cooldown.hit(1) == 0
    now[0] = 4.0
    assert cooldown.hit(1) == pytest.approx(6.0)
    assert cooldown.hit(2) == 0
    now[0] = 10.0
    assert cooldown.hit(1) == 0


def _program(pid: str, en: str, id_: str, de: str) -> ProgramRecord:
    text = {"en": "x", "id": "x", "de": "x"}
    return ProgramRecord(id=pid, name={"en": en, "id": id_, "de": de}, fields=["culture"],
                         status="active", summary=text, how_to_take_part=text, sources=["s"],
                         confidence="C2")


PROGRAMS = [_program("bridge", "Bandung Bridge", "Jembatan Bandung", "Bandungbrücke"),
            _program("school", "School exchange", "Pertukaran pelajar", "Schüleraustausch"),
            _program("camp", "Youth camp", "Perkemahan pemuda", "Jugendcamp")]


@pytest.mark.parametrize(("typed", "expected"), [
    ("Bandungbruke", "bridge"), ("bandungbrucke", "bridge"), ("jembatan", "bridge"),
    ("Schueleraustausch", "school"), ("pertukaran", "school"), ("jugend", "camp")])
def test_program_search_tolerates_typos_and_languages(typed: str, expected: str) -> None:
    assert _search.rank(PROGRAMS, typed)[0].id == expected


def test_program_search_by_id_and_nonsense() -> None:
    assert _search.find(PROGRAMS, "camp") is PROGRAMS[2]
    assert _search.find(PROGRAMS, "zzqx") is None
    assert len(_search.rank(PROGRAMS * 20, "", limit=25)) == 25


def test_settings_read_id_lists_and_ignore_empty_values(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Comma or JSON id lists; empty values count as unset; a blank token is no token."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("DISCORD_TOKEN=\nDEV_GUILD_ID=\nADMIN_ROLE_IDS=1, 2 3\n"
                                   "ALLOWED_CHANNEL_IDS=[4, 5]\n")
    settings = load_settings()
    assert settings.admin_role_ids == [1, 2, 3] and settings.allowed_channel_ids == [4, 5]
    assert settings.dev_guild_id is None and settings.token is None
    assert Settings(discord_token="  ").token is None


def test_settings_keep_the_token_secret() -> None:
    settings = Settings(_env_file=None, discord_token="secret-token-value")
    assert settings.token == "secret-token-value"
    assert "secret-token-value" not in repr(settings) and "secret-token-value" not in str(
        settings.model_dump())


def test_redact_token_filter() -> None:
    """A record that contains the token is rewritten before any handler writes it."""
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token is %s", ("abc.def",), None)
    assert RedactToken("abc.def").filter(record)
    assert record.getMessage() == "token is [token]"


def test_every_fixed_text_exists_in_three_languages() -> None:
    """Every key the Discord code uses is defined, in en, id and de."""
    from bot.messages import _TEXT

    root = Path(__file__).resolve().parents[2] / "bot"
    sources = [p.read_text() for folder in ("exts", "ui") for p in (root / folder).rglob("*.py")]
    sources.append((root / "tree.py").read_text())
    used = set()
    for text in sources:
        used |= set(re.findall(r"\bt\(\s*\"([a-z_0-9.]+)\"", text))
        for prefix in re.findall(r"\bt\(\s*f\"([a-z_]+)\.\{", text):
            used |= {key for key in _TEXT if key.startswith(prefix + ".")}
    assert used - set(_TEXT) == set()
    assert all(set(_TEXT[key]) == {"en", "id", "de"} for key in used)


def test_mentions_are_the_discord_front_ends_to_remove() -> None:
    """User, role and channel mentions and @everyone/@here leave the text before the engine
    reads it; the engine itself knows no Discord syntax."""
    from bot.exts.answers._mentions import question_text

    assert question_text("<@123456789012345678> <@!1> <@&2> <#3> @everyone @here  Kapan "
                         "piagam ditandatangani?") == "Kapan piagam ditandatangani?"
    assert question_text("mail me@here.example") == "mail me@here.example"
    assert question_text("<@123>  ") == ""
