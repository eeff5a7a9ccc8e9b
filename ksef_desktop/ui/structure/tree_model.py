"""The element tree as a lazy item model: rows are looked up in the StructureModel on demand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from ksef_desktop.services.structure import StructureModel, StructureNode

LABEL, NAME, VALUE, ATTRIBUTES = range(4)
#: The node's index in the StructureModel (tests and the window use it).
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
_VALUE_CHARS = 200  # a tree cell shows the start of a long value; details show all of it
_ERROR = QColor("#b00020")
_WARNING = QColor("#9a6700")
_ABOVE = QColor("#fff4f4")

ModelIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("StructureTreeModel", text)


def severity(node: StructureNode) -> str | None:
    """ "error", "warning" or None: KSeF's rejection messages count as errors."""
    if node.ksef_messages or any(p.is_error for p in node.problems):
        return "error"
    return "warning" if node.problems else None


def problem_ancestors(model: StructureModel) -> set[int]:
    """Nodes with a problem somewhere below them, so a collapsed branch still shows it."""
    marked: set[int] = set()
    for index in model.with_problems():
        parent = model.node(index).parent
        while parent is not None and parent not in marked:
            marked.add(parent)
            parent = model.node(parent).parent
    return marked


class StructureTreeModel(QAbstractItemModel):
    """Columns: Polish label, technical name, value, attributes; ``internalId`` is the node."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: StructureModel | None = None
        self._below: set[int] = set()
        self._headers = (_tr("Element"), _tr("Name"), _tr("Value"), _tr("Attributes"))
        style = QApplication.style()
        self._icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }

    @property
    def structure(self) -> StructureModel | None:
        return self._model

    def set_structure(self, model: StructureModel | None, below: set[int] | None = None) -> None:
        self.beginResetModel()
        self._model = model
        self._below = below or set()
        self.endResetModel()

    # --- structure -------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if self._model is None or not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        children = self._model.node(parent.internalId()).children
        return self.createIndex(row, column, children[row])

    def parent(self, child: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if self._model is None or not child.isValid():
            return QModelIndex()
        above = self._model.node(child.internalId()).parent
        if above is None:
            return QModelIndex()
        return self.createIndex(self._model.node(above).row, 0, above)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if self._model is None or parent.column() > 0:
            return 0
        if not parent.isValid():
            return 1
        return len(self._model.node(parent.internalId()).children)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 4

    def index_of(self, node: int) -> QModelIndex:
        """The first-column index of node ``node``."""
        if self._model is None:
            return QModelIndex()
        return self.createIndex(self._model.node(node).row, 0, node)

    # --- data ------------------------------------------------------------------

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self._model
        if model is None or not index.isValid():
            return None
        number = index.internalId()
        node = model.node(number)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _text(model, number, index.column())
        if role == NODE_ROLE:
            return number
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(model, number, number in self._below)
        return self._marks(node, number, index.column(), role)

    def _marks(self, node: StructureNode, number: int, column: int, role: int) -> Any:
        """Icon and colour of a node with problems; a faint background above one."""
        kind = severity(node)
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL and kind is not None:
            return self._icons[kind]
        if role == Qt.ItemDataRole.ForegroundRole and kind is not None:
            return QBrush(_ERROR if kind == "error" else _WARNING)
        if role == Qt.ItemDataRole.BackgroundRole and kind is None and number in self._below:
            return QBrush(_ABOVE)
        return None


def _text(model: StructureModel, number: int, column: int) -> str:
    node = model.node(number)
    if column == LABEL:
        return model.label(number)
    if column == NAME:  # with the [n] of a repeating element: FaWiersz[2]
        return node.path.rpartition("/")[2]
    if column == VALUE:
        value = node.value or ""
        return value if len(value) <= _VALUE_CHARS else value[:_VALUE_CHARS] + "…"
    return "  ".join(f"{key}={value}" for key, value in node.attributes)


def _tooltip(model: StructureModel, number: int, above_problem: bool) -> str:
    node = model.node(number)
    lines = [f"{model.label(number)} ({node.name})", node.path]
    lines += [p.message for p in node.problems]
    lines += [_tr("KSeF: {message}").format(message=m) for m in node.ksef_messages]
    if above_problem:
        lines.append(_tr("Problems inside this element"))
    return "\n".join(lines)
