"""The desktop in Polish: the window, its menus, Qt's own buttons and the core's messages."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from ksef_desktop import app as desktop
from ksef_desktop.app import Session
from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.support import i18n
from ksef_desktop.support.language import Language
from ksef_desktop.ui.awaiting.window import AwaitingWindow
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.customers.window import CustomerListWindow
from ksef_desktop.ui.editor import DocumentEditor
from ksef_desktop.ui.main_window import MainWindow
from ksef_desktop.ui.register.format import status_text
from ksef_desktop.ui.register.model import STATUS
from ksef_desktop.ui.register.window import RegisterWindow
from ksef_desktop.ui.translation import install_language, remove_language

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def polish(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    translators = install_language(qapp, Language.PL, tmp_path / "cache")
    yield
    remove_language(qapp, translators)


def _menu_titles(window: MainWindow) -> list[str]:
    """Every menu and menu item, depth first."""
    titles: list[str] = []
    pending = list(window.menuBar().actions())
    while pending:
        action = pending.pop(0)
        titles.append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            pending[:0] = menu.actions()
    return titles


@pytest.mark.usefixtures("polish")
def test_the_main_window_speaks_polish(qtbot: QtBot, runner: TaskRunner) -> None:
    window = MainWindow(None, runner)
    qtbot.addWidget(window)
    assert "&ADMINISTRACJA" in _menu_titles(window)
    assert "Pomo&c" in _menu_titles(window)
    assert i18n.tr("Seller") == "Sprzedawca"
    assert i18n.tr("Print from 1 to {n} copies.").format(n=9) == "Drukuj od 1 do 9 egzemplarzy."
    # A module's _tr() helper passes its own context; the catalog falls back to the core's.
    assert QCoreApplication.translate("parameters", "Check") == "Sprawdzenie"
    assert QCoreApplication.translate("parameters", "no such text") == "no such text"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Anuluj"  # Qt's own catalog is loaded too


def _headers(window: AwaitingWindow | RegisterWindow | CustomerListWindow) -> list[str]:
    model = window.model
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal))
        for column in range(model.columnCount())
    ]


@pytest.mark.usefixtures("polish")
def test_tables_and_toolbars_built_after_the_catalog_speak_polish(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    # The windows' modules were imported (English) long before this test installed the
    # catalog: what they show must be looked up when they are built, not at import.
    awaiting = AwaitingWindow(session.services, runner)
    qtbot.addWidget(awaiting)
    qtbot.waitUntil(lambda: not awaiting.model.loading)
    assert _headers(awaiting) == [
        "Numer",
        "Data",
        "Nabywca",
        "Brutto",
        "Status",
        "Przyczyna",
        "Próby",
        "Ostatnia próba",
        "Następna próba",
    ]
    texts = [action.text() for action in awaiting.toolbar.actions() if not action.isSeparator()]
    assert texts[0] == "Wyślij ponownie &zaznaczone"
    assert "Odśw&ież" in texts
    assert not {"&Resend selected", "Show &UPO", "Re&fresh"} & set(texts)
    resend = awaiting.actions_by_name["resendSelected"]
    assert resend.toolTip().startswith("Wyślij ponownie zaznaczone dokumenty (")
    combo = awaiting.filters.status
    statuses = [combo.itemText(i) for i in range(combo.count())]
    assert "wysłany do KSeF" in statuses
    awaiting.close()

    register = RegisterWindow(session.services, runner)
    qtbot.addWidget(register)
    with qtbot.waitSignal(register.refreshed):
        register.show()
    headers = _headers(register)
    assert headers[:3] == ["Numer", "Data", "Nabywca"]
    assert headers[-2:] == ["Status", "Numer KSeF"]
    accepted = status_text(Status.ACCEPTED)
    assert accepted == "przyjęty przez KSeF"
    bold = QFont(register.table.font())
    bold.setBold(True)
    assert register.table.columnWidth(STATUS) > QFontMetrics(bold).horizontalAdvance(accepted)
    register.close()

    customers = CustomerListWindow(session.services, runner)
    qtbot.addWidget(customers)
    assert _headers(customers) == ["NIP", "Nazwa", "Adres", "Kraj"]
    customers.close()


def test_removing_the_language_brings_english_back(
    qapp: QApplication, qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    remove_language(qapp, install_language(qapp, Language.PL, tmp_path / "cache"))
    window = MainWindow(None, runner)
    qtbot.addWidget(window)
    assert "&ADMINISTRATION" in _menu_titles(window)
    assert i18n.tr("Seller") == "Seller"


_PROBE = """
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from ksef_desktop import app
from ksef_desktop.support import i18n
from tests.ui.test_i18n_ui import _menu_titles
import sys
def shown(window):
    print("|".join([*_menu_titles(window), i18n.tr("Buyer")]))
    QApplication.quit()
raise SystemExit(app.main(sys.argv[1:], on_shown=shown))
"""


@pytest.mark.parametrize(
    ("locale", "argv", "menu", "buyer"),
    [
        ("pl_PL.UTF-8", [], "&ADMINISTRACJA", "Nabywca"),
        ("en_US.UTF-8", [], "&ADMINISTRATION", "Buyer"),
        ("en_US.UTF-8", ["--language", "pl"], "&ADMINISTRACJA", "Nabywca"),  # the option wins
        ("pl_PL.UTF-8", ["--language", "en"], "&ADMINISTRATION", "Buyer"),
    ],
)
def test_the_system_locale_or_the_option_chooses_the_language(
    tmp_path: Path, locale: str, argv: list[str], menu: str, buyer: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "KSEF_", "LC_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KSEF_DESKTOP_HOME=str(tmp_path / "home"),
        PYTHONPATH=str(ROOT),
        LANG=locale,
        LANGUAGE="",
        LC_ALL=locale,
    )
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shown = result.stdout.strip().split("|")
    assert menu in shown, result.stdout
    assert shown[-1] == buyer  # the Qt-free core's strings follow too


def test_the_language_option_takes_pl_or_en_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert desktop.parse_args(["--language", "en"]).language is Language.EN
    assert desktop.parse_args(["--language", "pl_PL"]).language is Language.PL
    assert desktop.parse_args([]).language is None
    with pytest.raises(SystemExit) as exited:
        desktop.parse_args(["--language", "de"])
    assert exited.value.code == 2
    assert "'de' is not pl or en" in capsys.readouterr().err


@pytest.mark.usefixtures("polish")
def test_the_settlement_invoice_panel_speaks_polish(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    editor = DocumentEditor(session.services, runner, None)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.show()
    editor.header.kind.setCurrentIndex(editor.header.kind.findData(DocumentKind.ROZ.value))
    assert editor.advances_box.title() == "Rozliczane faktury zaliczkowe"
    assert editor.advances.add_button.text() == "Dodaj fakturę zaliczk&ową"
    assert editor.advances.entry.placeholderText() == "Numer KSeF faktury zaliczkowej"
    editor.advances.entry.setText("FZ/7/2026")
    editor.advances.add_button.click()  # not a KSeF number, and the box is not ticked
    assert editor.advances.message.text().startswith("FZ/7/2026 nie jest poprawnym numerem KSeF")
    editor.advances.outside.setChecked(True)
    editor.advances.add_button.click()
    assert editor.advances.list.item(0).text() == "FZ/7/2026 (wystawiona poza KSeF)"
    if shots := os.environ.get("KSEF_SHOTS"):
        editor.grab().save(str(Path(shots) / "editor-settlement-pl.png"))
    editor._saved_snapshot = editor.snapshot()  # close without asking
    editor.close()
