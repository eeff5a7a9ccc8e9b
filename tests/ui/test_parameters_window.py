"""KSEF > PARAMETERS against a real ksef-ws and ksef-sim on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.contract.api import CheckId, CheckStatus
from ksef_desktop.contract.authcode import AuthorizationCode
from ksef_desktop.services.connection import ConnectionReport, LocalCheck
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.parameters import ParametersWindow
from tests.helpers.desktop_chain import (
    BAD_TOKEN_NIP,
    GOOD_NIP,
    UNCONFIGURED_NIP,
    Chain,
    closed_port_url,
    silent_server,
    untrusted_tls_server,
)
from tests.ui.conftest import Answer, open_session


def open_window(qtbot: QtBot, session: Session, runner: TaskRunner) -> ParametersWindow:
    window = ParametersWindow(session.services, runner)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.parameters_loaded):
        window.show()
    return window


def child(window: ParametersWindow, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def generate(qtbot: QtBot, window: ParametersWindow, nip: str = GOOD_NIP) -> str:
    type_into(qtbot, child(window, QLineEdit, "companyNip"), nip)
    with qtbot.waitSignal(window.auth_code_generated):
        qtbot.mouseClick(child(window, QPushButton, "generateAuthCode"), Qt.MouseButton.LeftButton)
    return str(child(window, QLineEdit, "authCode").text())


def run_test(qtbot: QtBot, window: ParametersWindow, address: str) -> ConnectionReport:
    type_into(qtbot, child(window, QLineEdit, "wsAddress"), address)
    with qtbot.waitSignal(window.connection_tested, timeout=20_000) as blocker:
        qtbot.mouseClick(child(window, QPushButton, "connectionTest"), Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert isinstance(report, ConnectionReport)
    return report


def test_generate_shows_the_code_key_id_and_nip(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    assert not child(window, QPushButton, "copyAuthCode").isEnabled()
    text = generate(qtbot, window, "526-104-08-28")
    code = AuthorizationCode.parse(text)
    assert text.startswith(f"KSEFWS1.{GOOD_NIP}.")
    assert child(window, QLineEdit, "authCode").isReadOnly()
    assert child(window, QLabel, "authKeyId").text() == code.key_id
    assert child(window, QLabel, "authNip").text() == GOOD_NIP
    assert child(window, QLabel, "authCreated").text() != "—"
    assert session.services.authorization.signing_key()[0] == code.key_id


def test_generate_without_a_valid_nip_explains_inline(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    type_into(qtbot, child(window, QLineEdit, "companyNip"), "5261040829")
    qtbot.mouseClick(child(window, QPushButton, "generateAuthCode"), Qt.MouseButton.LeftButton)
    error = child(window, QLabel, "companyNipError")
    assert error.isVisible()
    assert "check digit" in error.text()
    assert session.services.authorization.current() is None


def test_regenerate_asks_first_and_no_keeps_the_key(
    qtbot: QtBot, session: Session, runner: TaskRunner, answer: Answer
) -> None:
    window = open_window(qtbot, session, runner)
    first = generate(qtbot, window)
    asked = answer(False)
    qtbot.mouseClick(child(window, QPushButton, "generateAuthCode"), Qt.MouseButton.LeftButton)
    assert asked == ["Replace the authorization code?"]
    assert child(window, QLineEdit, "authCode").text() == first
    assert session.services.authorization.current().code == first  # type: ignore[union-attr]


def test_regenerate_confirmed_replaces_the_key_and_deletes_the_old_one(
    qtbot: QtBot, session: Session, runner: TaskRunner, answer: Answer
) -> None:
    window = open_window(qtbot, session, runner)
    first = AuthorizationCode.parse(generate(qtbot, window))
    asked = answer(True)
    second = AuthorizationCode.parse(generate(qtbot, window))
    assert len(asked) == 1
    assert second.key_id != first.key_id
    keys = session.dirs.data / "keys"
    assert not (keys / f"{first.key_id}.pem").exists()
    assert (keys / f"{second.key_id}.pem").exists()


def test_copy_puts_the_code_on_the_clipboard(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    text = generate(qtbot, window)
    QApplication.clipboard().clear()
    qtbot.mouseClick(child(window, QPushButton, "copyAuthCode"), Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text
    assert child(window, QLabel, "copyFeedback").text() == "Copied to the clipboard."


def test_connection_test_passes_with_a_registered_key(
    qtbot: QtBot, session: Session, runner: TaskRunner, chain: Chain
) -> None:
    window = open_window(qtbot, session, runner)
    chain.register(generate(qtbot, window))
    report = run_test(qtbot, window, chain.address)
    assert report.ok
    statuses = window.results.statuses()
    assert statuses[CheckId.KEY] == CheckStatus.OK
    assert statuses[CheckId.KSEF_TOKEN] == CheckStatus.OK
    assert statuses[LocalCheck.SERVICE] == CheckStatus.OK
    assert CheckStatus.FAILED not in statuses.values()
    assert child(window, QLabel, "connectionSummary").text().startswith("Connection works")


def test_a_new_key_signs_the_next_request_without_restarting(
    *,
    qtbot: QtBot,
    session: Session,
    runner: TaskRunner,
    chain: Chain,
    answer: Answer,
) -> None:
    window = open_window(qtbot, session, runner)
    chain.register(generate(qtbot, window))
    assert run_test(qtbot, window, chain.address).ok
    answer(True)
    new_code = generate(qtbot, window)
    assert window.results.statuses()[CheckId.KEY] == CheckStatus.OK  # the old report stays
    assert not run_test(qtbot, window, chain.address).ok  # not registered yet
    chain.register(new_code)
    report = run_test(qtbot, window, chain.address)
    assert report.ok
    assert AuthorizationCode.parse(new_code).key_id in report.checks[1].message


@pytest.mark.parametrize(
    ("prepare", "failed", "hint_words"),
    [
        ("unreachable", LocalCheck.SERVICE, "Check the WS ADDRESS"),
        ("unregistered", CheckId.KEY, "ksef-ws keys add"),
        ("revoked", CheckId.KEY, "revoked this code"),
        ("unconfigured", CheckId.COMPANY, ""),
        ("token", CheckId.KSEF_TOKEN, "token"),
        ("not-ksef-ws", LocalCheck.SERVICE, "points at ksef-ws"),
        ("tls", LocalCheck.SERVICE, "certificate this computer trusts"),
    ],
)
def test_each_failure_is_a_failed_check_with_what_to_do(
    *,
    qtbot: QtBot,
    session: Session,
    runner: TaskRunner,
    chain: Chain,
    prepare: str,
    failed: str,
    hint_words: str,
    tmp_path: Path,
) -> None:
    window = open_window(qtbot, session, runner)
    nip = {"unconfigured": UNCONFIGURED_NIP, "token": BAD_TOKEN_NIP}.get(prepare, GOOD_NIP)
    code = AuthorizationCode.parse(generate(qtbot, window, nip))
    if prepare != "unregistered":
        chain.register(code.text)
    if prepare == "revoked":
        chain.revoke(code.key_id)
    addresses = {"unreachable": closed_port_url(), "not-ksef-ws": chain.sim.base_url}
    with untrusted_tls_server(tmp_path) as tls_address:
        address = tls_address if prepare == "tls" else addresses.get(prepare, chain.address)
        report = run_test(qtbot, window, address)
    assert not report.ok
    assert window.results.statuses()[failed] == CheckStatus.FAILED
    line = next(c for c in report.checks if c.id == failed)
    assert line.hint, line
    assert hint_words in line.hint
    assert ("→ " + line.hint) in window.results.hints()
    summary = child(window, QLabel, "connectionSummary").text()
    assert summary.startswith("Connection test failed")


def test_a_hung_service_leaves_the_window_responsive_and_can_be_cancelled(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    generate(qtbot, window)
    with silent_server() as address:
        type_into(qtbot, child(window, QLineEdit, "wsAddress"), address)
        qtbot.mouseClick(child(window, QPushButton, "connectionTest"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.test_progress.text().startswith("Contacting"))
        assert window.testing
        # The GUI thread is free: typing works while the request hangs.
        qtbot.keyClicks(child(window, QLineEdit, "companyNip"), " ")
        stop = child(window, QPushButton, "cancelConnectionTest")
        with qtbot.waitSignal(window.connection_test_cancelled):
            qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        assert not window.testing
        assert child(window, QPushButton, "connectionTest").isEnabled()
        with qtbot.assertNotEmitted(window.connection_tested, wait=0):
            qtbot.waitUntil(lambda: runner.active == 0, timeout=10_000)
    assert window.results.row_count() == 0
    assert "cancelled" in child(window, QLabel, "connectionSummary").text()


def test_https_is_required_except_on_loopback(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    type_into(qtbot, child(window, QLineEdit, "wsAddress"), "http://ksef-ws.example.com")
    qtbot.mouseClick(window.apply_button, Qt.MouseButton.LeftButton)
    error = child(window, QLabel, "wsAddressError")
    assert error.isVisible()
    assert "https://" in error.text()
    assert session.services.parameters.load().ws_address == ""
    type_into(qtbot, child(window, QLineEdit, "wsAddress"), "http://127.0.0.1:8765/")
    assert not error.isVisible()
    with qtbot.waitSignal(window.parameters_applied):
        qtbot.mouseClick(window.apply_button, Qt.MouseButton.LeftButton)
    assert session.services.parameters.load().ws_address == "http://127.0.0.1:8765"


def test_cancel_reverts_the_form_and_the_store(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    type_into(qtbot, child(window, QLineEdit, "wsAddress"), "https://ksef-ws.example.com")
    child(window, QCheckBox, "statusActive").setChecked(True)
    assert window.dirty
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert child(window, QLineEdit, "wsAddress").text() == ""
    assert not child(window, QCheckBox, "statusActive").isChecked()
    assert session.services.parameters.load().ws_address == ""


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, session: Session, runner: TaskRunner, answer: Answer
) -> None:
    window = open_window(qtbot, session, runner)
    type_into(qtbot, child(window, QLineEdit, "wsAddress"), "https://ksef-ws.example.com")
    asked = answer(False)
    window.close()
    assert asked == ["Discard changes?"]
    assert window.isVisible()
    answer(True)
    window.close()
    assert not window.isVisible()
    assert child(window, QLineEdit, "wsAddress").text() == ""


def test_values_persist_across_a_restart(
    qtbot: QtBot, session: Session, runner: TaskRunner, tmp_path: Path
) -> None:
    window = open_window(qtbot, session, runner)
    code = generate(qtbot, window)
    type_into(qtbot, child(window, QLineEdit, "wsAddress"), "https://KSeF-WS.example.com:8765/")
    child(window, QCheckBox, "statusActive").setChecked(True)
    with qtbot.waitSignal(window.parameters_applied):
        qtbot.mouseClick(window.ok_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()

    restarted = open_session(session.dirs)
    try:
        again = open_window(qtbot, restarted, runner)
        assert child(again, QCheckBox, "statusActive").isChecked()
        assert child(again, QLineEdit, "wsAddress").text() == "https://ksef-ws.example.com:8765"
        assert child(again, QLineEdit, "companyNip").text() == GOOD_NIP
        assert child(again, QLineEdit, "authCode").text() == code
        assert not again.dirty
        again.close()
    finally:
        restarted.close()


def test_results_model_is_a_valid_item_model(
    qtbot: QtBot,
    qtmodeltester,
    session: Session,
    runner: TaskRunner,
    chain: Chain,  # type: ignore[no-untyped-def]
) -> None:
    window = open_window(qtbot, session, runner)
    generate(qtbot, window, UNCONFIGURED_NIP)
    run_test(qtbot, window, chain.address)
    assert window.results.row_count() > 2
    qtmodeltester.check(window.results.model(), force_py=True)


def test_keyboard_shortcuts_run_the_actions(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_into(qtbot, child(window, QLineEdit, "companyNip"), GOOD_NIP)
    with qtbot.waitSignal(window.auth_code_generated):
        qtbot.keyClick(window.form, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.connection_tested):  # no address: fails at the first check
        qtbot.keyClick(window.form, Qt.Key.Key_F9)
    assert window.results.statuses() == {LocalCheck.ADDRESS: CheckStatus.FAILED}
    QApplication.clipboard().clear()
    qtbot.keyClick(
        window.form,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.clipboard().text() == child(window, QLineEdit, "authCode").text()
