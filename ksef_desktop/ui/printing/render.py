"""Paints a Printout onto printer / PDF pages: header, parties, lines, VAT summary, payment, QR.

The wording and number formats follow the printout's own language (``printing.wording``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from ksef_desktop.services.printout import PrintLine, Printout, PrintParty, QrCode
from ksef_desktop.ui.printing.wording import Wording, wording

MARGIN_MM = 15.0
QR_MM = 32.0
FONT_FAMILY = "DejaVu Sans"
GREY = QColor(235, 235, 235)
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
WRAP = Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table's width
    align: Qt.AlignmentFlag


def _columns(pl: Wording, pricing: str) -> tuple[Column, ...]:
    titles = pl.columns_gross if pricing == "gross" else pl.columns_net
    value = pl.value_gross if pricing == "gross" else pl.value_net
    widths = (0.05, 0.37, 0.08, 0.06, 0.13, 0.07, 0.10, 0.14)
    aligns = (
        ALIGN_CENTER,
        ALIGN_LEFT,
        ALIGN_RIGHT,
        ALIGN_CENTER,
        ALIGN_RIGHT,
        ALIGN_RIGHT,
        ALIGN_CENTER,
        ALIGN_RIGHT,
    )
    return tuple(Column(t, w, a) for t, w, a in zip((*titles, value), widths, aligns, strict=True))


def _line_cells(pl: Wording, line: PrintLine) -> tuple[str, ...]:
    name = f"{line.name} ({pl.before})" if line.before else line.name
    discount = pl.amount(line.discount) if line.discount else ""
    return (
        str(line.number),
        name,
        pl.quantity(line.quantity),
        line.unit,
        pl.amount(line.unit_price),
        discount,
        pl.rate(line.rate_code),
        pl.amount(line.value),
    )


class PrintoutPainter:
    """Lays one printout out on A4 pages, starting new pages when the lines run long."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, printout: Printout) -> None:
        self.p = painter
        self.device = device
        self.doc = printout
        self.w = wording(printout.language)
        self.k = device.logicalDpiY() / 25.4  # device units per millimetre
        rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.left = self.mm(MARGIN_MM)
        self.right = self.width - self.mm(MARGIN_MM)
        self.bottom = self.height - self.mm(MARGIN_MM + 6)
        self.y = self.mm(MARGIN_MM)
        self.page = 1

    def mm(self, value: float) -> float:
        return value * self.k

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)
        return font

    # --- the whole page -----------------------------------------------------------

    def paint(self) -> None:
        self._header()
        self._parties()
        self._lines()
        self._summary()
        self._payment()
        self._notes()
        self._qr()
        self._footer()

    def _new_page(self) -> None:
        self._footer()
        self.device.newPage()
        self.page += 1
        self.y = self.mm(MARGIN_MM)
        # Each further page says which document it belongs to.
        self.font(9, bold=True)
        w = self.w
        head = f"{w.kind(self.doc.kind)} {w.number} {self.doc.number} — {w.continued}"
        self._text(QRectF(self.left, self.y, self.right - self.left, self.mm(6)), head)
        self.y += self.mm(8)

    def _room(self, needed: float) -> None:
        if self.y + needed > self.bottom:
            self._new_page()

    def _text(
        self,
        rect: QRectF,
        text: str,
        align: Qt.AlignmentFlag = ALIGN_LEFT,
    ) -> None:
        self.p.drawText(rect, int(align | WRAP), text)

    def _height(self, text: str, width: float) -> float:
        metrics = QFontMetricsF(self.p.font(), self.device)
        box = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(WRAP), text)
        return box.height()

    # --- sections -----------------------------------------------------------------

    def _header(self) -> None:
        doc, pl = self.doc, self.w
        top = self.y
        half = (self.right - self.left) / 2
        self.font(18, bold=True)
        self._text(QRectF(self.left, top, half, self.mm(9)), pl.kind(doc.kind))
        self.font(12, bold=True)
        self._text(
            QRectF(self.left, top + self.mm(9), half, self.mm(6)), f"{pl.number} {doc.number}"
        )
        self.font(11, bold=True)
        right = QRectF(self.left + half, top, half, self.mm(6))
        self._text(right, pl.copy(doc.copy_kind), ALIGN_RIGHT)
        self.font(9)
        rows = [(pl.issue_date, pl.date(doc.issue_date))]
        if doc.sale_date is not None:
            rows.append((pl.sale_date, pl.date(doc.sale_date)))
        if doc.place_of_issue:
            rows.append((pl.place, doc.place_of_issue))
        y = top + self.mm(7)
        for label, value in rows:
            self._text(
                QRectF(self.left + half, y, half, self.mm(5)), f"{label}: {value}", ALIGN_RIGHT
            )
            y += self.mm(4.5)
        self.y = max(y, top + self.mm(16)) + self.mm(2)
        if doc.ksef_number:
            self.font(10, bold=True)
            box = QRectF(self.left, self.y, self.right - self.left, self.mm(7))
            self.p.fillRect(box, GREY)
            self._text(box.adjusted(self.mm(2), 0, 0, 0), f"{pl.ksef_number}: {doc.ksef_number}")
            self.y += self.mm(9)
        self.y += self.mm(2)

    def _parties(self) -> None:
        gap = self.mm(6)
        width = (self.right - self.left - gap) / 2
        heights = [
            self._party(self.left, width, self.w.seller, self.doc.seller),
            self._party(self.left + width + gap, width, self.w.buyer, self.doc.buyer),
        ]
        self.y += max(heights) + self.mm(6)

    def _party(self, x: float, width: float, title: str, party: PrintParty) -> float:
        y = self.y
        self.font(10, bold=True)
        self._text(QRectF(x, y, width, self.mm(6)), title)
        self.p.setPen(QPen(QColor(0, 0, 0), self.mm(0.3)))
        self.p.drawLine(int(x), int(y + self.mm(6)), int(x + width), int(y + self.mm(6)))
        y += self.mm(7.5)
        for text, bold in [(party.name, True), (party.tax_id, False)] + [
            (line, False) for line in party.address
        ]:
            if not text:
                continue
            self.font(9, bold=bold)
            h = self._height(text, width)
            self._text(QRectF(x, y, width, h), text)
            y += h + self.mm(0.5)
        return y - self.y

    def _table_row(
        self, cells: Sequence[str], columns: Sequence[Column], *, head: bool = False
    ) -> None:
        total = self.right - self.left
        pad = self.mm(1.2)
        self.font(8, bold=head)
        heights = [
            self._height(text, total * col.width - 2 * pad)
            for text, col in zip(cells, columns, strict=True)
        ]
        height = max(heights) + 2 * pad
        if not head and self.y + height > self.bottom:
            self._new_page()  # the heading again above the rows that carry on
            self._table_row([c.title for c in columns], columns, head=True)
            self.font(8)
        x = self.left
        if head:
            self.p.fillRect(QRectF(self.left, self.y, total, height), GREY)
        self.p.setPen(QPen(QColor(120, 120, 120), self.mm(0.15)))
        for text, col in zip(cells, columns, strict=True):
            cell = QRectF(x, self.y, total * col.width, height)
            self.p.drawRect(cell)
            align = ALIGN_CENTER if head else col.align
            self.p.setPen(QPen(QColor(0, 0, 0)))
            self._text(cell.adjusted(pad, pad, -pad, -pad), text, align)
            self.p.setPen(QPen(QColor(120, 120, 120), self.mm(0.15)))
            x += total * col.width
        self.p.setPen(QPen(QColor(0, 0, 0)))
        self.y += height

    def _lines(self) -> None:
        columns = _columns(self.w, self.doc.pricing)
        self._table_row([c.title for c in columns], columns, head=True)
        for line in self.doc.lines:
            self._table_row(_line_cells(self.w, line), columns)
        self.y += self.mm(5)

    def _summary(self) -> None:
        doc, pl = self.doc, self.w
        self._room(self.mm(10) * (len(doc.vat_summary) + 4))
        self.font(10, bold=True)
        self._text(QRectF(self.left, self.y, self.right - self.left, self.mm(6)), pl.summary)
        self.y += self.mm(6.5)
        share = 0.6 / 4
        columns = [Column("", 0.4, ALIGN_LEFT)] + [
            Column(t, share, ALIGN_RIGHT) for t in pl.summary_columns
        ]
        self._summary_row(["", *pl.summary_columns], columns, head=True)
        for row in doc.vat_summary:
            cells = [
                "",
                pl.summary_rate(row.rate_code),
                pl.amount(row.net),
                pl.amount(row.vat),
                pl.amount(row.gross),
            ]
            self._summary_row(cells, columns)
        total = [pl.total, "", pl.amount(doc.net), pl.amount(doc.vat), pl.amount(doc.gross)]
        self._summary_row(total, columns, bold=True)
        self.y += self.mm(3)
        self.font(13, bold=True)
        due = f"{pl.to_pay}: {pl.amount(doc.gross)} {doc.currency}"
        self._text(QRectF(self.left, self.y, self.right - self.left, self.mm(8)), due, ALIGN_RIGHT)
        self.y += self.mm(8)
        self.font(9)
        words = f"{pl.in_words}: {pl.amount_in_words(doc.gross, doc.currency)}"
        height = self._height(words, self.right - self.left)
        self._text(QRectF(self.left, self.y, self.right - self.left, height), words, ALIGN_RIGHT)
        self.y += height + self.mm(4)

    def _summary_row(
        self,
        cells: Sequence[str],
        columns: Sequence[Column],
        *,
        head: bool = False,
        bold: bool = False,
    ) -> None:
        total = self.right - self.left
        height = self.mm(6)
        self.font(8, bold=head or bold)
        x = self.left
        for index, (text, col) in enumerate(zip(cells, columns, strict=True)):
            cell = QRectF(x, self.y, total * col.width, height)
            if index > 0:
                if head:
                    self.p.fillRect(cell, GREY)
                self.p.setPen(QPen(QColor(120, 120, 120), self.mm(0.15)))
                self.p.drawRect(cell)
            self.p.setPen(QPen(QColor(0, 0, 0)))
            align = ALIGN_CENTER if head else (ALIGN_RIGHT if index > 0 or bold else col.align)
            self._text(cell.adjusted(self.mm(1.2), 0, -self.mm(1.2), 0), text, align)
            x += total * col.width
        self.y += height

    def _payment(self) -> None:
        payment, pl = self.doc.payment, self.w
        if payment is None:
            return
        rows = [(pl.method_title, pl.method(payment.method_code, payment.method))]
        if payment.due_date is not None:
            rows.append((pl.due, pl.date(payment.due_date)))
        if payment.bank_account:
            rows.append((pl.account_title, pl.account(payment.bank_account)))
        if payment.bank_name:
            rows.append((pl.bank, payment.bank_name))
        if payment.paid_on is not None:
            rows.append((pl.paid_on, pl.date(payment.paid_on)))
        self._labelled(pl.payment, rows)

    def _notes(self) -> None:
        if self.doc.notes:
            self._labelled(self.w.notes, [("", note) for note in self.doc.notes])

    def _labelled(self, title: str, rows: Sequence[tuple[str, str]]) -> None:
        width = self.right - self.left - self.mm(QR_MM + 8)
        self._room(self.mm(7) + self.mm(5) * len(rows))
        self.font(10, bold=True)
        self._text(QRectF(self.left, self.y, width, self.mm(6)), title)
        self.y += self.mm(6.5)
        for label, value in rows:
            self.font(9)
            text = f"{label}: {value}" if label else value
            h = self._height(text, width)
            self._text(QRectF(self.left, self.y, width, h), text)
            self.y += h + self.mm(0.8)
        self.y += self.mm(3)

    def _qr(self) -> None:
        qr = self.doc.qr
        if qr is None:
            return
        side = self.mm(QR_MM)
        self._room(side + self.mm(16))
        x = self.right - side
        top = self.y
        self.font(8, bold=True)
        self._text(
            QRectF(x - self.mm(20), top, side + self.mm(20), self.mm(5)),
            self.w.qr_caption,
            ALIGN_RIGHT,
        )
        paint_qr(self.p, qr, QRectF(x, top + self.mm(5), side, side))
        self.font(8, bold=True)
        # The label sits centred under the code, as KSeF's visualisation rules show it.
        wide = max(side, QFontMetricsF(self.p.font(), self.device).horizontalAdvance(qr.label))
        left = min(x + (side - wide) / 2, self.right - wide)
        self._text(QRectF(left, top + self.mm(5) + side, wide, self.mm(6)), qr.label, ALIGN_CENTER)
        if self.doc.ksef_number is None:
            self.font(8)
            note = QRectF(self.left, top + self.mm(8), x - self.left - self.mm(8), self.mm(12))
            self._text(note, self.w.qr_offline)
        self.y = top + side + self.mm(13)

    def _footer(self) -> None:
        self.font(7)
        self.p.setPen(QPen(QColor(90, 90, 90)))
        y = self.height - self.mm(MARGIN_MM + 4)
        box = QRectF(self.left, y, self.right - self.left, self.mm(5))
        self._text(box, self.w.footer)
        self._text(box, self.w.page.format(n=self.page), ALIGN_RIGHT)
        self.p.setPen(QPen(QColor(0, 0, 0)))


def paint_qr(painter: QPainter, qr: QrCode, rect: QRectF) -> None:
    """The KOD I modules, with the four-module quiet zone a scanner needs, filling ``rect``."""
    modules = len(qr.matrix)
    quiet = 4
    cell = min(rect.width(), rect.height()) / (modules + 2 * quiet)
    painter.fillRect(rect, QColor(255, 255, 255))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(0, 0, 0)))
    for r, row in enumerate(qr.matrix):
        for c, dark in enumerate(row):
            if dark:
                painter.drawRect(
                    QRectF(
                        rect.x() + (c + quiet) * cell, rect.y() + (r + quiet) * cell, cell, cell
                    )
                )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(0, 0, 0)))


def paint_printout(painter: QPainter, device: QPagedPaintDevice, printout: Printout) -> None:
    """Paint every page of ``printout``; the painter is active on ``device``."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    PrintoutPainter(painter, device, printout).paint()
