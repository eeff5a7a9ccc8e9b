"""The lines table: Ins adds, Del removes, Ctrl+Up/Down move, Enter edits; a VAT-rate combo."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ksef_desktop.domain.vat import VatRate
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.editor.lines_model import NAME, RATE, LinesModel

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


class RateDelegate(QStyledItemDelegate):
    """A combo of the FA(3) rate codes; typing "8" or "zw" jumps to the rate."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("rateEditor")
        for rate in VatRate:
            combo.addItem(_tr(rate.label), rate.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class LinesTable(QTableView):
    def __init__(self, model: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linesTable")
        self.setAccessibleName(_tr("Document lines"))
        self.setModel(model)
        self._model = model
        self.setItemDelegateForColumn(RATE, RateDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 70), (3, 110), (4, 130), (5, 120)):
            header.resizeSection(column, width)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setMinimumHeight(110)
        self.setToolTip(
            _tr("Ins adds a line, Del removes it, Ctrl+Up/Down moves it, Enter or typing edits")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        editing = self.state() == QAbstractItemView.State.EditingState
        if editing or self._model.read_only:
            super().keyPressEvent(event)
            return
        row = self.currentIndex().row()
        if shortcuts.matches(event, shortcuts.EDITOR_ADD_LINE):
            self.add_line()
        elif shortcuts.matches(event, shortcuts.EDITOR_REMOVE_LINE) and row >= 0:
            self._model.remove_line(row)
            if self._model.rowCount():
                self._select(min(row, self._model.rowCount() - 1), self.currentIndex().column())
        elif (
            shortcuts.matches(event, shortcuts.EDITOR_EDIT_CELL) and self.currentIndex().isValid()
        ):
            self.edit(self.currentIndex())
        elif shortcuts.matches(event, shortcuts.EDITOR_LINE_UP, shortcuts.EDITOR_LINE_DOWN):
            up = shortcuts.matches(event, shortcuts.EDITOR_LINE_UP)
            target = row - 1 if up else row + 1
            if 0 <= target < self._model.rowCount():
                self._model.move_line(row, target)
                self._select(target, self.currentIndex().column())
        else:
            super().keyPressEvent(event)

    def add_line(self) -> None:
        """A new line after the current one (or at the end), ready to type its name."""
        row = self.currentIndex().row()
        position = row + 1 if row >= 0 else self._model.rowCount()
        self._model.insert_line(position)
        self._select(position, NAME)

    def _select(self, row: int, column: int) -> None:
        self.setCurrentIndex(self._model.index(row, max(column, 0)))
