"""The customer list as a table model over the records one search returned."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ksef_desktop.services.customers import CustomerRecord

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole
#: Column headers: English sources marked for lupdate, translated in headerData.
HEADERS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CustomerModel", "NIP"),
    QT_TRANSLATE_NOOP("CustomerModel", "Name"),
    QT_TRANSLATE_NOOP("CustomerModel", "Address"),
    QT_TRANSLATE_NOOP("CustomerModel", "Country"),
)


def address_text(record: CustomerRecord) -> str:
    return ", ".join(part for part in (record.line1, record.line2) if part)


class CustomerModel(QAbstractTableModel):
    """Read-only; the window replaces the records after each (debounced) search."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[CustomerRecord] = []

    def set_records(self, records: Sequence[CustomerRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> CustomerRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, customer_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == customer_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return self.tr(str(HEADERS[section]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        valid = index.isValid() and not index.parent().isValid()
        record = self.record(index.row()) if valid else None
        if record is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (record.nip or "—", record.name, address_text(record), record.country)
            return values[index.column()]
        if role == RECORD_ROLE:
            return record
        return None
