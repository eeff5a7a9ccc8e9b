"""The problem list: validation problems and KSeF messages, each leading to its element."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QApplication, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from ksef_desktop.services.structure import StructureModel

#: Enough for any real document; a file with more problems is no invoice at all.
MAX_SHOWN = 2000


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProblemList", text)


@dataclass(frozen=True)
class Entry:
    kind: str  # "error", "warning" or "ksef"
    message: str
    node: int | None  # the element it is about, None for the file as a whole
    path: str
    line: int | None


def entries(model: StructureModel) -> list[Entry]:
    """KSeF's messages first (why the document came back), then problems in document order."""
    found: list[Entry] = []
    for index in model.with_problems():
        node = model.node(index)
        found += [Entry("ksef", m, index, node.path, node.line) for m in node.ksef_messages]
    found += [Entry("ksef", m, None, "", None) for m in model.unlinked]
    for index in model.with_problems():
        node = model.node(index)
        found += [
            Entry(
                "error" if p.is_error else "warning",
                p.message,
                index,
                node.path,
                p.line if p.line is not None else node.line,
            )
            for p in node.problems
        ]
    found += [
        Entry("error" if p.is_error else "warning", p.message, None, "", p.line)
        for p in model.general
    ]
    return found


class ProblemList(QTreeWidget):
    """Selecting (or activating) an entry emits ``entry_selected`` with it."""

    entry_selected = Signal(object)  # Entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemList")
        self.setAccessibleName(self.tr("Problems"))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels([self.tr("Kind"), self.tr("Message"), self.tr("Element"), "#"])
        self.setColumnWidth(0, 110)
        self.setColumnWidth(1, 560)
        self.setColumnWidth(2, 260)
        style = QApplication.style()
        self._icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "ksef": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        }
        self._kinds = {"error": _tr("Error"), "warning": _tr("Warning"), "ksef": _tr("KSeF")}
        self._entries: list[Entry] = []
        self.currentItemChanged.connect(self._on_current_item_changed)
        self.itemActivated.connect(self._on_item_activated)

    @property
    def shown(self) -> list[Entry]:
        return list(self._entries)

    def show_entries(self, found: list[Entry]) -> None:
        self.clear()
        self._entries = found[:MAX_SHOWN]
        items = []
        for number, entry in enumerate(self._entries):
            item = QTreeWidgetItem(
                [
                    self._kinds[entry.kind],
                    entry.message,
                    entry.path or self.tr("(the whole file)"),
                    str(entry.line) if entry.line is not None else "",
                ]
            )
            item.setIcon(0, self._icons[entry.kind])
            item.setToolTip(1, entry.message)
            item.setData(0, 256, number)  # Qt.UserRole: the entry's position
            items.append(item)
        if len(found) > MAX_SHOWN:
            more = QTreeWidgetItem(
                ["", self.tr("… and {count} more").format(count=len(found) - MAX_SHOWN)]
            )
            items.append(more)
        self.addTopLevelItems(items)

    def _entry(self, item: QTreeWidgetItem | None) -> Entry | None:
        if item is None:
            return None
        number = item.data(0, 256)
        return self._entries[number] if isinstance(number, int) else None

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        entry = self._entry(current)
        if entry is not None:
            self.entry_selected.emit(entry)

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        entry = self._entry(item)
        if entry is not None:
            self.entry_selected.emit(entry)
