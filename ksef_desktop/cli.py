"""The ``ksef-desktop`` command line: ``validate`` (no GUI) and ``view`` (the viewer only)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from ksef_desktop.fa3 import Problem, validate
from ksef_desktop.support.i18n import tr

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_EPILOG = tr(
    """exit codes:
  0  every file is a valid FA(3) invoice (warnings may have been printed)
  1  at least one file has errors
  2  usage error, or a file could not be read"""
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("{text!r} is not a date in the form YYYY-MM-DD").format(text=text)
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ksef-desktop",
        description=tr("Desktop client for Poland's KSeF e-invoicing system (FA(3) invoices)."),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gui = parser.add_argument_group(tr("the desktop window (no COMMAND)"))
    gui.add_argument("--demo", action="store_true", help=tr("run against a local demo KSeF"))
    gui.add_argument("--reset", action="store_true", help=tr("with --demo: start it afresh"))
    gui.add_argument("--screenshots", metavar="DIR", help=tr("save each window as PNG and exit"))
    gui.add_argument(
        "--language",
        choices=["pl", "en"],
        help=tr(
            "the interface language for this run (default: the saved setting or the system's)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "validate",
        help=tr("check FA(3) XML files against the schema and KSeF's rules"),
        description=tr(
            "Check FA(3) invoice files: the official XSD, KSeF's file rules (UTF-8 without\n"
            "BOM, size, no processing instructions) and the arithmetic and identifiers the\n"
            "XSD cannot check. Prints 'FILE: OK', or one line per problem:\n"
            "  FILE:LINE: SEVERITY CODE PATH: message"
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE", help=tr("FA(3) XML file"))
    check.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help=tr("the date issue dates are compared with (default: today in Poland)"),
    )
    check.set_defaults(handler=_run_validate)
    view = commands.add_parser(
        "view",
        help=tr("open an FA(3) XML file in the structure viewer"),
        description=tr(
            "Open an FA(3) XML file in the structure viewer: the element tree with the Polish\n"
            "labels of the schema, the raw XML, validation problems and search. Only the\n"
            "viewer opens; nothing is sent anywhere."
        ),
        epilog=tr(
            """exit codes:
  0  the viewer was closed (with --screenshots: the document was shown)
  1  with --screenshots: the file could not be shown (the window showed why)
  2  usage error, or the file does not exist"""
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    view.add_argument("file", metavar="FILE", help=tr("FA(3) XML file"))
    view.add_argument(
        "--screenshots",
        metavar="DIR",
        help=tr("save the window as DIR/structure-viewer.png once loaded, then exit"),
    )
    view.set_defaults(handler=_run_view)
    return parser


def format_problem(name: str, problem: Problem) -> str:
    line = problem.line if problem.line is not None else 0
    path = problem.path or "-"
    return f"{name}:{line}: {problem.severity.value} {problem.code} {path}: {problem.message}"


def _run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            err.write(
                tr("{file}: cannot read the file: {reason}").format(
                    file=name, reason=exc.strerror or exc
                )
                + "\n"
            )
            status = EXIT_USAGE
            continue
        problems = validate(data, today=args.today)
        if not problems:
            out.write(f"{name}: OK\n")
        for problem in problems:
            out.write(format_problem(name, problem) + "\n")
        if any(p.is_error for p in problems) and status == EXIT_OK:
            status = EXIT_INVALID
    return status


def _run_view(args: argparse.Namespace, _out: TextIO, err: TextIO) -> int:
    path = Path(args.file)
    if not path.is_file():
        err.write(tr("{file}: no such file").format(file=path) + "\n")
        return EXIT_USAGE
    # Imported here so that the other commands never load Qt.
    from ksef_desktop.ui.structure.standalone import run_viewer  # noqa: PLC0415

    return run_viewer(path, Path(args.screenshots) if args.screenshots else None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see ``--help``)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        return _run_desktop(args)
    status: int = args.handler(args, sys.stdout, sys.stderr)
    return status


def _run_desktop(args: argparse.Namespace) -> int:
    # Imported here so that `ksef-desktop validate` never loads Qt.
    from ksef_desktop import app  # noqa: PLC0415

    gui_argv = [flag for flag in ("--demo", "--reset") if getattr(args, flag[2:])]
    if args.screenshots:
        gui_argv += ["--screenshots", args.screenshots]
    if args.language:
        gui_argv += ["--language", args.language]
    return app.main(gui_argv)


if __name__ == "__main__":
    sys.exit(main())
