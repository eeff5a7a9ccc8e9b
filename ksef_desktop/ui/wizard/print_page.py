"""Step 5: the preview of the printout; where it goes, original or copy, and its language."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ksef_desktop.services.printdata import CopyKind, Output, PrintData
from ksef_desktop.services.printout import Printout
from ksef_desktop.support.language import Language
from ksef_desktop.ui.printing.output import paint_preview
from ksef_desktop.ui.wizard.data_page import OutputChooser, language_box, set_language


def pdf_file_for(text: str, number: str) -> Path:
    """The PDF path typed; a folder means a file named after the document number."""
    path = Path(text.strip() or ".").expanduser()
    if path.is_dir():
        safe = re.sub(r"[^\w.-]+", "_", number).strip("_") or "document"
        return path / f"{safe}.pdf"
    return path


class PrintPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._printout: Printout | None = None
        self.notice = QLabel()
        self.notice.setObjectName("printNotice")
        self.notice.setWordWrap(True)
        # The widget owns its printer: a Python-owned one could be freed before the widget.
        self.preview = QPrintPreviewWidget(self)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(self.tr("Printout preview"))
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        self.output = OutputChooser("print_")
        self.copy_kind = QComboBox()
        self.copy_kind.setObjectName("print_copy_kind")
        for kind in CopyKind:
            self.copy_kind.addItem(kind.label, kind.value)
        # Here too: a reprint opens on this page, without the data page.
        self.language = language_box("print_language")
        form = QFormLayout()
        out_label = QLabel(self.tr("O&utput"))
        out_label.setBuddy(self.output.output)
        kind_label = QLabel(self.tr("Original or cop&y"))
        kind_label.setBuddy(self.copy_kind)
        form.addRow(out_label, self.output)
        form.addRow(kind_label, self.copy_kind)
        language_label = QLabel(self.tr("Printout &language"))
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        box = QVBoxLayout(self)
        box.addWidget(self.notice)
        box.addWidget(self.preview, 1)
        box.addLayout(form)
        self.preview.paintRequested.connect(self._on_preview_paint_requested)
        self.copy_kind.currentIndexChanged.connect(self._on_copy_kind_changed)
        self.language.currentIndexChanged.connect(self._on_copy_kind_changed)

    def load(self, printout: Printout, data: PrintData, notice: str) -> None:
        self._printout = printout
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        for box in (self.copy_kind, self.language):
            box.blockSignals(True)
        self.copy_kind.setCurrentIndex(self.copy_kind.findData(data.copy_kind.value))
        set_language(self.language, data.language)
        for box in (self.copy_kind, self.language):
            box.blockSignals(False)
        self.output.set_value(data.output)
        self.preview.updatePreview()

    def set_pdf_path(self, text: str) -> None:
        self.output.path.setText(text)

    def current(self) -> Printout | None:
        """The printout as the page's choices make it."""
        if self._printout is None:
            return None
        kind = CopyKind(self.copy_kind.currentData())
        return replace(
            self._printout,
            copy_label=kind.label,
            copy_kind=kind,
            output=self.output.value(),
            language=Language(self.language.currentData()),
        )

    def pdf_path(self) -> Path:
        printout = self.current()
        return pdf_file_for(self.output.path.text(), printout.number if printout else "")

    def output_kind(self) -> Output:
        return self.output.value()

    @Slot(QPrinter)
    def _on_preview_paint_requested(self, printer: QPrinter) -> None:
        printout = self.current()
        if printout is not None:
            paint_preview(printer, printout)

    @Slot()
    def _on_copy_kind_changed(self) -> None:
        self.preview.updatePreview()
