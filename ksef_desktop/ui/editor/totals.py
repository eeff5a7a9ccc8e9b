"""Totals per VAT rate (as the domain computes them) and the document's grand totals."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ksef_desktop.domain.document import Totals
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.vat import Bucket
from ksef_desktop.ui.common.amounts import amount_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


def bucket_label(bucket: Bucket, lines: Iterable[Line]) -> str:
    """The rates of ``lines`` that fall in ``bucket`` (23% and 22% share one group)."""
    labels = sorted(
        {_tr(ln.vat_rate.label) for ln in lines if ln.vat_rate and ln.vat_rate.bucket is bucket}
    )
    return ", ".join(labels) or _tr("group {n}").format(n=bucket.value)


def fit_rows(table: QTableWidget, rows: int) -> None:
    """Make a small table exactly tall enough for ``rows`` rows: no scroll bar, no gap."""
    table.verticalHeader().setDefaultSectionSize(22)
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + 22 * max(rows, 1) + 2 * table.frameWidth())


class TotalsPanel(QWidget):
    """A row per VAT rate group: net, VAT, gross; the grand totals beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("totalsTable")
        self.table.setAccessibleName(_tr("Totals per VAT rate"))
        self.table.setHorizontalHeaderLabels(
            [_tr("VAT rate"), _tr("Net"), _tr("VAT"), _tr("Gross")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fit_rows(self.table, 1)
        self.net = self._total("totalsNet")
        self.vat = self._total("totalsVat")
        self.gross = self._total("totalsGross")
        grand = QFormLayout()
        grand.addRow(_tr("Net total:"), self.net)
        grand.addRow(_tr("VAT total:"), self.vat)
        grand.addRow(_tr("Amount due:"), self.gross)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addLayout(grand, 1)
        layout.setAlignment(grand, Qt.AlignmentFlag.AlignTop)

    def _total(self, name: str) -> QLabel:
        label = QLabel("0.00", self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setStyleSheet("font-weight: bold;")
        label.setMinimumWidth(110)
        return label

    def show_totals(self, totals: Totals, lines: Iterable[Line], currency: str) -> None:
        lines = tuple(lines)
        self.table.setRowCount(len(totals.buckets))
        fit_rows(self.table, len(totals.buckets))
        for row, (bucket, total) in enumerate(totals.buckets.items()):
            vat = total.vat if total.vat is not None else Decimal(0)
            cells = (
                bucket_label(bucket, lines),
                amount_text(total.net),
                amount_text(total.vat) if bucket.has_vat else "—",
                amount_text(total.net + vat),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.net.setText(f"{amount_text(totals.net)} {currency}")
        self.vat.setText(f"{amount_text(totals.vat)} {currency}")
        self.gross.setText(f"{amount_text(totals.due)} {currency}")
