"""Where a printout goes: a PDF file, a printer, or the preview."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.printout import Printout
from ksef_desktop.support.i18n import tr
from ksef_desktop.ui.printing.render import paint_printout
from ksef_desktop.ui.printing.wording import wording

PDF_DPI = 300


class PrintOutputError(KsefDesktopError):
    """The PDF file or the printer could not be written."""

    code = "print-output"


def _a4(device: QPagedPaintDevice) -> None:
    # The printout keeps its own margins; the device's would shift the layout.
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    device.setPageLayout(layout)


def _paint(device: QPagedPaintDevice, printout: Printout) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise PrintOutputError(tr("The printout could not be started on this output."))
    try:
        paint_printout(painter, device, printout)
    finally:
        painter.end()


def _document_name(printout: Printout) -> str:
    """The PDF title / print job name, in the printout's language."""
    return f"{wording(printout.language).kind(printout.kind)} {printout.number}"


def pdf_bytes(printout: Printout) -> bytes:
    """The printout as PDF bytes, painted in memory.

    Call it on the GUI thread: text painted in a pool thread leaves Qt's per-thread
    font cache to be torn down from another thread when the pool retires it.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(_document_name(printout))
    writer.setCreator("ksef-desktop")
    _a4(writer)
    _paint(writer, printout)
    del writer  # finishes the document into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def save_pdf(data: bytes, path: Path) -> Path:
    """Write PDF bytes at ``path``, all or nothing (a temporary file is renamed); no Qt used,
    so it runs on the task runner."""
    path = path.expanduser()
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    if not path.parent.is_dir():
        raise PrintOutputError(
            tr("The folder {folder} does not exist.").format(folder=path.parent),
            code="pdf-folder",
        )
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PrintOutputError(
            tr("The PDF could not be saved to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            ),
            code="pdf-write",
        ) from exc
    return path


def write_pdf(printout: Printout, path: Path) -> Path:
    """Paint and save in one call (GUI thread; tests and scripts)."""
    return save_pdf(pdf_bytes(printout), path)


def print_on(printer: QPrinter, printout: Printout) -> None:
    """Print on a printer the person chose (copies as the data page asked)."""
    printer.setCopyCount(printout.copies)
    printer.setDocName(_document_name(printout))
    _paint(printer, printout)


def paint_preview(printer: QPrinter, printout: Printout) -> None:
    """QPrintPreviewWidget's paintRequested: the same pages as print and PDF."""
    _a4(printer)
    _paint(printer, printout)
