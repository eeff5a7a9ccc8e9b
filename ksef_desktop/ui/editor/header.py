"""The document header: kind, number, dates, place of issue, net/gross pricing and seller."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ksef_desktop.domain.document import Document, DocumentKind
from ksef_desktop.domain.lines import Pricing
from ksef_desktop.domain.party import Party

_NONE_DATE = QDate(2000, 1, 1)  # shown as "—": the field is left empty


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


def date_edit(parent: QWidget, name: str, *, optional: bool = False) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if optional:
        edit.setMinimumDate(_NONE_DATE)
        edit.setSpecialValueText("—")
    return edit


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else _NONE_DATE)


def get_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if edit.specialValueText() and value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


class HeaderForm(QWidget):
    edited = Signal()
    kind_changed = Signal()
    pricing_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerForm")
        self.kind = QComboBox(self)
        self.kind.setObjectName("docKind")
        for kind in DocumentKind:
            self.kind.addItem(_tr(kind.label), kind.value)
        self.number = QLabel(self)
        self.number.setObjectName("docNumber")
        self.number.setWordWrap(True)
        self.issue_date = date_edit(self, "issueDate")
        self.sale_date = date_edit(self, "saleDate", optional=True)
        self.sale_date.setToolTip(_tr("The delivery or service date (P_6); — leaves it out"))
        self.place = QLineEdit(self)
        self.place.setObjectName("placeOfIssue")
        self.pricing = QComboBox(self)
        self.pricing.setObjectName("pricing")
        self.pricing.addItem(_tr("net prices"), Pricing.NET.value)
        self.pricing.addItem(_tr("gross prices"), Pricing.GROSS.value)
        self.seller = QLabel(self)
        self.seller.setObjectName("sellerLabel")
        self.seller.setWordWrap(True)
        # Room for two lines: a form row is as tall as the label's one-line hint otherwise,
        # and the "not known" hint wraps.
        self.seller.setMinimumHeight(2 * self.seller.fontMetrics().lineSpacing() + 2)
        form = QFormLayout(self)
        form.addRow(_tr("&Kind:"), self.kind)
        form.addRow(_tr("Number:"), self.number)
        dates = QHBoxLayout()
        dates.addWidget(self.issue_date, 1)
        sale_label = QLabel(_tr("Sale &date:"), self)
        sale_label.setBuddy(self.sale_date)
        dates.addWidget(sale_label)
        dates.addWidget(self.sale_date, 1)
        issue_label = QLabel(_tr("&Issue date:"), self)
        issue_label.setBuddy(self.issue_date)
        form.addRow(issue_label, dates)
        form.addRow(_tr("Pla&ce of issue:"), self.place)
        form.addRow(_tr("Pricin&g:"), self.pricing)
        form.addRow(_tr("Seller:"), self.seller)
        self.kind.currentIndexChanged.connect(self.kind_changed)
        self.pricing.currentIndexChanged.connect(self.pricing_changed)
        for signal in (
            self.kind.currentIndexChanged,
            self.pricing.currentIndexChanged,
            self.issue_date.dateChanged,
            self.sale_date.dateChanged,
            self.place.textChanged,
        ):
            signal.connect(self.edited)

    def set_document(self, doc: Document, number_text: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(doc.kind.value))
        self.number.setText(number_text)
        set_date(self.issue_date, doc.issue_date)
        set_date(self.sale_date, doc.sale_date)
        self.sale_date.setEnabled(doc.period is None)
        self.place.setText(doc.place_of_issue or "")
        self.pricing.setCurrentIndex(self.pricing.findData(doc.pricing.value))
        self.show_seller(doc.seller)

    def show_seller(self, seller: Party) -> None:
        if seller.nip is None:
            self.seller.setText(_tr("not known: enter the COMPANY NIP in KSEF > PARAMETERS"))
        else:
            self.seller.setText(f"{seller.name or _tr('(no name)')} · NIP {seller.nip}")

    @property
    def doc_kind(self) -> DocumentKind:
        return DocumentKind(self.kind.currentData())

    @property
    def doc_pricing(self) -> Pricing:
        return Pricing(self.pricing.currentData())

    def snapshot(self) -> tuple[object, ...]:
        return (
            self.kind.currentData(),
            self.issue_date.date(),
            self.sale_date.date(),
            self.place.text(),
            self.pricing.currentData(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.kind, self.issue_date, self.sale_date, self.pricing):
            widget.setEnabled(not read_only)
        self.place.setReadOnly(read_only)
