"""Ready-made documents of every kind for tests; each is recalculated and valid."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from ksef_desktop.domain.document import (
    Annotations,
    BucketTotal,
    Document,
    DocumentKind,
    Totals,
)
from ksef_desktop.domain.extras import (
    AdvanceInvoiceRef,
    CorrectedInvoice,
    Correction,
    CorrectionType,
    Footer,
    Order,
    Register,
)
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.domain.money import round_grosz
from ksef_desktop.domain.party import Address, Contact, Party, TaxId
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import Bucket, VatRate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINISTRY_EXAMPLES = sorted((FIXTURES / "ministry").glob("*.xml"))

SELLER_NIP = "5261040828"
BUYER_NIP = "7740001454"
GENERATED_AT = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def seller() -> Party:
    return Party(
        TaxId.nip(SELLER_NIP),
        name="Cairo Software Sp. z o.o.",
        address=Address("PL", "ul. Prosta 51", "00-838 Warszawa"),
        contacts=(Contact(email="biuro@cairo.example.pl", phone="221234567"),),
    )


def buyer() -> Party:
    return Party(
        TaxId.nip(BUYER_NIP),
        name="Hurtownia Budowlana Kowalski S.A.",
        address=Address("PL", "ul. Długa 7", "87-100 Toruń"),
    )


def _empty_totals() -> Totals:
    return Totals({}, Decimal(0))


def invoice(
    *,
    number: str = "FV/2026/11/0001",
    lines: int = 2,
    pricing: Pricing = Pricing.NET,
    kind: DocumentKind = DocumentKind.VAT,
) -> Document:
    """A typical domestic invoice: alternating 23% and 8% lines, paid by transfer."""
    items = tuple(
        Line(
            number=i,
            name=f"Towar {i}",
            quantity=Decimal(i),
            unit="szt.",
            unit_price=Decimal("100.50") + i,
            vat_rate=VatRate.R23 if i % 2 else VatRate.R8,
        )
        for i in range(1, lines + 1)
    )
    doc = Document(
        kind=kind,
        number=number,
        issue_date=date(2026, 11, 2),
        seller=seller(),
        buyer=buyer(),
        lines=items,
        totals=_empty_totals(),
        pricing=pricing,
        place_of_issue="Warszawa",
        sale_date=date(2026, 11, 2),
        payment=Payment(
            method=PaymentMethod.TRANSFER,
            due=(DueTerm(on=date(2026, 11, 16)),),
            accounts=(BankAccount.checked("61 1090 1014 0000 0712 1981 2874"),),
        ),
        footer=Footer(registers=(Register(krs="0000123456", regon="123456785"),)),
        generated_at=GENERATED_AT,
        system_info="ksef-desktop tests",
    )
    return recalculate(doc)


def correction() -> Document:
    """A KOR lowering one line's price, with before and after rows."""
    original = invoice(lines=1)
    before = replace(original.lines[0], before=True)
    after = replace(original.lines[0], unit_price=Decimal("90.00"))
    doc = replace(
        original,
        kind=DocumentKind.KOR,
        number="FK/2026/11/0001",
        lines=(before, after),
        correction=Correction(
            reason="obniżka ceny",
            corrected=(
                CorrectedInvoice(
                    "FV/2026/11/0001", date(2026, 11, 2), "5261040828-20261102-0123456789AB-5C"
                ),
            ),
            type=CorrectionType.CORRECTION_DATE,
        ),
    )
    return recalculate(doc)


def advance_totals(order: Order, received: Decimal) -> Totals:
    """P_13_x/P_14_x of an advance: the gross amount received, split by the order's rates.

    Each rate gets its share of the order's gross value; its VAT is taken out of
    that gross share (art. 106f(1)(4)), so net plus VAT equals what was paid.
    """
    gross_by_rate: dict[VatRate, Decimal] = {}
    for line in order.lines:
        assert line.vat_rate is not None
        assert line.net_value is not None
        gross = line.net_value + (line.vat_amount or Decimal(0))
        gross_by_rate[line.vat_rate] = gross_by_rate.get(line.vat_rate, Decimal(0)) + gross
    buckets: dict[Bucket, BucketTotal] = {}
    for rate, gross in gross_by_rate.items():
        share = round_grosz(received * gross / order.value)
        vat = round_grosz(share * rate.percent / (100 + rate.percent))
        buckets[rate.bucket] = BucketTotal(share - vat, vat)
    return Totals(buckets, received)


def advance() -> Document:
    """A ZAL invoice for a 30% advance (3600.00 PLN gross) paid on a 12000.00 PLN order.

    A ZAL has no FaWiersz: its totals state the advance received, split by the
    VAT rates of the order it is paid against (Zamowienie).
    """
    order = Order(
        Decimal("12000.00"),
        (
            Line(
                1,
                name="Kocioł gazowy",
                quantity=Decimal(1),
                unit="szt.",
                unit_price=Decimal("8000.00"),
                vat_rate=VatRate.R23,
                net_value=Decimal("8000.00"),
                vat_amount=Decimal("1840.00"),
            ),
            Line(
                2,
                name="Montaż kotła",
                quantity=Decimal(1),
                unit="usł.",
                unit_price=Decimal("2000.00"),
                vat_rate=VatRate.R8,
                net_value=Decimal("2000.00"),
                vat_amount=Decimal("160.00"),
            ),
        ),
    )
    paid_on = date(2026, 11, 2)
    return replace(
        invoice(lines=0),
        kind=DocumentKind.ZAL,
        number="FZ/2026/11/0001",
        lines=(),
        sale_date=paid_on,  # P_6 of a ZAL: the day the advance was received
        order=order,
        totals=advance_totals(order, Decimal("3600.00")),
        payment=Payment(method=PaymentMethod.TRANSFER, paid_on=paid_on),
    )


def settlement() -> Document:
    return replace(
        invoice(number="FR/2026/11/0001", kind=DocumentKind.ROZ),
        advance_invoices=(AdvanceInvoiceRef(ksef_number="5261040828-20261102-0123456789AB-5C"),),
    )


def simplified() -> Document:
    return replace(invoice(number="UPR/2026/11/0001", lines=1), kind=DocumentKind.UPR)


def gross_invoice() -> Document:
    """A retail-style invoice priced gross (P_9B, P_11A), VAT taken out of each rate's total."""
    return invoice(number="FV/2026/11/0004", lines=3, pricing=Pricing.GROSS)


def eur_invoice() -> Document:
    """An invoice in euro: each line carries the PLN rate and VAT is restated in PLN (P_14_xW)."""
    base = invoice(number="FV/2026/11/0003")
    doc = replace(
        base,
        currency="EUR",
        lines=tuple(replace(line, exchange_rate=Decimal("4.2345")) for line in base.lines),
        payment=Payment(
            method=PaymentMethod.TRANSFER,
            due=(DueTerm(on=date(2026, 11, 16)),),
            accounts=(BankAccount.checked("DE89 3704 0044 0532 0130 00", swift="COBADEFFXXX"),),
        ),
    )
    return recalculate(doc)


def consumer_invoice() -> Document:
    return replace(
        invoice(number="FV/2026/11/0002"),
        buyer=Party(TaxId.none(), name="Jan Kowalski", address=Address("PL", "ul. Krótka 1")),
        annotations=Annotations(),
    )
