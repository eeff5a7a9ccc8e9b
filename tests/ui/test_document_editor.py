"""The sales document editor over a real desktop store (SQLite in tmp_path)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.customers import CustomerInput, CustomerRecord
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.customers import CustomerPicker
from ksef_desktop.ui.editor import DocumentEditor
from ksef_desktop.ui.editor.lines_model import NAME, PRICE, QUANTITY, RATE
from tests.helpers import factories
from tests.ui.conftest import Answer

KSEF_NUMBER = "5261040828-20261102-0123456789AB-5C"
SHOTS = os.environ.get("KSEF_SHOTS")
Opener = Callable[..., DocumentEditor]


@pytest.fixture
def open_editor(qtbot: QtBot, session: Session, runner: TaskRunner) -> Iterator[Opener]:
    opened: list[DocumentEditor] = []

    def open_(doc_id: str | None = None) -> DocumentEditor:
        editor = DocumentEditor(session.services, runner, doc_id)
        opened.append(editor)
        with qtbot.waitSignal(editor.loaded, timeout=10_000):
            editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        return editor

    yield open_
    for editor in opened:
        editor._saved_snapshot = editor.snapshot()  # tear down without asking
        editor.close()
        editor.deleteLater()


def accepted_invoice(session: Session) -> str:
    """The factories' invoice, numbered FV/2026/11/0001, as KSeF accepted it."""
    doc_id = session.services.sales.register.create_draft(factories.invoice())
    session.documents.transition(
        doc_id,
        Lifecycle(),
        [Event.VALIDATE, Event.APPROVE, Event.SEND, Event.ACCEPT],
        {"ksef_number": KSEF_NUMBER},
    )
    return doc_id


def keys(text: str) -> None:
    """Type into whatever has the keyboard focus, as a person would."""
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def type_row(name: str, quantity: str, unit: str, price: str, rate: str) -> None:
    """One line typed from its name cell: Tab moves on, typing replaces the cell."""
    for text in (name, quantity, unit, price):
        keys(text)
        press(Qt.Key.Key_Tab)
    keys(rate)  # the rate combo jumps to the first rate starting with this
    press(Qt.Key.Key_Tab)


def table_texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def set_cell(editor: DocumentEditor, row: int, column: int, value: str) -> None:
    model = editor.model
    assert model.setData(model.index(row, column), value)


def test_new_invoice_typed_by_keyboard_is_saved_with_its_totals(
    qtbot: QtBot, session: Session, open_editor: Opener
) -> None:
    editor = open_editor()
    assert QApplication.focusWidget() is editor.buyer.nip
    assert not editor.save_button.isEnabled()  # nothing typed yet
    keys(factories.BUYER_NIP)
    assert editor.buyer.status.property("valid") is True
    editor.buyer.name.setFocus()
    keys("Hurtownia Budowlana Kowalski S.A.")
    editor.buyer.line1.setFocus()
    keys("ul. Dluga 7")

    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, NAME))
    type_row("Cement", "10", "kg", "100", "8")
    press(Qt.Key.Key_Insert)
    type_row("Transport", "2", "h", "250,50", "23")

    rows = editor.model.rows
    assert [(r.name, r.quantity, r.unit, r.price, r.rate) for r in rows] == [
        ("Cement", "10", "kg", "100", VatRate.R8),
        ("Transport", "2", "h", "250,50", VatRate.R23),
    ]
    assert editor.totals.gross.text() == "1\u00a0696,23 PLN"
    assert editor.save_button.isEnabled()

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    register = session.services.sales.register
    [row] = register.rows(register.ids())
    assert row.id == saved.args[0] == editor.doc_id
    assert (row.status, row.buyer, row.buyer_nip) == (
        Status.DRAFT,
        "Hurtownia Budowlana Kowalski S.A.",
        factories.BUYER_NIP,
    )
    assert (row.net, row.vat, row.gross) == (
        Decimal("1501.00"),
        Decimal("195.23"),  # 80.00 at 8 % + 115.23 at 23 %
        Decimal("1696.23"),
    )
    assert not editor.save_button.isEnabled()  # saved: unchanged again
    stored = register.get(row.id).content()
    assert [(ln.name, ln.net_value) for ln in stored.lines] == [
        ("Cement", Decimal("1000.00")),
        ("Transport", Decimal("501.00")),
    ]


def test_invalid_nip_is_flagged_and_save_refuses(
    qtbot: QtBot, session: Session, open_editor: Opener
) -> None:
    editor = open_editor()
    keys("7740001455")  # the last digit is wrong
    assert editor.buyer.status.property("valid") is False
    assert "check digit" in editor.buyer.status.text()
    editor.buyer.name.setFocus()
    keys("Kowalski")
    set_cell(editor, 0, NAME, "Cement")
    set_cell(editor, 0, PRICE, "10")
    with qtbot.waitSignal(editor.save_refused) as refused:
        editor.save_button.click()
    assert "check digit" in refused.args[0]
    assert "check digit" in editor.message.text()
    assert QApplication.focusWidget() is editor.buyer.nip
    assert session.services.sales.register.count() == 0

    editor.buyer.nip.setFocus()
    editor.buyer.nip.selectAll()
    keys(factories.BUYER_NIP)
    assert editor.buyer.status.property("valid") is True


def test_wrong_quantity_is_shown_inline_and_blocks_saving(
    qtbot: QtBot, open_editor: Opener
) -> None:
    editor = open_editor()
    keys(factories.BUYER_NIP)
    editor.buyer.name.setFocus()
    keys("Kowalski")
    set_cell(editor, 0, NAME, "Cement")
    set_cell(editor, 0, PRICE, "10")
    set_cell(editor, 0, QUANTITY, "dwa")
    index = editor.model.index(0, QUANTITY)
    assert "not a number" in editor.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert editor.lines_message.text().startswith("Line 1:")
    with qtbot.waitSignal(editor.save_refused):
        editor.save_button.click()
    set_cell(editor, 0, QUANTITY, "-1")
    assert "greater than zero" in editor.lines_message.text()
    set_cell(editor, 0, QUANTITY, "2")
    assert editor.lines_message.text() == ""


def test_totals_per_rate_follow_quantity_price_and_rate(
    qtbot: QtBot, qtmodeltester: object, open_editor: Opener
) -> None:
    editor = open_editor()
    model = editor.model
    for row, (name, qty, price, rate) in enumerate(
        (("A", "2", "100", "23"), ("B", "1", "50", "8"), ("C", "3", "10", "5"))
    ):
        if row:
            model.insert_line(row)
        for column, value in ((NAME, name), (QUANTITY, qty), (PRICE, price), (RATE, rate)):
            set_cell(editor, row, column, value)
    table = editor.totals.table
    assert table_texts(table) == [
        ["23%", "200,00", "46,00", "246,00"],
        ["8%", "50,00", "4,00", "54,00"],
        ["5%", "30,00", "1,50", "31,50"],
    ]
    set_cell(editor, 0, QUANTITY, "3")  # A: 300.00 at 23 %
    set_cell(editor, 2, PRICE, "12.5")  # C: 37.50 at 5 %
    assert table_texts(table)[0] == ["23%", "300,00", "69,00", "369,00"]
    assert table_texts(table)[2] == ["5%", "37,50", "1,88", "39,38"]
    set_cell(editor, 2, RATE, "23")  # C joins A: VAT on the rate's sum, rounded once
    assert table_texts(table) == [
        ["23%", "337,50", "77,63", "415,13"],
        ["8%", "50,00", "4,00", "54,00"],
    ]
    assert editor.totals.net.text() == "387,50 PLN"
    assert editor.totals.vat.text() == "81,63 PLN"
    assert editor.totals.gross.text() == "469,13 PLN"

    editor.header.pricing.setCurrentIndex(1)  # the same prices read as gross
    assert model.headerData(PRICE, Qt.Orientation.Horizontal) == "Gross price"
    assert table_texts(table)[1] == ["8%", "46,30", "3,70", "50,00"]
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_lines_keyboard_insert_delete_move_and_undo(qtbot: QtBot, open_editor: Opener) -> None:
    editor = open_editor()
    set_cell(editor, 0, NAME, "first")
    editor.table.setFocus()
    editor.table.setCurrentIndex(editor.model.index(0, NAME))
    press(Qt.Key.Key_Insert)
    keys("second")
    press(Qt.Key.Key_Return)  # the delegate commits on its next event-loop turn
    qtbot.waitUntil(lambda: [r.name for r in editor.model.rows] == ["first", "second"])
    press(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in editor.model.rows] == ["second", "first"]
    assert editor.table.currentIndex().row() == 0
    press(Qt.Key.Key_Delete)
    assert [r.name for r in editor.model.rows] == ["first"]
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.name for r in editor.model.rows] == ["second", "first"]
    editor.undo_button.click()  # the move
    editor.undo_button.click()  # the name typed
    assert [r.name for r in editor.model.rows] == ["first", ""]


def test_correction_shows_values_before_and_after(
    qtbot: QtBot, session: Session, open_editor: Opener
) -> None:
    original = accepted_invoice(session)
    editor = open_editor()
    editor.header.kind.setCurrentIndex(editor.header.kind.findData(DocumentKind.KOR.value))
    assert editor.correction.isVisible()
    picker = editor.correction.corrected
    assert picker.findData(original) == 1
    assert "FV/2026/11/0001" in picker.itemText(1)
    picker.setFocus()
    with qtbot.waitSignal(editor.correction.edited, timeout=10_000):
        press(Qt.Key.Key_Down)  # picks the only accepted invoice
    qtbot.waitUntil(lambda: editor.model.rowCount() == 2)
    assert editor.buyer.name.text() == factories.buyer().name

    set_cell(editor, 0, PRICE, "90.00")  # was 101.50 at 23 %
    lines = table_texts(editor.correction.lines)
    assert lines[0] == ["1. Towar 1", "1 × 101,50 = 101,50", "1 × 90,00 = 90,00", "-11,50"]
    assert lines[1][3] == "+0,00"
    assert table_texts(editor.correction.totals) == [
        ["Before", "306,50", "39,75", "346,25"],
        ["After", "295,00", "37,10", "332,10"],
        ["Difference", "-11,50", "-2,65", "-14,15"],
    ]
    assert editor.totals.gross.text() == "-14,15 PLN"

    editor.correction.reason.setFocus()
    keys("rabat")
    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_button.click()
    register = session.services.sales.register
    stored = register.get(saved.args[0]).content()
    assert stored.kind is DocumentKind.KOR
    assert stored.seller == factories.seller()  # taken over from the corrected invoice
    assert stored.correction is not None
    assert stored.correction.reason == "rabat"
    ref = stored.correction.corrected[0]
    assert (ref.number, ref.ksef_number) == ("FV/2026/11/0001", KSEF_NUMBER)
    assert [ln.before for ln in stored.lines] == [True, True, False, False]
    assert register.rows([saved.args[0]])[0].gross == Decimal("-14.15")


def test_correction_without_corrected_invoice_is_refused(
    qtbot: QtBot, open_editor: Opener
) -> None:
    editor = open_editor()
    editor.buyer.nip.setText(factories.BUYER_NIP)
    editor.buyer.name.setText("Kowalski")
    set_cell(editor, 0, NAME, "Cement")
    set_cell(editor, 0, PRICE, "10")
    editor.header.kind.setCurrentIndex(editor.header.kind.findData(DocumentKind.KOR.value))
    with qtbot.waitSignal(editor.save_refused) as refused:
        editor.save_button.click()
    assert "corrects" in refused.args[0]


def test_accepted_document_opens_read_only(
    qtbot: QtBot, session: Session, open_editor: Opener
) -> None:
    editor = open_editor(accepted_invoice(session))
    assert editor.banner.isVisible()
    assert "accepted by KSeF" in editor.banner.text()
    assert "correction" in editor.banner.text()
    assert not editor.save_button.isVisible()
    assert editor.buyer.nip.isReadOnly()
    assert editor.header.number.text() == "FV/2026/11/0001"
    index = editor.model.index(0, NAME)
    assert not editor.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    editor.table.setFocus()
    editor.table.setCurrentIndex(index)
    press(Qt.Key.Key_Delete)
    press(Qt.Key.Key_Insert)
    assert editor.model.rowCount() == 2
    assert not editor.dirty


def test_unsaved_changes_ask_before_closing(
    qtbot: QtBot,
    session: Session,
    open_editor: Opener,
    answer: Answer,
) -> None:
    draft = replace(factories.invoice(), number=None, generated_at=None)
    doc_id = session.services.sales.register.create_draft(draft)
    editor = open_editor(doc_id)
    assert editor.header.number.text().startswith("assigned at approval")
    assert not editor.save_button.isEnabled()
    editor.header.place.setText("Kraków")
    assert editor.save_button.isEnabled()

    asked = answer(False)
    press(Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"]
    assert editor.isVisible()

    editor.header.place.setText("Warszawa")  # back as saved: nothing to ask about
    assert not editor.save_button.isEnabled()
    editor.header.place.setText("Kraków")
    asked = answer(True)
    editor.close()
    assert asked == ["Discard changes?", "Discard changes?"]
    assert not editor.isVisible()
    stored = session.services.sales.register.get(doc_id).content()
    assert stored.place_of_issue == "Warszawa"


def test_pick_button_takes_the_buyer_from_the_customer_picker(
    qtbot: QtBot, session: Session, open_editor: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = session.services.sales.customers.save(
        CustomerInput("Hurtownia Kowalski", "ul. Długa 7", nip=factories.BUYER_NIP)
    )
    asked: list[object] = []

    def pick(
        _cls: type[CustomerPicker],
        _services: object,
        _runner: object,
        parent: QWidget | None,
        on_picked: Callable[[CustomerRecord | None], None],
    ) -> QWidget:
        asked.append(parent)
        on_picked(None)  # cancelled first: nothing changes
        assert editor.buyer.name.text() == ""
        on_picked(record)
        return QWidget(parent)

    monkeypatch.setattr(CustomerPicker, "pick", classmethod(pick))
    editor = open_editor()
    editor.buyer.pick.click()
    assert asked == [editor]
    assert editor.buyer.name.text() == "Hurtownia Kowalski"
    assert editor.buyer.nip.text() == factories.BUYER_NIP
    assert editor.buyer.status.property("valid") is True
    assert "customer list" in editor.message.text()


def test_known_nip_fills_the_buyer(qtbot: QtBot, session: Session, open_editor: Opener) -> None:
    session.services.sales.customers.save(
        CustomerInput("Hurtownia Kowalski", "ul. Długa 7", nip=factories.BUYER_NIP)
    )
    editor = open_editor()
    keys(factories.BUYER_NIP)
    qtbot.waitUntil(lambda: editor.buyer.name.text() == "Hurtownia Kowalski")
    assert editor.buyer.line1.text() == "ul. Długa 7"


def test_eu_and_foreign_buyers_are_checked_as_the_domain_allows(
    qtbot: QtBot, open_editor: Opener
) -> None:
    editor = open_editor()
    buyer = editor.buyer
    buyer.id_kind.setCurrentIndex(buyer.id_kind.findData("eu_vat"))
    assert buyer.id_country.isVisible()
    keys("DE123456789")  # the prefix may be typed with the number
    assert buyer.status.property("valid") is True
    buyer.nip.setText("XX123")
    assert buyer.status.property("valid") is False
    assert "EU VAT country prefix" in buyer.status.text()
    buyer.id_kind.setCurrentIndex(buyer.id_kind.findData("none"))
    assert buyer.status.property("valid") is True
    assert not buyer.nip.isEnabled()
    buyer.id_kind.setCurrentIndex(buyer.id_kind.findData("foreign"))
    buyer.id_country.setText("US")
    buyer.nip.setText("98-7654321")
    buyer.name.setText("ACME Inc.")
    party = buyer.party()
    assert (party.tax_id.kind.value, party.tax_id.country, party.tax_id.value) == (
        "foreign",
        "US",
        "98-7654321",
    )


ADVANCE_KSEF = "5261040828-20261102-0123456789AB-CA"


def test_a_settlement_invoice_names_the_advance_invoices_it_settles(
    qtbot: QtBot, session: Session, open_editor: Opener
) -> None:
    editor = open_editor()
    assert not editor.advances_box.isVisible()  # a VAT invoice settles nothing
    editor.buyer.nip.setText(factories.BUYER_NIP)
    editor.buyer.name.setText("Kowalski")
    set_cell(editor, 0, NAME, "Dostawa regałów - rozliczenie")
    set_cell(editor, 0, PRICE, "5000")
    editor.header.kind.setCurrentIndex(editor.header.kind.findData(DocumentKind.ROZ.value))
    assert editor.advances_box.isVisible()
    with qtbot.waitSignal(editor.save_refused) as refused:
        editor.save_button.click()
    assert "advance invoices it settles" in refused.args[0]
    assert QApplication.focusWidget() is editor.advances.entry

    keys("5261040828-20261102-0123456789AB-5C")  # a wrong check character
    press(Qt.Key.Key_Return)
    assert "not a valid KSeF number" in editor.advances.message.text()
    assert editor.advances.refs() == ()
    editor.advances.entry.selectAll()
    keys(ADVANCE_KSEF.lower())
    press(Qt.Key.Key_Return)
    editor.advances.outside.setChecked(True)
    editor.advances.entry.setFocus()
    keys("FZ/7/2026")
    press(Qt.Key.Key_Return)
    keys("FZ/8/2026")
    press(Qt.Key.Key_Return)
    assert editor.advances.message.text() == ""
    assert editor.message.text() == ""  # the refusal no longer applies
    assert editor.advances.list.count() == 3
    editor.advances.list.setFocus()  # the last one added is the current one
    press(Qt.Key.Key_Delete)
    assert [editor.advances.list.item(i).text() for i in range(2)] == [
        f"KSeF number {ADVANCE_KSEF}",
        "FZ/7/2026 (issued outside KSeF)",
    ]
    if SHOTS:
        editor.grab().save(str(Path(SHOTS) / "editor-settlement.png"))

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_button.click()
    stored = session.services.sales.register.get(saved.args[0]).content()
    assert stored.kind is DocumentKind.ROZ
    assert [(a.ksef_number, a.number) for a in stored.advance_invoices] == [
        (ADVANCE_KSEF, None),
        (None, "FZ/7/2026"),
    ]
    editor.header.kind.setCurrentIndex(editor.header.kind.findData(DocumentKind.VAT.value))
    assert not editor.advances_box.isVisible()
    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_button.click()  # a VAT invoice names no advance invoices
    assert session.services.sales.register.get(saved.args[0]).content().advance_invoices == ()
