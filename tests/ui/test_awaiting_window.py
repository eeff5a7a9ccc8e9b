"""ERP > KSEF > AWAITING DOCUMENTS against a real ksef-ws + ksef-sim; only time is controlled."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolButton
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session
from ksef_desktop.contract.api import DocumentState
from ksef_desktop.domain.errors import TransportError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.connection import ConnectionService, default_client_factory
from ksef_desktop.services.delivery import DeliveryReport
from ksef_desktop.storage.documents import DocumentRepository, DocumentRow
from ksef_desktop.storage.outbox_query import AwaitingFilter, ReasonKind, SortKey
from ksef_desktop.storage.outbox_records import Held, OutboxEntry, Reason
from ksef_desktop.ui.awaiting.actions import FileDialogs, UpoDialog
from ksef_desktop.ui.awaiting.autoretry import RetryDriver
from ksef_desktop.ui.awaiting.model import REASON_COLUMN, StaleSelectionError
from ksef_desktop.ui.awaiting.window import AwaitingWindow
from ksef_desktop.ui.common.tasks import TaskRunner
from tests.helpers.awaiting_env import Desk, make_desk
from tests.helpers.desktop_chain import Chain, closed_port_url
from tests.helpers.ws_env import erp_data, erp_doc, number_clash
from tests.ui.conftest import Answer

DOWN = TransportError("No web service answers.", code="ws-unreachable")
ATTEMPTS, LAST_ATTEMPT = 6, 7


@pytest.fixture
def desk(tmp_path: Path, chain: Chain) -> Iterator[Desk]:
    made = make_desk(tmp_path / "desk", chain.address)
    chain.register(made.code())
    yield made
    made.db.close()


OpenWindow = Callable[..., AwaitingWindow]


@pytest.fixture
def open_window(
    qtbot: QtBot, session: Session, runner: TaskRunner, desk: Desk
) -> Iterator[OpenWindow]:
    drivers: list[RetryDriver] = []

    def make(task_runner: TaskRunner = runner, max_wait_ms: int = 100) -> AwaitingWindow:
        services = dataclasses.replace(session.services, awaiting=desk.service)
        driver = RetryDriver(desk.scheduler, task_runner, desk.clock, max_wait_ms=max_wait_ms)
        drivers.append(driver)
        window = AwaitingWindow(services, task_runner, driver=driver, debounce_ms=20)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.model.loading)
        return window

    yield make
    for driver in drivers:
        driver.stop()
        driver.deleteLater()


def _cell(window: AwaitingWindow, row: int, column: int, role: int = 0) -> object:
    model = window.model
    index = model.index(row, column)
    return model.data(index, Qt.ItemDataRole(role) if role else Qt.ItemDataRole.DisplayRole)


def _row_of(window: AwaitingWindow, document_id: str) -> int:
    row = window.model.row_of(document_id)
    assert row is not None, f"{document_id} is not listed"
    return row


def _select(qtbot: QtBot, window: AwaitingWindow, *document_ids: str) -> None:
    window.table.clearSelection()
    for doc_id in document_ids:
        row = _row_of(window, doc_id)
        window.table.selectionModel().select(
            window.model.index(row, 0),
            window.table.selectionModel().SelectionFlag.Select
            | window.table.selectionModel().SelectionFlag.Rows,
        )
    qtbot.waitUntil(lambda: window.model.record(_row_of(window, document_ids[0])) is not None)
    window._update_actions()


def _button(window: AwaitingWindow, name: str) -> QToolButton:
    button = window.findChild(QToolButton, name)
    assert button is not None, name
    return button


def _click(qtbot: QtBot, window: AwaitingWindow, name: str) -> DeliveryReport:
    button = _button(window, name)
    assert button.isEnabled(), f"{name} is disabled"
    with qtbot.waitSignal(window.resend_finished, timeout=30_000) as finished:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert isinstance(report, DeliveryReport)
    return report


def _refreshed(qtbot: QtBot, window: AwaitingWindow) -> None:
    """Wait until the list shows the store as it is now."""
    with qtbot.waitSignal(window.list_refreshed, timeout=10_000):
        window.refresh()


def test_the_model_passes_the_model_tester(
    qtmodeltester: object, desk: Desk, open_window: OpenWindow, qtbot: QtBot
) -> None:
    for i in range(7):
        desk.service.hold(erp_doc(100 + i), error=DOWN)
    window = open_window()
    assert window.model.rowCount() == 7
    qtbot.waitUntil(lambda: window.model.record(6) is not None)
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    assert window.model.rowCount(window.model.index(0, 0)) == 0
    assert window.model.data(QModelIndex()) is None


def test_resend_delivers_and_the_document_leaves_the_list(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow, answer: Answer
) -> None:
    asked = answer(True)
    doc = erp_doc(200)
    DocumentRepository(desk.db).upsert(
        DocumentRow(
            doc.id, "invoice", doc.number, doc.issue_date, doc.buyer.name,
            Decimal("1.00"), Status.APPROVED, datetime.now(UTC),
        )
    )  # fmt: skip
    desk.service.hold(doc, error=DOWN)  # next retry in 30 s of a clock that stands still
    window = open_window()
    counts: list[int] = []
    window.count_changed.connect(counts.append)
    _select(qtbot, window, doc.id)
    report = _click(qtbot, window, "resendSelected")
    assert report.requested == 1
    assert report.pending + report.accepted == 1
    # KSeF confirms in the background: resending asks the WS for the status (one call).
    while window.model.rowCount():
        desk.clock.advance(10)
        _click(qtbot, window, "resendAll")
        _refreshed(qtbot, window)
    assert asked
    assert desk.service.total() == 0
    assert counts[-1] == 0
    assert window.count_label.text().startswith("0")
    [row] = desk.db.query("SELECT state, ksef_number FROM documents WHERE id = ?", (doc.id,))
    assert row["state"] == Status.ACCEPTED.value
    assert row["ksef_number"]


def test_with_the_ws_down_the_document_stays_with_the_transport_error(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow
) -> None:
    doc = erp_doc(300)
    desk.service.hold(doc, error=DOWN)
    desk.point_at(closed_port_url())
    window = open_window()
    row = _row_of(window, doc.id)
    before = int(str(_cell(window, row, ATTEMPTS)))
    _select(qtbot, window, doc.id)
    window.table.setFocus()
    with qtbot.waitSignal(window.resend_finished, timeout=30_000) as finished:
        qtbot.keyClick(window.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    report = finished.args[0]
    assert report.ws_unreachable
    qtbot.waitUntil(lambda: _cell(window, _row_of(window, doc.id), ATTEMPTS) == str(before + 1))
    row = _row_of(window, doc.id)
    assert "could not be reached" in str(_cell(window, row, REASON_COLUMN))
    tooltip = str(_cell(window, row, REASON_COLUMN, Qt.ItemDataRole.ToolTipRole))
    assert "Transport error" in tooltip
    assert _cell(window, row, LAST_ATTEMPT) != "—"
    assert "not delivered" in window.summary.text()
    # The selection survived the refresh, and automatic retries wait for the WS.
    assert window.selected_ids() == [doc.id]
    qtbot.waitUntil(window.banner.isVisible)
    assert not _button(window, "reopen").isEnabled()


def _settle(desk: Desk, ids: list[str]) -> None:
    """Refresh through the service until KSeF answered (test set-up, not the window)."""
    for _ in range(300):
        desk.service.resend(ids)
        rows = desk.service.rows(ids)
        if not [r for r in rows if r.reason.kind is ReasonKind.PENDING]:
            return
        threading.Event().wait(0.05)
    raise AssertionError("KSeF did not answer")


def test_a_ksef_rejection_shows_its_code_and_may_be_reopened(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow, answer: Answer
) -> None:
    asked = answer(True)
    first, clash = number_clash(400)  # KSeF refuses the second: same number
    waiting = erp_doc(402)
    desk.service.hold(first)
    _settle(desk, [first.id])
    desk.service.hold(clash, error=DOWN)
    desk.service.hold(waiting, error=DOWN)
    window = open_window()
    _select(qtbot, window, clash.id)
    _click(qtbot, window, "resendSelected")
    _settle(desk, [clash.id])
    _refreshed(qtbot, window)
    row = _row_of(window, clash.id)
    qtbot.waitUntil(lambda: window.model.record(row) is not None)
    assert _cell(window, row, 4) == Status.REJECTED.label
    assert "KSeF rejected the document" in str(_cell(window, row, REASON_COLUMN))
    tooltip = str(_cell(window, row, REASON_COLUMN, Qt.ItemDataRole.ToolTipRole))
    assert "KSeF code 440" in tooltip
    assert "correcting" in str(_cell(window, row, 8))
    window.structure_requested.disconnect(window.open_structure)  # as the lead may
    with qtbot.waitSignal(window.structure_requested) as requested:
        qtbot.mouseClick(_button(window, "showStructure"), Qt.MouseButton.LeftButton)
    assert requested.args == [clash.id]
    _select(qtbot, window, waiting.id)
    assert not _button(window, "reopen").isEnabled()  # only rejected documents
    _select(qtbot, window, clash.id)
    assert _button(window, "reopen").isEnabled()
    with qtbot.waitSignal(window.document_reopened, timeout=10_000) as reopened:
        window.actions_by_name["reopen"].trigger()
    assert reopened.args[0].number == first.number
    assert asked == ["Reopen for editing?"]
    qtbot.waitUntil(lambda: window.model.row_of(clash.id) is None)
    assert window.model.rowCount() == 1


def test_automatic_retry_pauses_while_the_ws_is_down_and_resumes(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow, chain: Chain
) -> None:
    desk.point_at(closed_port_url())
    doc = erp_doc(500)
    desk.service.hold(doc)  # never tried: due now
    window = open_window(max_wait_ms=50)
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert window.driver.paused
    qtbot.waitUntil(lambda: "next check of the web service" in window.next_retry.text())
    qtbot.waitUntil(lambda: desk.service.rows([doc.id])[0].attempts == 1)
    # Paused: probes only, attempts stay put however much time passes.
    desk.clock.advance(600)
    with qtbot.waitSignal(window.driver.ticked, check_params_cb=lambda r: r.paused):
        pass
    assert desk.service.rows([doc.id])[0].attempts == 1
    desk.point_at(chain.address)  # the WS is back: the next probe resumes by itself

    def delivered() -> bool:
        desk.clock.advance(20)
        return window.model.rowCount() == 0 and not window.model.loading

    qtbot.waitUntil(delivered, timeout=30_000)
    assert not window.banner.isVisible()
    assert not window.driver.paused
    assert desk.service.total() == 0


def test_ws_lost_and_back_from_the_status_bar_pause_and_resume(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow
) -> None:
    window = open_window()
    with qtbot.waitSignal(window.driver.paused_changed) as paused:
        window.ws_lost()
    assert paused.args == [True]
    assert window.banner.isVisible()
    with qtbot.waitSignal(window.driver.paused_changed) as resumed:
        window.ws_back()
    assert resumed.args == [False]
    assert not window.banner.isVisible()


def _shows(qtbot: QtBot, window: AwaitingWindow, count: int) -> None:
    """Wait until the list shows what the filter bar asks for (after the debounce)."""

    def applied() -> bool:
        model = window.model
        return model.filter == window.filters.current() and not model.loading

    qtbot.waitUntil(applied)
    assert window.model.rowCount() == count


def test_filters_run_in_sql_and_the_count_follows(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow
) -> None:
    for i in range(6):
        desk.service.hold(erp_doc(600 + i), error=DOWN)
    special = erp_data(610)
    special["buyer"]["name"] = "Łódzkie Zakłady Ślusarskie"
    desk.service.hold(type(erp_doc(1)).model_validate(special), error=DOWN)
    window = open_window()
    assert window.model.rowCount() == 7
    assert "7" in window.count_label.text()
    window.filters.buyer.setText("ŁÓDZKIE")
    _shows(qtbot, window, 1)
    assert window.count_label.text().replace("\u00a0", " ") == "1 of 7 awaiting"
    window.filters.clear()
    window.filters.text.setText("FV/00603")
    _shows(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.model.record(0) is not None)
    assert _cell(window, 0, 0) == "FV/00603"
    window.filters.clear()
    window.filters.choose(kind=ReasonKind.DATA)
    _shows(qtbot, window, 0)
    assert not _button(window, "resendAll").isEnabled()
    window.filters.choose(state=Status.AWAITING, kind=ReasonKind.TRANSIENT)
    _shows(qtbot, window, 7)
    window.filters.choose(state=Status.REJECTED)
    _shows(qtbot, window, 0)
    window.filters.clear()
    _shows(qtbot, window, 7)
    # Sorting is SQL's too: number descending puts FV/00610 first.
    with qtbot.waitSignal(window.list_refreshed):
        window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: window.model.record(0) is not None)
    assert _cell(window, 0, 0) == "FV/00610"


def test_resend_all_can_be_cancelled(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow, answer: Answer, qapp: QApplication
) -> None:
    answer(True)
    one_thread = TaskRunner(max_threads=1)
    ids = [erp_doc(700 + i).id for i in range(4)]
    for i in range(4):
        desk.service.hold(erp_doc(700 + i), error=DOWN)
    window = open_window(one_thread, max_wait_ms=60_000)
    before = [r.attempts for r in desk.service.rows(ids)]
    release = threading.Event()

    def hold_the_thread(_cancel: CancelToken, _progress: Progress) -> None:
        release.wait(10)

    one_thread.run("hold the only worker", hold_the_thread)
    qtbot.mouseClick(_button(window, "resendAll"), Qt.MouseButton.LeftButton)
    assert window.busy
    assert window.cancel_button.isVisible()
    assert not _button(window, "resendSelected").isEnabled()
    with qtbot.waitSignal(window.resend_finished, timeout=10_000) as finished:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    report = finished.args[0]
    assert report.cancelled
    assert report.skipped == 4
    assert "Cancelled" in window.summary.text()
    assert [r.attempts for r in desk.service.rows(ids)] == before  # nothing was sent
    assert not window.busy
    assert not window.cancel_button.isVisible()
    window.close()
    assert one_thread.shutdown(wait_ms=10_000)
    qapp.processEvents()
    one_thread.deleteLater()


def test_show_upo_of_a_document_ksef_accepted_meanwhile(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    doc = erp_doc(800)
    desk.service.hold(doc, error=DOWN)
    window = open_window()
    _select(qtbot, window, doc.id)
    _click(qtbot, window, "resendSelected")  # the WS has it now; KSeF answers it alone
    ws = ConnectionService(desk.authorization, default_client_factory(timeout=5.0))

    def accepted_at_ws() -> bool:
        with ws.client(desk.address[0]) as client:
            return client.statuses([doc.id])[0].state is DocumentState.ACCEPTED

    qtbot.waitUntil(accepted_at_ws, timeout=30_000)
    assert window.model.row_of(doc.id) is not None  # the desktop has not heard yet
    _select(qtbot, window, doc.id)
    saved = tmp_path / "upo.xml"
    monkeypatch.setattr(FileDialogs, "upo_path", classmethod(lambda _cls, _parent, _name: saved))
    qtbot.mouseClick(_button(window, "showUpo"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(UpoDialog, "upoDialog") is not None, timeout=10_000)
    dialog = window.findChild(UpoDialog, "upoDialog")
    assert dialog is not None
    assert doc.number in dialog.view.toPlainText()
    with qtbot.waitSignal(window.upo_saved):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert saved.read_bytes() == dialog.xml
    dialog.close()
    # Asking for the UPO taught the desktop the acceptance: the document leaves the list.
    qtbot.waitUntil(lambda: window.model.row_of(doc.id) is None, timeout=10_000)


def test_export_xml_writes_one_file_per_selected_document(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    docs = [erp_doc(900 + i) for i in range(3)]
    for doc in docs:
        desk.service.hold(doc, error=DOWN)
    window = open_window()
    _select(qtbot, window, docs[0].id, docs[2].id)
    target = tmp_path / "export"
    monkeypatch.setattr(FileDialogs, "export_directory", classmethod(lambda _c, _p: target))
    with qtbot.waitSignal(window.export_finished, timeout=20_000) as finished:
        qtbot.mouseClick(_button(window, "exportXml"), Qt.MouseButton.LeftButton)
    written = sorted(p.name for p in finished.args[0])
    assert written == ["FV_00900.xml", "FV_00902.xml"]
    assert f"<P_2>{docs[2].number}</P_2>".encode() in (target / "FV_00902.xml").read_bytes()
    assert "Exported 2" in window.summary.text()


def test_show_structure_opens_the_viewer_with_ksef_messages_linked(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow
) -> None:
    doc = erp_doc(1000)
    desk.service.hold(doc, error=DOWN)
    window = open_window()
    _select(qtbot, window, doc.id)
    with qtbot.waitSignal(window.structure_opened, timeout=10_000) as opened:
        qtbot.keyClick(window.table, Qt.Key.Key_F3)
    viewer = opened.args[0]
    qtbot.waitUntil(lambda: viewer.structure is not None, timeout=20_000)
    assert viewer.structure.nodes
    assert doc.number in viewer.windowTitle()
    viewer.close()


def _seed(desk: Desk, count: int) -> list[str]:
    """``count`` held documents in one transaction (listing facts only; never sent here)."""
    payload = erp_doc(1).model_dump_json()
    reason = Reason(ReasonKind.TRANSIENT, "ws-unreachable", "No web service answers.")
    now = desk.clock.now()
    items = [
        Held(
            OutboxEntry(
                f"SEED-{i:05d}", f"FV/S/{i:05d}", date(2026, 1, 1) + timedelta(days=i % 300),
                f"Kontrahent {i % 17}", "5260250274", Decimal(i + 1),
            ),
            payload, Status.AWAITING, reason, now + timedelta(hours=1), attempted=True,
        )
        for i in range(count)
    ]  # fmt: skip
    desk.outbox.put_many(items, now)
    return [item.entry.document_id for item in items]


def test_far_rows_are_read_by_page_and_a_selection_resolves_in_sql(
    qtbot: QtBot, qtmodeltester: object, desk: Desk, open_window: OpenWindow
) -> None:
    _seed(desk, 350)
    window = open_window()
    model = window.model
    assert model.rowCount() == 350
    assert model.document_id(349) is None  # only the first page was read
    with qtbot.waitSignal(model.page_loaded, check_params_cb=lambda page: page == 3):
        window.table.scrollToBottom()
        assert model.record(349) is None
    assert model.record(349) is not None
    expected = desk.service.ids(model.filter, SortKey.ISSUE_DATE, descending=True)
    assert model.document_id(349) == expected[349]
    # Rows never shown resolve by offset, in the view's order, without reading every id.
    rows = [0, 1, *range(120, 260), 349]
    assert model.rows_reader(rows)() == [expected[r] for r in rows]
    stale = model.rows_reader(list(range(100, 300)))
    desk.service.hold(erp_doc(1100), error=DOWN)  # the outbox changes meanwhile
    with pytest.raises(StaleSelectionError):
        stale()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_search_counts_its_matches_whether_or_not_they_fit_one_page(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow
) -> None:
    _seed(desk, 350)
    window = open_window()
    window.table.scrollToBottom()  # a far row of the whole list ...
    # "kontrahent 1" matches 8 of the 17 buyers (more than a page); "kontrahent 16"
    # matches one (less than a page, so the first page alone gives the count).
    for needle in ("KONTRAHENT 1", "kontrahent 16"):
        window.filters.clear()
        window.filters.buyer.setText(needle)
        expected = desk.service.ids(window.filters.current(), SortKey.ISSUE_DATE, descending=True)
        assert expected
        _shows(qtbot, window, len(expected))
        qtbot.waitUntil(lambda: window.model.record(0) is not None)
        assert window.model.document_id(0) == expected[0]
        assert window.table.rowAt(0) == 0  # ... and a new filter's list starts at its top
    assert window.model.rowCount() < 100 < desk.service.count(AwaitingFilter(buyer="kontrahent 1"))


def test_the_list_follows_changes_made_elsewhere_and_keeps_the_selection(
    qtbot: QtBot, desk: Desk, open_window: OpenWindow
) -> None:
    docs = [erp_doc(1200 + i) for i in range(3)]
    for doc in docs:
        desk.service.hold(doc, error=DOWN)
    window = open_window()
    counts: list[int] = []
    window.count_changed.connect(counts.append)
    _select(qtbot, window, docs[1].id)
    # Another thread (the wizard, a resend elsewhere) adds a document to the outbox.
    worker = threading.Thread(
        target=desk.service.hold, args=(erp_doc(1210),), kwargs={"error": DOWN}
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4 and not window.model.loading)
    qtbot.waitUntil(lambda: counts == [4])
    assert window.selected_ids() == [docs[1].id]
    assert window.count_label.text().startswith("4")
