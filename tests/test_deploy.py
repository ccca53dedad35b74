"""The systemd unit in deploy/ starts the real entry point from the project folder, and stops
restarting when a restart cannot help."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from bot import cli

REPO = Path(__file__).resolve().parents[1]
UNIT = REPO / "deploy" / "sistercity-bot.service"


def service() -> dict[str, str]:
    """The [Service] section; a key given more than once (Environment=) keeps its last value."""
    section, found = "", {}
    for line in UNIT.read_text("utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and line and not line.startswith("#"):
            key, _, value = line.partition("=")
            found[key] = value
    return found


def test_the_unit_runs_the_bot_from_the_project_folder() -> None:
    unit = service()
    folder = unit["WorkingDirectory"]
    python, *arguments = shlex.split(unit["ExecStart"])
    assert python == f"{folder}/.venv/bin/python"  # the venv `make` creates in the project
    assert arguments[:2] == ["-m", "bot"] and (REPO / "bot" / "__main__.py").is_file()
    assert cli._parser().parse_args(arguments[2:]).command == "run"
    assert re.search(rf"git clone \S+ {folder}\n", (REPO / "README.md").read_text("utf-8"))


def test_the_unit_restarts_only_when_a_restart_can_help() -> None:
    unit = service()
    assert unit["Restart"] == "on-failure" and unit["User"] != "root"
    no_restart = {int(code) for code in unit["RestartPreventExitStatus"].split()}
    assert no_restart == {cli.USAGE_ERROR, cli.DISCORD_REFUSED}
    assert cli.DISCORD_UNREACHABLE not in no_restart
    assert unit["KillSignal"] == "SIGTERM"


def test_the_readme_invite_asks_for_the_permissions_doctor_checks() -> None:
    from bot.bot import PERMISSIONS

    readme = (REPO / "README.md").read_text("utf-8")
    assert f"&permissions={PERMISSIONS.value}`" in readme
    assert "permissions=" not in readme.replace(f"permissions={PERMISSIONS.value}", "")
