"""The ksef-sim command started as a real process on a free port, then terminated."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ksef_desktop.simulator.cli import build_parser, main


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_cli_serves_certificates_and_keeps_state(tmp_path: Path) -> None:
    port = _free_port()
    state = tmp_path / "state"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ksef_desktop.simulator.cli",
            "--port",
            str(port),
            "--state",
            str(state),
            "--token",
            "5261040828:cli-token",
            "--faults",
            "download:429@count=1,seed=5",
            "--processing-delay",
            "0.5",
            "--log-level",
            "warning",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            assert process.poll() is None, process.communicate()[1].decode()
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/v2/security/public-key-certificates"
                )
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "ksef-sim did not start"
                time.sleep(0.05)
        assert response.status_code == 200
        assert len(response.json()) == 2
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=10)
    assert b"cli-token" not in stderr
    assert (state / "ksef-sim.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--token", "1234567890:abc"], "check digit"),
        (["--token", "5261040828"], "NIP:TOKEN"),
        (["--faults", "nowhere:500"], "endpoint"),
        (["--processing-delay", "-1"], "negative"),
        (["--rate-limit-scale", "0"], "1 or more"),
        (["--rate-limit-scale", "ten"], "whole number"),
        (["--port", "70000"], "0-65535"),
    ],
)
def test_bad_arguments_are_explained(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_help_documents_the_fault_grammar() -> None:
    text = build_parser().format_help()
    for word in ("SPEC", "retry_after", "lost500", "expire_session", "send_invoice", "seed="):
        assert word in text


def test_start_in_thread_reports_a_busy_port() -> None:
    from ksef_desktop.simulator.server import start_in_thread

    with start_in_thread(tokens={}) as first, pytest.raises(RuntimeError, match="did not start"):
        start_in_thread(tokens={}, port=first.port)
