"""The CONNECTION TEST results: one row per check (icon, message, duration), hints beneath."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ksef_desktop.contract.api import CheckStatus
from ksef_desktop.services.connection import ConnectionReport

_ICONS = {
    CheckStatus.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    CheckStatus.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    CheckStatus.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
_COLOURS = {
    CheckStatus.OK: QColor("#1b7f3b"),
    CheckStatus.WARNING: QColor("#9a6700"),
    CheckStatus.FAILED: QColor("#b00020"),
}
_STATUS_TEXT = {
    CheckStatus.OK: "OK",
    CheckStatus.WARNING: "WARNING",
    CheckStatus.FAILED: "FAILED",
}
RESULT_COLUMN = 1  # messages and hints: the one column whose text wraps
STATUS_ROLE = Qt.ItemDataRole.UserRole
CHECK_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("parameters", text)


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(text)
    return item


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped text at the column's current width (Qt assumes one line)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != RESULT_COLUMN:
            return size
        text = index.data(Qt.ItemDataRole.DisplayRole)
        width = self._view.columnWidth(index.column()) - 8
        if not text or width <= 0:
            return size
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or option.font)
        bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(size.width(), max(size.height(), bounds.height() + 4))


class ConnectionResults(QTreeView):
    """Read-only; each failed or warning row has a child row saying what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionResults")
        self.results_model = QStandardItemModel(0, 3, self)
        self.results_model.setHorizontalHeaderLabels([_tr("Check"), _tr("Result"), _tr("Time")])
        self.setModel(self.results_model)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(_tr("Connection test results"))
        self.setItemDelegate(_WrappingDelegate(self))
        header.sectionResized.connect(self._on_header_section_resized)

    def _on_header_section_resized(self, _index: int, _old: int, _new: int) -> None:
        self.scheduleDelayedItemsLayout()

    def clear(self) -> None:
        self.results_model.removeRows(0, self.results_model.rowCount())

    def row_count(self) -> int:
        return self.results_model.rowCount()

    def show_report(self, report: ConnectionReport) -> None:
        self.clear()
        style = self.style()
        italic = QFont(self.font())
        italic.setItalic(True)
        for check in report.checks:
            title = _cell(_tr(check.title))
            title.setIcon(style.standardIcon(_ICONS[check.status]))
            title.setData(check.status.value, STATUS_ROLE)
            title.setData(check.id, CHECK_ROLE)
            title.setToolTip(_tr(_STATUS_TEXT[check.status]))
            title.setForeground(QBrush(_COLOURS[check.status]))
            duration = _cell(f"{check.duration_ms:.0f} ms" if check.duration_ms else "")
            duration.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if check.hint:
                hint = _cell("→ " + check.hint)
                hint.setFont(italic)
                title.appendRow([_cell(""), hint, _cell("")])
            self.results_model.appendRow([title, _cell(check.message), duration])
        self.expandAll()

    def statuses(self) -> dict[str, str]:
        """check id → status value (tests and accessibility)."""
        model = self.results_model
        return {
            str(model.item(row, 0).data(CHECK_ROLE)): str(model.item(row, 0).data(STATUS_ROLE))
            for row in range(model.rowCount())
        }

    def hints(self) -> list[str]:
        model = self.results_model
        result: list[str] = []
        for row in range(model.rowCount()):
            title = model.item(row, 0)
            result.extend(title.child(i, 1).text() for i in range(title.rowCount()))
        return result
