"""Parties and payment data as the editor and the FA(3) engine receive them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.party import (
    Address,
    Contact,
    IdKind,
    Party,
    TaxId,
    ThirdParty,
    ThirdPartyRole,
)
from ksef_desktop.domain.payment import (
    BankAccount,
    DueTerm,
    PartialMarker,
    PartialPayment,
    Payment,
    PaymentMethod,
)


def test_buyer_identifiers_fa3_allows() -> None:
    assert TaxId.nip("PL 526-104-08-28") == TaxId(IdKind.NIP, "5261040828")
    eu = TaxId.eu_vat("DE", "DE123456789")
    assert (eu.kind, eu.country, eu.value, eu.display()) == (
        IdKind.EU_VAT,
        "DE",
        "123456789",
        "DE123456789",
    )
    foreign = TaxId.foreign("12-3456789", "US")
    assert foreign.display() == "US 12-3456789"
    assert TaxId.none().kind is IdKind.NONE
    internal = TaxId.internal("5261040828-00001")
    assert internal.nip_value == "5261040828"


@pytest.mark.parametrize(
    "make",
    [
        lambda: TaxId.nip("1234567890"),
        lambda: TaxId.internal("5261040828-1"),
        lambda: TaxId.internal("5261040829-00001"),
        lambda: TaxId.foreign(""),
        lambda: TaxId.foreign("x" * 51),
        lambda: TaxId.foreign("123", "USA"),
    ],
)
def test_bad_identifiers_are_refused(make: object) -> None:
    with pytest.raises(InvalidValueError):
        make()  # type: ignore[operator]


def test_address_and_contacts() -> None:
    assert Address("pl", "ul. Prosta 51").country == "PL"
    with pytest.raises(InvalidValueError):
        Address("PL", "  ")
    with pytest.raises(InvalidValueError, match="e-mail"):
        Contact(email="biuro.example.pl")
    with pytest.raises(InvalidValueError, match="three"):
        Party(TaxId.none(), contacts=(Contact(phone="1"),) * 4)


def test_third_party_needs_exactly_one_kind_of_role() -> None:
    party = Party(TaxId.nip("1111111111"), name="Gmina")
    assert ThirdParty(party, role=ThirdPartyRole.JST_RECIPIENT).role == 8
    with pytest.raises(InvalidValueError):
        ThirdParty(party)
    with pytest.raises(InvalidValueError):
        ThirdParty(party, role=ThirdPartyRole.PAYER, other_role="agent")
    with pytest.raises(InvalidValueError, match="percentage"):
        ThirdParty(party, role=ThirdPartyRole.ADDITIONAL_BUYER, share=Decimal(101))


def test_payment_methods_are_the_seven_of_fa3() -> None:
    assert [int(m) for m in PaymentMethod] == [1, 2, 3, 4, 5, 6, 7]
    assert [m for m in PaymentMethod if m.needs_bank_account] == [PaymentMethod.TRANSFER]
    assert PaymentMethod.MOBILE.label == "mobile payment"


def test_paid_and_partly_paid_exclude_each_other() -> None:
    partial = (PartialPayment(Decimal("100.00"), date(2026, 11, 2), PaymentMethod.CASH),)
    paid = Payment(method=PaymentMethod.CASH, paid_on=date(2026, 11, 2))
    assert paid.is_paid
    part = Payment(partial_marker=PartialMarker.PARTLY_PAID, partial_payments=partial)
    assert part.paid_amount == Decimal("100.00")
    assert not part.is_paid
    with pytest.raises(InvalidValueError):
        Payment(
            paid_on=date(2026, 11, 2),
            partial_marker=PartialMarker.PARTLY_PAID,
            partial_payments=partial,
        )
    with pytest.raises(InvalidValueError):
        Payment(partial_marker=PartialMarker.PARTLY_PAID)
    with pytest.raises(InvalidValueError):
        Payment(method=PaymentMethod.CASH, other_method="barter")


def test_due_terms_and_accounts() -> None:
    assert DueTerm(count=30, unit="Dzień", start_event="Otrzymanie faktury").on is None
    with pytest.raises(InvalidValueError):
        DueTerm(count=30)
    account = BankAccount.checked("PL61 1090 1014 0000 0712 1981 2874", bank_name="Santander")
    assert account.number == "61109010140000071219812874"
    with pytest.raises(InvalidValueError):
        BankAccount.checked("61 1090 1014 0000 0712 1981 2870")
