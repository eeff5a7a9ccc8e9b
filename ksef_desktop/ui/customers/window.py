"""The customer list (NIP, name, address, country): search, add, edit, delete; also a picker.

As a picker (``CustomerPicker.pick``) the same window returns the chosen
:class:`CustomerRecord` to the document editor, which turns it into a buyer
with ``CustomerService.buyer``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.customers import CustomerInput, CustomerRecord
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import Task, TaskRunner
from ksef_desktop.ui.customers.form import CustomerForm
from ksef_desktop.ui.customers.model import CustomerModel

SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 500


class _CustomerTable(QTableView):
    """Enter picks (or edits), Del deletes, Ins adds: the cairo.ERP list keys."""

    enter_pressed = Signal()
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if shortcuts.matches(event, shortcuts.CUSTOMERS_CHOOSE):
            self.enter_pressed.emit()
            event.accept()
        elif shortcuts.matches(event, shortcuts.CUSTOMERS_DELETE):
            self.delete_pressed.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class CustomerListWindow(QDialog):
    """Non-modal list window, or (``picker=True``) a dialog that ends with ``customer_picked``."""

    customers_loaded = Signal()  # a search's answer is shown
    customer_saved = Signal(object)  # CustomerRecord as stored
    customer_deleted = Signal(int)
    customer_picked = Signal(object)  # CustomerRecord (picker mode only)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        picker: bool = False,
    ) -> None:
        super().__init__(parent)
        self._service = services.sales.customers
        self._runner = runner
        self._picker = picker
        self._search_task: Task[list[CustomerRecord]] | None = None
        self._tasks: list[Task[Any]] = []
        self._select_id = 0
        self._shown_id = 0
        self.picked: CustomerRecord | None = None
        self.setObjectName("customerPicker" if picker else "customerWindow")
        self.setWindowTitle(self.tr("Choose the buyer") if picker else self.tr("CUSTOMERS"))
        self._build()
        self._connect_signals()
        self.resize(1100, 540)
        self.search_now()

    # --- construction ----------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Search by name or NIP (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search customers"))
        self.model = CustomerModel(self)
        self.table = _CustomerTable(self)
        self.table.setObjectName("customerTable")
        self.table.setAccessibleName(self.tr("Customers"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0000000000") + 24)
        self.table.setColumnWidth(1, 220)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.form = CustomerForm(self)
        splitter = QSplitter(self)
        splitter.setObjectName("customerSplitter")
        splitter.addWidget(self._list_side())
        splitter.addWidget(self._form_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._update_actions()

    def _list_side(self) -> QWidget:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        return left

    def _form_side(self) -> QWidget:
        self.new_button = QPushButton(self.tr("&New [Ins]"), self)
        self.new_button.setObjectName("newCustomer")
        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        self.save_button.setObjectName("saveCustomer")
        self.delete_button = QPushButton(self.tr("&Delete [Del]"), self)
        self.delete_button.setObjectName("deleteCustomer")
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setAutoDefault(False)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.new_button)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.delete_button)
        form_buttons.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form, 1)
        right_layout.addLayout(form_buttons)
        return right

    def _build_buttons(self) -> None:
        standard = (
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            if self._picker
            else QDialogButtonBox.StandardButton.Close
        )
        self.buttons = QDialogButtonBox(standard, self)
        self.buttons.setObjectName("customerButtons")
        if self._picker:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(self.tr("&Choose [Enter]"))
            ok.setObjectName("chooseCustomer")

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._debounce.timeout.connect(self.search_now)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.enter_pressed.connect(self._on_table_enter_pressed)
        self.table.delete_pressed.connect(self.delete_current)
        self.form.edited.connect(self._update_actions)
        self.new_button.clicked.connect(self.new_customer)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_current)
        self.buttons.accepted.connect(self.choose_current)
        self.buttons.rejected.connect(self.reject)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (shortcuts.CUSTOMERS_NEW, self.new_customer),
            (shortcuts.CUSTOMERS_SAVE, self.save),
            (shortcuts.CUSTOMERS_SEARCH, self.search.setFocus),
        ):
            QShortcut(key.sequence, self, slot).setContext(context)

    # --- the list ----------------------------------------------------------------------

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self._debounce.stop()
        self.search_now()
        self.table.setFocus()

    @Slot()
    def search_now(self) -> None:
        if self._search_task is not None:
            self._search_task.cancel()
        text, service = self.search.text(), self._service
        self._search_task = self._runner.run(
            "search customers",
            lambda _c, _p: service.search(text, SEARCH_LIMIT),
            on_returned=self._on_searched,
            on_errored=self._on_task_errored,
        )

    def _on_searched(self, records: list[CustomerRecord]) -> None:
        self._search_task = None
        keep = self._select_id or self._shown_id
        self.model.set_records(records)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and records and not self.form.dirty:
            row = 0
        if row >= 0:
            self._select_row(row)
        self._select_id = 0
        self._update_actions()
        self.customers_loaded.emit()

    def _select_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)

    def current_record(self) -> CustomerRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        record = self.model.record(current.row())
        if record is None or record.id == self._shown_id:
            self._update_actions()
            return
        if self.form.dirty:
            self._ask_discard(lambda: self._show(record), previous.row())
            return
        self._show(record)

    def _ask_discard(self, then: Callable[[], None], back_to_row: int) -> None:
        def answered(discard: bool) -> None:
            if discard:
                then()
                return
            # Keep the edits: go back to the customer being edited without asking again.
            self.table.selectionModel().blockSignals(True)
            if back_to_row >= 0:
                self._select_row(back_to_row)
            else:
                self.table.clearSelection()
            self.table.selectionModel().blockSignals(False)

        Confirmation.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("The customer has unsaved changes. Discard them?"),
            answered,
            yes_text=self.tr("Discard"),
        )

    def _show(self, record: CustomerRecord | None) -> None:
        self._shown_id = record.id if record else 0
        self.form.set_record(record)
        self._update_actions()

    def _update_actions(self) -> None:
        self.delete_button.setEnabled(self.form.customer_id != 0)
        self.save_button.setEnabled(self.form.dirty)
        if self._picker:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(self.current_record() is not None)

    # --- edit ----------------------------------------------------------------------------

    @Slot()
    def new_customer(self) -> None:
        def start() -> None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._show(None)
            self.form.edits["nip"].setFocus()

        if self.form.dirty:
            self._ask_discard(start, self.table.currentIndex().row())
            return
        start()

    @Slot()
    def save(self) -> None:
        data: CustomerInput = self.form.values()
        service = self._service
        self.save_button.setEnabled(False)
        self._track(
            self._runner.run(
                "save customer",
                lambda _c, _p: service.save(data),
                on_returned=self._on_saved,
                on_errored=self._on_save_errored,
            )
        )

    def _on_saved(self, record: CustomerRecord) -> None:
        self.form.set_record(record)
        self._shown_id = record.id
        self._select_id = record.id
        self.customer_saved.emit(record)
        self.search_now()

    def _on_save_errored(self, exc: BaseException) -> None:
        self._update_actions()
        if isinstance(exc, InvalidValueError) and self.form.show_error(
            exc.field or "", exc.message
        ):
            return
        show_error(self, exc)

    @Slot()
    def delete_current(self) -> None:
        customer_id = self.form.customer_id
        if customer_id == 0:
            return
        name = self.form.values().name
        service = self._service

        def answered(yes: bool) -> None:
            if not yes:
                return
            self._track(
                self._runner.run(
                    "delete customer",
                    lambda _c, _p: service.delete(customer_id),
                    on_returned=lambda _none: self._on_deleted(customer_id),
                    on_errored=self._on_task_errored,
                )
            )

        Confirmation.ask(
            self,
            self.tr("Delete the customer?"),
            self.tr(
                "Delete {name} from the customer list? Documents already issued keep their buyer."
            ).format(name=name),
            answered,
            yes_text=self.tr("Delete"),
        )

    def _on_deleted(self, customer_id: int) -> None:
        self._show(None)
        self.customer_deleted.emit(customer_id)
        self.search_now()

    @Slot(object)
    def _on_task_errored(self, exc: BaseException) -> None:
        self._search_task = None
        show_error(self, exc)

    # --- picking -------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        if self._picker:
            self.choose_current()

    @Slot()
    def _on_table_enter_pressed(self) -> None:
        if self._picker:
            self.choose_current()
        else:
            self.form.edits["name"].setFocus()

    @Slot()
    def choose_current(self) -> None:
        """Picker: end with the selected customer (saved edits first are the person's job)."""
        record = self.current_record()
        if not self._picker or record is None:
            return
        self.picked = record
        self.customer_picked.emit(record)
        self.accept()

    # --- lifetime ------------------------------------------------------------------------

    def _track(self, task: Task[Any]) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)

    def reject(self) -> None:
        """Esc, Close and Cancel ask before unsaved customer edits are dropped."""
        if not self.form.dirty:
            super().reject()
            return

        def answered(discard: bool) -> None:
            if discard:
                self.form.set_record(None)
                super(CustomerListWindow, self).reject()

        Confirmation.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("The customer has unsaved changes. Close and discard them?"),
            answered,
            yes_text=self.tr("Discard"),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.form.dirty:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


class CustomerPicker:
    """How the document editor asks for a buyer; tests replace ``pick``."""

    @classmethod
    def pick(
        cls,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None,
        on_picked: Callable[[CustomerRecord | None], None],
    ) -> CustomerListWindow:
        """Open the picker without blocking; ``on_picked`` gets the record, or None on Cancel."""
        dialog = CustomerListWindow(services, runner, parent, picker=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: on_picked(dialog.picked))
        dialog.open()
        return dialog
