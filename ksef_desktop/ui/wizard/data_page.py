"""Step 1: payment method, due date, bank account, copies, output, original or copy, language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.services.printdata import (
    MAX_COPIES,
    PAYMENT_METHODS,
    CopyKind,
    Output,
    PrintData,
    PrintField,
    field_errors,
)
from ksef_desktop.support.language import Language
from ksef_desktop.ui.printing.wording import NATIVE_NAMES


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def language_box(name: str) -> QComboBox:
    """The printout languages, each under its own name."""
    box = QComboBox()
    box.setObjectName(name)
    for language in Language:
        box.addItem(NATIVE_NAMES[language], language.value)
    return box


def set_language(box: QComboBox, language: Language) -> None:
    box.setCurrentIndex(box.findData(language.value))


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class OutputChooser(QWidget):
    """Printer or PDF, and the PDF's file (a folder means: name it after the document)."""

    changed = Signal()

    def __init__(self, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.output = QComboBox()
        self.output.setObjectName(f"{prefix}output")
        self.output.addItem(self.tr("Printer"), Output.PRINTER.value)
        self.output.addItem(self.tr("PDF file"), Output.PDF.value)
        self.path = QLineEdit(str(documents_folder()))
        self.path.setObjectName(f"{prefix}pdf_path")
        self.path.setAccessibleName(self.tr("PDF file"))
        self.browse = QPushButton(self.tr("Bro&wse…"))
        self.browse.setObjectName(f"{prefix}pdf_browse")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.output)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.output.currentIndexChanged.connect(self._on_output_changed)
        self.path.textChanged.connect(self.changed)
        self.browse.clicked.connect(self._on_browse_clicked)
        self._on_output_changed()

    def value(self) -> Output:
        return Output(self.output.currentData())

    def set_value(self, output: Output) -> None:
        self.output.setCurrentIndex(self.output.findData(output.value))

    @Slot()
    def _on_output_changed(self) -> None:
        pdf = self.value() is Output.PDF
        self.path.setEnabled(pdf)
        self.browse.setEnabled(pdf)
        self.changed.emit()

    @Slot()
    def _on_browse_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the PDF as"), self.path.text())
        dialog.setObjectName("pdfFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()


class DataPage(QWidget):
    """Edits a PrintData; nothing is stored until the wizard moves on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self.notice = QLabel()
        self.notice.setObjectName("dataNotice")
        self.notice.setWordWrap(True)
        self.method = QComboBox()
        self.method.setObjectName(PrintField.METHOD.value)
        self.method.addItem(self.tr("— choose —"), None)
        for method in PAYMENT_METHODS:
            self.method.addItem(self.tr(method.label), method.value)
        self.has_due = QCheckBox(self.tr("&Due date"))
        self.has_due.setObjectName("due_date_set")
        self.due = QDateEdit()
        self.due.setObjectName(PrintField.DUE_DATE.value)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.account = QLineEdit()
        self.account.setObjectName(PrintField.BANK_ACCOUNT.value)
        self.account.setPlaceholderText(self.tr("needed for a bank transfer"))
        self.copies = QSpinBox()
        self.copies.setObjectName(PrintField.COPIES.value)
        self.copies.setRange(1, MAX_COPIES)
        self.output = OutputChooser("")
        self.copy_kind = QComboBox()
        self.copy_kind.setObjectName(PrintField.COPY_KIND.value)
        for kind in CopyKind:
            self.copy_kind.addItem(kind.label, kind.value)
        self.language = language_box(PrintField.LANGUAGE.value)
        self.errors = {field: error_label(f"{field.value}_error") for field in PrintField}
        self._layout()
        self._connect_signals()

    def _layout(self) -> None:
        form = QFormLayout()
        rows: list[tuple[str | QWidget, QWidget, PrintField]] = [
            (self.tr("Payment &method"), self.method, PrintField.METHOD),
            (self.has_due, self.due, PrintField.DUE_DATE),
            (self.tr("Bank &account"), self.account, PrintField.BANK_ACCOUNT),
            (self.tr("Co&pies"), self.copies, PrintField.COPIES),
            (self.tr("&Output"), self.output, PrintField.OUTPUT),
            (self.tr("Original or cop&y"), self.copy_kind, PrintField.COPY_KIND),
            (self.tr("Printout &language"), self.language, PrintField.LANGUAGE),
        ]
        for label, widget, field in rows:
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.errors[field])
            if isinstance(label, str):
                text = QLabel(label)
                text.setBuddy(self.output.output if widget is self.output else widget)
                form.addRow(text, box)
            else:
                form.addRow(label, box)
        page = QVBoxLayout(self)
        page.addWidget(self.notice)
        page.addLayout(form)
        page.addStretch(1)

    def _connect_signals(self) -> None:
        self.method.currentIndexChanged.connect(self._on_edited)
        self.has_due.toggled.connect(self._on_edited)
        self.due.dateChanged.connect(self._on_edited)
        self.account.textChanged.connect(self._on_edited)
        self.copies.valueChanged.connect(self._on_edited)
        self.output.changed.connect(self._on_edited)
        self.copy_kind.currentIndexChanged.connect(self._on_edited)
        self.language.currentIndexChanged.connect(self._on_edited)

    def load(self, data: PrintData, document: Document, notice: str) -> None:
        self._document = document
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        widgets = (
            self.method,
            self.has_due,
            self.due,
            self.account,
            self.copies,
            self.copy_kind,
            self.language,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.method.setCurrentIndex(self.method.findData(data.method.value) if data.method else 0)
        self.has_due.setChecked(data.due_date is not None)
        due = data.due_date or document.issue_date
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.account.setText(data.bank_account)
        self.copies.setValue(data.copies)
        self.copy_kind.setCurrentIndex(self.copy_kind.findData(data.copy_kind.value))
        set_language(self.language, data.language)
        for widget in widgets:
            widget.blockSignals(False)
        self.output.set_value(data.output)
        self._on_edited()

    def value(self) -> PrintData:
        method = self.method.currentData()
        due = self.due.date()
        return PrintData(
            method=PaymentMethod(method) if method is not None else None,
            due_date=date(due.year(), due.month(), due.day())
            if self.has_due.isChecked()
            else None,
            bank_account=self.account.text(),
            copies=self.copies.value(),
            output=self.output.value(),
            copy_kind=CopyKind(self.copy_kind.currentData()),
            language=Language(self.language.currentData()),
        )

    def field_errors(self) -> dict[PrintField, str]:
        if self._document is None:
            return {}
        return field_errors(self.value(), self._document)

    def show_problem(self, field: PrintField, message: str) -> None:
        """Go to a field a validation problem names, its message under it."""
        label = self.errors[field]
        label.setText(message)
        label.show()
        widget = self.findChild(QWidget, field.value)
        if widget is not None:
            widget.setFocus()

    def with_output(self, data: PrintData) -> PrintData:
        return replace(data, output=self.output.value())

    @Slot()
    def _on_edited(self) -> None:
        self.due.setEnabled(self.has_due.isChecked())
        errors = self.field_errors()
        for field, label in self.errors.items():
            label.setText(errors.get(field, ""))
            label.setVisible(field in errors)
        self.changed.emit()
