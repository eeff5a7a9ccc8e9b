"""Refresh, check, fill and compile the interface translations (``pyside6-lupdate``/``lrelease``).

Usage (from the repository root, with the project's virtualenv)::

    python tools/update_translations.py                 # lupdate: new strings become unfinished
    python tools/update_translations.py --check         # exit 1 if pl has unfinished entries
    python tools/update_translations.py --export todo.json   # unfinished Polish entries to fill
    python tools/update_translations.py --import todo.json   # write the filled ones back
    python tools/update_translations.py --compile       # .qm next to each .ts (build step)

Scope: the desktop's code, i.e. ``ksef_desktop/`` without ``ws/`` and ``simulator/``:
the two servers run as their own processes and never install a translation hook,
so their messages stay English (an ERP or operator reads them as API text).
The Polish file holds every string; the English file only the numerus (plural)
forms, as English is the source language.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ksef_desktop"
TRANSLATIONS = PACKAGE / "resources" / "translations"
SERVER_PACKAGES = ("ws", "simulator")
LANGUAGES = ("pl", "en")


def ts_file(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"ksef_desktop_{language}.ts"


def sources() -> list[Path]:
    """Every desktop module lupdate reads, in a stable order."""
    skipped = tuple(PACKAGE / name for name in SERVER_PACKAGES)
    return sorted(
        path for path in PACKAGE.rglob("*.py") if not any(path.is_relative_to(s) for s in skipped)
    )


def _qt_tool(name: str) -> str:
    """``pyside6-<name>`` next to this Python, else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 into this environment")
    return found


def lupdate(target: Path, language: str) -> None:
    """Merge the current source strings into ``target`` (created if missing)."""
    # A module's `_tr(text)` helper is extracted like a bare tr() into the core context,
    # where ui.translation.CatalogTranslator looks it up whatever context it passes.
    options = ["-locations", "none", "-no-obsolete", "-silent", "-tr-function-alias", "tr+=_tr"]
    options += ["-source-language", "en", "-target-language", language]
    if language == "en":
        options.append("-pluralonly")
    files = [str(path) for path in sources()]
    command = [_qt_tool("lupdate"), *options, *files, "-ts", str(target)]
    subprocess.run(command, check=True)  # noqa: S603 - PySide6's lupdate on our sources


def messages(ts: Path) -> Iterator[tuple[str, etree._Element]]:
    """(context name, <message>) for every message of a .ts file."""
    tree = etree.parse(str(ts))
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    result = []
    for context, message in messages(ts):
        translation = message.find("translation")
        done = (
            translation is not None
            and translation.get("type") not in ("unfinished", "vanished")
            and "".join(translation.itertext()).strip()
        )
        if not done:
            result.append((context, message.findtext("source") or ""))
    return result


def check(language: str = "pl") -> list[tuple[str, str]]:
    """The unfinished entries a fresh lupdate of the sources would leave in ``language``."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / ts_file(language).name
        shutil.copyfile(ts_file(language), copy)
        lupdate(copy, language)
        return unfinished(copy)


def export(target: Path, language: str = "pl") -> int:
    """Write {context: {source: ""}} for every unfinished entry; returns how many."""
    todo: dict[str, dict[str, str]] = {}
    for context, source in unfinished(ts_file(language)):
        todo.setdefault(context, {})[source] = ""
    target.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return sum(len(entries) for entries in todo.values())


def import_translations(source: Path, language: str = "pl") -> int:
    """Fill entries from a {context: {source: translation}} JSON file; returns how many."""
    done: dict[str, dict[str, str]] = json.loads(source.read_text(encoding="utf-8"))
    ts = ts_file(language)
    tree = etree.parse(str(ts))
    count = 0
    for context in tree.getroot().iter("context"):
        table = done.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = table.get(message.findtext("source") or "")
            if not text or message.get("numerus") == "yes":
                continue
            translation = message.find("translation")
            if translation is None:
                translation = etree.SubElement(message, "translation")
            translation.text = text
            translation.attrib.pop("type", None)
            count += 1
    tree.write(str(ts), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    lupdate(ts, language)  # back to lupdate's own layout, so diffs stay small
    return count


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    """lrelease every .ts into a .qm next to it (the .qm files are build products)."""
    written = []
    for language in LANGUAGES:
        ts = ts_file(language, folder)
        qm = ts.with_suffix(".qm")
        command = [_qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]
        subprocess.run(command, check=True)  # noqa: S603 - PySide6's lrelease on our catalogs
        written.append(qm)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="fail on unfinished Polish entries")
    action.add_argument("--export", type=Path, metavar="JSON", help="unfinished entries to JSON")
    action.add_argument("--import", dest="imported", type=Path, metavar="JSON")
    action.add_argument("--compile", action="store_true", help="lrelease every .ts to .qm")
    args = parser.parse_args(argv)
    if args.check:
        missing = check()
        for context, source in missing:
            print(f"unfinished [{context}]: {source!r}")
        print(f"{len(missing)} unfinished Polish entries")
        return 1 if missing else 0
    if args.export:
        print(f"{export(args.export)} unfinished entries written to {args.export}")
    elif args.imported:
        print(f"{import_translations(args.imported)} translations imported")
    elif args.compile:
        for qm in compile_all():
            print(qm)
    else:
        TRANSLATIONS.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            lupdate(ts_file(language), language)
        print(f"{len(unfinished(ts_file('pl')))} unfinished Polish entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
