"""The register's filter bar: debounced search, register kind, status and a period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.register import RegisterFilter

SEARCH_DELAY_MS = 300
_ALL = "all"
_RANGE = "range"
#: Everything KSeF has not (yet) accepted: the work still to do.
_NOT_DELIVERED = "undelivered"


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def _python_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _previous_months(today: date, count: int) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


class FilterBar(QWidget):
    """Emits ``filter_changed`` when any choice changes (search text after a pause)."""

    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(
            self.tr("Search number, buyer, NIP or KSeF number (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setMinimumWidth(260)

        self.kind = QComboBox(self)
        self.kind.setObjectName("registerKind")
        self.kind.setAccessibleName(self.tr("Register"))
        self.kind.addItem(self.tr("Invoices and receipts"), _ALL)
        self.kind.addItem(self.tr("Invoices"), "invoice")
        self.kind.addItem(self.tr("Receipts"), "receipt")

        self.status = QComboBox(self)
        self.status.setObjectName("registerStatus")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), _ALL)
        self.status.addItem(self.tr("Not yet accepted by KSeF"), _NOT_DELIVERED)
        for status in Status:
            self.status.addItem(self.tr(status.label), status.value)

        self.period = QComboBox(self)
        self.period.setObjectName("registerPeriod")
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItem(self.tr("All dates"), _ALL)
        for year, month in _previous_months(self._today, 12):
            self.period.addItem(f"{year}-{month:02d}", f"{year}-{month:02d}")
        self.period.addItem(self.tr("From – to…"), _RANGE)

        start, end = month_bounds(self._today.year, self._today.month)
        self.date_from = self._date_edit("registerDateFrom", start)
        self.date_to = self._date_edit("registerDateTo", end)
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 3)
        for label_text, widget in (
            (self.tr("&Register:"), self.kind),
            (self.tr("S&tatus:"), self.status),
            (self.tr("&Period:"), self.period),
        ):
            label = QLabel(label_text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addWidget(self.date_from)
        dash = QLabel("–", self)
        row.addWidget(dash)
        row.addWidget(self.date_to)
        self._range_widgets = (self.date_from, dash, self.date_to)
        self._show_range(False)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)

    def _date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self._debounce.timeout.connect(self.filter_changed)
        self.kind.currentIndexChanged.connect(self._on_choice_changed)
        self.status.currentIndexChanged.connect(self._on_choice_changed)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.date_from.dateChanged.connect(self._on_choice_changed)
        self.date_to.dateChanged.connect(self._on_choice_changed)

    def _show_range(self, visible: bool) -> None:
        for widget in self._range_widgets:
            widget.setVisible(visible)

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_choice_changed(self) -> None:
        self.filter_changed.emit()

    @Slot()
    def _on_period_changed(self) -> None:
        self._show_range(self.period.currentData() == _RANGE)
        self.filter_changed.emit()

    # --- public ------------------------------------------------------------------

    @property
    def search_pending(self) -> bool:
        """True while typed text waits for the pause before it filters."""
        return self._debounce.isActive()

    def flush_search(self) -> None:
        """Apply typed text now (Enter in the search box)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.filter_changed.emit()

    def set_period_range(self, start: date, end: date) -> None:
        """Choose "From – to" with these dates (one change signal)."""
        self.blockSignals(True)
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self.period.setCurrentIndex(self.period.findData(_RANGE))
        self.blockSignals(False)
        self.filter_changed.emit()

    def current(self) -> RegisterFilter:
        kind = self.kind.currentData()
        status = self.status.currentData()
        statuses: frozenset[Status] = frozenset()
        if status == _NOT_DELIVERED:
            statuses = frozenset(s for s in Status if s is not Status.ACCEPTED)
        elif status != _ALL:
            statuses = frozenset({Status(status)})
        date_from = date_to = None
        period = self.period.currentData()
        if period == _RANGE:
            date_from = _python_date(self.date_from.date())
            date_to = _python_date(self.date_to.date())
        elif period != _ALL:
            year, month = (int(part) for part in str(period).split("-"))
            date_from, date_to = month_bounds(year, month)
        return RegisterFilter(
            text=self.search.text(),
            register_kind=None if kind == _ALL else str(kind),
            statuses=statuses,
            date_from=date_from,
            date_to=date_to,
        )
