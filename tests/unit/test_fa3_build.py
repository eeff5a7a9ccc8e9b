"""FA(3) builder: golden files per document kind, format details and refusals."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from ksef_desktop.domain.document import (
    Annotations,
    BucketTotal,
    ExemptionBasis,
    MarginScheme,
    Totals,
)
from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.domain.extras import Order
from ksef_desktop.domain.party import Party, TaxId, ThirdParty, ThirdPartyRole
from ksef_desktop.domain.vat import Bucket
from ksef_desktop.fa3 import build
from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from tests.helpers import factories
from tests.helpers.fa3cases import DOCUMENTS, assert_schema_valid

GOLDEN = Path(__file__).parent / "golden"
#: Set KSEF_REGEN_GOLDEN=1 to rewrite the golden files after a deliberate change
#: of the builder's output; review the diff before committing it.
REGENERATE = os.environ.get("KSEF_REGEN_GOLDEN") == "1"
NS = {"fa": FA3_NAMESPACE}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_output_matches_golden_file_byte_for_byte(name: str) -> None:
    xml = build(DOCUMENTS[name]())
    golden = GOLDEN / f"{name}.xml"
    if REGENERATE:
        golden.write_bytes(xml)
    assert golden.exists(), f"missing {golden}; run with KSEF_REGEN_GOLDEN=1 to create it"
    assert xml == golden.read_bytes()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_golden_files_pass_the_official_xsd(name: str) -> None:
    assert_schema_valid((GOLDEN / f"{name}.xml").read_bytes())


def test_declaration_encoding_and_default_namespace() -> None:
    xml = build(factories.invoice())
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Faktura xmlns="')
    assert not xml.startswith(b"\xef\xbb\xbf")
    root = etree.fromstring(xml)
    assert root.nsmap == {None: FA3_NAMESPACE}
    assert "ul. Długa 7".encode() in xml  # real UTF-8, not character references


def test_same_document_gives_the_same_bytes() -> None:
    assert build(factories.correction()) == build(factories.correction())


def test_without_generation_time_the_current_utc_time_is_written() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    root = etree.fromstring(build(replace(factories.invoice(), generated_at=None)))
    text = root.findtext("fa:Naglowek/fa:DataWytworzeniaFa", namespaces=NS)
    assert text is not None
    assert text.endswith("Z")
    written = datetime.fromisoformat(text)
    assert before <= written <= datetime.now(UTC)


def test_generation_time_in_another_zone_is_written_in_utc() -> None:
    warsaw = timezone(timedelta(hours=1))
    doc = replace(factories.invoice(), generated_at=datetime(2026, 11, 2, 10, 30, tzinfo=warsaw))
    root = etree.fromstring(build(doc))
    text = root.findtext("fa:Naglowek/fa:DataWytworzeniaFa", namespaces=NS)
    assert text == "2026-11-02T09:30:00Z"


def test_number_formats() -> None:
    line = replace(
        factories.invoice(lines=1).lines[0],
        quantity=Decimal("2.500"),
        unit_price=Decimal("0.12345600"),
        net_value=Decimal("0.3"),
        exchange_rate=Decimal("4.100000"),
    )
    doc = replace(factories.invoice(lines=1), lines=(line,))
    root = etree.fromstring(build(doc))
    row = root.find("fa:Fa/fa:FaWiersz", NS)
    assert row is not None
    values = {etree.QName(c).localname: c.text for c in row}
    assert values["P_8B"] == "2.5"
    assert values["P_9A"] == "0.123456"
    assert values["P_11"] == "0.30"
    assert values["KursWaluty"] == "4.1"
    assert root.findtext("fa:Fa/fa:P_15", namespaces=NS) == "124.85"


def test_gross_pricing_uses_gross_price_elements() -> None:
    root = etree.fromstring(build(factories.gross_invoice()))
    row = root.find("fa:Fa/fa:FaWiersz", NS)
    assert row is not None
    tags = [etree.QName(c).localname for c in row]
    assert "P_9B" in tags
    assert "P_11A" in tags
    assert "P_9A" not in tags
    assert "P_11" not in tags


def test_exemption_margin_and_third_party_are_written() -> None:
    base = factories.invoice()
    third = ThirdParty(Party(TaxId.nip("9999999999"), name="Szkoła"), ThirdPartyRole.PAYER)
    doc = replace(
        base,
        annotations=Annotations(
            exemption=(ExemptionBasis.EU_DIRECTIVE, "art. 132 dyrektywy"),
            margin=MarginScheme.ANTIQUES,
            split_payment=True,
        ),
        third_parties=(third,),
    )
    xml = build(doc)
    assert_schema_valid(xml)
    root = etree.fromstring(xml)
    adn = "fa:Fa/fa:Adnotacje/"
    assert root.findtext(adn + "fa:Zwolnienie/fa:P_19B", namespaces=NS) == "art. 132 dyrektywy"
    assert root.findtext(adn + "fa:PMarzy/fa:P_PMarzy_3_3", namespaces=NS) == "1"
    assert root.findtext(adn + "fa:P_18A", namespaces=NS) == "1"
    assert root.findtext("fa:Podmiot3/fa:Rola", namespaces=NS) == "6"


def test_amount_with_more_than_two_decimals_is_refused_with_its_path() -> None:
    doc = factories.invoice()
    totals = Totals(dict(doc.totals.buckets), Decimal("346.255"))
    with pytest.raises(InvalidValueError, match=r"/Faktura/Fa/P_15: 346\.255 has more than 2"):
        build(replace(doc, totals=totals))


def test_price_with_more_than_eight_decimals_is_refused() -> None:
    doc = factories.invoice(lines=1)
    line = replace(doc.lines[0], discount=Decimal("0.123456789"))
    with pytest.raises(InvalidValueError, match="P_10"):
        build(replace(doc, lines=(line,)))


def test_document_without_number_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="no number yet"):
        build(replace(factories.invoice(), number=None))


def test_text_xml_cannot_carry_is_refused_with_its_path() -> None:
    doc = factories.invoice()
    with pytest.raises(InvalidValueError, match="/Faktura/Fa/P_1M"):
        build(replace(doc, place_of_issue="Warszawa\x00"))


def test_seller_without_nip_is_refused() -> None:
    doc = factories.invoice()
    seller = replace(doc.seller, tax_id=TaxId.eu_vat("DE", "123456789"))
    with pytest.raises(InvalidValueError, match="seller must be identified by a NIP"):
        build(replace(doc, seller=seller))


def test_buyer_with_internal_id_is_refused() -> None:
    doc = factories.invoice()
    buyer = replace(doc.buyer, tax_id=TaxId.internal("5261040828-00001"))
    with pytest.raises(UnsupportedConstructError, match="internal id"):
        build(replace(doc, buyer=buyer))


def test_order_line_with_a_discount_is_refused() -> None:
    doc = factories.advance()
    assert doc.order is not None
    line = replace(doc.order.lines[0], discount=Decimal(10))
    order = Order(doc.order.value, (line, *doc.order.lines[1:]))
    with pytest.raises(UnsupportedConstructError, match="order line cannot carry discount"):
        build(replace(doc, order=order))


def test_vat_total_on_a_group_without_vat_is_refused() -> None:
    doc = factories.invoice()
    totals = Totals({Bucket.EXEMPT: BucketTotal(Decimal(100), Decimal(23))}, Decimal(100))
    with pytest.raises(InvalidValueError, match="P_13_7"):
        build(replace(doc, totals=totals))


def test_missing_vat_total_of_a_taxed_group_is_refused() -> None:
    doc = factories.invoice()
    totals = Totals({Bucket.BASIC: BucketTotal(Decimal(100))}, Decimal(100))
    with pytest.raises(InvalidValueError, match="P_14_1"):
        build(replace(doc, totals=totals))
