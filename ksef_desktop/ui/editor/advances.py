"""A settlement (ROZ) invoice's advance invoices: their KSeF numbers, or numbers outside KSeF."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import AdvanceInvoiceRef
from ksef_desktop.services.advances import advance_ref, check_advances

_ERROR = "color: #b00020;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


def _text(ref: AdvanceInvoiceRef) -> str:
    if ref.ksef_number is not None:
        return _tr("KSeF number {number}").format(number=ref.ksef_number)
    return _tr("{number} (issued outside KSeF)").format(number=ref.number or "")


class AdvancesPanel(QWidget):
    """Add (Enter) and remove (Del) the advance invoices a settlement invoice settles."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advancesPanel")
        self._refs: list[AdvanceInvoiceRef] = []
        self._locked = False
        self.entry = QLineEdit(self)
        self.entry.setObjectName("advanceEntry")
        self.entry.setPlaceholderText(_tr("KSeF number of the advance invoice"))
        self.entry.setAccessibleName(_tr("Advance invoice to add"))
        self.outside = QCheckBox(_tr("Issued outside KSeF"), self)
        self.outside.setObjectName("advanceOutsideKsef")
        self.add_button = QPushButton(_tr("Add advanc&e invoice"), self)
        self.add_button.setObjectName("addAdvance")
        self.add_button.setAutoDefault(False)
        self.list = QListWidget(self)
        self.list.setObjectName("advanceInvoices")
        self.list.setAccessibleName(self.title())
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(76)  # three entries; it scrolls beyond
        self.remove_button = QPushButton(_tr("Remove (Del)"), self)
        self.remove_button.setObjectName("removeAdvance")
        self.remove_button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setObjectName("advanceMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR)

        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.outside)
        row.addWidget(self.add_button)
        listed = QHBoxLayout()
        listed.addWidget(self.list, 1)
        listed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(listed)
        layout.addWidget(self.message)

        self.entry.returnPressed.connect(self._on_add)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.outside.toggled.connect(self._on_outside_toggled)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self._on_remove)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()

    @staticmethod
    def title() -> str:
        return _tr("Advance invoices settled")

    # --- the document's side ---------------------------------------------------

    def set_refs(self, refs: tuple[AdvanceInvoiceRef, ...]) -> None:
        self._refs = list(refs)
        self._show()
        self.message.clear()

    def refs(self) -> tuple[AdvanceInvoiceRef, ...]:
        return tuple(self._refs)

    def snapshot(self) -> tuple[object, ...]:
        return tuple(self._refs)

    def set_read_only(self, locked: bool) -> None:
        for widget in (self.entry, self.outside, self.add_button, self.remove_button):
            widget.setEnabled(not locked)
        self._locked = locked
        self._update_buttons()

    # --- editing ------------------------------------------------------------------

    @Slot()
    def _on_add(self) -> None:
        try:
            ref = advance_ref(self.entry.text(), outside_ksef=self.outside.isChecked())
            if ref in self._refs:
                raise InvalidValueError(_tr("This advance invoice is on the list already."))
            check_advances((*self._refs, ref))  # the FA(3) limit
        except InvalidValueError as exc:
            self.message.setText(exc.message)
            self.entry.setFocus()
            return
        self._refs.append(ref)
        self._show()
        self.list.setCurrentRow(len(self._refs) - 1)
        self.entry.clear()
        self.message.clear()
        self.entry.setFocus()
        self.edited.emit()

    @Slot()
    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if self._locked or not 0 <= row < len(self._refs):
            return
        del self._refs[row]
        self._show()
        self.list.setCurrentRow(min(row, len(self._refs) - 1))
        self.edited.emit()

    @Slot(bool)
    def _on_outside_toggled(self, outside: bool) -> None:
        self.entry.setPlaceholderText(
            _tr("Number of the advance invoice")
            if outside
            else _tr("KSeF number of the advance invoice")
        )

    def _show(self) -> None:
        self.list.clear()
        for ref in self._refs:
            self.list.addItem(QListWidgetItem(_text(ref)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(not self._locked and bool(self._refs))
