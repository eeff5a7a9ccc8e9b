"""FA(3) round trip: build, parse and build again give the same document and the same bytes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from ksef_desktop.domain.document import Annotations, Document, DocumentKind, ExemptionBasis
from ksef_desktop.domain.extras import (
    AdditionalInfo,
    AdvanceInvoiceRef,
    AdvancePart,
    Attachment,
    Charge,
    ColumnType,
    DataBlock,
    DatedReference,
    Footer,
    Settlement,
    Table,
    TransactionTerms,
)
from ksef_desktop.domain.party import (
    Address,
    Contact,
    Party,
    TaxId,
    TaxpayerStatus,
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
from ksef_desktop.fa3 import build, parse
from tests.helpers import factories
from tests.helpers.fa3cases import DOCUMENTS, assert_schema_valid


def _round_trip(doc: Document) -> None:
    xml = build(doc)
    assert_schema_valid(xml)
    again = parse(xml)
    assert again == doc
    assert build(again) == xml


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_factory_documents_round_trip(name: str) -> None:
    _round_trip(DOCUMENTS[name]())


def test_every_optional_section_round_trips() -> None:
    """A document using each section the model holds, beyond what the factories show."""
    base = factories.invoice()
    seller = replace(
        base.seller,
        vat_prefix_pl=True,
        eori="PL526104082800000",
        taxpayer_status=TaxpayerStatus.RESTRUCTURING,
        correspondence_address=Address("PL", "skr. poczt. 12", "00-950 Warszawa", "5901234123457"),
    )
    buyer = replace(base.buyer, customer_number="K-17", buyer_id="B-1", jst=True, vat_group=True)
    third_parties = (
        ThirdParty(
            Party(
                TaxId.internal("5261040828-00001"), name="Oddział", contacts=(Contact("a@b.pl"),)
            ),
            ThirdPartyRole.JST_RECIPIENT,
        ),
        ThirdParty(Party(TaxId.foreign("X-1")), other_role="pełnomocnik", share=Decimal("12.5")),
        ThirdParty(Party(TaxId.none(), customer_number="C-9"), ThirdPartyRole.VAT_GROUP_RECIPIENT),
    )
    payment = Payment(
        other_method="kompensata",
        partial_marker=PartialMarker.PAID_IN_INSTALMENTS,
        partial_payments=(
            PartialPayment(Decimal("100.00"), date(2026, 11, 2), PaymentMethod.CARD),
            PartialPayment(Decimal("246.25"), date(2026, 11, 3), other_method="barter"),
        ),
        due=(DueTerm(count=14, unit="dni", start_event="doręczenie"), DueTerm()),
        accounts=(BankAccount("61109010140000071219812874", "WBKPPLPP", 1, "Bank", "PLN"),),
        factor_accounts=(BankAccount.checked("DE89370400440532013000"),),
        discount_conditions="zapłata w 7 dni",
        discount_amount="2%",
        payment_link="https://pay.example/?IPKSeF=123ABCDEFGHIJ",
        ip_ksef="123ABCDEFGHIJ",
    )
    doc = replace(
        base,
        seller=seller,
        buyer=buyer,
        third_parties=third_parties,
        dispatch_notes=("WZ/1", "WZ/2"),
        sale_date=None,
        period=(date(2026, 10, 1), date(2026, 10, 31)),
        annotations=Annotations(
            cash_accounting=True,
            self_billing=True,
            reverse_charge=True,
            exemption=(ExemptionBasis.OTHER, "inna podstawa"),
            triangular=True,
        ),
        advance_parts=(AdvancePart(date(2026, 10, 5), Decimal("100.00"), Decimal("4.25")),),
        receipt_based=True,
        related_parties=True,
        additional_info=(AdditionalInfo("klucz", "wartość", line_number=1),),
        advance_invoices=(AdvanceInvoiceRef(number="FZ/1/2026"),),
        excise_refund=True,
        settlement=Settlement(
            charges=(Charge(Decimal("5.00"), "odsetki"),),
            charges_total=Decimal("5.00"),
            to_settle=Decimal("351.25"),
        ),
        payment=payment,
        terms=TransactionTerms(
            contracts=(DatedReference(date(2025, 1, 2), "U/1"), DatedReference(None, "U/2")),
            orders=(DatedReference(date(2026, 10, 1), None),),
            batch_numbers=("P-1",),
            delivery_terms="FCA",
            contract_rate=Decimal("4.2"),
            contract_currency="EUR",
            intermediary=True,
        ),
        footer=Footer(texts=("Kapitał  zakładowy\n 5 000 zł",), registers=()),
        attachment=Attachment(
            (
                DataBlock(
                    metadata=(("k", "v"),),
                    header="Nagłówek",
                    paragraphs=("Akapit 1", "Akapit 2"),
                    tables=(
                        Table(
                            columns=((ColumnType.TXT, "Opis"), (ColumnType.DEC, "")),
                            rows=(("a", "1.50"), ("b",)),
                            sums=("Razem", "1.50"),
                        ),
                    ),
                ),
            )
        ),
    )
    _round_trip(doc)


def test_correction_with_every_correction_field_round_trips() -> None:
    doc = factories.correction()
    assert doc.correction is not None
    correction = replace(
        doc.correction,
        reason=None,
        type=None,
        period="10/2026",
        corrected_number="FV/2026/11/0001A",
        amount_before=Decimal("124.85"),
        rate_before=Decimal("4.3"),
    )
    corrected = (*correction.corrected, replace(correction.corrected[0], ksef_number=None))
    _round_trip(
        replace(
            doc,
            kind=DocumentKind.KOR_ZAL,
            correction=replace(correction, corrected=corrected),
            advance_rate=Decimal("4.25"),
        )
    )
