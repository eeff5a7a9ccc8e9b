"""ERP > KSEF > AWAITING DOCUMENTS: the outbox list, its filters, resend and the other actions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.autoretry import RetryScheduler, TickReport
from ksef_desktop.services.awaiting import AwaitingRow, ReasonKind, Selection
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.delivery import DeliveryReport
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.awaiting.actions import (
    SPECS,
    FileDialogs,
    make_actions,
)
from ksef_desktop.ui.awaiting.autoretry import RetryDriver
from ksef_desktop.ui.awaiting.documents import DocumentActions
from ksef_desktop.ui.awaiting.filters import DEBOUNCE_MS, FilterBar
from ksef_desktop.ui.awaiting.model import AwaitingModel
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

#: Several changes in quick succession (a resend of many batches) refresh the list once.
REFRESH_MS = 300
_WIDTHS = (125, 85, 190, 105, 115, 290, 70, 120, 150)
_BANNER_STYLE = "background: #fff4ce; color: #5c4400; padding: 4px;"


class _FeedBridge(QObject):
    """Carries the change feed's callbacks (on any thread) to the GUI thread as a signal."""

    changed = Signal(int)


def _forward_to(bridge: _FeedBridge) -> Callable[[int], None]:
    def forward(version: int) -> None:
        try:
            bridge.changed.emit(version)
        except RuntimeError:  # the window was deleted before it could unsubscribe
            log.debug("change feed: the awaiting window is gone")

    return forward


class AwaitingWindow(QWidget):
    """The lazy list over the outbox; every read and action runs on the task runner."""

    count_changed = Signal(int)  # every awaiting document: the status-bar count
    structure_requested = Signal(str)  # document id
    structure_opened = Signal(object)  # the StructureWindow the default handler opened
    document_reopened = Signal(object)  # the ErpDocument, back for editing
    resend_finished = Signal(object)  # DeliveryReport
    export_finished = Signal(object)  # list[Path]
    upo_saved = Signal(object)  # Path
    list_refreshed = Signal()  # new ids are shown and the selection restored

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        driver: RetryDriver | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        refresh_ms: int = REFRESH_MS,
    ) -> None:
        super().__init__(parent)
        self._service = services.awaiting
        self._runner = runner
        self._tasks: list[Task[Any]] = []
        self._long: CancelToken | None = None
        self._restore: tuple[list[str], str | None, str | None] | None = None
        self._to_top = False  # the next answer is for a new filter: show its first rows
        self.setObjectName("awaitingWindow")
        self.setWindowTitle(self.tr("KSEF > AWAITING DOCUMENTS"))
        self.model = AwaitingModel(self._service, runner, self)
        self.documents = DocumentActions(self._service, runner, self)
        self._owns_driver = driver is None
        self.driver = driver or RetryDriver(
            RetryScheduler(self._service), runner, self._service.clock, self
        )
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(refresh_ms)
        self._bridge = _FeedBridge(self)
        self._build(debounce_ms)
        self._connect_signals()
        self._unsubscribe = self._service.changes.subscribe(_forward_to(self._bridge))
        self.model.reload()
        if not self.driver.running:
            self.driver.start()
        self._update_actions()

    # --- construction ----------------------------------------------------------

    def _build(self, debounce_ms: int) -> None:
        self.actions_by_name = make_actions(self)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("awaitingToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for index, spec in enumerate(SPECS):
            if index in (2, 6):
                self.toolbar.addSeparator()
            action = self.actions_by_name[spec.name]
            self.toolbar.addAction(action)
            self.toolbar.widgetForAction(action).setObjectName(spec.name)
        self.filters = FilterBar(self, debounce_ms=debounce_ms)
        self.banner = QLabel(self)
        self.banner.setObjectName("retryBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.hide()
        self.table = self._build_table()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("awaitingCount")
        self.next_retry = QLabel(self)
        self.next_retry.setObjectName("nextRetryAt")
        self.summary = QLabel(self)
        self.summary.setObjectName("awaitingSummary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("taskProgress")
        self.progress.setRange(0, 0)  # the services report steps in words, not fractions
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.progress_text = QLabel(self)
        self.progress_text.setObjectName("taskProgressText")
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("cancelTask")
        self.cancel_button.setToolTip(self.tr("Stop after the batch being sent (Esc)"))
        self.cancel_button.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.next_retry)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.progress_text)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1280, 640)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("awaitingTable")
        table.setAccessibleName(self.tr("Awaiting documents"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in self.actions_by_name.values():
            table.addAction(action)
        vertical = table.verticalHeader()
        vertical.hide()
        # Fixed sizes: the view never asks 100,000 rows how big they are.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # as the model starts
        table.setSortingEnabled(True)
        return table

    def _connect_signals(self) -> None:
        named = self.actions_by_name
        named["resendSelected"].triggered.connect(self._on_resend_selected_triggered)
        named["resendAll"].triggered.connect(self._on_resend_all_triggered)
        named["showStructure"].triggered.connect(self._on_show_structure_triggered)
        named["showUpo"].triggered.connect(self._on_show_upo_triggered)
        named["exportXml"].triggered.connect(self._on_export_xml_triggered)
        named["reopen"].triggered.connect(self._on_reopen_triggered)
        named["refreshList"].triggered.connect(self.refresh)
        self.structure_requested.connect(self.open_structure)
        self.documents.structure_opened.connect(self.structure_opened)
        self.documents.document_reopened.connect(self.document_reopened)
        self.documents.upo_saved.connect(self.upo_saved)
        self.documents.status.connect(self.summary.setText)
        self.filters.filter_changed.connect(self._on_filters_filter_changed)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.count_changed.connect(self.count_changed)
        self.model.load_failed.connect(self._on_task_errored)
        self.model.modelReset.connect(self._update_actions)
        self.model.dataChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # Enter or a double click on a row opens its structure.
        self.table.activated.connect(lambda _index: self._on_show_structure_triggered())
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self._bridge.changed.connect(self._on_feed_changed)
        self._refresh.timeout.connect(self.refresh)
        self.driver.paused_changed.connect(self._on_driver_paused_changed)
        self.driver.ticked.connect(self._on_driver_ticked)
        self.driver.wakeup_planned.connect(self._on_driver_wakeup_planned)
        for key, slot in (
            (shortcuts.AWAITING_SEARCH, self._focus_search),
            (shortcuts.AWAITING_CANCEL, self._on_cancel_clicked),
        ):
            shortcut = QShortcut(key.sequence, self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the list ----------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[str]:
        """The selected documents whose ids are known (shown at least once)."""
        found = (self.model.document_id(r) for r in self.selected_rows())
        return [doc_id for doc_id in found if doc_id is not None]

    def _current_record(self) -> AwaitingRow | None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.record(rows[0].row())

    @Slot()
    def refresh(self) -> None:
        """Read the list again, keeping the selection and the scroll position."""
        if self._restore is None and self.model.rowCount() > 0:
            top = self.table.rowAt(0)
            current = self.table.currentIndex()
            self._restore = (
                self.selected_ids(),
                self.model.document_id(top) if top >= 0 else None,
                self.model.document_id(current.row()) if current.isValid() else None,
            )
        self.model.reload(around=max(self.table.rowAt(0), 0))

    @Slot(object)
    def _on_filters_filter_changed(self, flt: object) -> None:
        self._restore = None  # another list: nothing to keep
        self._to_top = True
        self.model.set_filter(flt)  # type: ignore[arg-type]

    @Slot()
    def _on_model_loaded(self) -> None:
        total = self.model.total
        shown = self.model.rowCount()
        if shown == total:
            text = self.tr("{count:,} awaiting").format(count=total)
        else:
            text = self.tr("{shown:,} of {count:,} awaiting").format(shown=shown, count=total)
        self.count_label.setText(text.replace(",", "\u00a0"))
        restore, self._restore = self._restore, None
        if restore is not None:
            self._restore_view(*restore)
        elif self._to_top:
            # Another filter is another list: it starts at its top (whose page came
            # with the count), not at a far row left over from the previous list.
            self.table.scrollToTop()
        self._to_top = False
        self._update_actions()
        self.list_refreshed.emit()

    def _restore_view(self, selected: list[str], top: str | None, current: str | None) -> None:
        chosen = QItemSelection()
        last = self.model.columnCount() - 1
        for doc_id in selected:
            row = self.model.row_of(doc_id)
            if row is not None:
                chosen.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        selection = self.table.selectionModel()
        if current is not None and (row := self.model.row_of(current)) is not None:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        selection.select(chosen, flags | QItemSelectionModel.SelectionFlag.Rows)
        if top is not None and (row := self.model.row_of(top)) is not None:
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )

    @Slot(int)
    def _on_feed_changed(self, _version: int) -> None:
        self._refresh.start()
        self.driver.replan()

    @Slot()
    def _focus_search(self) -> None:
        self.filters.text.setFocus()
        self.filters.text.selectAll()

    # --- action state -----------------------------------------------------------

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self._update_actions()

    @Slot()
    def _update_actions(self) -> None:
        busy = self._long is not None
        count = len(self.table.selectionModel().selectedRows())
        record = self._current_record()
        named = self.actions_by_name
        named["resendSelected"].setEnabled(not busy and count > 0)
        named["resendAll"].setEnabled(not busy and self.model.rowCount() > 0)
        named["exportXml"].setEnabled(not busy and count > 0)
        named["showStructure"].setEnabled(count == 1)
        named["showUpo"].setEnabled(count == 1)
        named["reopen"].setEnabled(
            not busy
            and record is not None
            and record.state is Status.REJECTED
            and record.reason.kind is ReasonKind.DATA
        )

    # --- long tasks: resend and export -----------------------------------------------

    def _track(self, task: Task[Any]) -> Task[Any]:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)
        return task

    def _begin_long(self, text: str) -> CancelToken:
        token = CancelToken()
        self._long = token
        self.summary.clear()
        self.progress_text.setText(text)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._update_actions()
        return token

    def _end_long(self) -> None:
        self._long = None
        self.progress.hide()
        self.progress_text.clear()
        self.cancel_button.hide()
        self._update_actions()

    @property
    def busy(self) -> bool:
        return self._long is not None

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._long is not None and not self._long.cancelled:
            self._long.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Stopping after the current batch…"))

    @Slot()
    def _on_resend_selected_triggered(self) -> None:
        rows = self.selected_rows()
        if rows and not self.busy:
            self._resend(self.model.rows_reader(rows))

    @Slot()
    def _on_resend_all_triggered(self) -> None:
        count = self.model.rowCount()
        if self.busy or count == 0:
            return
        flt = self.model.filter
        Confirmation.ask(
            self,
            self.tr("Resend all?"),
            self.tr("Send again all {count:,} documents that match the filter?").format(
                count=count
            ),
            lambda yes: self._resend(lambda: flt) if yes and not self.busy else None,
            yes_text=self.tr("Resend"),
        )

    def _resend(self, selection: Callable[[], Selection]) -> None:
        """Resend what ``selection`` names when the task runs (ids of rows, or the filter)."""
        token = self._begin_long(self.tr("Sending…"))
        service = self._service

        def resend(_cancel: CancelToken, progress: Progress) -> DeliveryReport:
            return service.resend(selection(), progress, token)

        self._track(
            self._runner.run(
                "resend awaiting documents",
                resend,
                on_returned=self._on_resent,
                on_errored=self._on_long_errored,
                on_progress=self.progress_text.setText,
            )
        )

    def _on_resent(self, report: DeliveryReport) -> None:
        self._end_long()
        parts = [
            self.tr("{count} accepted").format(count=report.accepted),
            self.tr("{count} waiting for KSeF").format(count=report.pending),
            self.tr("{count} not delivered").format(count=report.failed),
            self.tr("{count} refused").format(count=report.refused),
        ]
        if report.skipped:
            parts.append(self.tr("{count} not sent").format(count=report.skipped))
        text = self.tr("Resent {count}: {parts}.").format(
            count=report.requested, parts=", ".join(parts)
        )
        if report.cancelled:
            text = self.tr("Cancelled. {text}").format(text=text)
        if report.error:
            text = f"{text} {report.error}"
        self.summary.setText(text)
        if report.ws_unreachable:
            self.driver.ws_lost()
        self.refresh()
        self.resend_finished.emit(report)

    @Slot(object)
    def _on_long_errored(self, exc: BaseException) -> None:
        self._end_long()
        show_error(self, exc)

    @Slot()
    def _on_export_xml_triggered(self) -> None:
        rows = self.selected_rows()
        if not rows or self.busy:
            return
        ids = self.model.rows_reader(rows)
        directory = FileDialogs.export_directory(self)
        if directory is None:
            return
        token = self._begin_long(self.tr("Exporting…"))
        service = self._service
        self._track(
            self._runner.run(
                "export FA(3) XML",
                lambda _c, progress: service.export_xml(ids(), directory, progress, token),
                on_returned=self._on_exported,
                on_errored=self._on_long_errored,
                on_progress=self.progress_text.setText,
            )
        )

    def _on_exported(self, written: list[Path]) -> None:
        self._end_long()
        folder = written[0].parent if written else ""
        self.summary.setText(
            self.tr("Exported {count} FA(3) XML file(s) to {folder}.").format(
                count=len(written), folder=folder
            )
        )
        self.export_finished.emit(written)

    # --- one document: structure, UPO, reopen -------------------------------------------

    @Slot()
    def _on_show_structure_triggered(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.structure_requested.emit(ids[0])

    @Slot(str)
    def open_structure(self, document_id: str) -> None:
        """The default handler of ``structure_requested``: the FA(3) structure viewer.

        The lead may disconnect it and open the viewer another way (e.g. as a tab).
        """
        self.documents.open_structure(document_id)

    @Slot()
    def _on_show_upo_triggered(self) -> None:
        record = self._current_record()
        if record is not None:
            self.documents.show_upo(record.document_id, record.entry.number)

    @Slot()
    def _on_reopen_triggered(self) -> None:
        record = self._current_record()
        if record is not None and self.actions_by_name["reopen"].isEnabled():
            self.documents.reopen(record.document_id, record.entry.number)

    @Slot(object)
    def _on_task_errored(self, exc: BaseException) -> None:
        self.summary.clear()
        show_error(self, exc)

    # --- automatic retry -------------------------------------------------------------------

    @Slot()
    def ws_lost(self) -> None:
        """The status-bar probe found the WS unreachable: automatic retries pause."""
        self.driver.ws_lost()

    @Slot()
    def ws_back(self) -> None:
        """The WS answers again: automatic retries resume at once."""
        self.driver.ws_back()

    @Slot(bool)
    def _on_driver_paused_changed(self, paused: bool) -> None:
        self.banner.setText(
            self.tr(
                "Automatic retries are paused: the web service cannot be reached. They resume "
                "by themselves when it answers again."
            )
        )
        self.banner.setVisible(paused)

    @Slot(object)
    def _on_driver_wakeup_planned(self, wakeup: datetime | None) -> None:
        if wakeup is None:
            self.next_retry.clear()
            return
        when = wakeup.astimezone().strftime("%H:%M:%S")
        if self.driver.paused:
            text = self.tr("· next check of the web service at {when}").format(when=when)
        else:
            text = self.tr("· next automatic retry at {when}").format(when=when)
        self.next_retry.setText(text)

    @Slot(object)
    def _on_driver_ticked(self, report: TickReport) -> None:
        if report.error and not report.paused:
            self.banner.setText(
                self.tr("Automatic retry failed: {error}").format(error=report.error)
            )
            self.banner.show()
        elif not report.paused:
            self.banner.hide()

    # --- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop listening and cancel our tasks (a resend stops after its current batch)."""
        self._unsubscribe()
        self._refresh.stop()
        if self._long is not None:
            self._long.cancel()
        for task in self._tasks:
            if not task.done:
                task.cancel()
        self._tasks.clear()
        self.model.shutdown()
        self.documents.shutdown()
        if self._owns_driver:
            self.driver.stop()
