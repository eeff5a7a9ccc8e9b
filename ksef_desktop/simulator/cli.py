"""The ``ksef-sim`` command: serve the KSeF API 2.0 simulator with uvicorn."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.simulator import faults as faults_module
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.faults import parse_spec
from ksef_desktop.simulator.server import make_server
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.logs import log_to_stderr

log = logging.getLogger(__name__)


def _token(text: str) -> tuple[str, str]:
    nip, sep, token = text.partition(":")
    if not sep or not token:
        raise argparse.ArgumentTypeError(tr("expected NIP:TOKEN"))
    try:
        return normalize_nip(nip), token
    except KsefDesktopError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def _faults(text: str) -> str:
    try:
        parse_spec(text)
    except KsefDesktopError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc
    return text


def _delay(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(tr("not a number: {text!r}").format(text=text)) from exc
    if value < 0:
        raise argparse.ArgumentTypeError(tr("the delay cannot be negative"))
    return value


def _whole(text: str, low: int, high: int | None, not_whole: str, out_of_range: str) -> int:
    """``text`` as a whole number in [low, high] for argparse, or its error."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(not_whole.format(text=text)) from exc
    if value < low or (high is not None and value > high):
        raise argparse.ArgumentTypeError(out_of_range)
    return value


def _scale(text: str) -> int:
    return _whole(
        text, 1, None, tr("not a whole number: {text!r}"), tr("the scale must be 1 or more")
    )


def _port(text: str) -> int:
    return _whole(text, 0, 65535, tr("not a port number: {text!r}"), tr("a port is 0-65535"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ksef-sim",
        description=tr(
            "A local KSeF API 2.0 simulator (API under /v2): real RSA/AES crypto, the FA(3) "
            "XSD check, KSeF numbers, UPO v4-3, batch sessions and faults on demand."
        ),
        epilog=tr("Fault SPEC grammar") + ":\n" + (faults_module.__doc__ or "").split("\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help=tr("address to listen on"))
    parser.add_argument("--port", type=_port, default=9010, help=tr("port (0 = any free port)"))
    parser.add_argument(
        "--state",
        type=Path,
        metavar="DIR",
        help=tr("keep all state in DIR (SQLite) so it survives a restart"),
    )
    parser.add_argument(
        "--token",
        type=_token,
        action="append",
        default=[],
        metavar="NIP:TOKEN",
        help=tr("register a KSeF token for a company NIP (repeatable)"),
    )
    parser.add_argument(
        "--faults", type=_faults, metavar="SPEC", help=tr("inject faults, see the grammar below")
    )
    parser.add_argument(
        "--processing-delay",
        type=_delay,
        default=0.0,
        metavar="SECONDS",
        help=tr("seconds an invoice stays 'processing' (status 150)"),
    )
    parser.add_argument(
        "--rate-limit-scale",
        type=_scale,
        default=1,
        metavar="N",
        help=tr(
            "report request limits N times KSeF's production ones, as a test environment "
            "may (GET /rate-limits; they are not enforced)"
        ),
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help=tr("log level"),
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_to_stderr(args.log_level)
    try:
        sim = Simulator(
            state_dir=args.state,
            tokens=dict(args.token),
            faults=args.faults,
            processing_delay=args.processing_delay,
            rate_limit_scale=args.rate_limit_scale,
        )
    except (KsefDesktopError, OSError) as exc:
        print(f"ksef-sim: {exc}", file=sys.stderr)
        return 2
    server = make_server(sim, args.host, args.port, log_level=args.log_level)
    log.info("ksef-sim: %d token(s), state %s", len(args.token), args.state or "in memory")
    try:
        server.run()
    finally:
        sim.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
