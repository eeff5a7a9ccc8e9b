"""A correction: the invoice it corrects, why, and the values before and after it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import CorrectedInvoice, Correction, CorrectionType
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.domain.totals import compute_totals
from ksef_desktop.services.register import RegisterRow
from ksef_desktop.ui.common.amounts import amount_text, decimal_text
from ksef_desktop.ui.editor.totals import fit_rows

_REFERENCE = "reference"  # combo data of the stored reference of a loaded correction


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


def _cell(text: str, *, right: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _line_text(line: Line | None, pricing: Pricing) -> str:
    if line is None:
        return "—"
    value = line.value(pricing)
    return (
        f"{decimal_text(line.quantity)} × {decimal_text(line.unit_price)} = {amount_text(value)}"
    )


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class CorrectionPanel(QWidget):
    edited = Signal()
    original_requested = Signal(str)  # doc id of the invoice picked for correcting

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionPanel")
        self._before: tuple[Line, ...] = ()
        self._reference: CorrectedInvoice | None = None
        self._base: Correction | None = None
        self.corrected = QComboBox(self)
        self.corrected.setObjectName("correctedDocument")
        self.corrected.setAccessibleName(_tr("Corrected invoice"))
        self.corrected.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.corrected.setMinimumContentsLength(40)
        self.corrected.addItem(_tr("— choose the invoice to correct —"), "")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("correctionReason")
        self.type = QComboBox(self)
        self.type.setObjectName("correctionType")
        self.type.addItem(_tr("— not stated —"), 0)
        for kind, text in (
            (CorrectionType.ORIGINAL_DATE, _tr("at the corrected invoice's date")),
            (CorrectionType.CORRECTION_DATE, _tr("at the correction's date")),
            (CorrectionType.OTHER_DATE, _tr("at another date")),
        ):
            self.type.addItem(text, int(kind))
        self.lines = _table(
            self, "beforeAfterLines", [_tr("Line"), _tr("Before"), _tr("After"), _tr("Change")]
        )
        self.lines.setAccessibleName(_tr("Lines before and after the correction"))
        self.lines.setMinimumHeight(90)
        self.totals = _table(self, "beforeAfterTotals", ["", _tr("Net"), _tr("VAT"), _tr("Gross")])
        self.totals.setAccessibleName(_tr("Totals before and after the correction"))
        fit_rows(self.totals, 3)
        self.message = QLabel(self)
        self.message.setObjectName("correctionMessage")
        self.message.setWordWrap(True)
        second = QHBoxLayout()
        second.addWidget(self.reason, 1)
        effect = QLabel(_tr("Takes e&ffect:"), self)
        effect.setBuddy(self.type)
        second.addWidget(effect)
        second.addWidget(self.type)
        reason = QLabel(_tr("&Reason:"), self)
        reason.setBuddy(self.reason)
        form = QFormLayout()
        form.addRow(_tr("C&orrects:"), self.corrected)
        form.addRow(reason, second)
        compare = QHBoxLayout()
        compare.addWidget(self.lines, 3)
        compare.addWidget(self.totals, 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(compare, 1)
        self.corrected.activated.connect(self._on_corrected_activated)
        self.reason.textChanged.connect(self.edited)
        self.type.currentIndexChanged.connect(self.edited)

    # --- the corrected invoice ------------------------------------------------------

    def set_candidates(self, rows: list[RegisterRow]) -> None:
        """Accepted and sent invoices from the register, newest first."""
        for row in rows:
            text = " · ".join(
                part
                for part in (
                    row.number or _tr("(no number)"),
                    row.issue_date.isoformat(),
                    row.buyer,
                    f"{amount_text(row.gross)} {row.currency}",
                    row.ksef_number or "",
                )
                if part
            )
            self.corrected.addItem(text, row.id)
        self.message.setText(
            "" if rows else _tr("The register holds no accepted or sent invoice to correct.")
        )
        self.message.setVisible(not rows)

    @Slot(int)
    def _on_corrected_activated(self, index: int) -> None:
        doc_id = self.corrected.itemData(index)
        if doc_id and doc_id != _REFERENCE:
            self.original_requested.emit(doc_id)

    def set_original(self, document: Document, ksef_number: str | None) -> None:
        """The picked invoice: its lines become the "before" rows."""
        self._before = tuple(replace(line, before=True) for line in document.lines)
        self._reference = CorrectedInvoice(document.number or "", document.issue_date, ksef_number)
        self.edited.emit()

    def set_correction(self, correction: Correction | None, before: tuple[Line, ...]) -> None:
        self._base = correction
        self._before = before
        self._reference = correction.corrected[0] if correction else None
        if self._reference is not None:
            ref = self._reference
            self.corrected.insertItem(
                1,
                " · ".join(
                    p for p in (ref.number, ref.issue_date.isoformat(), ref.ksef_number or "") if p
                ),
                _REFERENCE,
            )
            self.corrected.setCurrentIndex(1)
        self.reason.setText(correction.reason or "" if correction else "")
        ctype = correction.type if correction else None
        self.type.setCurrentIndex(self.type.findData(int(ctype) if ctype else 0))

    @property
    def has_reference(self) -> bool:
        return self._reference is not None

    def before_lines(self) -> tuple[Line, ...]:
        return self._before

    def correction(self) -> Correction:
        if self._reference is None:
            raise InvalidValueError(
                _tr("Choose the invoice this correction corrects."), field="correction"
            )
        code = self.type.currentData()
        corrected: tuple[CorrectedInvoice, ...] = (self._reference,)
        if self._base is not None:
            corrected = (self._reference, *self._base.corrected[1:])
        fields = {
            "reason": self.reason.text().strip() or None,
            "corrected": corrected,
            "type": CorrectionType(code) if code else None,
        }
        if self._base is not None:
            return replace(self._base, **fields)  # type: ignore[arg-type]
        return Correction(**fields)  # type: ignore[arg-type]

    # --- before and after -------------------------------------------------------------

    def show_comparison(self, after: tuple[Line, ...], pricing: Pricing) -> None:
        before = tuple(replace(ln, before=False) for ln in self._before)
        count = max(len(before), len(after))
        self.lines.setRowCount(count)
        for row in range(count):
            old = before[row] if row < len(before) else None
            new = after[row] if row < len(after) else None
            shown = new or old
            name = shown.name if shown is not None else ""
            change = (new.value(pricing) if new else None) or Decimal(0)
            change -= (old.value(pricing) if old else None) or Decimal(0)
            cells = (
                _cell(f"{row + 1}. {name or ''}", right=False),
                _cell(_line_text(old, pricing)),
                _cell(_line_text(new, pricing)),
                _cell(("+" if change >= 0 else "") + amount_text(change)),
            )
            for column, item in enumerate(cells):
                self.lines.setItem(row, column, item)
        t_before = compute_totals(before, pricing)
        t_after = compute_totals(after, pricing)
        rows = (
            (_tr("Before"), t_before.net, t_before.vat, t_before.due),
            (_tr("After"), t_after.net, t_after.vat, t_after.due),
            (
                _tr("Difference"),
                t_after.net - t_before.net,
                t_after.vat - t_before.vat,
                t_after.due - t_before.due,
            ),
        )
        self.totals.setRowCount(len(rows))
        for r, (label, net, vat, gross) in enumerate(rows):
            self.totals.setItem(r, 0, _cell(label, right=False))
            for c, value in enumerate((net, vat, gross), start=1):
                self.totals.setItem(r, c, _cell(amount_text(value)))

    def snapshot(self) -> tuple[object, ...]:
        return (self._reference, self.reason.text(), self.type.currentData())

    def set_read_only(self, read_only: bool) -> None:
        self.corrected.setEnabled(not read_only)
        self.reason.setReadOnly(read_only)
        self.type.setEnabled(not read_only)
