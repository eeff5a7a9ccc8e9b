"""The buyer: typed in or picked; NIP (or EU VAT / foreign id) checked as it is typed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.party import Address, IdKind, Party, TaxId
from ksef_desktop.services.customers import CustomerRecord, CustomerService

_OK = "color: #1b7f3b;"
_BAD = "color: #b00020;"
_KINDS = (IdKind.NIP, IdKind.EU_VAT, IdKind.FOREIGN, IdKind.NONE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


class BuyerForm(QWidget):
    edited = Signal()
    pick_requested = Signal()
    nip_entered = Signal(str)  # a valid NIP was typed: the window may look the customer up

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("buyerForm")
        self._base = Party(TaxId.none())
        self.id_kind = QComboBox(self)
        self.id_kind.setObjectName("buyerIdKind")
        for kind, text in zip(
            _KINDS,
            (
                _tr("NIP (Polish buyer)"),
                _tr("EU VAT number"),
                _tr("foreign tax id"),
                _tr("no identifier (consumer)"),
            ),
            strict=True,
        ):
            self.id_kind.addItem(text, kind.value)
        self.id_country = QLineEdit(self)
        self.id_country.setObjectName("buyerIdCountry")
        self.id_country.setMaxLength(2)
        self.id_country.setFixedWidth(44)
        self.id_country.setPlaceholderText(_tr("DE"))
        self.id_country.setToolTip(_tr("Country prefix of the EU VAT number or foreign id"))
        self.nip = QLineEdit(self)
        self.nip.setObjectName("buyerNip")
        self.nip.setAccessibleName(_tr("Buyer NIP"))
        self.pick = QPushButton(_tr("&Pick…"), self)
        self.pick.setObjectName("buyerPick")
        self.pick.setToolTip(_tr("Pick the buyer from the customer list (F4)"))
        self.status = QLabel(self)
        self.status.setObjectName("buyerNipStatus")
        self.status.setWordWrap(True)
        self.name = self._line("buyerName", 512)
        self.line1 = self._line("buyerLine1", 512)
        self.line2 = self._line("buyerLine2", 512)
        self.country = self._line("buyerCountry", 2)
        self.country.setFixedWidth(44)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_kind)
        id_row.addWidget(self.id_country)
        id_row.addWidget(self.nip, 1)
        id_row.addWidget(self.pick)
        form = QFormLayout(self)
        id_label = QLabel(_tr("&Tax id:"), self)
        id_label.setBuddy(self.nip)
        form.addRow(id_label, id_row)
        form.addRow("", self.status)
        form.addRow(_tr("&Name:"), self.name)
        form.addRow(_tr("&Address:"), self.line1)
        form.addRow("", self.line2)
        form.addRow(_tr("Countr&y:"), self.country)
        self._connect_signals()
        self._on_id_changed()

    def _line(self, name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        return edit

    def _connect_signals(self) -> None:
        self.id_kind.currentIndexChanged.connect(self._on_id_changed)
        self.nip.textChanged.connect(self._on_id_changed)
        self.id_country.textChanged.connect(self._on_id_changed)
        self.nip.textEdited.connect(self._on_nip_edited)
        self.pick.clicked.connect(self.pick_requested)
        for edit in (self.name, self.line1, self.line2, self.country):
            edit.textChanged.connect(self.edited)

    # --- the identifier check ----------------------------------------------------

    @property
    def kind(self) -> IdKind:
        return IdKind(self.id_kind.currentData())

    def tax_id(self) -> TaxId:
        """The identifier as typed; raises InvalidValueError saying what is wrong."""
        kind, text, country = self.kind, self.nip.text().strip(), self.id_country.text().strip()
        if kind is IdKind.NIP:
            return TaxId.nip(text)
        if kind is IdKind.EU_VAT:
            prefix = country or text[:2]
            return TaxId.eu_vat(prefix, text)
        if kind is IdKind.FOREIGN:
            return TaxId.foreign(text, country or None)
        return TaxId.none()

    def id_problem(self) -> str | None:
        try:
            self.tax_id()
        except InvalidValueError as exc:
            return exc.message
        return None

    @Slot()
    def _on_id_changed(self) -> None:
        kind = self.kind
        self.nip.setEnabled(kind is not IdKind.NONE and not self.nip.isReadOnly())
        self.id_country.setVisible(kind in (IdKind.EU_VAT, IdKind.FOREIGN))
        problem = self.id_problem()
        if kind is IdKind.NONE:
            self.status.setText(_tr("The buyer has no tax identifier (BrakID)."))
            self.status.setStyleSheet("")
        elif not self.nip.text().strip():
            self.status.setText(_tr("Type the buyer's tax id, or pick the buyer (F4)."))
            self.status.setStyleSheet("")
        elif problem:
            self.status.setText("✗ " + problem)
            self.status.setStyleSheet(_BAD)
        else:
            text = {
                IdKind.NIP: _tr("✓ valid NIP"),
                IdKind.EU_VAT: _tr("✓ EU VAT number in the right form"),
            }.get(kind, _tr("✓ foreign tax id"))
            self.status.setText(text)
            self.status.setStyleSheet(_OK)
        self.status.setProperty("valid", problem is None)
        self.edited.emit()

    @Slot(str)
    def _on_nip_edited(self, _text: str) -> None:
        if self.kind is IdKind.NIP and self.id_problem() is None:
            self.nip_entered.emit(self.tax_id().value)

    # --- values --------------------------------------------------------------------

    def set_party(self, party: Party) -> None:
        self._base = party
        tax_id = party.tax_id
        kind = tax_id.kind if tax_id.kind in _KINDS else IdKind.NIP
        self.id_kind.setCurrentIndex(self.id_kind.findData(kind.value))
        self.id_country.setText(tax_id.country or "")
        self.nip.setText(tax_id.value)
        self.name.setText(party.name or "")
        address = party.address
        self.line1.setText(address.line1 if address else "")
        self.line2.setText((address.line2 or "") if address else "")
        self.country.setText(address.country if address else "PL")

    def apply_record(self, record: CustomerRecord) -> None:
        """Fill the form from a customer of the list."""
        self.set_party(replace(CustomerService.buyer(record), jst=False, vat_group=False))

    def party(self) -> Party:
        """The buyer; raises InvalidValueError naming the field to fix."""
        try:
            tax_id = self.tax_id()
        except InvalidValueError as exc:
            raise InvalidValueError(exc.message, field="buyer.nip", code=exc.code) from None
        name = self.name.text().strip() or None
        if name is None:
            raise InvalidValueError(_tr("Enter the buyer's name."), field="buyer.name")
        line1 = self.line1.text().strip()
        address = None
        if line1:
            address = Address(
                self.country.text().strip() or "PL", line1, self.line2.text().strip() or None
            )
        return replace(self._base, tax_id=tax_id, name=name, address=address)

    def is_empty(self) -> bool:
        return not (self.nip.text().strip() or self.name.text().strip())

    def snapshot(self) -> tuple[object, ...]:
        edits = (self.id_country, self.nip, self.name, self.line1, self.line2, self.country)
        return (self.id_kind.currentData(), *(w.text() for w in edits))

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.id_country, self.nip, self.name, self.line1, self.line2, self.country):
            edit.setReadOnly(read_only)
        self.id_kind.setEnabled(not read_only)
        self.pick.setEnabled(not read_only)
