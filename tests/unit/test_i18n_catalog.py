"""The Polish catalog covers every string of the desktop and keeps each one's placeholders."""

from __future__ import annotations

import importlib.util
import re
import string
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()
PL = tool.ts_file("pl")
MNEMONIC = re.compile(r"&(?!&)(?=\w)")
TAG = re.compile(r"</?(?:a|b|br|code|i|p|span|tt|u)\b[^>]*>")


def _translated() -> list[tuple[str, str, str]]:
    """(context, source, Polish) for every finished message."""
    result = []
    for context, message in tool.messages(PL):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None:
            result.append((context, message.findtext("source") or "", translation.text or ""))
    return result


def _fields(text: str) -> Counter[str]:
    """Each ``{name!conv:spec}`` placeholder, as written."""
    found: Counter[str] = Counter()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            found[f"{name}!{conversion or ''}:{spec or ''}"] += 1
    return found


def test_every_desktop_string_has_a_polish_translation() -> None:
    """lupdate over today's sources into a copy of the catalog leaves nothing unfinished.

    When this fails: ``python tools/update_translations.py`` and translate the new
    entries (``--export todo.json``, fill in, ``--import todo.json``).
    """
    missing = tool.check("pl")
    assert missing == [], f"{len(missing)} strings need a Polish translation: {missing[:10]}"


def test_the_catalog_holds_the_desktop_and_not_the_servers() -> None:
    sources = {source for _context, source, _pl in _translated()}
    assert "VAT invoice" in sources  # domain
    assert "KSEF > PARAMETERS" in sources  # ui
    assert "The request is not signed." in sources  # contract (shown by the desktop)
    # ksef-ws answers ERPs in English; its texts stay out of the desktop's catalog.
    assert "NIP {nip} has no [company {nip}] section in ksef.ini." not in sources
    assert all(not p.is_relative_to(ROOT / "ksef_desktop" / "ws") for p in tool.sources())


def _differences(source: str, polish: str) -> list[str]:
    problems = []
    if not polish.strip():
        problems.append("empty")
    if _fields(polish) != _fields(source):
        problems.append("placeholders")
    if bool(MNEMONIC.search(polish)) != bool(MNEMONIC.search(source)):
        problems.append("mnemonic")
    if sorted(TAG.findall(polish)) != sorted(TAG.findall(source)):
        problems.append("markup")
    if polish.count("\n") != source.count("\n"):
        problems.append("line breaks")
    return problems


def test_every_translation_keeps_placeholders_mnemonics_markup_and_lines() -> None:
    translated = _translated()
    assert len(translated) > 500
    bad = [
        (context, source, polish, problems)
        for context, source, polish in translated
        if (problems := _differences(source, polish))
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("source", "polish", "problem"),
    [
        ("Line {n} has no VAT rate.", "Pozycja nie ma stawki VAT.", "placeholders"),
        ("{size:,} bytes", "{size} bajtów", "placeholders"),
        ("{text!r} is empty", "{text} jest puste", "placeholders"),
        ("&Copy", "Kopiuj", "mnemonic"),
        ("Open <b>KSEF</b>", "Otwórz KSEF", "markup"),
        ("a\n\nb", "a b", "line breaks"),
    ],
)
def test_the_checks_catch_a_damaged_translation(source: str, polish: str, problem: str) -> None:
    assert problem in _differences(source, polish)
    assert _differences(source, source) == []


def test_the_english_catalog_is_the_source_language() -> None:
    root = tool.etree.parse(str(tool.ts_file("en"))).getroot()
    assert root.get("language") == "en"
    assert root.get("sourcelanguage") == "en"
