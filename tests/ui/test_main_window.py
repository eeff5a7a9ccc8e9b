"""The main window: navigation, shortcuts, status bar, help window, error display."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.contract.mapping import from_document
from ksef_desktop.domain.errors import TransportError
from ksef_desktop.services.parameters import KsefParameters
from ksef_desktop.services.status import WsProbe, WsState
from ksef_desktop.support.language import Language, chosen_interface_language, printout_language
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_crash, show_error
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.help import HelpWindow
from ksef_desktop.ui.language_dialog import LanguageDialog
from ksef_desktop.ui.main_window import MainWindow
from tests.helpers import factories
from tests.helpers.desktop_chain import GOOD_NIP, Chain, closed_port_url


def open_main(qtbot: QtBot, session: Session, runner: TaskRunner) -> MainWindow:
    window = MainWindow(session.services, runner)
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.status_refreshed, window.ws_checked]):
        window.show()
        window.refresh_status()
    return window


def hold_document(session: Session, number: str) -> None:
    """A document the WS could not be reached for, as the wizard leaves it."""
    erp = from_document(factories.invoice(number=number), number)
    session.services.awaiting.hold(erp, error=TransportError("no WS", code="ws-unreachable"))


def test_status_bar_counts_awaiting_documents_from_the_store(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    hold_document(session, "FV/1")
    hold_document(session, "FV/2")
    window = open_main(qtbot, session, runner)
    assert window.awaiting_label.text() == "Awaiting documents: 2"
    assert window.module_label.text() == "KSeF: inactive"
    assert window.ws_label.text() == "WS: not configured"


def test_status_follows_applied_parameters_in_the_background(
    qtbot: QtBot, session: Session, runner: TaskRunner, chain: Chain
) -> None:
    window = open_main(qtbot, session, runner)
    params = window.open_parameters()
    with qtbot.waitSignal(params.parameters_loaded):
        pass
    params.form.set_values(KsefParameters(True, chain.address, GOOD_NIP))
    params.form.edited.emit()
    with qtbot.waitSignals([params.parameters_applied, window.ws_checked]):
        qtbot.mouseClick(params.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.module_label.text() == "KSeF: ACTIVE")
    assert window.ws_label.text() == "WS: connected"
    assert window.last_probe is not None
    assert chain.address in window.last_probe.text


def test_an_unreachable_ws_is_reported_without_blocking(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    session.services.parameters.save(KsefParameters(True, closed_port_url(), GOOD_NIP))
    window = open_main(qtbot, session, runner)
    assert window.ws_label.text() == "WS: unreachable"
    assert isinstance(window.last_probe, WsProbe)
    assert window.last_probe.state is WsState.UNREACHABLE
    assert "No web service answers" in window.ws_label.toolTip()


def test_navigation_tree_and_menu_open_the_parameters(
    qtbot: QtBot,
    qtmodeltester,
    session: Session,
    runner: TaskRunner,  # type: ignore[no-untyped-def]
) -> None:
    window = open_main(qtbot, session, runner)
    qtmodeltester.check(window.navigation.model(), force_py=True)
    start = window.navigation.currentItem()
    assert start is not None
    assert start.toolTip(0) == "ERP > SALES > INVOICES / RECEIPTS"  # where the day starts
    [leaf] = window.navigation.findItems(
        "PARAMETERS", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )[-1:]
    assert leaf.toolTip(0) == "ERP > ADMINISTRATION > PARAMETERS > KSEF > PARAMETERS"
    window.navigation.setCurrentItem(leaf)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Return)
    params = window.parameters_window
    assert params is not None
    assert params.isVisible()
    with qtbot.waitSignal(params.parameters_loaded):
        pass
    assert window.parameters_action.shortcut() == shortcuts.KSEF_PARAMETERS.sequence
    params.close()
    qtbot.waitUntil(lambda: window.parameters_window is None)
    window.parameters_action.trigger()
    assert window.parameters_window is not None
    assert window.parameters_window.isVisible()


def test_every_screen_opens_from_the_navigation_tree_once(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_main(qtbot, session, runner)
    texts = {a.text().replace("&", "") for a in window.findChildren(type(window.help_action))}
    assert {"INVOICES / RECEIPTS", "CUSTOMERS", "AWAITING DOCUMENTS", "PARAMETERS"} <= texts
    opened = {}
    for name, attribute in (
        ("INVOICES / RECEIPTS", "register_window"),
        ("CUSTOMERS", "customers_window"),
        ("AWAITING DOCUMENTS", "awaiting_window"),
    ):
        [item] = window.navigation.findItems(
            name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        window.navigation.setCurrentItem(item)
        window.navigation.setFocus()
        qtbot.keyClick(window.navigation, Qt.Key.Key_Return)
        screen = getattr(window, attribute)
        assert screen is not None
        assert screen.isVisible()
        qtbot.keyClick(window.navigation, Qt.Key.Key_Return)  # again: the same window
        assert getattr(window, attribute) is screen
        opened[attribute] = screen
    for attribute, screen in opened.items():
        screen.close()
        qtbot.waitUntil(lambda attribute=attribute: getattr(window, attribute) is None)


def test_the_awaiting_count_follows_the_outbox_live(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_main(qtbot, session, runner)
    assert window.awaiting_label.text() == "Awaiting documents: 0"
    hold_document(session, "FV/LIVE/1")  # as the wizard does, from another window
    qtbot.waitUntil(lambda: window.awaiting_label.text() == "Awaiting documents: 1")


def test_automatic_retry_pauses_while_the_ws_is_unreachable(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    session.services.parameters.save(KsefParameters(True, closed_port_url(), GOOD_NIP))
    window = open_main(qtbot, session, runner)
    driver = window.retry_driver
    assert driver is not None
    assert driver.running
    qtbot.waitUntil(lambda: driver.paused)


def test_f1_lists_every_shortcut(
    qtbot: QtBot,
    qtmodeltester,
    session: Session,
    runner: TaskRunner,  # type: ignore[no-untyped-def]
) -> None:
    window = open_main(qtbot, session, runner)
    assert window.help_action.shortcut().toString() == "F1"
    window.help_action.trigger()
    help_window = window.help_window
    assert isinstance(help_window, HelpWindow)
    assert help_window.isVisible()
    table = help_window.table
    qtmodeltester.check(table.model(), force_py=True)
    keys = {table.item(row, 0).text() for row in range(table.rowCount())}  # type: ignore[union-attr]
    assert {"F1", "F9", "Ctrl+G", "Ctrl+Shift+P"} <= keys
    assert table.rowCount() == len(shortcuts.ALL)


def test_expected_errors_show_their_message_without_blocking(qtbot: QtBot) -> None:
    show_error(None, TransportError("The web service did not answer.", code="ws-timeout"))
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [b.text() for b in boxes] == ["The web service did not answer."]
    boxes[0].close()


def test_unexpected_errors_go_to_the_crash_dialog_and_the_log_redacted(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise RuntimeError("boom token=abc123secret")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            show_crash(type(exc), exc, exc.__traceback__)
    box = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog"
    )
    assert isinstance(box, QMessageBox)
    assert "abc123secret" not in box.detailedText()
    assert "boom" in box.detailedText()
    assert "abc123secret" not in caplog.text
    box.close()


def test_the_real_confirmation_does_not_block_and_reports_the_answer(qtbot: QtBot) -> None:
    answers: list[bool] = []
    Confirmation.ask(None, "Replace?", "Really?", answers.append, yes_text="Replace")
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "confirmation")
    assert isinstance(box, QMessageBox)
    assert answers == []  # ask() returned while the question is still open
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None
    assert yes.text() == "Replace"
    with qtbot.waitSignal(box.finished):
        yes.click()
    assert answers == [True]


def test_the_language_dialog_opens_from_the_help_menu_and_saves_the_users_choice(
    qtbot: QtBot, session: Session, runner: TaskRunner, tmp_path: Path
) -> None:
    window = MainWindow(session.services, runner, language_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    [action] = [a for a in window.findChildren(QAction) if a.objectName() == "actionLanguage"]
    assert action.shortcut() == shortcuts.LANGUAGE.sequence
    action.trigger()
    dialog = window.findChild(LanguageDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_busy)  # read on the runner
    dialog.set_choice((Language.PL, Language.EN))
    with qtbot.waitSignal(dialog.languages_saved):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert chosen_interface_language(tmp_path) is Language.PL
    assert printout_language(tmp_path) is Language.EN
