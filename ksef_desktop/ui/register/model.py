"""The register's table model: ids and rows fetched a page at a time by the task runner.

Filtering and sorting happen in SQL (services.register); the model holds only
the pages the view has scrolled to, so a register of 100 000 documents costs
no more to open than one of 20. ``data()`` never touches the store: every page
arrives through a task, and a newer reload discards the answers of older ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.register import RegisterFilter, RegisterRow, RegisterService, SortKey
from ksef_desktop.ui.common.amounts import NO_VALUE, money_text
from ksef_desktop.ui.common.tasks import Task, TaskRunner
from ksef_desktop.ui.register.format import date_text, status_colour, status_text

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

#: (header, sort key) per column, in display order. The headers are English sources marked
#: for lupdate (typed as object) and translated in headerData, after the catalog is installed.
COLUMNS: tuple[tuple[object, SortKey], ...] = (
    (QT_TRANSLATE_NOOP("RegisterModel", "Number"), SortKey.NUMBER),
    (QT_TRANSLATE_NOOP("RegisterModel", "Date"), SortKey.ISSUE_DATE),
    (QT_TRANSLATE_NOOP("RegisterModel", "Buyer"), SortKey.BUYER),
    (QT_TRANSLATE_NOOP("RegisterModel", "NIP"), SortKey.BUYER_NIP),
    (QT_TRANSLATE_NOOP("RegisterModel", "Net"), SortKey.NET),
    (QT_TRANSLATE_NOOP("RegisterModel", "VAT"), SortKey.VAT),
    (QT_TRANSLATE_NOOP("RegisterModel", "Gross"), SortKey.GROSS),
    (QT_TRANSLATE_NOOP("RegisterModel", "Status"), SortKey.STATUS),
    (QT_TRANSLATE_NOOP("RegisterModel", "KSeF number"), SortKey.KSEF_NUMBER),
)
NUMBER, DATE, BUYER, NIP, NET, VAT, GROSS, STATUS, KSEF = range(len(COLUMNS))
_MONEY = (NET, VAT, GROSS)


@dataclass(frozen=True)
class _Page:
    total: int
    ids: list[str]
    rows: list[RegisterRow]


class RegisterModel(QAbstractTableModel):
    """Read-only; ``reload`` replaces the content, ``fetchMore`` appends the next page."""

    reloaded = Signal()  # a reload's answer is shown (tests and the window wait on it)
    page_loaded = Signal()  # a further page was appended
    load_failed = Signal(object)  # the exception of a failed page fetch

    def __init__(
        self, register: RegisterService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._register = register
        self._runner = runner
        self._filter = RegisterFilter()
        self._sort = SortKey.ISSUE_DATE
        self._descending = True
        self._ids: list[str] = []
        self._rows: dict[str, RegisterRow] = {}
        self._total = 0
        self._reload: Task[_Page] | None = None
        self._more: Task[_Page] | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._roles: dict[int, Callable[[RegisterRow, int], Any]] = {
            Qt.ItemDataRole.DisplayRole: lambda row, column: _DISPLAY[column](row),
            Qt.ItemDataRole.TextAlignmentRole: self._alignment,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            ID_ROLE: lambda row, _column: row.id,
            STATUS_ROLE: lambda row, _column: row.status.value,
            ROW_ROLE: lambda row, _column: row,
        }

    # --- what the window reads -----------------------------------------------------

    @property
    def total(self) -> int:
        """Documents matching the filter, loaded or not."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._reload is not None

    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    def doc_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: str) -> int:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return -1

    def register_row(self, row: int) -> RegisterRow | None:
        doc_id = self.doc_id(row)
        return self._rows.get(doc_id) if doc_id is not None else None

    # --- loading --------------------------------------------------------------------

    def set_filter(self, flt: RegisterFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self, keep: int = 0) -> None:
        """Fetch the first ``max(PAGE, keep)`` rows afresh; older answers are dropped."""
        if self._reload is not None:
            self._reload.cancel()
        if self._more is not None:
            self._more.cancel()
            self._more = None
        flt, sort, desc = self._filter, self._sort, self._descending
        limit = max(PAGE, keep)
        register = self._register

        def load(_cancel: CancelToken, _progress: Progress) -> _Page:
            ids = register.ids(flt, sort=sort, descending=desc, limit=limit)
            return _Page(register.count(flt), ids, register.rows(ids))

        task = self._runner.run(
            "register page", load, on_returned=self._on_reloaded, on_errored=self._on_failed
        )
        self._reload = task

    def _on_reloaded(self, page: _Page) -> None:
        self._reload = None
        self.beginResetModel()
        self._total = page.total
        self._rows = {r.id: r for r in page.rows}
        self._ids = [i for i in page.ids if i in self._rows]
        self.endResetModel()
        self.reloaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._reload = None
        self._more = None
        self.load_failed.emit(exc)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return (
            not parent.isValid()
            and self._reload is None
            and self._more is None
            and len(self._ids) < self._total
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        flt, sort, desc, offset = self._filter, self._sort, self._descending, len(self._ids)
        register = self._register

        def load(_cancel: CancelToken, _progress: Progress) -> _Page:
            ids = register.ids(flt, sort=sort, descending=desc, offset=offset, limit=PAGE)
            return _Page(register.count(flt), ids, register.rows(ids))

        self._more = self._runner.run(
            "register next page", load, on_returned=self._on_more, on_errored=self._on_failed
        )

    def _on_more(self, page: _Page) -> None:
        self._more = None
        # A document added or deleted meanwhile shifts the pages; never show one twice.
        fresh = [i for i in page.ids if i not in self._rows and any(r.id == i for r in page.rows)]
        self._total = page.total
        if fresh:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.update({r.id: r for r in page.rows if r.id in fresh})
            self._ids.extend(fresh)
            self.endInsertRows()
        elif len(self._ids) < self._total:
            self._total = len(self._ids)  # the list shrank under us; stop asking
        self.page_loaded.emit()

    # --- the Qt model ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(COLUMNS[section][0]))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        valid = index.isValid() and not index.parent().isValid()
        row = self.register_row(index.row()) if valid else None
        handler = self._roles.get(role)
        return handler(row, index.column()) if row is not None and handler else None

    def _alignment(self, _row: RegisterRow, column: int) -> int:
        side = Qt.AlignmentFlag.AlignRight if column in _MONEY else Qt.AlignmentFlag.AlignLeft
        return int(side | Qt.AlignmentFlag.AlignVCenter)

    def _foreground(self, row: RegisterRow, column: int) -> QBrush | None:
        coloured = column == STATUS or (column == NUMBER and row.number is None)
        return QBrush(status_colour(row.status)) if coloured else None

    def _font(self, _row: RegisterRow, column: int) -> QFont | None:
        return self._bold if column == STATUS else None

    def _tooltip(self, row: RegisterRow, column: int) -> str | None:
        if column == STATUS and row.reason:
            return f"{status_text(row.status)}: {row.reason}"
        if column == NUMBER and row.number is None:
            return self.tr("The number is assigned at approval.")
        if column == BUYER:
            return row.buyer
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload(keep=len(self._ids))

    def ids(self) -> Sequence[str]:
        return tuple(self._ids)


_DISPLAY: tuple[Callable[[RegisterRow], str], ...] = (
    lambda r: r.number or NO_VALUE,
    lambda r: date_text(r.issue_date),
    lambda r: r.buyer,
    lambda r: r.buyer_nip or NO_VALUE,
    lambda r: money_text(r.net, r.currency),
    lambda r: money_text(r.vat, r.currency),
    lambda r: money_text(r.gross, r.currency),
    lambda r: status_text(r.status),
    lambda r: r.ksef_number or NO_VALUE,
)
