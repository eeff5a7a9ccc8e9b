"""The customer form: NIP checked by the domain as it is typed, errors beside their fields."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.services.customers import CustomerInput, CustomerRecord

_OK = "color: #1b7f3b;"
_HINT = "color: #5f6368;"
_ERROR = "color: #b00020;"
_SEPARATORS = re.compile(r"[\s\-\u00a0.]")
FIELDS = ("nip", "name", "line1", "line2", "country", "email")


def _tr(text: str) -> str:
    return QCoreApplication.translate("customers", text)


def nip_feedback(text: str, country: str) -> tuple[str, str]:
    """(message, style) for the NIP typed so far; a short NIP is a hint, not yet an error."""
    if not text.strip():
        return _tr("No NIP: a consumer, or a buyer from abroad."), _HINT
    try:
        nip = normalize_nip(text)
    except InvalidValueError as exc:
        typed = _SEPARATORS.sub("", text).upper().removeprefix("PL")
        if exc.code == "nip-format" and typed.isdigit() and len(typed) < 10:
            return _tr("{n} of 10 digits").format(n=len(typed)), _HINT
        return exc.message, _ERROR
    if country.strip().upper() not in ("", "PL"):
        return _tr("A NIP identifies a Polish customer; set the country to PL."), _ERROR
    pretty = f"{nip[:3]}-{nip[3:6]}-{nip[6:8]}-{nip[8:]}"
    return _tr("✓ valid NIP {nip}").format(nip=pretty), _OK


class CustomerForm(QWidget):
    """Holds one customer; ``edited`` on every keystroke, ``values()`` for the service."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id = 0
        self._loaded = CustomerInput(name="", line1="")
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QFormLayout()
        labels = {
            "nip": self.tr("&NIP:"),
            "name": self.tr("Na&me:"),
            "line1": self.tr("&Address:"),
            "line2": self.tr("Address, line &2:"),
            "country": self.tr("Co&untry:"),
            "email": self.tr("&E-mail:"),
        }
        for name in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"customer_{name}")
            edit.setAccessibleName(labels[name].replace("&", "").rstrip(":"))
            error = QLabel(self)
            error.setObjectName(f"customer_{name}Error")
            error.setWordWrap(True)
            error.setStyleSheet(_ERROR)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            label = QLabel(labels[name], self)
            label.setBuddy(edit)  # the mnemonic (Alt+letter) moves to the field
            layout.addRow(label, column)
            self.edits[name] = edit
            self.errors[name] = error
            edit.textEdited.connect(self._on_edit_text_edited)
        self.edits["nip"].setPlaceholderText("526-104-08-28")
        self.edits["country"].setMaxLength(2)
        self.edits["country"].setPlaceholderText("PL")
        self.edits["nip"].textChanged.connect(self._update_nip)
        self.edits["country"].textChanged.connect(self._update_nip)
        self.nip_status = self.errors["nip"]
        self.nip_status.show()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        outer.addStretch(1)
        self.set_record(None)

    @Slot(str)
    def _on_edit_text_edited(self, _text: str) -> None:
        for name, label in self.errors.items():
            if name != "nip":
                label.hide()
        self.edited.emit()

    @Slot()
    def _update_nip(self) -> None:
        text, style = nip_feedback(self.edits["nip"].text(), self.edits["country"].text())
        self.nip_status.setText(text)
        self.nip_status.setStyleSheet(style)

    @property
    def customer_id(self) -> int:
        return self._id

    def set_record(self, record: CustomerRecord | None) -> None:
        self._id = record.id if record else 0
        values = {
            "nip": (record.nip or "") if record else "",
            "name": record.name if record else "",
            "line1": record.line1 if record else "",
            "line2": (record.line2 or "") if record else "",
            "country": record.country if record else "PL",
            "email": (record.email or "") if record else "",
        }
        for name, value in values.items():
            self.edits[name].setText(value)
        for name, label in self.errors.items():
            if name != "nip":
                label.hide()
        self._loaded = self.values()
        self._update_nip()

    def values(self) -> CustomerInput:
        text = {name: edit.text() for name, edit in self.edits.items()}
        return CustomerInput(
            name=text["name"],
            line1=text["line1"],
            nip=text["nip"],
            line2=text["line2"],
            country=text["country"].strip().upper() or "PL",
            email=text["email"],
            id=self._id,
        )

    @property
    def dirty(self) -> bool:
        return self.values() != self._loaded

    @property
    def nip_ok(self) -> bool:
        return self.nip_status.styleSheet() != _ERROR

    def show_error(self, field: str, text: str) -> bool:
        """Show ``text`` beside ``field``; False when the form has no such field."""
        label = self.errors.get(field)
        if label is None:
            return False
        label.setText(text)
        label.setStyleSheet(_ERROR)
        label.show()
        self.edits[field].setFocus()
        return True
