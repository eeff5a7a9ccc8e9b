"""Ready-made documents of every kind for tests; each is recalculated and valid."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

from ksef_desktop.domain.document import Annotations, Document, DocumentKind, Totals
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
from ksef_desktop.domain.party import Address, Contact, Party, TaxId
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINISTRY_EXAMPLES = sorted((FIXTURES / "ministry").glob("*.xml"))

SELLER_NIP = "5261040828"
BUYER_NIP = "7740001454"
GENERATED_AT = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)


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


def advance() -> Document:
    """A ZAL advance invoice for part of an order."""
    order_lines = (
        Line(1, name="Kocioł gazowy", quantity=Decimal(1), unit="szt.",
             unit_price=Decimal("8000"), vat_rate=VatRate.R23, net_value=Decimal("8000.00")),
    )
    doc = replace(
        invoice(lines=0),
        kind=DocumentKind.ZAL,
        number="FZ/2026/11/0001",
        order=Order(Decimal("9840.00"), order_lines),
        lines=(),
    )
    return doc


def settlement() -> Document:
    return replace(
        invoice(number="FR/2026/11/0001", kind=DocumentKind.ROZ),
        advance_invoices=(AdvanceInvoiceRef(ksef_number="5261040828-20261102-0123456789AB-5C"),),
    )


def simplified() -> Document:
    return replace(invoice(number="UPR/2026/11/0001", lines=1), kind=DocumentKind.UPR)


def consumer_invoice() -> Document:
    return replace(
        invoice(number="FV/2026/11/0002"),
        buyer=Party(TaxId.none(), name="Jan Kowalski", address=Address("PL", "ul. Krótka 1")),
        annotations=Annotations(),
    )
