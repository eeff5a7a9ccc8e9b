"""The AWAITING DOCUMENTS table model: ids from SQL, rows read a page at a time by the runner."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.awaiting import (
    AwaitingFilter,
    AwaitingRow,
    AwaitingService,
    ReasonKind,
    SortKey,
)
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.support.i18n import tr
from ksef_desktop.ui.common.amounts import money_text
from ksef_desktop.ui.common.tasks import Task, TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the document id of a row (None until its page loads)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the AwaitingRow itself

#: Rows per fetch: a screenful or two, one SQL ``IN (...)`` query.
PAGE = 100
#: Pages kept in memory; scrolling through 100,000 rows does not keep them all.
CACHED_PAGES = 40

_Index = QModelIndex | QPersistentModelIndex
#: A row's record and the text of its cells.
Shown = tuple[AwaitingRow, tuple[str, ...]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("AwaitingModel", text)


#: (header, sort key) per column, in display order. The headers are English sources marked
#: for lupdate (typed as object) and translated in headerData, after the catalog is installed.
COLUMNS: tuple[tuple[object, SortKey], ...] = (
    (QT_TRANSLATE_NOOP("AwaitingModel", "Number"), SortKey.NUMBER),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Date"), SortKey.ISSUE_DATE),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Buyer"), SortKey.BUYER),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Gross"), SortKey.GROSS),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Status"), SortKey.STATUS),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Reason"), SortKey.REASON),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Attempts"), SortKey.ATTEMPTS),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Last attempt"), SortKey.LAST_ATTEMPT),
    (QT_TRANSLATE_NOOP("AwaitingModel", "Next automatic retry"), SortKey.NEXT_RETRY),
)
GROSS_COLUMN, STATUS_COLUMN, REASON_COLUMN, ATTEMPTS_COLUMN = 3, 4, 5, 6
_KIND_COLOURS = {
    ReasonKind.DATA: QColor("#b00020"),
    ReasonKind.SETUP: QColor("#9a6700"),
}


@dataclass(frozen=True)
class Loaded:
    """A reload's answer: the count and the pages the view shows first."""

    generation: int
    version: int  # the change feed's version the answer reflects
    total: int  # every awaiting document, whatever the filter
    count: int  # the documents the filter matches
    pages: dict[int, tuple[list[str], dict[str, Shown]]]  # page -> (ids, rows by id)


class StaleSelectionError(KsefDesktopError):
    code = "stale-selection"

    def __init__(self) -> None:
        super().__init__(
            tr("The list changed while you were choosing; check the selection and try again.")
        )


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "—"


def reason_tooltip(record: AwaitingRow) -> str:
    """KSeF's own code and words, or the network error, under the plain-language reason."""
    reason = record.reason
    lines = [reason.message]
    if reason.ksef_code is not None:
        lines.append(
            _tr("KSeF code {code}: {text}").format(
                code=reason.ksef_code, text=reason.ksef_description or "—"
            )
        )
    if reason.transport_error:
        lines.append(_tr("Transport error: {text}").format(text=reason.transport_error))
    lines.append(_tr("Reason code: {code}").format(code=reason.code))
    return "\n".join(lines)


def _next_retry(record: AwaitingRow) -> str:
    if record.next_retry_at is not None:
        return _when(record.next_retry_at)
    if record.reason.kind is ReasonKind.DATA:
        return _tr("— (needs correcting)")
    if record.reason.kind is ReasonKind.SETUP:
        return _tr("— (administrator)")
    return "—"


class AwaitingModel(QAbstractTableModel):
    """Holds only the ordered ids; SQL does the filtering and sorting, the runner the reads."""

    loaded = Signal()  # a reload's count and first pages are in: the view can paint
    count_changed = Signal(int)  # every awaiting document (for the status bar)
    page_loaded = Signal(int)  # a page of rows arrived (tests and the benchmark wait on it)
    load_failed = Signal(object)

    def __init__(
        self, service: AwaitingService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._filter = AwaitingFilter()
        self._sort = SortKey.ISSUE_DATE
        self._descending = True
        self._generation = 0
        # Known ids by row; None until the row's page has been read (see reload).
        self._ids: list[str | None] = []
        self._version = 0
        self._rows: dict[str, int] | None = None
        self._pages: OrderedDict[int, dict[str, Shown]] = OrderedDict()
        self._fetching: set[int] = set()
        self._tasks: list[Task[Any]] = []
        self.total = 0
        self.loading = False

    # --- queries -----------------------------------------------------------------

    @property
    def filter(self) -> AwaitingFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[SortKey, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: AwaitingFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()

    def reload(self, around: int = 0) -> None:
        """Ask SQL again (on the runner); the current rows stay until the answer comes.

        Only the count and the first page (plus the page at row ``around``, where
        the view is scrolled) are read: the ids of every other row arrive with
        its page, by offset, when the view shows it.
        """
        self._generation += 1
        generation = self._generation
        flt, sort, descending = self._filter, self._sort, self._descending
        service = self._service
        wanted = sorted({0, max(around, 0) // PAGE})
        self.loading = True

        def load(_cancel: CancelToken, _progress: Progress) -> Loaded:
            version = service.changes.version
            pages = {}
            if flt.searches_text:
                # A search scans the searched text once per query and usually matches
                # few documents: read the first page (and one id more) first; only
                # when it is full does the count need a second scan.
                first = service.ids(flt, sort, descending=descending, limit=PAGE + 1)
                count = len(first) if len(first) <= PAGE else service.count(flt)
                pages[0] = (first[:PAGE], shown(service.rows(first[:PAGE])))
            else:
                count = service.count(flt)  # by an index: also tells ids() its plan
            for page in wanted:
                if page not in pages and page * PAGE < max(count, 1):
                    ids = service.ids(
                        flt, sort, descending=descending, offset=page * PAGE, limit=PAGE,
                        matched=count,
                    )  # fmt: skip
                    pages[page] = (ids, shown(service.rows(ids)))
            total = count if flt == AwaitingFilter() else service.total()
            return Loaded(generation, version, total, count, pages)

        self._track(
            self._runner.run(
                "load awaiting documents",
                load,
                on_returned=self._on_loaded,
                on_errored=self._on_load_errored,
            )
        )

    def rows_reader(self, rows: list[int]) -> Callable[[], list[str]]:
        """An operation for the runner: the ids of ``rows`` as the view shows them now.

        Ids already known are taken as they are; the others are read by offset
        in the same order. If the outbox changed since the list was read, the
        offsets may name other documents, so the operation refuses.
        """
        known = {row: self._ids[row] for row in rows if 0 <= row < len(self._ids)}
        flt, sort, descending = self._filter, self._sort, self._descending
        version, service = self._version, self._service

        def read() -> list[str]:
            missing = sorted(row for row, doc_id in known.items() if doc_id is None)
            if missing and service.changes.version != version:
                raise StaleSelectionError
            found = dict(known)
            start = 0
            while start < len(missing):  # one query per run of consecutive rows
                end = start
                while end + 1 < len(missing) and missing[end + 1] == missing[end] + 1:
                    end += 1
                ids = service.ids(
                    flt, sort, descending=descending, offset=missing[start],
                    limit=end - start + 1,
                )  # fmt: skip
                found.update(zip(missing[start : end + 1], ids, strict=False))
                start = end + 1
            return [d for _row, d in sorted(found.items()) if d is not None]

        return read

    def _track(self, task: Task[Any]) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)

    def shutdown(self) -> None:
        """Drop every answer still on its way (the window is closing)."""
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        self._generation += 1

    def _on_loaded(self, loaded: Loaded) -> None:
        if loaded.generation != self._generation:
            return  # a newer filter or sort was asked for meanwhile
        self.loading = False
        self.beginResetModel()
        self._version = loaded.version
        self._ids = [None] * loaded.count
        self._rows = None
        self._pages.clear()
        self._fetching.clear()
        for page, (ids, rows) in loaded.pages.items():
            self._ids[page * PAGE : page * PAGE + len(ids)] = ids
            self._pages[page] = rows
        self.endResetModel()
        changed = loaded.total != self.total
        self.total = loaded.total
        self.loaded.emit()
        if changed or loaded.generation == 1:
            self.count_changed.emit(self.total)

    def _on_load_errored(self, exc: BaseException) -> None:
        self.loading = False
        self.load_failed.emit(exc)

    # --- rows --------------------------------------------------------------------

    def document_id(self, row: int) -> str | None:
        """The id in ``row``; None until the view has shown that part of the list."""
        return self._ids[row]

    def row_of(self, document_id: str) -> int | None:
        if self._rows is None:
            self._rows = {d: row for row, d in enumerate(self._ids) if d is not None}
        return self._rows.get(document_id)

    def record(self, row: int) -> AwaitingRow | None:
        """The row's record when its page is cached, else None (and the page is fetched)."""
        found = self._shown(row)
        return found[0] if found is not None else None

    def _shown(self, row: int) -> Shown | None:
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            if 0 <= row < len(self._ids):
                self._fetch(page)
            return None
        self._pages.move_to_end(page)
        doc_id = self._ids[row]
        return cached.get(doc_id) if doc_id is not None else None

    def _fetch(self, page: int) -> None:
        if page in self._fetching:
            return
        self._fetching.add(page)
        generation = self._generation
        start = page * PAGE
        known = self._ids[start : start + PAGE]
        matched = len(self._ids)
        flt, sort, descending = self._filter, self._sort, self._descending
        service = self._service

        def read(_cancel: CancelToken, _progress: Progress) -> tuple[list[str], dict[str, Shown]]:
            if None in known:
                ids = service.ids(
                    flt, sort, descending=descending, offset=start, limit=PAGE, matched=matched
                )
            else:
                ids = [d for d in known if d is not None]
            return ids, shown(service.rows(ids))

        self._track(
            self._runner.run(
                "load awaiting rows",
                read,
                on_returned=lambda found: self._on_page(generation, page, *found),
                on_errored=self._on_load_errored,
            )
        )

    def _on_page(self, generation: int, page: int, ids: list[str], rows: dict[str, Shown]) -> None:
        if generation != self._generation:
            return
        self._fetching.discard(page)
        start = page * PAGE
        if len(ids) == len(self._ids[start : start + PAGE]):
            self._ids[start : start + len(ids)] = ids
            self._rows = None
        self._pages[page] = rows
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE
        last = min(first + PAGE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    # --- QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(str(COLUMNS[section][0]))
        return super().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks a dozen roles per cell on every paint: unused ones leave first.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if role == ID_ROLE:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        found = self._shown(row)
        column = index.column()
        if found is None:
            placeholder = role == Qt.ItemDataRole.DisplayRole and column == 0
            return _tr("loading…") if placeholder else None
        if role == Qt.ItemDataRole.DisplayRole:
            return found[1][column]
        if role == RECORD_ROLE:
            return found[0]
        return self._decoration(found[0], column, role)

    @staticmethod
    def _decoration(record: AwaitingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON_COLUMN:
            return reason_tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in _COLOURED:
            colour = _KIND_COLOURS.get(record.reason.kind)
            return QBrush(colour) if colour is not None else None
        return None


def shown(rows: list[AwaitingRow]) -> dict[str, Shown]:
    """Each row with its cells' text, made on the worker so painting only looks them up."""
    return {r.document_id: (r, tuple(cell(r) for cell in _CELLS)) for r in rows}


def _gross(record: AwaitingRow) -> str:
    return money_text(record.entry.gross, record.entry.currency)


#: What each column shows, in COLUMNS order.
_CELLS: tuple[Callable[[AwaitingRow], str], ...] = (
    lambda r: r.entry.number,
    lambda r: r.entry.issue_date.isoformat(),
    lambda r: r.entry.buyer,
    _gross,
    lambda r: tr(r.state.label),  # domain labels are translated at display time
    lambda r: r.reason.message,
    lambda r: str(r.attempts),
    lambda r: _when(r.last_attempt_at),
    _next_retry,
)
_RIGHT_ALIGNED = frozenset({GROSS_COLUMN, ATTEMPTS_COLUMN})
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        ID_ROLE,
        RECORD_ROLE,
    )
)
_COLOURED = frozenset({STATUS_COLUMN, REASON_COLUMN})
