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
        # ALL is grouped by window; the window is named once per group and the groups
        # alternate their background so the eye finds where one window's keys end.
        shade = self.palette().alternateBase()
        group = -1
        previous = ""
        for row, shortcut in enumerate(shortcuts.ALL):
            key, where, action = shortcuts.describe(shortcut)
            if shortcut.where != previous:
                group += 1
                previous = shortcut.where
                shown_where = where
            else:
                shown_where = ""
            for column, text in enumerate((key, shown_where, action)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(f"{where}: {action}")
                if group % 2:
                    item.setBackground(shade)
                if column == 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
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
        # The list is long: show a good part of it and let the table scroll.
        rows = self.table.verticalHeader()
        self.table.setMinimumHeight(
            rows.defaultSectionSize() * min(18, self.table.rowCount())
            + self.table.horizontalHeader().sizeHint().height()
            + 2 * self.table.frameWidth()
        )
        self.resize(940, self.sizeHint().height())
