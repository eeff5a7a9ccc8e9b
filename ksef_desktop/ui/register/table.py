"""The register's table view: cairo.ERP keys ([Ins], [Enter], [Del], [TAB]) on the list itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.register.format import status_text
from ksef_desktop.ui.register.model import BUYER, COLUMNS, DATE, KSEF, NIP, NUMBER, STATUS


class RegisterTable(QTableView):
    """Whole-row selection; the four keys become requests instead of moving focus or editing."""

    new_pressed = Signal()
    open_pressed = Signal()
    delete_pressed = Signal()
    print_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerTable")
        self.setAccessibleName(self.tr("Sales documents"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        # TAB means "print" in the register, never "next cell".
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.horizontalHeader().setHighlightSections(False)

    def size_columns(self) -> None:
        """Fixed widths for the short columns; the buyer takes the room that is left."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        widths = {
            NUMBER: metrics.horizontalAdvance("FV/2026/11/00000") + 16,
            DATE: metrics.horizontalAdvance("2026-11-30") + 24,
            STATUS: self._status_width(),
            KSEF: metrics.horizontalAdvance("5261040828-20261125-0123456789AB-CD") + 16,
            NIP: metrics.horizontalAdvance("0000000000") + 24,
        }
        money = metrics.horizontalAdvance("9\u00a0999\u00a0999,99") + 20
        for column in range(len(COLUMNS)):
            self.setColumnWidth(column, widths.get(column, money))
        header.setSectionResizeMode(BUYER, QHeaderView.ResizeMode.Stretch)

    def _status_width(self) -> int:
        """The longest status as the model paints it (bold, in the interface language)."""
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        return max(metrics.horizontalAdvance(status_text(status)) for status in Status) + 24

    def event(self, event: QEvent) -> bool:
        # QWidget.event turns TAB into a focus change before keyPressEvent sees it.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and shortcuts.matches(event, shortcuts.REGISTER_PRINT)
        ):
            self.print_pressed.emit()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        signal = next(
            (
                signal
                for shortcut, signal in (
                    (shortcuts.REGISTER_NEW, self.new_pressed),
                    (shortcuts.REGISTER_OPEN, self.open_pressed),
                    (shortcuts.REGISTER_DELETE, self.delete_pressed),
                )
                if shortcuts.matches(event, shortcut)
            ),
            None,
        )
        if signal is None:
            super().keyPressEvent(event)
            return
        signal.emit()
        event.accept()
