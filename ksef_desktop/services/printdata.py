"""Step 1 of the print-approval wizard: payment method, due date, account, copies and output."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_account
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.language import Language

MAX_COPIES = 99


class Output(enum.StrEnum):
    PRINTER = "printer"
    PDF = "pdf"


class CopyKind(enum.StrEnum):
    ORIGINAL = "original"
    COPY = "copy"

    @property
    def label(self) -> str:
        return tr("ORIGINAL") if self is CopyKind.ORIGINAL else tr("COPY")


#: The seven FA(3) payment methods, in the order the form lists them.
PAYMENT_METHODS: tuple[PaymentMethod, ...] = tuple(PaymentMethod)


class PrintField(enum.StrEnum):
    """The fields of the print-data page (their object names in the Qt shell)."""

    METHOD = "payment_method"
    DUE_DATE = "due_date"
    BANK_ACCOUNT = "bank_account"
    COPIES = "copies"
    OUTPUT = "output"
    COPY_KIND = "copy_kind"
    LANGUAGE = "printout_language"


@dataclass(frozen=True)
class PrintData:
    method: PaymentMethod | None = None
    due_date: date | None = None
    bank_account: str = ""  # as typed; checked and normalised when applied
    copies: int = 1
    output: Output = Output.PRINTER
    copy_kind: CopyKind = CopyKind.ORIGINAL
    language: Language = Language.PL  # the printout's wording, not the screens'

    @property
    def needs_bank_account(self) -> bool:
        return self.method is not None and self.method.needs_bank_account


def print_data_of(document: Document) -> PrintData:
    """The form's starting values: what the document already says about payment."""
    payment = document.payment
    if payment is None:
        return PrintData()
    due = next((term.on for term in payment.due if term.on is not None), None)
    account = payment.accounts[0].number if payment.accounts else ""
    return PrintData(method=payment.method, due_date=due, bank_account=account)


def field_errors(data: PrintData, document: Document) -> dict[PrintField, str]:
    """Each invalid field's message (empty when the page may be left)."""
    errors: dict[PrintField, str] = {}
    if data.method is None:
        errors[PrintField.METHOD] = tr("Choose how the buyer pays.")
    if data.needs_bank_account and not data.bank_account.strip():
        errors[PrintField.BANK_ACCOUNT] = tr(
            "A bank transfer needs the account the buyer pays into."
        )
    elif data.bank_account.strip():
        try:
            normalize_account(data.bank_account)
        except InvalidValueError as exc:
            errors[PrintField.BANK_ACCOUNT] = exc.message
    if data.due_date is not None and data.due_date < document.issue_date:
        errors[PrintField.DUE_DATE] = tr("The due date is before the issue date ({d}).").format(
            d=document.issue_date.isoformat()
        )
    if not 1 <= data.copies <= MAX_COPIES:
        errors[PrintField.COPIES] = tr("Print from 1 to {n} copies.").format(n=MAX_COPIES)
    return errors


def apply_print_data(document: Document, data: PrintData) -> Document:
    """The document with the page's payment data; other payment details are kept.

    Raises :class:`InvalidValueError` (with the print field) when the data is not valid.
    """
    errors = field_errors(data, document)
    if errors:
        field, message = next(iter(errors.items()))
        raise InvalidValueError(message, field=field.value)
    payment = document.payment or Payment()
    accounts = payment.accounts
    if data.bank_account.strip():
        number = normalize_account(data.bank_account)
        kept = accounts[0] if accounts and accounts[0].number == number else None
        accounts = (kept or BankAccount(number), *accounts[1:])
    elif not data.needs_bank_account:
        accounts = ()
    due = (DueTerm(on=data.due_date),) if data.due_date is not None else ()
    new_payment = replace(
        payment, method=data.method, other_method=None, due=due, accounts=accounts
    )
    return replace(document, payment=new_payment)
