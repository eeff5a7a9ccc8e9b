"""Logging set-up: a rotating file in the log directory and redaction of secrets."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

_REDACTED = "[REDACTED]"

# Values that must never be written anywhere: bearer tokens and JWTs, RFC 9421
# signatures, PEM private keys, and tokens, passwords or keys passed as key=value.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
        _REDACTED,
    ),
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1" + _REDACTED),
    (re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"), _REDACTED),
    (re.compile(r"(?i)(signature\s*[:=]\s*sig1=:)[A-Za-z0-9+/=]+(:)"), r"\1" + _REDACTED + r"\2"),
    (
        re.compile(
            r"(?i)\b([a-z_]*token|password|secret|private_?key)"
            r"([\"']?\s*[:=]\s*[\"']?)[^\s'\",;}]+"
        ),
        r"\1\2" + _REDACTED,
    ),
)


def redact(text: str) -> str:
    """Replace every secret-looking value in ``text`` with a marker."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's final message so no handler ever sees a secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        return True


SERVER_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_to_stderr(level: str, fmt: str = SERVER_FORMAT) -> None:
    """A server's logging (ksef-ws, ksef-sim): ``level`` and above to stderr, secrets redacted."""
    logging.basicConfig(level=level.upper(), format=fmt, stream=sys.stderr)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactingFilter())


def configure(log_dir: Path | None, level: int = logging.INFO) -> logging.Handler | None:
    """Send the package's logs to a rotating file (if ``log_dir``) and to stderr.

    Every handler gets the redaction filter; returns the file handler, if any.
    """
    root = logging.getLogger()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    redactor = RedactingFilter()
    stream = logging.StreamHandler()
    stream.setFormatter(fmt)
    stream.addFilter(redactor)
    stream.setLevel(logging.WARNING)
    root.addHandler(stream)
    if log_dir is None:
        return None
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / "ksef-desktop.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(fmt)
    file_handler.addFilter(redactor)
    root.addHandler(file_handler)
    (log_dir / "ksef-desktop.log").chmod(0o600)
    return file_handler
