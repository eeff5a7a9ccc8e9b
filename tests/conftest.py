"""Shared fixtures: every application directory is redirected below tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "ksef-home"
    monkeypatch.setenv("KSEF_DESKTOP_HOME", str(home))
    return home
