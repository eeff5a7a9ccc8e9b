"""The editable lines of a document as a table model, with inline checks and undoable edits."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoCommand, QUndoStack

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.lines import Line, Pricing, line_value
from ksef_desktop.domain.money import to_decimal
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.ui.common.amounts import amount_text, decimal_text

NAME, QUANTITY, UNIT, PRICE, RATE, VALUE = range(6)
_INVALID = QBrush(QColor("#fde2e2"))
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


@dataclass(frozen=True)
class LineRow:
    """One line as typed: texts stay as the person wrote them until they are valid."""

    name: str = ""
    quantity: str = "1"
    unit: str = "szt."
    price: str = ""
    rate: VatRate | None = VatRate.R23
    base: Line | None = None  # fields the editor does not show (GTIN, PKWiU, ...) survive

    @property
    def blank(self) -> bool:
        """Nothing typed yet: neither flagged nor saved (a new document starts with one)."""
        return not self.name.strip() and not self.price.strip()

    def cell(self, column: int) -> str:
        if column == RATE:
            return self.rate.value if self.rate else ""
        return str((self.name, self.quantity, self.unit, self.price)[column])

    def with_cell(self, column: int, text: str) -> LineRow:
        if column == RATE:
            return replace(self, rate=VatRate.parse(text) if text.strip() else None)
        if column == NAME:
            return replace(self, name=text)
        if column == QUANTITY:
            return replace(self, quantity=text)
        if column == UNIT:
            return replace(self, unit=text)
        return replace(self, price=text)

    @classmethod
    def of(cls, line: Line) -> LineRow:
        return cls(
            line.name or "",
            _plain(line.quantity),
            line.unit or "",
            _plain(line.unit_price),
            line.vat_rate,
            line,
        )


def _plain(value: Decimal | None) -> str:
    """A stored quantity or price as the accountant would type it (decimal comma)."""
    return "" if value is None else decimal_text(value)


def _number(text: str, field: str) -> Decimal:
    return to_decimal(text, field=field)


def row_problem(row: LineRow, column: int, *, allow_zero: bool) -> str | None:  # noqa: PLR0911
    """What is wrong with one cell, in words; None when it is fine."""
    if row.blank:
        return None
    try:
        if column == NAME and not row.name.strip():
            return _tr("Enter what is sold.")
        if column == QUANTITY:
            qty = _number(row.quantity, "quantity")
            if qty < 0 or (qty == 0 and not allow_zero):
                return _tr("The quantity must be greater than zero.")
            if -qty.as_tuple().exponent > 6:  # type: ignore[operator]
                return _tr("A quantity may have at most 6 decimal places.")
        if column == PRICE:
            price = _number(row.price, "unit_price")
            if price < 0:
                return _tr("The price cannot be negative.")
            if -price.as_tuple().exponent > 8:  # type: ignore[operator]
                return _tr("A unit price may have at most 8 decimal places.")
        if column == RATE and row.rate is None:
            return _tr("Choose the VAT rate.")
    except InvalidValueError:
        if column == QUANTITY:
            return _tr("The quantity {text!r} is not a number.").format(text=row.quantity)
        return _tr("The price {text!r} is not a number.").format(text=row.price)
    return None


def to_line(row: LineRow, number: int) -> Line:
    """The domain line for a valid row (raises InvalidValueError for an invalid one)."""
    fields = {
        "number": number,
        "name": row.name.strip(),
        "quantity": _number(row.quantity, "quantity"),
        "unit": row.unit.strip() or None,
        "unit_price": _number(row.price, "unit_price"),
        "vat_rate": row.rate,
        "before": False,
    }
    if row.base is not None:
        return replace(row.base, **fields)  # type: ignore[arg-type]
    return Line(**fields)  # type: ignore[arg-type]


class LinesModel(QAbstractTableModel):
    """Rows of :class:`LineRow`; every change goes through the undo stack."""

    lines_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LineRow] = []
        self.pricing = Pricing.NET
        self.allow_zero = False
        self.read_only = False
        self.undo_stack = QUndoStack(self)

    # --- reading ---------------------------------------------------------------

    @property
    def rows(self) -> tuple[LineRow, ...]:
        return tuple(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        net = self.pricing is Pricing.NET
        titles = (
            _tr("Name"),
            _tr("Quantity"),
            _tr("Unit"),
            _tr("Net price") if net else _tr("Gross price"),
            _tr("VAT rate"),
            _tr("Net value") if net else _tr("Gross value"),
        )
        return titles[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != VALUE and not self.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == VALUE:
                return self.value_text(row)
            if column == RATE and role == Qt.ItemDataRole.DisplayRole and row.rate:
                return _tr(row.rate.label)
            return row.cell(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, PRICE, VALUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        problem = self.problem(index.row(), column) if column != VALUE else None
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return _INVALID
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        return None

    def value_text(self, row: LineRow) -> str:
        try:
            qty, price = _number(row.quantity, "quantity"), _number(row.price, "unit_price")
        except InvalidValueError:
            return ""
        return amount_text(line_value(qty, price, None))

    def problem(self, row: int, column: int) -> str | None:
        return row_problem(self._rows[row], column, allow_zero=self.allow_zero)

    def first_problem(self) -> tuple[int, int, str] | None:
        """(row, column, message) of the first invalid cell, reading order."""
        for r in range(len(self._rows)):
            for c in (NAME, QUANTITY, PRICE, RATE):
                message = self.problem(r, c)
                if message:
                    return r, c, message
        return None

    def lines(self) -> tuple[Line, ...]:
        """The valid rows as domain lines (invalid ones are left out of live totals)."""
        usable = (r for i, r in enumerate(self._rows) if not r.blank and not self._row_invalid(i))
        return tuple(to_line(row, n) for n, row in enumerate(usable, start=1))

    def _row_invalid(self, r: int) -> bool:
        return any(self.problem(r, c) for c in (NAME, QUANTITY, PRICE, RATE))

    # --- changing (undoable) ---------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == VALUE:
            return False
        old = self._rows[index.row()]
        try:
            new = old.with_cell(index.column(), str(value))
        except InvalidValueError:
            return False
        if new == old:
            return True  # nothing to change (and nothing to undo)
        self.undo_stack.push(_Replace(self, index.row(), old, new, _tr("edit line")))
        return True

    def insert_line(self, position: int, row: LineRow | None = None) -> None:
        self.undo_stack.push(_Insert(self, position, row or LineRow()))

    def remove_line(self, position: int) -> None:
        if 0 <= position < len(self._rows):
            self.undo_stack.push(_Remove(self, position))

    def move_line(self, source: int, target: int) -> None:
        if source != target and 0 <= source < len(self._rows) and 0 <= target < len(self._rows):
            self.undo_stack.push(_Move(self, source, target))

    def set_rows(self, rows: list[LineRow]) -> None:
        """Replace everything (loading a document); not undoable."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.undo_stack.clear()
        self.lines_changed.emit()

    def set_pricing(self, pricing: Pricing) -> None:
        self.pricing = pricing
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, PRICE, VALUE)
        self.lines_changed.emit()

    # --- primitive steps the undo commands perform ------------------------------

    def _put(self, position: int, row: LineRow) -> None:
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, VALUE))
        self.lines_changed.emit()

    def _insert(self, position: int, row: LineRow) -> None:
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self.endInsertRows()
        self.lines_changed.emit()

    def _remove(self, position: int) -> LineRow:
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self._rows.pop(position)
        self.endRemoveRows()
        self.lines_changed.emit()
        return row

    def _move(self, source: int, target: int) -> None:
        # Qt's destination index counts positions before the move.
        dest = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest)
        self._rows.insert(target, self._rows.pop(source))
        self.endMoveRows()
        self.lines_changed.emit()


class _Replace(QUndoCommand):
    def __init__(self, model: LinesModel, pos: int, old: LineRow, new: LineRow, text: str):
        super().__init__(text)
        self._model, self._pos, self._old, self._new = model, pos, old, new

    def redo(self) -> None:
        self._model._put(self._pos, self._new)

    def undo(self) -> None:
        self._model._put(self._pos, self._old)


class _Insert(QUndoCommand):
    def __init__(self, model: LinesModel, pos: int, row: LineRow):
        super().__init__(_tr("add line"))
        self._model, self._pos, self._row = model, pos, row

    def redo(self) -> None:
        self._model._insert(self._pos, self._row)

    def undo(self) -> None:
        self._model._remove(self._pos)


class _Remove(QUndoCommand):
    def __init__(self, model: LinesModel, pos: int):
        super().__init__(_tr("remove line"))
        self._model, self._pos = model, pos
        self._row: LineRow | None = None

    def redo(self) -> None:
        self._row = self._model._remove(self._pos)

    def undo(self) -> None:
        if self._row is not None:
            self._model._insert(self._pos, self._row)


class _Move(QUndoCommand):
    def __init__(self, model: LinesModel, source: int, target: int):
        super().__init__(_tr("move line"))
        self._model, self._source, self._target = model, source, target

    def redo(self) -> None:
        self._model._move(self._source, self._target)

    def undo(self) -> None:
        self._model._move(self._target, self._source)
