"""ksef.ini: every defect stops start-up with a message naming the file, section and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.ws import config
from ksef_desktop.ws.cli import example_config
from ksef_desktop.ws.cli import main as ws_cli

GOOD = """\
[ws]
listen = 127.0.0.1:8765   ; host:port
data_dir = data

[company 526-104-08-28]
environment = test
token_file = {token}
session_mode = batch
batch_window_minutes = 90
"""


def _write(tmp_path: Path, text: str, *, token_mode: int = 0o600) -> Path:
    token = tmp_path / "company.token"
    token.write_text("secret-ksef-token\n", encoding="utf-8")
    token.chmod(token_mode)
    path = tmp_path / "ksef.ini"
    path.write_text(text.format(token=token), encoding="utf-8")
    return path


def _error(path: Path) -> ConfigurationError:
    with pytest.raises(ConfigurationError) as info:
        config.load(path)
    return info.value


def test_a_good_file_is_read(tmp_path: Path) -> None:
    loaded = config.load(_write(tmp_path, GOOD))
    assert (loaded.host, loaded.port) == ("127.0.0.1", 8765)
    assert loaded.data_dir == tmp_path / "data"
    company = loaded.companies["5261040828"]
    assert company.environment.name == "test"
    assert company.session_mode == "batch"
    assert company.batch_window_minutes == 90
    assert company.ksef_token == "secret-ksef-token"  # noqa: S105 - the test file's token
    assert "secret-ksef-token" not in repr(loaded)


@pytest.mark.parametrize(
    ("old", "new", "section", "key"),
    [
        ("data_dir = data\n", "", "ws", "data_dir"),
        ("environment = test\n", "", "company 526-104-08-28", "environment"),
        ("[company 526-104-08-28]", "[company 5261040829]", "company 5261040829", None),
        ("[company 526-104-08-28]", "[firma 5261040828]", "firma 5261040828", None),
        ("environment = test", "environment = staging", "company 526-104-08-28", "environment"),
        ("environment = test", "environment = ftp://x", "company 526-104-08-28", "environment"),
        ("session_mode = batch", "session_mode = weekly", "company 526-104-08-28", "session_mode"),
        ("listen = 127.0.0.1:8765", "listen = localhost", "ws", "listen"),
        ("listen = 127.0.0.1:8765", "listen = 127.0.0.1:99999", "ws", "listen"),
        (
            "batch_window_minutes = 90",
            "batch_window_minutes = soon",
            "company 526-104-08-28",
            "batch_window_minutes",
        ),
        (
            "batch_window_minutes = 90",
            "batch_windows_minutes = 90",
            "company 526-104-08-28",
            "batch_windows_minutes",
        ),
    ],
    ids=[
        "missing-data-dir",
        "missing-environment",
        "bad-nip-section",
        "unknown-section",
        "bad-environment",
        "bad-environment-url",
        "bad-session-mode",
        "listen-without-port",
        "listen-port-out-of-range",
        "window-not-a-number",
        "misspelt-key",
    ],
)
def test_each_defect_names_file_section_and_key(
    tmp_path: Path, old: str, new: str, section: str, key: str | None
) -> None:
    assert old in GOOD
    error = _error(_write(tmp_path, GOOD.replace(old, new)))
    assert error.details == {"file": str(tmp_path / "ksef.ini"), "section": section, "key": key}
    assert str(tmp_path / "ksef.ini") in error.message
    assert f"[{section}]" in error.message
    if key:
        assert key in error.message


def test_a_token_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, GOOD, token_mode=0o644))
    assert error.details["key"] == "token_file"
    assert "chmod 600" in error.message
    assert "secret-ksef-token" not in error.message


def test_a_missing_token_file_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    (tmp_path / "company.token").unlink()
    error = _error(path)
    assert error.details["key"] == "token_file"
    assert "company.token" in error.message


def test_an_unreadable_token_file_is_named(tmp_path: Path) -> None:
    # A directory cannot be read as a file even by root (who ignores mode bits).
    path = _write(tmp_path, GOOD)
    (tmp_path / "company.token").unlink()
    (tmp_path / "company.token").mkdir(mode=0o700)
    error = _error(path)
    assert error.details["key"] == "token_file"
    assert "company.token" in error.message


def test_missing_file_and_missing_section(tmp_path: Path) -> None:
    assert "cannot read" in _error(tmp_path / "nowhere.ini").message
    error = _error(_write(tmp_path, "[company 5261040828]\nenvironment = test\n"))
    assert error.details["section"] == "ws"


def test_serve_stops_on_bad_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, GOOD.replace("session_mode = batch", "session_mode = weekly"))
    assert ws_cli(["serve", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[company 526-104-08-28] session_mode" in err


def test_the_shipped_example_is_a_valid_configuration(tmp_path: Path) -> None:
    text = example_config()
    token = tmp_path / "t.token"
    token.write_text("x", encoding="utf-8")
    token.chmod(0o600)
    text = text.replace("/etc/ksef-ws/5261040828.token", str(token))
    text = text.replace("/var/lib/ksef-ws", str(tmp_path / "data"))
    path = tmp_path / "ksef.ini"
    path.write_text(text, encoding="utf-8")
    loaded = config.load(path)
    assert list(loaded.companies) == ["5261040828"]
    assert loaded.companies["5261040828"].session_mode == "immediate"
