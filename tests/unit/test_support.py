"""Paths, logging and redaction: secrets never reach a log file."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from ksef_desktop.domain.errors import InvalidValueError, KsefApiError
from ksef_desktop.support import logs
from ksef_desktop.support.paths import AppDirs, resource_root


def test_app_dirs_follow_the_override_and_are_private(tmp_path: Path) -> None:
    dirs = AppDirs.default().ensure()
    assert dirs.config.is_relative_to(tmp_path)
    for path in (dirs.config, dirs.data, dirs.cache, dirs.logs):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700


def test_resource_root_is_the_package() -> None:
    assert (resource_root() / "fa3" / "catalog.py").is_file()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer eyJhbGciOi.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "c2lnbmF0dXJl"),
        ("token=20251201-EC-0123456789-ABCDEF0123-45|nip-5261040828|abcdef", "abcdef"),
        ('{"ksef_token": "s3cr3t-value"}', "s3cr3t-value"),
        ("Signature: sig1=:dGhpcyBpcyBhIHNpZ25hdHVyZQ==:", "dGhpcyBpcyBhIHNpZ25hdHVyZQ=="),
        (
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----",
            "MC4CAQAwBQYDK2VwBCIEI",
        ),
    ],
)
def test_redaction_removes_secrets(text: str, secret: str) -> None:
    cleaned = logs.redact(text)
    assert secret not in cleaned
    assert "[REDACTED]" in cleaned


def test_log_file_never_holds_a_secret_and_is_private(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        handler = logs.configure(tmp_path / "logs")
        assert handler is not None
        log = logging.getLogger("ksef_desktop.test")
        log.warning("sending with token=%s", "very-secret-token")
        try:
            raise RuntimeError("Bearer abc.def.ghi failed")
        except RuntimeError:
            log.exception("request failed")
        handler.flush()
        content = (tmp_path / "logs" / "ksef-desktop.log").read_text()
        assert "very-secret-token" not in content
        assert "abc.def.ghi" not in content
        assert "request failed" in content
        mode = stat.S_IMODE((tmp_path / "logs" / "ksef-desktop.log").stat().st_mode)
        assert mode == 0o600
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
                h.close()


def test_errors_carry_message_code_and_details() -> None:
    error = InvalidValueError("bad NIP", field="buyer.nip", code="nip-checksum")
    assert (str(error), error.code, error.details) == (
        "bad NIP",
        "nip-checksum",
        {"field": "buyer.nip"},
    )
    api = KsefApiError("Duplicate", ksef_code=440, description="Duplikat faktury", http_status=400)
    assert api.details["ksef_code"] == 440
    assert not api.transient
