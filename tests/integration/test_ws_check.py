"""``ksef-ws check``: the configuration, then per company a real authentication to KSeF."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws.cli import main as ws_cli
from tests.helpers.ws_env import OTHER, SELLER, TOKENS, write_ini


def test_check_authenticates_every_company(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with start_sim(tokens=TOKENS) as sim:
        ini = write_ini(tmp_path, sim.base_url, {SELLER: "immediate", OTHER: "batch"})
        assert ws_cli(["check", "--config", str(ini)]) == 0
        good = capsys.readouterr().out
        sim.sim.revoke_ksef_token(OTHER)
        assert ws_cli(["check", "--config", str(ini)]) == 1
        bad = capsys.readouterr().out
    assert "configuration OK (2 companies)" in good
    assert good.count("ok       ksef_token") == 2
    assert f"[company {OTHER}]" in bad
    other_part = bad.split(f"[company {OTHER}]")[1]
    assert "failed   ksef_token" in other_part
    assert "hint:" in other_part
    for token in TOKENS.values():
        assert token not in good + bad


def test_check_reports_an_unreachable_ksef(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ini = write_ini(tmp_path, "http://127.0.0.1:9", {SELLER: "immediate"})
    assert ws_cli(["check", "--config", str(ini)]) == 1
    out = capsys.readouterr().out
    assert "configuration OK (1 company)" in out
    assert "failed   ksef_reachable" in out
