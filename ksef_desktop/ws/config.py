"""``ksef.ini``: the service's listen address, data directory and one section per company."""

from __future__ import annotations

import configparser
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ksef_desktop.domain.errors import ConfigurationError, InvalidValueError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.ksef.environments import KsefEnvironment
from ksef_desktop.support.i18n import tr

SessionMode = Literal["immediate", "batch"]

DEFAULT_MAX_BODY = 5_000_000
_WS_KEYS = {
    "listen",
    "data_dir",
    "tls_cert",
    "tls_key",
    "max_body_bytes",
    "ksef_poll_seconds",
    "retry_base_seconds",
    "retry_max_seconds",
    "intake_processes",
}
_COMPANY_KEYS = {
    "environment",
    "token_file",
    "token",
    "session_mode",
    "batch_window_minutes",
    "batch_max_documents",
    "parallel_sends",
}


@dataclass(frozen=True)
class CompanyConfig:
    """One ``[company NIP]`` section: where and how this company's invoices go to KSeF."""

    nip: str
    environment: KsefEnvironment
    ksef_token: str = field(repr=False)
    session_mode: SessionMode = "immediate"
    batch_window_minutes: float = 120.0
    batch_max_documents: int = 1000
    parallel_sends: int = 4


@dataclass(frozen=True)
class WsConfig:
    """The whole ``ksef.ini``, checked."""

    path: Path
    host: str
    port: int
    data_dir: Path
    companies: dict[str, CompanyConfig]
    tls_cert: Path | None = None
    tls_key: Path | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY
    #: First interval of KSeF status polling (the port's PollPolicy.initial).
    ksef_poll_seconds: float = 0.5
    #: An undelivered document is retried after base, 2*base, 4*base... up to max seconds.
    retry_base_seconds: float = 2.0
    retry_max_seconds: float = 600.0
    #: Processes that check large batches (FA(3) build and validation); 0 = in the service.
    intake_processes: int = 0

    @property
    def scheme(self) -> str:
        return "https" if self.tls_cert else "http"


class _Reader:
    """Reads values of one file and names file, section and key in every error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, section: str, key: str | None, message: str) -> ConfigurationError:
        where = f"[{section}] {key}" if key else f"[{section}]"
        return ConfigurationError(
            tr("{file}: {where}: {message}").format(file=self.path, where=where, message=message),
            details={"file": str(self.path), "section": section, "key": key},
        )

    def required(self, parser: configparser.ConfigParser, section: str, key: str) -> str:
        value = parser.get(section, key, fallback="").strip()
        if not value:
            raise self.fail(section, key, tr("this key is required"))
        return value

    def number(
        self,
        parser: configparser.ConfigParser,
        section: str,
        key: str,
        default: float,
        *,
        zero_ok: bool = False,
    ) -> float:
        text = parser.get(section, key, fallback="").strip()
        if not text:
            return default
        try:
            value = float(text)
        except ValueError:
            raise self.fail(
                section, key, tr("{text!r} is not a number").format(text=text)
            ) from None
        if value < 0 or (value == 0 and not zero_ok):
            raise self.fail(
                section,
                key,
                tr("the value cannot be negative")
                if zero_ok
                else tr("the value must be greater than zero"),
            )
        return value

    def integer(
        self,
        parser: configparser.ConfigParser,
        section: str,
        key: str,
        default: int,
        *,
        zero_ok: bool = False,
    ) -> int:
        value = self.number(parser, section, key, default, zero_ok=zero_ok)
        if value != int(value):
            raise self.fail(section, key, tr("the value must be a whole number"))
        return int(value)

    def unknown_keys(
        self, parser: configparser.ConfigParser, section: str, known: set[str]
    ) -> None:
        for key in parser.options(section):
            if key not in known and key not in parser.defaults():
                raise self.fail(
                    section,
                    key,
                    tr("unknown key (allowed: {keys})").format(keys=", ".join(sorted(known))),
                )


def parse_listen(text: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:8765`` for IPv6); port 0 means any free port."""
    host, sep, port_text = text.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port_text.isdigit() or int(port_text) > 65535:
        raise ValueError(text)
    return host, int(port_text)


def read_token_file(path: Path) -> str:
    """The KSeF token in ``path``; refused when the file is readable by group or others."""
    info = path.stat()
    if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(
            tr(
                "the token file {path} is readable by other users (mode {mode}); "
                "run: chmod 600 {path}"
            ).format(path=path, mode=oct(info.st_mode & 0o777))
        )
    return path.read_text(encoding="utf-8").strip()


def _company(r: _Reader, parser: configparser.ConfigParser, section: str) -> CompanyConfig:
    try:
        nip = normalize_nip(section.split(None, 1)[1])
    except (IndexError, InvalidValueError) as exc:
        detail = exc.message if isinstance(exc, InvalidValueError) else tr("no NIP given")
        raise r.fail(
            section,
            None,
            tr("a company section is named [company NIP]: {detail}").format(detail=detail),
        ) from None
    r.unknown_keys(parser, section, _COMPANY_KEYS)
    try:
        environment = KsefEnvironment.parse(r.required(parser, section, "environment"))
    except ConfigurationError as exc:
        raise r.fail(section, "environment", exc.message) from None
    token_file = parser.get(section, "token_file", fallback="").strip()
    inline = parser.get(section, "token", fallback="").strip()
    if token_file and inline:
        raise r.fail(section, "token", tr("give either token_file or token, not both"))
    if token_file:
        path = Path(token_file).expanduser()
        if not path.is_absolute():
            path = r.path.parent / path
        try:
            token = read_token_file(path)
        except OSError as exc:
            raise r.fail(section, "token_file", str(exc)) from None
        if not token:
            raise r.fail(
                section, "token_file", tr("the token file {path} is empty").format(path=path)
            )
    elif inline:
        token = inline
    else:
        raise r.fail(section, "token_file", tr("give token_file (or token) for this company"))
    mode = parser.get(section, "session_mode", fallback="immediate").strip().lower()
    if mode not in ("immediate", "batch"):
        raise r.fail(
            section, "session_mode", tr("{mode!r} is not immediate or batch").format(mode=mode)
        )
    return CompanyConfig(
        nip=nip,
        environment=environment,
        ksef_token=token,
        session_mode="batch" if mode == "batch" else "immediate",
        batch_window_minutes=r.number(parser, section, "batch_window_minutes", 120.0),
        batch_max_documents=r.integer(parser, section, "batch_max_documents", 1000),
        parallel_sends=r.integer(parser, section, "parallel_sends", 4),
    )


def _optional_path(r: _Reader, parser: configparser.ConfigParser, key: str) -> Path | None:
    text = parser.get("ws", key, fallback="").strip()
    if not text:
        return None
    path = Path(text).expanduser()
    path = path if path.is_absolute() else r.path.parent / path
    if not path.is_file():
        raise r.fail("ws", key, tr("the file {path} does not exist").format(path=path))
    return path


def default_intake_processes() -> int:
    """One core is left to the service's own threads; at most 4 checkers."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def load(path: Path) -> WsConfig:
    """Read and check ``path``; any defect raises ConfigurationError naming file, section, key."""
    r = _Reader(path)
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";", "#"))
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except OSError as exc:
        raise ConfigurationError(
            tr("{file}: cannot read the configuration: {reason}").format(
                file=path, reason=exc.strerror or exc
            ),
            details={"file": str(path), "section": None, "key": None},
        ) from None
    except configparser.Error as exc:
        raise ConfigurationError(
            tr("{file}: not an ini file: {reason}").format(file=path, reason=exc),
            details={"file": str(path), "section": None, "key": None},
        ) from None
    if not parser.has_section("ws"):
        raise r.fail("ws", None, tr("the [ws] section is missing"))
    r.unknown_keys(parser, "ws", _WS_KEYS)
    listen = r.required(parser, "ws", "listen")
    try:
        host, port = parse_listen(listen)
    except ValueError:
        raise r.fail(
            "ws",
            "listen",
            tr("{value!r} is not host:port (e.g. 127.0.0.1:8765)").format(value=listen),
        ) from None
    data_dir = Path(r.required(parser, "ws", "data_dir")).expanduser()
    if not data_dir.is_absolute():
        data_dir = path.parent / data_dir
    tls_cert = _optional_path(r, parser, "tls_cert")
    tls_key = _optional_path(r, parser, "tls_key")
    if (tls_cert is None) != (tls_key is None):
        raise r.fail(
            "ws", "tls_key" if tls_cert else "tls_cert", tr("give both tls_cert and tls_key")
        )
    companies: dict[str, CompanyConfig] = {}
    for section in parser.sections():
        if section == "ws":
            continue
        if section.split(None, 1)[0] != "company":
            raise r.fail(section, None, tr("unknown section (expected [ws] or [company NIP])"))
        company = _company(r, parser, section)
        if company.nip in companies:
            raise r.fail(section, None, tr("this NIP has two sections"))
        companies[company.nip] = company
    return WsConfig(
        path=path,
        host=host,
        port=port,
        data_dir=data_dir,
        companies=companies,
        tls_cert=tls_cert,
        tls_key=tls_key,
        max_body_bytes=r.integer(parser, "ws", "max_body_bytes", DEFAULT_MAX_BODY),
        ksef_poll_seconds=r.number(parser, "ws", "ksef_poll_seconds", 0.5),
        retry_base_seconds=r.number(parser, "ws", "retry_base_seconds", 2.0),
        retry_max_seconds=r.number(parser, "ws", "retry_max_seconds", 600.0),
        intake_processes=r.integer(
            parser, "ws", "intake_processes", default_intake_processes(), zero_ok=True
        ),
    )


def load_registry_dir(path: Path) -> Path:
    """Only the data directory (for ``keys`` commands), without checking companies or tokens."""
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=(";", "#"))
    r = _Reader(path)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, configparser.Error) as exc:
        raise ConfigurationError(
            tr("{file}: cannot read the configuration: {reason}").format(file=path, reason=exc),
            details={"file": str(path), "section": None, "key": None},
        ) from None
    if not parser.has_section("ws"):
        raise r.fail("ws", None, tr("the [ws] section is missing"))
    data_dir = Path(r.required(parser, "ws", "data_dir")).expanduser()
    return data_dir if data_dir.is_absolute() else path.parent / data_dir
