"""ERP > SALES > INVOICES / RECEIPTS: the sales register with its cairo.ERP keys and JSON import.

The editor and the print wizard are other windows: this one asks for them with
``new_requested``, ``open_requested`` and ``print_requested`` and the main
window (the composition root's side) connects those to whatever opens them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.importer import ImportResult
from ksef_desktop.services.register import RegisterRow, RegisterService
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.msgbox import Confirmation, message
from ksef_desktop.ui.common.tasks import Task, TaskRunner
from ksef_desktop.ui.register.filters import FilterBar
from ksef_desktop.ui.register.importing import Importer, ImportResultsDialog, JsonFiles
from ksef_desktop.ui.register.model import RegisterModel
from ksef_desktop.ui.register.table import RegisterTable


class RegisterWindow(QWidget):
    """The register list; every store access goes through the task runner."""

    new_requested = Signal(str)  # register kind: "invoice" | "receipt"
    open_requested = Signal(str)  # document id
    print_requested = Signal(str)  # document id: start the print-approval wizard
    refreshed = Signal()  # a reload is shown (selection restored)
    document_deleted = Signal(str)
    document_reopened = Signal(str)  # a REJECTED document is a DRAFT again
    delete_refused = Signal(str, str)  # document id, the reason shown
    documents_imported = Signal(list)  # list[ImportResult], after the list was refreshed

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._runner = runner
        self._keep_id: str | None = None
        self._keep_row = 0
        self._tasks: list[Task[Any]] = []
        self.import_results: ImportResultsDialog | None = None
        self.setObjectName("registerWindow")
        self.setWindowTitle(self.tr("ERP > SALES > INVOICES / RECEIPTS"))
        self.model = RegisterModel(services.sales.register, runner, self)
        self.importer = Importer(services.sales.imports, runner, self)
        self._build()
        self._connect_signals()
        self.resize(1320, 640)
        self.table.setFocus()  # the list has the keys; it gets the focus when shown
        self.refresh()

    # --- construction ------------------------------------------------------------

    def _build(self) -> None:
        self.filters = FilterBar(self)
        self.table = RegisterTable(self)
        self.table.setModel(self.model)
        self.table.size_columns()

        self.new_button = self._button("newDocument", self.tr("&New [Ins]"))
        self.open_button = self._button("openDocument", self.tr("&Open [Enter]"))
        self.delete_button = self._button("deleteDocument", self.tr("&Delete [Del]"))
        self.print_button = self._button("printDocument", self.tr("&Print [TAB]"))
        self.import_button = self._button("importDocuments", self.tr("&Import JSON… (Ctrl+I)"))
        self.reopen_button = self._button("reopenDocument", self.tr("R&eopen (Ctrl+E)"))
        self.reopen_button.setToolTip(
            self.tr("A document KSeF rejected becomes a draft again, to correct (number kept)")
        )
        self.new_button.setToolTip(self.tr("A new draft in the chosen register"))
        self.delete_button.setToolTip(self.tr("Only drafts can be deleted"))
        self.print_button.setToolTip(
            self.tr("Print-approval wizard: validate, approve, send to KSeF, print")
        )
        self.import_button.setToolTip(
            self.tr("Add documents from JSON files in the ERP document schema")
        )
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.delete_button,
            self.print_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("registerCount")
        self.status_line = QLabel(self)
        self.status_line.setObjectName("registerMessage")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.status_line)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self.setTabOrder(self.filters.search, self.table)
        self._update_actions()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        # The buttons are for the mouse; the keys act on the list, which keeps the focus.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _connect_signals(self) -> None:
        self.filters.filter_changed.connect(self._on_filters_filter_changed)
        self.filters.search.returnPressed.connect(self._on_search_return_pressed)
        self.model.reloaded.connect(self._on_model_reloaded)
        self.model.page_loaded.connect(self._update_count)
        self.model.load_failed.connect(self._on_model_load_failed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.new_pressed.connect(self.request_new)
        self.table.open_pressed.connect(self.request_open)
        self.table.delete_pressed.connect(self.delete_current)
        self.table.print_pressed.connect(self.request_print)
        self.new_button.clicked.connect(self.request_new)
        self.open_button.clicked.connect(self.request_open)
        self.delete_button.clicked.connect(self.delete_current)
        self.print_button.clicked.connect(self.request_print)
        self.import_button.clicked.connect(self.choose_import)
        self.reopen_button.clicked.connect(self.reopen_current)
        self.importer.imported.connect(self._on_importer_imported)
        self.importer.failed.connect(self._on_importer_failed)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (shortcuts.REGISTER_NEW, self.request_new),
            (shortcuts.REGISTER_IMPORT, self.choose_import),
            (shortcuts.REGISTER_REFRESH, self.refresh),
            (shortcuts.REGISTER_SEARCH, self._focus_search),
            (shortcuts.REGISTER_REOPEN, self.reopen_current),
            (shortcuts.REGISTER_CLOSE, self._on_escape),
        ):
            shortcut = QShortcut(key.sequence, self, slot)
            shortcut.setContext(context)

    # --- reading the list --------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Reload with the filters in force, keeping the selected document selected."""
        self._reload(self.current_id() or self._keep_id)

    def _reload(self, select_id: str | None) -> None:
        self._keep_id = select_id
        self._keep_row = max(0, self.table.currentIndex().row())
        self.model.reload(keep=self.model.rowCount())

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.doc_id(index.row()) if index.isValid() else None

    def current_row(self) -> RegisterRow | None:
        index = self.table.currentIndex()
        return self.model.register_row(index.row()) if index.isValid() else None

    def select(self, doc_id: str) -> bool:
        """Make ``doc_id`` the current row if it is loaded; the next refresh keeps it."""
        row = self.model.row_of(doc_id)
        self._keep_id = doc_id
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    @Slot()
    def _on_filters_filter_changed(self) -> None:
        self._keep_id = self.current_id()
        self.model.set_filter(self.filters.current())

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self.filters.flush_search()
        self.table.setFocus()

    @Slot()
    def _focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    @Slot()
    def _on_escape(self) -> None:
        """Esc clears a search being typed, otherwise closes the window (cairo.ERP habit)."""
        search = self.filters.search
        if search.hasFocus() and search.text():
            search.clear()
            return
        self.close()

    @Slot()
    def _on_model_reloaded(self) -> None:
        rows = self.model.rowCount()
        if rows:
            row = self.model.row_of(self._keep_id) if self._keep_id else -1
            if row < 0:
                row = min(self._keep_row, rows - 1)
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._update_count()
        self._update_actions()
        self.refreshed.emit()

    @Slot(object)
    def _on_model_load_failed(self, exc: BaseException) -> None:
        self.status_line.setText(self.tr("The register could not be read."))
        show_error(self, exc)

    @Slot()
    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.rowCount()
        text = self.tr("{n} documents").format(n=total)
        if shown < total:
            text += " " + self.tr("({shown} loaded; scroll for more)").format(shown=shown)
        self.count_label.setText(text)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.current_row()
        for button in (self.open_button, self.print_button):
            button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status.deletable)
        self.reopen_button.setEnabled(row is not None and row.status is Status.REJECTED)

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self.request_open()

    # --- requests for the other windows -----------------------------------------

    @Slot()
    def request_new(self) -> None:
        kind = self.filters.current().register_kind or "invoice"
        self.new_requested.emit(kind)

    @Slot()
    def request_open(self) -> None:
        doc_id = self.current_id()
        if doc_id is not None:
            self.open_requested.emit(doc_id)

    @Slot()
    def request_print(self) -> None:
        doc_id = self.current_id()
        if doc_id is not None:
            self.print_requested.emit(doc_id)

    # --- delete --------------------------------------------------------------------

    @Slot()
    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        name = row.number or self.tr("the draft for {buyer}").format(buyer=row.buyer)
        if not row.status.deletable:
            reason = self._refusal(row, name)
            self.delete_refused.emit(row.id, reason)
            message(self, self.tr("Cannot delete"), reason)
            return
        Confirmation.ask(
            self,
            self.tr("Delete the draft?"),
            self.tr("Delete {name} ({gross} {currency})? This cannot be undone.").format(
                name=name, gross=row.gross, currency=row.currency
            ),
            lambda yes: self._delete(row.id) if yes else None,
            yes_text=self.tr("Delete"),
        )

    def _refusal(self, row: RegisterRow, name: str) -> str:
        text = self.tr("{name} is {status}: only a draft can be deleted.").format(
            name=name, status=self.tr(row.status.label)
        )
        if row.status is Status.REJECTED:
            text += " " + self.tr("Reopen it for editing and correct it instead.")
        elif row.status.send_attempted:
            text += " " + self.tr(
                "It has gone to KSeF; a correction document is the way to change it."
            )
        else:
            text += " " + self.tr("Its number is assigned; finish it with the print wizard.")
        return text

    def _delete(self, doc_id: str) -> None:
        register = self._services.sales.register
        self._track(
            self._runner.run(
                "delete draft",
                lambda _c, _p: register.delete(doc_id),
                on_returned=lambda _none: self._on_deleted(doc_id),
                on_errored=self._on_task_errored,
            )
        )

    def _on_deleted(self, doc_id: str) -> None:
        if self._keep_id == doc_id:
            self._keep_id = None
        self.status_line.setText(self.tr("Draft deleted."))
        self.document_deleted.emit(doc_id)
        self.refresh()

    @Slot(object)
    def _on_task_errored(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.refresh()

    # --- reopen a rejected document ------------------------------------------------

    @Slot()
    def reopen_current(self) -> None:
        row = self.current_row()
        if row is None or row.status is not Status.REJECTED:
            return
        register = self._services.sales.register
        doc_id = row.id
        Confirmation.ask(
            self,
            self.tr("Reopen for editing?"),
            self.tr(
                "KSeF rejected {number}: {reason}\n\nReopen it as a draft to correct it? It keeps "
                "its number; the print wizard sends it again."
            ).format(number=row.number, reason=row.reason or "—"),
            lambda yes: self._reopen(register, doc_id) if yes else None,
            yes_text=self.tr("Reopen"),
        )

    def _reopen(self, register: RegisterService, doc_id: str) -> None:
        self._track(
            self._runner.run(
                "reopen document",
                lambda _c, _p: register.reopen(doc_id),
                on_returned=lambda _status: self._on_reopened(doc_id),
                on_errored=self._on_task_errored,
            )
        )

    def _on_reopened(self, doc_id: str) -> None:
        self.status_line.setText(self.tr("Reopened as a draft."))
        self.document_reopened.emit(doc_id)
        self._reload(doc_id)

    # --- import --------------------------------------------------------------------

    @Slot()
    def choose_import(self) -> None:
        if self.importer.busy:
            return
        JsonFiles.choose(self, self.import_files)

    def import_files(self, paths: list[Path]) -> None:
        """Import ``paths`` in the background, then show the results and refresh the list."""
        if self.importer.start(paths):
            self.import_button.setEnabled(False)
            self.status_line.setText(self.tr("Importing {n} files…").format(n=len(paths)))

    @Slot(list)
    def _on_importer_imported(self, results: list[ImportResult]) -> None:
        self.import_button.setEnabled(True)
        self.status_line.clear()
        imported = [doc_id for r in results for doc_id in r.ids]
        dialog = ImportResultsDialog(results, self)
        dialog.destroyed.connect(self._on_results_destroyed)
        self.import_results = dialog
        dialog.open()
        # The first imported document becomes the current row, so the person sees it.
        self._reload(imported[0] if imported else self.current_id())
        self.documents_imported.emit(results)

    @Slot()
    def _on_results_destroyed(self) -> None:
        self.import_results = None

    @Slot(object)
    def _on_importer_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.status_line.clear()
        show_error(self, exc)

    # --- lifetime ------------------------------------------------------------------

    def _track(self, task: Task[Any]) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # Nothing here is unsaved: deletes and imports are committed by the time they report.
        if self.import_results is not None:
            self.import_results.close()
        super().closeEvent(event)
