"""The customer list and the buyer picker over a real SQLite store: NIP as you type, edit, pick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.services.customers import CustomerInput, CustomerRecord
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.customers import CustomerListWindow, CustomerPicker
from tests.ui.conftest import Answer

CUSTOMERS = (
    CustomerInput(
        "Hurtownia Budowlana Kowalski S.A.", "ul. Długa 7", "7740001454", "87-100 Toruń"
    ),
    CustomerInput("Biuro Rachunkowe Wisła", "ul. Wiślana 12", "1234563218", "30-001 Kraków"),
    CustomerInput("Anna Nowak", "ul. Krótka 3", "", "00-950 Warszawa"),
    CustomerInput("Müller GmbH", "Hauptstraße 5", "", "10115 Berlin", country="DE"),
)


@pytest.fixture
def stored(session: Session) -> list[CustomerRecord]:
    return [session.services.sales.customers.save(c) for c in CUSTOMERS]


def open_window(
    qtbot: QtBot, session: Session, runner: TaskRunner, *, picker: bool = False
) -> CustomerListWindow:
    window = CustomerListWindow(session.services, runner, picker=picker)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.customers_loaded):
        window.show()
    return window


def names(window: CustomerListWindow) -> list[str]:
    return [r.name for r in (window.model.record(i) for i in range(window.model.rowCount())) if r]


def edit(window: CustomerListWindow, field: str) -> QLineEdit:
    found = window.findChild(QLineEdit, f"customer_{field}")
    assert found is not None
    return found


def retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)


def select_named(window: CustomerListWindow, name: str) -> CustomerRecord:
    row = names(window).index(name)
    window.table.setCurrentIndex(window.model.index(row, 0))
    record = window.current_record()
    assert record is not None
    return record


def test_list_search_and_model(
    qtbot: QtBot,
    qtmodeltester: object,
    session: Session,
    runner: TaskRunner,
    stored: list[CustomerRecord],
) -> None:
    window = open_window(qtbot, session, runner)
    assert names(window) == sorted(c.name for c in CUSTOMERS)
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    model = window.model
    muller = model.row_of(stored[3].id)
    assert model.data(model.index(muller, 0)) == "—"
    assert model.data(model.index(muller, 3)) == "DE"
    search = window.findChild(QLineEdit, "customerSearch")
    with qtbot.waitSignal(window.customers_loaded):
        qtbot.keyClicks(search, "Rachunkowe")
    assert names(window) == ["Biuro Rachunkowe Wisła"]
    with qtbot.waitSignal(window.customers_loaded):
        search.setText("774000")
    assert names(window) == ["Hurtownia Budowlana Kowalski S.A."]
    # The first hit is shown in the form, ready to edit.
    assert edit(window, "nip").text() == "7740001454"


@pytest.mark.parametrize(
    ("typed", "expected", "colour"),
    [
        ("526104", "6 of 10 digits", "#5f6368"),
        ("PL 526-104-08-2", "9 of 10 digits", "#5f6368"),
        ("5261040829", "wrong check digit", "#b00020"),
        ("52610408281", "exactly 10 digits", "#b00020"),
        ("526-104-08-28", "valid NIP 526-104-08-28", "#1b7f3b"),
        ("", "No NIP", "#5f6368"),
    ],
)
def test_nip_is_checked_as_it_is_typed(
    *,
    qtbot: QtBot,
    session: Session,
    runner: TaskRunner,
    typed: str,
    expected: str,
    colour: str,
) -> None:
    window = open_window(qtbot, session, runner)
    nip = edit(window, "nip")
    retype(qtbot, nip, typed)
    status = window.findChild(QLabel, "customer_nipError")
    assert status is not None
    assert status.isVisible()
    assert expected in status.text()
    assert colour in status.styleSheet()


def test_a_nip_with_a_foreign_country_is_flagged(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    retype(qtbot, edit(window, "nip"), "5261040828")
    retype(qtbot, edit(window, "country"), "DE")
    assert not window.form.nip_ok
    assert "set the country to PL" in window.form.nip_status.text()


def test_add_a_customer(qtbot: QtBot, session: Session, runner: TaskRunner) -> None:
    window = open_window(qtbot, session, runner)
    qtbot.keyClick(window.table, Qt.Key.Key_Insert)
    assert window.form.customer_id == 0
    retype(qtbot, edit(window, "nip"), "PL 123-456-32-18")
    retype(qtbot, edit(window, "name"), "Nowy Klient Sp. z o.o.")
    retype(qtbot, edit(window, "line1"), "ul. Nowa 1")
    save = window.findChild(QPushButton, "saveCustomer")
    assert save.isEnabled()
    with (
        qtbot.waitSignal(window.customer_saved) as saved,
        qtbot.waitSignal(window.customers_loaded),
    ):
        qtbot.keyClick(edit(window, "name"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    record = saved.args[0]
    assert record.nip == "1234563218"  # stored bare, as the domain normalises it
    assert session.services.sales.customers.get(record.id) == record
    assert names(window) == ["Nowy Klient Sp. z o.o."]
    assert window.current_record() == record
    assert not window.form.dirty
    assert not save.isEnabled()


def test_a_missing_name_is_shown_beside_the_field_and_nothing_is_stored(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    window = open_window(qtbot, session, runner)
    retype(qtbot, edit(window, "line1"), "ul. Bez Nazwy 1")
    with qtbot.waitSignal(runner.task_done):
        qtbot.mouseClick(window.findChild(QPushButton, "saveCustomer"), Qt.MouseButton.LeftButton)
    error = window.findChild(QLabel, "customer_nameError")
    assert error is not None
    qtbot.waitUntil(error.isVisible)
    assert "name" in error.text()
    assert session.services.sales.customers.search() == []


def test_a_duplicate_nip_is_refused_with_a_message(
    qtbot: QtBot, session: Session, runner: TaskRunner, stored: list[CustomerRecord]
) -> None:
    window = open_window(qtbot, session, runner)
    qtbot.keyClick(window.table, Qt.Key.Key_Insert)
    retype(qtbot, edit(window, "nip"), "7740001454")
    retype(qtbot, edit(window, "name"), "Kowalski bis")
    retype(qtbot, edit(window, "line1"), "ul. Inna 2")
    with qtbot.waitSignal(runner.task_done):
        window.save()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "messageBox") is not None)
    box = window.findChild(QMessageBox, "messageBox")
    assert "already on the list" in box.text()
    box.close()
    assert len(session.services.sales.customers.search()) == len(stored)


def test_edit_and_delete(
    *,
    qtbot: QtBot,
    session: Session,
    runner: TaskRunner,
    stored: list[CustomerRecord],
    answer: Answer,
) -> None:
    window = open_window(qtbot, session, runner)
    nowak = select_named(window, "Anna Nowak")
    assert edit(window, "name").text() == "Anna Nowak"
    retype(qtbot, edit(window, "line2"), "00-951 Warszawa")
    with qtbot.waitSignal(window.customers_loaded):
        window.save()
    assert session.services.sales.customers.get(nowak.id).line2 == "00-951 Warszawa"  # type: ignore[union-attr]

    select_named(window, "Müller GmbH")
    asked = answer(False)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert asked == ["Delete the customer?"]
    assert session.services.sales.customers.get(stored[3].id) is not None
    answer(True)
    with (
        qtbot.waitSignal(window.customer_deleted) as deleted,
        qtbot.waitSignal(window.customers_loaded),
    ):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert deleted.args == [stored[3].id]
    assert session.services.sales.customers.get(stored[3].id) is None
    assert "Müller GmbH" not in names(window)


def test_unsaved_edits_are_not_lost_silently(
    *,
    qtbot: QtBot,
    session: Session,
    runner: TaskRunner,
    stored: list[CustomerRecord],
    answer: Answer,
) -> None:
    window = open_window(qtbot, session, runner)
    select_named(window, "Anna Nowak")
    retype(qtbot, edit(window, "name"), "Anna Nowak-Kowalska")
    asked = answer(False)
    select_named(window, "Müller GmbH")
    assert asked == ["Discard changes?"]
    assert edit(window, "name").text() == "Anna Nowak-Kowalska"  # the edit stays
    window.close()
    assert window.isVisible()
    answer(True)
    window.close()
    assert not window.isVisible()
    assert session.services.sales.customers.get(stored[2].id).name == "Anna Nowak"  # type: ignore[union-attr]


def test_the_picker_returns_the_chosen_customer(
    qtbot: QtBot, session: Session, runner: TaskRunner, stored: list[CustomerRecord]
) -> None:
    picked: list[CustomerRecord | None] = []
    dialog = CustomerPicker.pick(session.services, runner, None, picked.append)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(stored))
    select_named(dialog, "Biuro Rachunkowe Wisła")
    with qtbot.waitSignal(dialog.customer_picked):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert picked == [stored[1]]
    assert not dialog.isVisible()
    buyer = session.services.sales.customers.buyer(picked[0])  # type: ignore[arg-type]
    assert buyer.nip == "1234563218"


def test_the_picker_cancelled_returns_none(
    qtbot: QtBot, session: Session, runner: TaskRunner, stored: list[CustomerRecord]
) -> None:
    picked: list[CustomerRecord | None] = []
    dialog = CustomerPicker.pick(session.services, runner, None, picked.append)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(stored))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert picked == [None]
