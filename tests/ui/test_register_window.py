"""ERP > SALES > INVOICES / RECEIPTS on a real SQLite store: keys, delete, filters, import."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.cancel import CancelToken
from ksef_desktop.services.parameters import KsefParameters
from ksef_desktop.services.wizard import Step
from ksef_desktop.ui.common.amounts import money_text
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.editor import DocumentEditor
from ksef_desktop.ui.register import RegisterWindow
from ksef_desktop.ui.register import model as columns
from ksef_desktop.ui.register.format import STATUS_COLOURS
from ksef_desktop.ui.register.importing import JsonFiles
from ksef_desktop.ui.register.model import PAGE
from ksef_desktop.ui.register.wiring import RegisterWiring
from ksef_desktop.ui.wizard.dialog import PrintWizardDialog
from tests.helpers.desktop_chain import GOOD_NIP, Chain
from tests.helpers.register_docs import PLAN, REJECTED_REASON, Seeded, drafts, ksef_number, seed
from tests.helpers.sales_env import draft_invoice
from tests.ui.conftest import Answer

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"
NBSP = "\u00a0"


@pytest.fixture
def seeded(session: Session) -> Seeded:
    return seed(session.documents)


@pytest.fixture
def window(qtbot: QtBot, session: Session, runner: TaskRunner) -> RegisterWindow:
    return open_window(qtbot, session, runner)


def open_window(qtbot: QtBot, session: Session, runner: TaskRunner) -> RegisterWindow:
    opened = RegisterWindow(session.services, runner)
    qtbot.addWidget(opened)
    with qtbot.waitSignal(opened.refreshed):
        opened.show()
    opened.table.setFocus()
    return opened


def shown_ids(window: RegisterWindow) -> list[str]:
    return list(window.model.ids())


def select(window: RegisterWindow, doc_id: str) -> None:
    assert window.select(doc_id)
    assert window.current_id() == doc_id


def cell(window: RegisterWindow, doc_id: str, column: int, role: int = 0) -> object:
    model = window.model
    return model.data(model.index(model.row_of(doc_id), column), role)


def apply(qtbot: QtBot, window: RegisterWindow, change: Callable[[], object]) -> None:
    with qtbot.waitSignal(window.refreshed):
        change()


def test_the_model_is_a_valid_item_model(
    qtbot: QtBot, qtmodeltester: object, window: RegisterWindow, seeded: Seeded
) -> None:
    apply(qtbot, window, window.refresh)
    assert window.model.rowCount() == len(seeded.ids) == 15
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]


def test_rows_show_number_buyer_polish_money_status_and_ksef_number(
    qtbot: QtBot, window: RegisterWindow, seeded: Seeded, session: Session
) -> None:
    apply(qtbot, window, window.refresh)
    big = seeded.with_status(Status.SENT)[0]
    row = session.services.sales.register.rows([big])[0]
    assert cell(window, big, columns.NUMBER) == row.number
    assert str(cell(window, big, columns.BUYER)) == "Biuro Rachunkowe Wisła"
    assert cell(window, big, columns.NIP) == "1234563218"
    assert cell(window, big, columns.NET) == f"12{NBSP}260,00"
    assert cell(window, big, columns.GROSS) == f"13{NBSP}849,80"
    assert cell(window, big, columns.GROSS) == money_text(row.gross)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert cell(window, big, columns.GROSS, Qt.ItemDataRole.TextAlignmentRole) == right
    assert cell(window, big, columns.STATUS) == "sent to KSeF"

    accepted = seeded.with_status(Status.ACCEPTED)[0]
    issued = session.services.sales.register.rows([accepted])[0].issue_date
    assert cell(window, accepted, columns.KSEF) == ksef_number(accepted, issued)
    assert cell(window, accepted, columns.STATUS) == "accepted by KSeF"
    colour = cell(window, accepted, columns.STATUS, Qt.ItemDataRole.ForegroundRole)
    assert colour.color() == STATUS_COLOURS[Status.ACCEPTED]  # type: ignore[attr-defined]
    assert STATUS_COLOURS[Status.REJECTED] == QColor("#b00020")

    rejected = seeded.with_status(Status.REJECTED)[0]
    tip = str(cell(window, rejected, columns.STATUS, Qt.ItemDataRole.ToolTipRole))
    assert REJECTED_REASON in tip
    draft = seeded.with_status(Status.DRAFT)[0]
    assert cell(window, draft, columns.NUMBER) == "—"
    assert cell(window, draft, columns.KSEF) == "—"
    assert window.count_label.text() == "15 documents"


def test_ins_enter_and_tab_ask_for_the_editor_and_the_wizard(
    qtbot: QtBot, window: RegisterWindow, seeded: Seeded
) -> None:
    apply(qtbot, window, window.refresh)
    table = window.table
    target = seeded.with_status(Status.APPROVED)[0]
    select(window, target)
    with qtbot.waitSignal(window.new_requested) as new:
        qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert new.args == ["invoice"]
    with qtbot.waitSignal(window.open_requested) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [target]
    with qtbot.waitSignal(window.print_requested) as printed:
        qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert printed.args == [target]
    assert QApplication.focusWidget() is table  # TAB printed; it did not move the focus
    assert window.current_id() == target

    with qtbot.waitSignal(window.open_requested) as clicked:
        rect = table.visualRect(window.model.index(window.model.row_of(target), 2))
        # A real double click is a press, a release, then the double-click event.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [target]

    kind = window.filters.kind
    apply(qtbot, window, lambda: kind.setCurrentIndex(kind.findData("receipt")))
    with qtbot.waitSignal(window.new_requested) as new_receipt:
        qtbot.keyClick(window.filters.search, Qt.Key.Key_Insert)  # Ins works from the search too
    assert new_receipt.args == ["receipt"]


def test_del_deletes_a_draft_after_confirmation(
    *,
    qtbot: QtBot,
    window: RegisterWindow,
    seeded: Seeded,
    session: Session,
    answer: Answer,
) -> None:
    apply(qtbot, window, window.refresh)
    register = session.services.sales.register
    draft = seeded.with_status(Status.DRAFT)[0]
    select(window, draft)
    asked = answer(False)
    with qtbot.assertNotEmitted(window.document_deleted):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert asked == ["Delete the draft?"]
    assert register.count() == 15

    answer(True)
    with qtbot.waitSignal(window.refreshed), qtbot.waitSignal(window.document_deleted) as gone:
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert gone.args == [draft]
    assert register.count() == 14
    assert draft not in shown_ids(window)
    assert window.count_label.text() == "14 documents"
    assert window.current_id() is not None  # the selection moved to a neighbour


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Status.ACCEPTED, "correction document"),
        (Status.AWAITING, "correction document"),
        (Status.APPROVED, "print wizard"),
        (Status.REJECTED, "Reopen it"),
    ],
)
def test_del_on_a_document_past_draft_is_refused_and_changes_nothing(
    *,
    qtbot: QtBot,
    window: RegisterWindow,
    seeded: Seeded,
    session: Session,
    answer: Answer,
    status: Status,
    words: str,
) -> None:
    apply(qtbot, window, window.refresh)
    target = seeded.with_status(status)[0]
    before = session.documents.get(target)
    select(window, target)
    assert not window.findChild(QPushButton, "deleteDocument").isEnabled()
    asked = answer(True)
    with qtbot.waitSignal(window.delete_refused) as refused:
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert asked == []  # refused before any question
    doc_id, reason = refused.args
    assert doc_id == target
    assert "only a draft can be deleted" in reason
    assert words in reason
    box = window.findChild(QMessageBox, "messageBox")
    assert box is not None
    assert box.isVisible()
    assert box.text() == reason
    box.close()
    after = session.documents.get(target)
    assert after.status is before.status
    assert session.services.sales.register.count() == 15


def test_search_is_debounced_and_filters_in_sql(
    qtbot: QtBot, window: RegisterWindow, seeded: Seeded, session: Session
) -> None:
    apply(qtbot, window, window.refresh)
    search = window.filters.search
    with qtbot.waitSignal(window.refreshed, timeout=3000):
        qtbot.keyClicks(search, "Rachunkowe")  # QTest types ASCII only
        assert window.filters.search_pending  # typed, not yet applied
    rows = [window.model.register_row(r) for r in range(window.model.rowCount())]
    assert len(rows) == 2
    assert {r.buyer for r in rows if r} == {"Biuro Rachunkowe Wisła"}

    accepted = seeded.with_status(Status.ACCEPTED)[-1]
    issued = session.services.sales.register.rows([accepted])[0].issue_date
    search.clear()
    with qtbot.waitSignal(window.refreshed):
        qtbot.keyClicks(search, ksef_number(accepted, issued)[11:30])
        qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter applies at once
    assert shown_ids(window) == [accepted]
    assert QApplication.focusWidget() is window.table

    apply(qtbot, window, lambda: search.setText("7740001454"))
    assert window.model.rowCount() == sum(1 for p in PLAN if p[1] == "7740001454")
    apply(qtbot, window, lambda: search.setText("no such buyer"))
    assert window.model.rowCount() == 0
    assert window.count_label.text() == "0 documents"
    assert not window.findChild(QPushButton, "openDocument").isEnabled()


def test_kind_status_and_period_filters(
    qtbot: QtBot, window: RegisterWindow, seeded: Seeded
) -> None:
    bar = window.filters
    apply(qtbot, window, lambda: bar.kind.setCurrentIndex(bar.kind.findData("receipt")))
    receipts = [i for i in seeded.ids if seeded.kinds[i] == "receipt"]
    assert sorted(shown_ids(window)) == sorted(receipts)

    apply(qtbot, window, lambda: bar.kind.setCurrentIndex(bar.kind.findData("invoice")))
    apply(qtbot, window, lambda: bar.status.setCurrentIndex(bar.status.findData("awaiting")))
    assert sorted(shown_ids(window)) == sorted(seeded.with_status(Status.AWAITING))

    apply(qtbot, window, lambda: bar.status.setCurrentIndex(bar.status.findData("undelivered")))
    not_accepted = [
        i
        for i in seeded.ids
        if seeded.kinds[i] == "invoice" and seeded.statuses[i] is not Status.ACCEPTED
    ]
    assert sorted(shown_ids(window)) == sorted(not_accepted)

    apply(qtbot, window, lambda: bar.status.setCurrentIndex(bar.status.findData("all")))
    apply(qtbot, window, lambda: bar.set_period_range(date(2026, 10, 1), date(2026, 10, 31)))
    october = [window.model.register_row(r) for r in range(window.model.rowCount())]
    assert [r.issue_date.month for r in october if r] == [10, 10]
    assert bar.date_from.isVisible()
    # The list offers the last twelve months of the real calendar, this month first.
    today = date.today()
    assert bar.period.itemData(1) == f"{today:%Y-%m}"
    apply(qtbot, window, lambda: bar.period.setCurrentIndex(1))
    this_month = [
        p
        for p in PLAN
        if p[4] == "invoice" and (p[2].year, p[2].month) == (today.year, today.month)
    ]
    assert window.model.rowCount() == len(this_month)
    assert not bar.date_from.isVisible()


def test_refresh_keeps_the_selection_and_shows_new_documents(
    qtbot: QtBot, window: RegisterWindow, seeded: Seeded, session: Session
) -> None:
    apply(qtbot, window, window.refresh)
    target = seeded.ids[5]
    select(window, target)
    added = drafts(session.documents, 3)
    apply(qtbot, window, window.refresh)
    assert window.current_id() == target
    assert set(added) <= set(shown_ids(window))
    assert window.count_label.text() == "18 documents"


def test_a_long_register_loads_page_by_page(
    qtbot: QtBot, window: RegisterWindow, session: Session
) -> None:
    drafts(session.documents, PAGE + 40)
    apply(qtbot, window, window.refresh)
    model = window.model
    assert model.rowCount() == PAGE
    assert model.total == PAGE + 40
    assert "loaded" in window.count_label.text()
    assert model.canFetchMore()
    with qtbot.waitSignal(model.page_loaded):
        window.table.scrollToBottom()  # the view asks for the next page
    assert model.rowCount() == PAGE + 40
    assert len(set(model.ids())) == PAGE + 40
    assert not model.canFetchMore()
    # Sorting happens in SQL and keeps what was loaded.
    with qtbot.waitSignal(window.refreshed):
        window.table.sortByColumn(columns.BUYER, Qt.SortOrder.AscendingOrder)
    first = model.register_row(0)
    assert first is not None
    assert first.buyer == "Odbiorca 0000"
    assert model.rowCount() == PAGE + 40


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_of_good_and_bad_files_shows_each_files_errors(
    *,
    qtbot: QtBot,
    window: RegisterWindow,
    session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = sorted(EXAMPLES.glob("*.json"))
    example = json.loads((EXAMPLES / "invoice-vat.json").read_text(encoding="utf-8"))
    bad_nip = {**example, "id": "BAD-1", "number": "FV/BAD/1"}
    bad_nip["buyer"] = {**example["buyer"], "nip": "7740001455"}
    fine = {**example, "id": "ARR-1", "number": "FV/ARR/1"}
    bad_price = {**example, "id": "ARR-2", "number": "FV/ARR/2"}
    bad_price["lines"] = [{**example["lines"][0], "unit_price": "12,50"}]
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "X",\n "number": }', encoding="utf-8")
    chosen: list[Path] = [
        *good,
        _write(tmp_path / "bad-nip.json", bad_nip),
        _write(tmp_path / "bad-array.json", [fine, bad_price]),
        broken,
    ]

    def choose(_cls: type[JsonFiles], _parent: object, on_chosen: Callable[[list[Path]], None]):  # type: ignore[no-untyped-def]
        on_chosen(chosen)

    monkeypatch.setattr(JsonFiles, "choose", classmethod(choose))
    with qtbot.waitSignal(window.documents_imported, timeout=10_000) as done:
        qtbot.mouseClick(
            window.findChild(QPushButton, "importDocuments"), Qt.MouseButton.LeftButton
        )
    results = done.args[0]
    assert [r.ok for r in results] == [True] * len(good) + [False] * 3
    qtbot.waitUntil(lambda: window.model.rowCount() == len(good))
    imported = {doc_id for r in results for doc_id in r.ids}
    assert set(shown_ids(window)) == imported
    assert session.services.sales.register.count() == len(good)

    dialog = window.import_results
    assert dialog is not None
    assert dialog.isVisible()
    summary = dialog.summary.text()
    assert f"{len(good)} of {len(chosen)} files imported" in summary
    assert "3 files were refused" in summary
    lines = dialog.error_lines()
    fields = {(name, field) for name, field, _ in lines}
    assert ("bad-nip.json", "buyer.nip") in fields
    assert ("bad-array.json", "[1].lines[0].unit_price") in fields
    nip_message = next(m for n, f, m in lines if f == "buyer.nip")
    assert "check digit" in nip_message
    broken_messages = [m for name, _f, m in lines if name == "broken.json"]
    assert any("line 2" in m for m in broken_messages)
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # The same files again: the good ones are refused as duplicates, nothing is added.
    with qtbot.waitSignal(window.documents_imported, timeout=10_000) as again:
        qtbot.keyClick(window.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert not any(r.ok for r in again.args[0])
    assert session.services.sales.register.count() == len(good)
    assert window.import_results is not None
    window.import_results.close()


def test_a_document_sent_through_the_real_chain_shows_its_ksef_number(
    qtbot: QtBot, window: RegisterWindow, session: Session, chain: Chain
) -> None:
    services = session.services
    chain.register(services.authorization.generate(GOOD_NIP).code)
    services.parameters.save(KsefParameters(True, chain.address, GOOD_NIP))
    doc_id = services.sales.register.create_draft(draft_invoice())
    apply(qtbot, window, window.refresh)
    assert cell(window, doc_id, columns.STATUS) == "draft"
    wizard = services.sales.open_wizard(doc_id)
    while wizard.current is not Step.SEND:
        wizard.next()
    result = wizard.send(CancelToken())
    assert result.status is Status.ACCEPTED, result.message
    select(window, doc_id)
    apply(qtbot, window, window.refresh)
    assert window.current_id() == doc_id
    assert cell(window, doc_id, columns.STATUS) == "accepted by KSeF"
    assert cell(window, doc_id, columns.KSEF) == result.ksef_number
    assert cell(window, doc_id, columns.NUMBER) == "FV/2026/11/0001"
    with qtbot.waitSignal(window.delete_refused):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.findChild(QMessageBox, "messageBox").close()
    assert session.documents.get(doc_id).status is Status.ACCEPTED


def test_enter_opens_the_editor_and_tab_the_print_wizard(
    *,
    qtbot: QtBot,
    window: RegisterWindow,
    seeded: Seeded,
    session: Session,
    runner: TaskRunner,
    answer: Answer,
) -> None:
    RegisterWiring(window, session.services, runner)  # owned by the window
    wiring = window.findChild(RegisterWiring)
    assert wiring is not None
    apply(qtbot, window, window.refresh)
    draft = seeded.with_status(Status.DRAFT)[0]
    select(window, draft)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    editor = window.findChild(DocumentEditor)
    assert editor is not None
    assert editor.isVisible()
    answer(True)  # closing may ask to discard: yes
    editor.close()
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    wizard = window.findChild(PrintWizardDialog)
    assert wizard is not None
    assert wizard.doc_id == draft
    wizard.close()
    qtbot.waitUntil(lambda: runner.active == 0)


def test_esc_clears_the_search_then_closes_the_window(
    qtbot: QtBot, window: RegisterWindow, seeded: Seeded
) -> None:
    search = window.filters.search
    search.setFocus()
    apply(qtbot, window, lambda: qtbot.keyClicks(search, "Nowak"))
    assert window.model.rowCount() == 2
    with qtbot.waitSignal(window.refreshed):
        qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.model.rowCount() == len(seeded.ids)
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_a_rejected_document_can_be_reopened_as_a_draft(
    *,
    qtbot: QtBot,
    window: RegisterWindow,
    seeded: Seeded,
    session: Session,
    answer: Answer,
) -> None:
    apply(qtbot, window, window.refresh)
    rejected = seeded.with_status(Status.REJECTED)[0]
    accepted = seeded.with_status(Status.ACCEPTED)[0]
    reopen = window.findChild(QPushButton, "reopenDocument")
    select(window, accepted)
    assert not reopen.isEnabled()
    asked = answer(True)
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == []  # nothing to reopen
    select(window, rejected)
    assert reopen.isEnabled()
    number = cell(window, rejected, columns.NUMBER)
    with qtbot.waitSignal(window.refreshed), qtbot.waitSignal(window.document_reopened):
        qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Reopen for editing?"]
    assert session.documents.get(rejected).status is Status.DRAFT
    assert window.current_id() == rejected
    assert cell(window, rejected, columns.STATUS) == "draft"
    assert cell(window, rejected, columns.NUMBER) == number  # it keeps its number
    assert window.findChild(QPushButton, "deleteDocument").isEnabled()
