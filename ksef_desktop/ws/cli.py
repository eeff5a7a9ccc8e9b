"""The ``ksef-ws`` command: serve, check, keys add/list/revoke, openapi, example-config."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ksef_desktop.contract.api import CheckStatus
from ksef_desktop.domain.errors import ConfigurationError, KsefDesktopError
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.logs import log_to_stderr
from ksef_desktop.ws import config as config_module
from ksef_desktop.ws.checks import company_checks
from ksef_desktop.ws.export import write
from ksef_desktop.ws.ksefgate import Tuning
from ksef_desktop.ws.registry import KeyRegistry
from ksef_desktop.ws.server import make_server
from ksef_desktop.ws.service import Service

CONFIG_ENV = "KSEF_WS_CONFIG"
_CONFIG_HELP = tr(
    "the service's ksef.ini (default: ${env}, else ./ksef.ini); the keys commands use the "
    "key registry in its [ws] data_dir, so they must name the same file as 'serve'"
).format(env=CONFIG_ENV)


def _add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=Path(os.environ.get(CONFIG_ENV, "ksef.ini")),
        metavar="KSEF_INI",
        help=_CONFIG_HELP,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ksef-ws",
        description=tr(
            "The web service between ERPs and KSeF: takes signed documents from ERPs, builds "
            "FA(3) XML and delivers it to KSeF. Every command reads ksef.ini (--config)."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = sub.add_parser("serve", help=tr("run the service (stops on bad configuration)"))
    _add_config(serve)
    serve.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help=tr("log level"),
    )
    check = sub.add_parser(
        "check", help=tr("check ksef.ini and, per company, authenticate to KSeF")
    )
    _add_config(check)
    keys = sub.add_parser("keys", help=tr("the registry of companies' authorization keys"))
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    add = keys_sub.add_parser("add", help=tr("register an authorization code (KSEFWS1.NIP.KEY)"))
    add.add_argument("code", help=tr("the code shown in the ERP's KSEF > PARAMETERS"))
    _add_config(add)
    listing = keys_sub.add_parser("list", help=tr("list registered keys"))
    _add_config(listing)
    revoke = keys_sub.add_parser("revoke", help=tr("revoke a key (effective immediately)"))
    revoke.add_argument("key_id", metavar="KEYID", help=tr("the 16-hex-digit key id"))
    _add_config(revoke)
    openapi = sub.add_parser("openapi", help=tr("write the OpenAPI document of the API"))
    openapi.add_argument(
        "output",
        nargs="?",
        type=Path,
        default=Path("schemas"),
        help=tr("file or directory (default: schemas/)"),
    )
    sub.add_parser("example-config", help=tr("print a commented example ksef.ini"))
    return parser


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _keys(args: argparse.Namespace) -> int:
    registry = KeyRegistry(config_module.load_registry_dir(args.config))
    try:
        if args.keys_command == "add":
            record, new = registry.add(args.code)
            verb = tr("registered") if new else tr("already registered")
            _out(f"{record.key_id}  NIP {record.nip}  {verb}")
        elif args.keys_command == "revoke":
            record = registry.revoke(args.key_id)
            _out(f"{record.key_id}  NIP {record.nip}  {tr('revoked')} {record.revoked_at}")
        else:
            for record in registry.list():
                status = record.status.value
                _out(
                    f"{record.key_id}  NIP {record.nip}  {status:8}  {record.added_at}"
                    + (f"  revoked {record.revoked_at}" if record.revoked_at else "")
                )
    finally:
        registry.close()
    return 0


def _check(args: argparse.Namespace) -> int:
    config = config_module.load(args.config)
    count = len(config.companies)
    companies = tr("1 company") if count == 1 else tr("{n} companies").format(n=count)
    _out(
        tr("{file}: configuration OK ({companies})").format(file=args.config, companies=companies)
    )
    failed = False
    for company in config.companies.values():
        _out(f"[company {company.nip}] {company.environment.name} {company.session_mode}")
        for check in company_checks(company, Tuning(poll_initial=config.ksef_poll_seconds)):
            failed |= check.status is CheckStatus.FAILED
            _out(f"  {check.status.value:8} {check.id.value:15} {check.message}")
            if check.hint and check.status is not CheckStatus.OK:
                _out(f"           {tr('hint')}: {check.hint}")
    return 1 if failed else 0


def _serve(args: argparse.Namespace) -> int:
    config = config_module.load(args.config)
    log_to_stderr(args.log_level)
    service = Service.build(config, delivery_process=True, log_level=args.log_level)
    server = make_server(service, log_level=args.log_level)
    service.start()
    logging.getLogger(__name__).info(
        "ksef-ws: %d company(ies), data in %s, listening on %s://%s:%d",
        len(config.companies),
        config.data_dir,
        config.scheme,
        config.host,
        config.port,
    )
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then raises the signal again
    # under the handlers it found: these turn it into an ordinary exit, so the worker,
    # the intake processes and the store are stopped below instead of dying mid-way.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _exit_quietly)
    try:
        server.run()
    except SystemExit:
        pass
    finally:
        service.stop()
        logging.getLogger(__name__).info("ksef-ws stopped")
    return 0


def _exit_quietly(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def example_config() -> str:
    return resources.files("ksef_desktop.ws").joinpath("ksef.ini.example").read_text("utf-8")


def _run(args: argparse.Namespace) -> int:
    if args.command == "keys":
        return _keys(args)
    if args.command == "check":
        return _check(args)
    if args.command == "serve":
        return _serve(args)
    if args.command == "openapi":
        _out(str(write(args.output)))
    else:
        sys.stdout.write(example_config())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ConfigurationError as exc:
        sys.stderr.write(f"ksef-ws: {tr('configuration error')}: {exc.message}\n")
        return 2
    except KsefDesktopError as exc:
        sys.stderr.write(f"ksef-ws: {exc.message}\n")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
