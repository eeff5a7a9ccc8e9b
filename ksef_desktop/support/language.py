"""The interface and printout languages: the user's choice, the system default, the catalogs.

The choice lives in ``settings.ini`` in the user's configuration directory
(``[language] interface = pl`` and ``printout = en``); an absent or unknown value
means "follow the system" for the interface and Polish for printouts, which are
Polish documents first. Translations ship as ``.ts`` sources in
``ksef_desktop/resources/translations``; the ``.qm`` catalogs Qt loads are compiled
from them by ``installer/build.py`` (the bundle) or, after ``pip install``, once on
first use with the ``lrelease`` that comes with PySide6, into the cache directory.
"""

from __future__ import annotations

import configparser
import enum
import hashlib
import importlib.util
import logging
import shutil
import subprocess
from pathlib import Path

from ksef_desktop.support.paths import resource_root

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.ini"
_SECTION = "language"
_DOMAIN = "ksef_desktop"


class Language(enum.StrEnum):
    """The languages the interface and the printouts are available in."""

    PL = "pl"
    EN = "en"


def parse_language(text: str | None) -> Language | None:
    """``pl``, ``pl_PL``, ``pl-PL.UTF-8`` -> PL; ``en*`` -> EN; anything else -> None."""
    if not text:
        return None
    head = text.strip().lower().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    try:
        return Language(head)
    except ValueError:
        return None


def system_language(locale_name: str) -> Language:
    """The interface language for a system locale name (``QLocale.system().name()``)."""
    return parse_language(locale_name) or Language.EN


def _read(config_dir: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    path = config_dir / SETTINGS_FILE
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error) as exc:  # a damaged file must not stop the program
        log.warning("ignoring unreadable %s: %s", path, exc)
    return parser


def _write(config_dir: Path, key: str, language: Language | None) -> None:
    parser = _read(config_dir)
    if not parser.has_section(_SECTION):
        parser.add_section(_SECTION)
    if language is None:
        parser.remove_option(_SECTION, key)
    else:
        parser.set(_SECTION, key, language.value)
    config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with (config_dir / SETTINGS_FILE).open("w", encoding="utf-8") as handle:
        parser.write(handle)


def chosen_interface_language(config_dir: Path) -> Language | None:
    """The language the user picked for the screens, or None to follow the system."""
    return parse_language(_read(config_dir).get(_SECTION, "interface", fallback=None))


def choose_interface_language(config_dir: Path, language: Language | None) -> None:
    """Remember the screens' language (None: follow the system); used from the next start."""
    _write(config_dir, "interface", language)


def printout_language(config_dir: Path) -> Language:
    """The language invoices are printed in: Polish unless the user picked English."""
    chosen = parse_language(_read(config_dir).get(_SECTION, "printout", fallback=None))
    return chosen or Language.PL


def choose_printout_language(config_dir: Path, language: Language | None) -> None:
    """Remember the printout language (None: back to Polish)."""
    _write(config_dir, "printout", language)


def interface_language(
    config_dir: Path, locale_name: str, override: Language | None = None
) -> Language:
    """The screens' language: a command-line override, else the saved choice, else the system."""
    return override or chosen_interface_language(config_dir) or system_language(locale_name)


def translations_dir() -> Path:
    """Where the ``.ts`` sources (and, in a build or bundle, the ``.qm`` catalogs) are."""
    return resource_root() / "resources" / "translations"


def source_file(language: Language) -> Path:
    return translations_dir() / f"{_DOMAIN}_{language.value}.ts"


def lrelease_program() -> Path | None:
    """PySide6's ``lrelease`` (found without importing Qt), or one on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            for name in ("lrelease", "lrelease.exe"):
                candidate = Path(folder) / name
                if candidate.is_file():
                    return candidate
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compile_catalog(source: Path, target: Path) -> bool:
    """Compile one ``.ts`` into ``.qm`` with lrelease; False (logged) when that is impossible."""
    program = lrelease_program()
    if program is None:
        log.warning("lrelease not found; %s stays uncompiled", source)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603 - a fixed program from our own dependency
        [str(program), "-silent", str(source), "-qm", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not target.is_file():
        log.warning("lrelease failed on %s: %s", source, result.stderr.strip())
        return False
    return True


def catalog(language: Language, cache_dir: Path) -> Path | None:
    """The compiled catalog for ``language``, compiling it into ``cache_dir`` when needed.

    English is the source language: there is nothing to load. A ``.qm`` shipped
    next to the ``.ts`` (a bundle, or a tree where ``installer/build.py`` ran) wins
    when it is not older than its source; otherwise the cache holds a copy named
    by the source's hash, so an upgrade recompiles and a second start does not.
    """
    if language is Language.EN:
        return None
    source = source_file(language)
    shipped = source.with_suffix(".qm")
    if shipped.is_file() and (
        not source.is_file() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.is_file():
        log.warning("no translation for %s in %s", language.value, translations_dir())
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    cached = cache_dir / "translations" / f"{_DOMAIN}_{language.value}-{digest}.qm"
    if cached.is_file() or compile_catalog(source, cached):
        return cached
    return None
