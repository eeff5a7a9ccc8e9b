"""Payment: one of the seven FA(3) methods, due date, bank account checked as typed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_account
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.ui.editor.header import date_edit, get_date, set_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("editor", text)


def _grouped(number: str) -> str:
    """An NRB as it is printed: two check digits, then groups of four."""
    if len(number) != 26 or not number.isdigit():
        return number
    return " ".join([number[:2]] + [number[i : i + 4] for i in range(2, 26, 4)])


class PaymentForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentForm")
        self._base: Payment | None = None
        self.method = QComboBox(self)
        self.method.setObjectName("paymentMethod")
        self.method.addItem(_tr("— not stated —"), 0)
        for method in PaymentMethod:
            self.method.addItem(f"{int(method)} · {_tr(method.label)}", int(method))
        self.due = date_edit(self, "dueDate", optional=True)
        self.account = QLineEdit(self)
        self.account.setObjectName("bankAccount")
        self.account.setPlaceholderText(_tr("26-digit NRB or IBAN"))
        self.account_status = QLabel(self)
        self.account_status.setObjectName("bankAccountStatus")
        self.account_status.setStyleSheet("color: #b00020;")
        self.account_status.hide()
        # One row: the payment matters, but it should not take the lines' space.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, widget, stretch in (
            (_tr("&Method:"), self.method, 0),
            (_tr("D&ue date:"), self.due, 0),
            (_tr("&Bank account:"), self.account, 1),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.account_status)
        self.method.currentIndexChanged.connect(self._on_changed)
        self.due.dateChanged.connect(self._on_changed)
        self.account.textChanged.connect(self._on_changed)

    @Slot()
    def _on_changed(self) -> None:
        problem = self.account_problem()
        self.account_status.setText(problem or "")
        self.account_status.setVisible(bool(problem))
        self.edited.emit()

    def account_problem(self) -> str | None:
        text = self.account.text().strip()
        if not text:
            method = self.method.currentData()
            if method and PaymentMethod(method).needs_bank_account:
                return _tr("A bank transfer needs the account (the print wizard will ask).")
            return None
        try:
            normalize_account(text)
        except InvalidValueError as exc:
            return exc.message
        return None

    def set_payment(self, payment: Payment | None) -> None:
        self._base = payment
        method = payment.method if payment else None
        self.method.setCurrentIndex(self.method.findData(int(method) if method else 0))
        due = next((t.on for t in payment.due if t.on), None) if payment else None
        set_date(self.due, due)
        accounts = payment.accounts if payment else ()
        self.account.setText(_grouped(accounts[0].number) if accounts else "")

    def payment(self) -> Payment | None:
        """The payment, keeping what this form does not show (paid, partial payments, ...)."""
        code = self.method.currentData()
        method = PaymentMethod(code) if code else None
        due = get_date(self.due)
        text = self.account.text().strip()
        account = None
        if text:
            try:
                account = BankAccount.checked(text)
            except InvalidValueError as exc:
                raise InvalidValueError(exc.message, field="payment.accounts") from None
        base = self._base or Payment()
        old_accounts = base.accounts
        if account is not None and old_accounts:
            account = replace(old_accounts[0], number=account.number)
        accounts = (account, *old_accounts[1:]) if account else old_accounts[1:]
        terms = tuple(t for t in base.due if t.on is None)
        payment = replace(
            base,
            method=method,
            other_method=None if method else base.other_method,
            due=((DueTerm(on=due),) if due else ()) + terms,
            accounts=accounts,
        )
        return None if payment == Payment() else payment

    def snapshot(self) -> tuple[object, ...]:
        return (self.method.currentData(), self.due.date(), self.account.text())

    def set_read_only(self, read_only: bool) -> None:
        self.method.setEnabled(not read_only)
        self.due.setEnabled(not read_only)
        self.account.setReadOnly(read_only)
