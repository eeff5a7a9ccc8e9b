"""The core's translation hook and the language choice (no Qt)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.support import i18n, language
from ksef_desktop.support.language import Language


@pytest.fixture
def hook() -> Iterator[dict[str, str]]:
    table: dict[str, str] = {}
    previous = i18n.install(lambda text: table.get(text, text))
    yield table
    i18n.install(previous)


def test_tr_is_the_source_until_a_hook_is_installed() -> None:
    assert i18n.tr("Seller") == "Seller"


def test_tr_translates_before_formatting_so_placeholders_move(hook: dict[str, str]) -> None:
    hook["Print from 1 to {n} copies."] = "Drukuj od 1 do {n} egzemplarzy."
    assert i18n.tr("Print from 1 to {n} copies.").format(n=9) == "Drukuj od 1 do 9 egzemplarzy."
    assert i18n.install(None) is not None
    assert i18n.tr("Print from 1 to {n} copies.") == "Print from 1 to {n} copies."


def test_a_module_constant_is_translated_again_where_it_is_shown(hook: dict[str, str]) -> None:
    # The label table was built at import, before the hook: it holds the source...
    assert DocumentKind.KOR.label == "correction invoice"
    hook["correction invoice"] = "faktura korygująca"
    # ...and the display passes it through tr(); doing so twice changes nothing.
    assert i18n.tr(DocumentKind.KOR.label) == "faktura korygująca"
    assert i18n.tr(i18n.tr(DocumentKind.KOR.label)) == "faktura korygująca"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pl", Language.PL),
        ("pl_PL", Language.PL),
        ("pl-PL", Language.PL),
        ("pl_PL.UTF-8", Language.PL),
        ("PL", Language.PL),
        ("en_GB", Language.EN),
        ("en", Language.EN),
        ("de_DE", None),
        ("C", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_language(text: str | None, expected: Language | None) -> None:
    assert language.parse_language(text) is expected


def test_the_system_locale_picks_polish_or_english() -> None:
    assert language.system_language("pl_PL") is Language.PL
    assert language.system_language("de_DE") is Language.EN
    assert language.system_language("C") is Language.EN


def test_override_then_saved_choice_then_system(tmp_path: Path) -> None:
    config = tmp_path / "config"
    assert language.interface_language(config, "pl_PL") is Language.PL
    language.choose_interface_language(config, Language.EN)
    assert language.chosen_interface_language(config) is Language.EN
    assert language.interface_language(config, "pl_PL") is Language.EN
    assert language.interface_language(config, "en_US", override=Language.PL) is Language.PL
    language.choose_interface_language(config, None)  # back to following the system
    assert language.interface_language(config, "pl_PL") is Language.PL


def test_printouts_are_polish_unless_english_is_chosen(tmp_path: Path) -> None:
    config = tmp_path / "config"
    language.choose_interface_language(config, Language.EN)
    assert language.printout_language(config) is Language.PL
    language.choose_printout_language(config, Language.EN)
    assert language.printout_language(config) is Language.EN
    assert language.chosen_interface_language(config) is Language.EN  # the other key survives
    assert "printout = en" in (config / language.SETTINGS_FILE).read_text(encoding="utf-8")


def test_a_damaged_settings_file_means_the_defaults(tmp_path: Path) -> None:
    (tmp_path / language.SETTINGS_FILE).write_text("no section header\n", encoding="utf-8")
    assert language.chosen_interface_language(tmp_path) is None
    assert language.printout_language(tmp_path) is Language.PL
    assert language.interface_language(tmp_path, "pl_PL") is Language.PL


def test_english_needs_no_catalog(tmp_path: Path) -> None:
    assert language.catalog(Language.EN, tmp_path) is None


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the translations folder, as an installed package without .qm files has it."""
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(language.source_file(Language.PL), folder)
    monkeypatch.setattr(language, "translations_dir", lambda: folder)
    return folder


def test_polish_is_compiled_once_into_the_cache(sources: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = language.catalog(Language.PL, cache)
    assert first is not None
    assert first.is_relative_to(cache)
    assert first.read_bytes()[:4] == b"\x3c\xb8\x64\x18"  # the .qm magic number
    stamp = first.stat().st_mtime_ns
    assert language.catalog(Language.PL, cache) == first
    assert first.stat().st_mtime_ns == stamp  # not compiled again


def test_a_shipped_catalog_wins_over_compiling(sources: Path, tmp_path: Path) -> None:
    shipped = sources / "ksef_desktop_pl.qm"
    assert language.compile_catalog(sources / "ksef_desktop_pl.ts", shipped)
    assert language.catalog(Language.PL, tmp_path / "cache") == shipped
    assert not (tmp_path / "cache").exists()


def test_without_lrelease_the_interface_stays_english(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "lrelease_program", lambda: None)
    assert language.catalog(Language.PL, tmp_path / "cache") is None
