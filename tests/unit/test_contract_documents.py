"""The ERP document contract: examples, field-named errors, totals checks, the published schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from ksef_desktop.contract.documents import AdvanceInvoiceIn, ErpDocument
from ksef_desktop.contract.export import erp_document_schema, render
from ksef_desktop.contract.mapping import from_document, to_document
from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import AdvanceInvoiceRef
from ksef_desktop.domain.party import IdKind
from ksef_desktop.domain.vat import Bucket
from ksef_desktop.ws.intake import canonical_json
from tests.helpers import factories

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
EXAMPLES = sorted((SCHEMAS / "examples").glob("*.json"))


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / "examples" / name).read_text(encoding="utf-8"))
    return data


def test_published_schema_is_current() -> None:
    published = (SCHEMAS / "erp-document.schema.json").read_text(encoding="utf-8")
    assert published == render(erp_document_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_maps_to_a_document(path: Path) -> None:
    erp = ErpDocument.model_validate_json(path.read_bytes())
    document = to_document(erp)
    assert document.number == erp.number
    assert len(document.lines) == len(erp.lines)


def test_vat_example_totals_are_per_rate() -> None:
    document = to_document(ErpDocument.model_validate(_example("invoice-vat.json")))
    assert document.buyer.tax_id.value == "7740001454"
    assert document.totals.buckets[Bucket.BASIC].vat == Decimal("235.98")
    assert document.totals.buckets[Bucket.REDUCED_2].vat == Decimal("4.50")
    assert document.totals.due == Decimal("1356.48")
    assert document.payment is not None
    assert document.payment.accounts[0].number == "61109010140000071219812874"


def test_correction_example_is_negative() -> None:
    document = to_document(ErpDocument.model_validate(_example("correction-kor.json")))
    assert document.kind is DocumentKind.KOR
    assert document.totals.due == Decimal("-61.50")
    assert document.correction is not None
    assert document.correction.corrected[0].ksef_number


def test_consumer_in_foreign_currency_gets_vat_in_pln() -> None:
    document = to_document(ErpDocument.model_validate(_example("consumer-eur.json")))
    assert document.buyer.tax_id.kind is IdKind.NONE
    basic = document.totals.buckets[Bucket.BASIC]
    assert (basic.net, basic.vat, basic.vat_pln) == (
        Decimal("100.00"),
        Decimal("23.00"),
        Decimal("98.02"),
    )


def test_amounts_must_be_strings_so_nothing_becomes_a_float() -> None:
    data = _example("invoice-vat.json")
    data["lines"][0]["unit_price"] = 21.9
    with pytest.raises(ValidationError) as info:
        ErpDocument.model_validate(data)
    assert info.value.errors()[0]["loc"] == ("lines", 0, "unit_price")


@pytest.mark.parametrize(
    ("mutate", "loc"),
    [
        (lambda d: d.update(colour="red"), ("colour",)),
        (lambda d: d["lines"][1].update(vat_rate="np"), ("lines", 1, "vat_rate")),
        (lambda d: d["lines"][0].update(unit_price="21,90"), ("lines", 0, "unit_price")),
        (lambda d: d.update(lines=[]), ("lines",)),
        (lambda d: d.update(issue_date="2026-13-01"), ("issue_date",)),
        (lambda d: d["payment"].update(method="barter"), ("payment", "method")),
        (lambda d: d["seller"].pop("address"), ("seller", "address")),
    ],
)
def test_malformed_documents_name_the_field(mutate: Any, loc: tuple[Any, ...]) -> None:
    data = _example("invoice-vat.json")
    mutate(data)
    with pytest.raises(ValidationError) as info:
        ErpDocument.model_validate(data)
    assert info.value.errors()[0]["loc"] == loc


@pytest.mark.parametrize(
    ("mutate", "field", "code"),
    [
        (lambda d: d["buyer"].update(nip="7740001455"), "buyer.nip", "nip-checksum"),
        (lambda d: d["seller"].update(nip="52610408AB"), "seller.nip", "nip-format"),
        (lambda d: d["totals"].update(vat="240.49"), "totals.vat", "totals-mismatch"),
        (
            lambda d: d["payment"].update(bank_account="61109010140000071219812875"),
            "payment.bank_account",
            "nrb-checksum",
        ),
        (lambda d: d["payment"].pop("bank_account"), "payment.bank_account", None),
        (lambda d: d.update(currency="EUR"), "exchange_rate", "exchange-rate-missing"),
        (lambda d: d["lines"][2].update(vat_rate="zw"), "exemption_basis", None),
        (lambda d: d["buyer"].update(id_kind="eu_vat"), "buyer", None),
    ],
)
def test_wrong_content_is_refused_with_the_field(
    mutate: Any, field: str, code: str | None
) -> None:
    data = _example("invoice-vat.json")
    mutate(data)
    erp = ErpDocument.model_validate(data)
    with pytest.raises(InvalidValueError) as info:
        to_document(erp)
    assert info.value.field is not None
    assert info.value.field.startswith(field)
    if code:
        assert info.value.code == code


@pytest.mark.parametrize(
    "make", [factories.invoice, factories.correction, factories.consumer_invoice]
)
def test_desktop_documents_travel_as_erp_json_and_back(make: Any) -> None:
    document = make()
    erp = from_document(document, "desk-1")
    again = ErpDocument.model_validate_json(erp.model_dump_json())
    assert again == erp
    back = to_document(again, generated_at=document.generated_at)
    assert back.totals == document.totals
    assert back.lines == document.lines


KSEF_ADVANCE = "5261040828-20261102-0123456789AB-CA"


def test_a_settlement_invoice_names_its_advance_invoices_both_ways() -> None:
    data = _example("invoice-vat.json")
    data.update(kind="ROZ", advance_invoices=[{"ksef_number": KSEF_ADVANCE}, {"number": "FZ/7"}])
    document = to_document(ErpDocument.model_validate(data))
    assert document.advance_invoices == (
        AdvanceInvoiceRef(ksef_number=KSEF_ADVANCE),
        AdvanceInvoiceRef(number="FZ/7"),
    )
    back = from_document(document, "ERP-1")
    assert back.advance_invoices == [
        AdvanceInvoiceIn(ksef_number=KSEF_ADVANCE),
        AdvanceInvoiceIn(number="FZ/7"),
    ]


@pytest.mark.parametrize("entry", [{}, {"ksef_number": KSEF_ADVANCE, "number": "FZ/7"}])
def test_an_advance_invoice_is_named_one_way(entry: dict[str, str]) -> None:
    data = dict(_example("invoice-vat.json"), kind="ROZ", advance_invoices=[entry])
    with pytest.raises(ValidationError) as raised:
        ErpDocument.model_validate(data)
    assert raised.value.errors()[0]["loc"][:2] == ("advance_invoices", 0)


def test_documents_without_advance_invoices_keep_their_canonical_form() -> None:
    """Stored before the field existed, a document must hash the same when sent again."""
    erp = ErpDocument.model_validate(_example("invoice-vat.json"))
    assert from_document(to_document(erp), erp.id).advance_invoices is None
    assert "advance_invoices" not in canonical_json(erp)
