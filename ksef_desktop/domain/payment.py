"""Payment: method (FormaPlatnosci 1-7), due dates, bank accounts, paid or partly paid."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_account
from ksef_desktop.support.i18n import tr


class PaymentMethod(enum.IntEnum):
    CASH = 1
    CARD = 2
    VOUCHER = 3
    CHEQUE = 4
    CREDIT = 5
    TRANSFER = 6
    MOBILE = 7

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self]

    @property
    def needs_bank_account(self) -> bool:
        """A transfer is paid into an account the invoice must name."""
        return self is PaymentMethod.TRANSFER


_METHOD_LABELS = {
    PaymentMethod.CASH: tr("cash"),
    PaymentMethod.CARD: tr("card"),
    PaymentMethod.VOUCHER: tr("voucher"),
    PaymentMethod.CHEQUE: tr("cheque"),
    PaymentMethod.CREDIT: tr("credit"),
    PaymentMethod.TRANSFER: tr("bank transfer"),
    PaymentMethod.MOBILE: tr("mobile payment"),
}


@dataclass(frozen=True)
class BankAccount:
    number: str
    swift: str | None = None
    own_bank_account: int | None = None  # RachunekWlasnyBanku 1..3
    bank_name: str | None = None
    description: str | None = None

    @classmethod
    def checked(cls, number: str, **kwargs: str | int | None) -> BankAccount:
        """An account whose NRB or IBAN checksum has been verified."""
        return cls(normalize_account(number), **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class PartialPayment:
    amount: Decimal
    on: date
    method: PaymentMethod | None = None
    other_method: str | None = None


@dataclass(frozen=True)
class DueTerm:
    """A due date, or a described term (e.g. 30 days from receipt of the invoice)."""

    on: date | None = None
    count: int | None = None
    unit: str | None = None
    start_event: str | None = None

    def __post_init__(self) -> None:
        described = (self.count, self.unit, self.start_event)
        if any(v is not None for v in described) and None in described:
            raise InvalidValueError(
                tr("A described term needs a count, a unit and the event it runs from."),
                field="due",
            )


class PartialMarker(enum.IntEnum):
    PARTLY_PAID = 1
    PAID_IN_INSTALMENTS = 2


@dataclass(frozen=True)
class Payment:
    method: PaymentMethod | None = None
    other_method: str | None = None  # PlatnoscInna + OpisPlatnosci
    paid_on: date | None = None  # Zaplacono = 1 + DataZaplaty
    partial_marker: PartialMarker | None = None
    partial_payments: tuple[PartialPayment, ...] = ()
    due: tuple[DueTerm, ...] = ()
    accounts: tuple[BankAccount, ...] = ()
    factor_accounts: tuple[BankAccount, ...] = ()
    discount_conditions: str | None = None  # Skonto
    discount_amount: str | None = None
    payment_link: str | None = None
    ip_ksef: str | None = None

    def __post_init__(self) -> None:
        if self.method is not None and self.other_method is not None:
            raise InvalidValueError(
                tr("Choose a payment method or describe another one, not both."),
                field="payment_method",
            )
        if self.paid_on is not None and self.partial_marker is not None:
            raise InvalidValueError(
                tr("A payment is either paid in full or partly paid."), field="paid"
            )
        if (self.partial_marker is None) != (not self.partial_payments):
            raise InvalidValueError(
                tr("Partial payments need the partial-payment marker and at least one entry."),
                field="partial_payments",
            )
        if (self.discount_conditions is None) != (self.discount_amount is None):
            raise InvalidValueError(
                tr("A cash discount needs both its conditions and its amount."),
                field="discount",
            )

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None

    @property
    def paid_amount(self) -> Decimal:
        return sum((p.amount for p in self.partial_payments), Decimal(0))
