"""The awaiting documents' filter bar: status, reason, dates, buyer, free text (debounced)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.awaiting import AwaitingFilter, ReasonKind

#: The date shown as "any" (QDateEdit has no empty value).
_ANY_DATE = QDate(2000, 1, 1)
DEBOUNCE_MS = 250


class FilterBar(QWidget):
    """Emits ``filter_changed`` once the person pauses typing or picking."""

    filter_changed = Signal(object)  # AwaitingFilter

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("awaitingFilters")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.status = QComboBox(self)
        self.status.setObjectName("filterStatus")
        self.status.setAccessibleName(self.tr("Status"))
        # Qt turns str enums into plain strings: the combos keep values by position.
        self._states: list[Status | None] = [None, Status.AWAITING, Status.SENT, Status.REJECTED]
        self.status.addItem(self.tr("Any status"))
        for state in self._states[1:]:
            self.status.addItem(self.tr(state.label) if state else "")
        self.reason = QComboBox(self)
        self.reason.setObjectName("filterReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reason.setMinimumContentsLength(16)
        self.reason.addItem(self.tr("Any reason"))
        self._kinds: list[ReasonKind | None] = [None]
        for kind, text in (
            (ReasonKind.TRANSIENT, self.tr("Not delivered (retried automatically)")),
            (ReasonKind.PENDING, self.tr("Waiting for KSeF")),
            (ReasonKind.DATA, self.tr("Refused: correct the document")),
            (ReasonKind.SETUP, self.tr("Setup: key or configuration")),
        ):
            self.reason.addItem(text)
            self._kinds.append(kind)
        self.date_from = self._date_edit("filterDateFrom", self.tr("Issued from"))
        self.date_to = self._date_edit("filterDateTo", self.tr("Issued to"))
        self.buyer = QLineEdit(self)
        self.buyer.setObjectName("filterBuyer")
        self.buyer.setPlaceholderText(self.tr("Buyer name or NIP"))
        self.buyer.setAccessibleName(self.tr("Buyer"))
        self.buyer.setClearButtonEnabled(True)
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Search number, buyer, reason… (Ctrl+F)"))
        self.text.setAccessibleName(self.tr("Search"))
        self.text.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("C&lear"), self)
        self.clear_button.setObjectName("clearFilters")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget, stretch in (
            (self.tr("&Status:"), self.status, 0),
            (self.tr("&Reason:"), self.reason, 0),
            (self.tr("&From:"), self.date_from, 0),
            (self.tr("&To:"), self.date_to, 0),
            (self.tr("&Buyer:"), self.buyer, 1),
            (self.tr("Searc&h:"), self.text, 2),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            layout.addWidget(caption)
            layout.addWidget(widget, stretch)
        layout.addWidget(self.clear_button)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY_DATE)
        return edit

    def _connect_signals(self) -> None:
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.status.currentIndexChanged.connect(self._on_edited)
        self.reason.currentIndexChanged.connect(self._on_edited)
        self.date_from.dateChanged.connect(self._on_edited)
        self.date_to.dateChanged.connect(self._on_edited)
        self.buyer.textChanged.connect(self._on_edited)
        self.text.textChanged.connect(self._on_edited)
        self.clear_button.clicked.connect(self.clear)
        self.buyer.returnPressed.connect(self.flush)
        self.text.returnPressed.connect(self.flush)

    @staticmethod
    def _date_of(edit: QDateEdit) -> date | None:
        value = edit.date()
        if value == _ANY_DATE:
            return None
        return date(value.year(), value.month(), value.day())

    def current(self) -> AwaitingFilter:
        state = self._states[max(self.status.currentIndex(), 0)]
        kind = self._kinds[max(self.reason.currentIndex(), 0)]
        return AwaitingFilter(
            states=frozenset({state}) if state is not None else frozenset(),
            reasons=frozenset({kind}) if kind is not None else frozenset(),
            date_from=self._date_of(self.date_from),
            date_to=self._date_of(self.date_to),
            buyer=self.buyer.text().strip(),
            text=self.text.text().strip(),
        )

    def set_dates(self, start: date | None, end: date | None) -> None:
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.setDate(QDate(value.year, value.month, value.day) if value else _ANY_DATE)

    def choose(self, state: Status | None = None, kind: ReasonKind | None = None) -> None:
        """Pick a status and a reason kind (None: any)."""
        self.status.setCurrentIndex(self._states.index(state))
        self.reason.setCurrentIndex(self._kinds.index(kind))

    @Slot()
    def clear(self) -> None:
        self.status.setCurrentIndex(0)
        self.reason.setCurrentIndex(0)
        self.set_dates(None, None)
        self.buyer.clear()
        self.text.clear()

    @Slot()
    def _on_edited(self) -> None:
        self._debounce.start()  # restarts: one query after the last keystroke

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self.filter_changed.emit(self.current())

    @Slot()
    def flush(self) -> None:
        """Apply a pending change now (Enter in a field)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._on_debounce_timeout()
