"""The F1 help window: every keyboard shortcut, from the one shortcut table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.ui import shortcuts


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Help — keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "ksef-desktop is used from the keyboard like cairo.ERP: menus open with Alt and "
                "the underlined letter, Tab moves between fields, Enter confirms."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(shortcuts.ALL), 3, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Where"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, shortcut in enumerate(shortcuts.ALL):
            for column, text in enumerate(shortcuts.describe(shortcut)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("helpButtons")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setCurrentCell(-1, -1)
        self.table.setWordWrap(False)
        # Tall enough for every row: the list is short and should read without scrolling.
        rows = self.table.verticalHeader()
        self.table.setMinimumHeight(
            rows.defaultSectionSize() * self.table.rowCount()
            + self.table.horizontalHeader().sizeHint().height()
            + 2 * self.table.frameWidth()
        )
        self.resize(760, self.sizeHint().height())
