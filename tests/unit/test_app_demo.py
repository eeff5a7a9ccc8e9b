"""`ksef-desktop` without a command opens the desktop; `--demo --screenshots` end to end."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from ksef_desktop import cli
from tests.helpers.demo_shots import PNG, SHOTS

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "KSEF_"))}
    env.update(QT_QPA_PLATFORM="offscreen", KSEF_DESKTOP_HOME=str(home), PYTHONPATH=str(ROOT))
    return env


def test_no_command_hands_the_options_to_the_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    from ksef_desktop import app

    seen: list[list[str]] = []
    monkeypatch.setattr(app, "main", lambda argv: seen.append(list(argv)) or 0)
    assert cli.main([]) == 0
    assert cli.main(["--demo", "--reset", "--screenshots", "out"]) == 0
    assert seen == [[], ["--demo", "--reset", "--screenshots", "out"]]


def test_the_validate_command_never_loads_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from ksef_desktop import cli; cli.main(['validate', sys.argv[1]]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    missing = tmp_path / "missing.xml"
    result = subprocess.run(
        [sys.executable, "-c", code, str(missing)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "cannot read the file" in result.stderr


def test_reset_without_demo_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ksef_desktop.cli", "--reset"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "--reset only applies to --demo" in result.stderr


def test_demo_screenshots_run_the_whole_chain_and_exit_0(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    home = tmp_path / "home"
    command = [
        sys.executable,
        "-m",
        "ksef_desktop.cli",
        "--demo",
        "--screenshots",
        str(out),
        "--language",
        "en",  # the log lines asserted below are the English source
    ]
    result = subprocess.run(
        command, env=_env(home), capture_output=True, text=True, timeout=180, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    names = sorted(p.name for p in out.iterdir())
    assert names == SHOTS
    for path in out.iterdir():
        assert path.read_bytes()[:8] == PNG
    demo = home / "data" / "demo"
    log = (demo / "logs" / "ksef-desktop.log").read_text(encoding="utf-8")
    assert "5 sample documents recorded" in log
    assert "connection test: Connection works" in log
    assert "PRIVATE KEY" not in log
    # The wizard was cancelled on the draft and on the accepted invoice: nothing changed.
    with closing(sqlite3.connect(demo / "data" / "ksef-desktop.sqlite3")) as db:
        rows = db.execute("SELECT state, print_count, approved_at FROM documents").fetchall()
    assert len(rows) == 5
    assert [(s, a) for s, _, a in rows if s == "draft"] == [("draft", None), ("draft", None)]
    assert all(count == 0 for _, count, _ in rows)
    # The language dialog was cancelled: no language setting was written anywhere.
    assert not list(home.rglob("settings.ini"))
    keys = list((demo / "data" / "keys").glob("*.pem"))
    assert len(keys) == 1
    assert keys[0].stat().st_mode & 0o077 == 0

    # --reset starts afresh: a new key, the old one gone.
    again = subprocess.run(
        [*command[:4], "--reset", *command[4:]],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert [p.name for p in (demo / "data" / "keys").glob("*.pem")] != [keys[0].name]
