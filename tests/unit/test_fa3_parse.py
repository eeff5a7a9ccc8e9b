"""FA(3) parser: the Ministry's examples, refusals of unsupported constructs and bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from ksef_desktop.domain.document import DocumentKind, MarginScheme
from ksef_desktop.domain.errors import UnsupportedConstructError, XmlInputError
from ksef_desktop.domain.extras import ColumnType
from ksef_desktop.domain.lines import Pricing
from ksef_desktop.domain.party import IdKind, ThirdPartyRole
from ksef_desktop.domain.payment import PartialMarker, PaymentMethod
from ksef_desktop.domain.vat import Bucket, VatRate
from ksef_desktop.fa3 import build, parse
from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from tests.helpers.fa3cases import assert_schema_valid
from tests.helpers.factories import FIXTURES, MINISTRY_EXAMPLES
from tests.helpers.xmlcompare import first_difference

NS = "{" + FA3_NAMESPACE + "}"
MINISTRY = FIXTURES / "ministry"


def _example(name: str) -> bytes:
    return (MINISTRY / name).read_bytes()


def test_all_twelve_ministry_examples_are_present() -> None:
    assert len(MINISTRY_EXAMPLES) == 12


@pytest.mark.parametrize("path", MINISTRY_EXAMPLES, ids=lambda p: p.stem)
def test_ministry_example_survives_parse_and_rebuild(path: Path) -> None:
    original = path.read_bytes()
    rebuilt = build(parse(original))
    assert_schema_valid(rebuilt)
    assert first_difference(original, rebuilt) is None


def test_vat_example_values() -> None:
    doc = parse(_example("FA_3_Przyklad_1.xml"))
    assert doc.kind is DocumentKind.VAT
    assert doc.number == "FV2026/02/150"
    assert doc.generated_at == datetime(2026, 2, 1, tzinfo=UTC)
    assert doc.buyer.customer_number == "fdfd778343"
    assert doc.receipt_based
    assert doc.totals.buckets[Bucket.REDUCED_2].vat == Decimal("0.05")
    assert doc.totals.due == Decimal(2051)
    assert [ln.vat_rate for ln in doc.lines] == [VatRate.R23, VatRate.R23, VatRate.R5]
    assert doc.payment is not None
    assert doc.payment.paid_on == date(2026, 1, 27)
    assert doc.terms is not None
    assert doc.terms.orders[0].number == "4354343"
    assert doc.footer is not None
    assert doc.footer.registers[0].bdo == "000099999"


def test_margin_example_is_gross_priced_with_partial_payment() -> None:
    doc = parse(_example("FA_3_Przyklad_8.xml"))
    assert doc.pricing is Pricing.GROSS
    assert doc.annotations.margin is MarginScheme.USED_GOODS
    assert doc.totals.buckets[Bucket.MARGIN].net == Decimal(15000)
    assert doc.lines[0].gross_value == Decimal(15000)
    payment = doc.payment
    assert payment is not None
    assert payment.partial_marker is PartialMarker.PARTLY_PAID
    assert payment.partial_payments[0].method is PaymentMethod.CASH
    assert payment.due[0].count == 30
    assert payment.due[0].start_event == "Otrzymanie faktury"


def test_jst_example_has_period_exemption_and_third_party() -> None:
    doc = parse(_example("FA_3_Przyklad_9.xml"))
    assert doc.buyer.jst
    assert doc.period == (date(2026, 1, 1), date(2026, 1, 1))
    assert doc.annotations.exemption is not None
    assert doc.annotations.exemption[1] == "art. 43 ust. 1 pkt 37 ustawy VAT"
    assert doc.third_parties[0].role is ThirdPartyRole.JST_RECIPIENT


def test_advance_correction_keeps_order_and_amount_before() -> None:
    doc = parse(_example("FA_3_Przyklad_11.xml"))
    assert doc.kind is DocumentKind.KOR_ZAL
    assert doc.correction is not None
    assert doc.correction.amount_before == Decimal(20000)
    assert doc.order is not None
    assert [ln.before for ln in doc.order.lines] == [True, False, True, False]
    assert doc.order.lines[1].vat_amount == Decimal("27333.33")


def test_settlement_has_two_third_parties_and_an_advance_invoice() -> None:
    doc = parse(_example("Fa_3_Przyklad_14.xml"))
    assert [(t.role, t.share) for t in doc.third_parties] == [
        (ThirdPartyRole.ADDITIONAL_BUYER, Decimal(50)),
        (ThirdPartyRole.ORIGINAL_ENTITY, None),
    ]
    assert doc.advance_invoices[0].ksef_number == "9999999999-20230908-8BEF280C8D35-4D"
    correction = parse(_example("Fa_3_Przyklad_18.xml"))
    assert correction.kind is DocumentKind.KOR_ROZ
    assert correction.correction is not None
    assert correction.correction.amount_before == Decimal(300000)


def test_foreign_buyers() -> None:
    eu = parse(_example("FA_3_Przyklad_22.xml")).buyer.tax_id
    assert (eu.kind, eu.country, eu.value) == (IdKind.EU_VAT, "DE", "999999999")
    other = parse(_example("FA_3_Przyklad_23.xml"))
    assert (other.buyer.tax_id.kind, other.buyer.tax_id.country) == (IdKind.FOREIGN, "US")
    assert other.lines[0].delivery_date == date(2026, 1, 3)


def test_attachment_tables_and_settlement() -> None:
    doc = parse(_example("FA_3_Przyklad_24.xml"))
    assert doc.settlement is not None
    assert doc.settlement.to_pay == Decimal("53.63")
    assert doc.attachment is not None
    block = doc.attachment.blocks[0]
    assert block.metadata[1] == ("Kod PPE", "999999999999999999")
    table = block.tables[1]
    assert table.metadata == (("Informacja o akcyzie", table.metadata[0][1]),)
    assert table.columns[3] == (ColumnType.DEC, "Cena jedn. netto (zł)")
    assert table.rows[0] == ("Energia elektryczna czynna",)
    assert table.sums is not None
    assert table.sums[4] == "18.00"
    assert "Opłata przejściowa <500 kWh" in {row[0] for row in block.tables[2].rows}


# --- unsupported constructs -------------------------------------------------------------


def _edit(name: str, xpath: str, fragment: str, *, replace: bool = False) -> bytes:
    """The example with ``fragment`` appended to (or replacing) the element at ``xpath``."""
    root = etree.fromstring(_example(name))
    target = root.xpath(xpath, namespaces={"fa": FA3_NAMESPACE})[0]
    new = etree.fromstring(f'<w xmlns="{FA3_NAMESPACE}">{fragment}</w>')[0]
    if replace:
        target.getparent().replace(target, new)
    else:
        target.append(new)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _insert_after(name: str, xpath: str, fragment: str) -> bytes:
    root = etree.fromstring(_example(name))
    target = root.xpath(xpath, namespaces={"fa": FA3_NAMESPACE})[0]
    target.addnext(etree.fromstring(f'<w xmlns="{FA3_NAMESPACE}">{fragment}</w>')[0])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


PODMIOT_UPOWAZNIONY = """<PodmiotUpowazniony><DaneIdentyfikacyjne><NIP>2222222222</NIP>
<Nazwa>Komornik</Nazwa></DaneIdentyfikacyjne><Adres><KodKraju>PL</KodKraju>
<AdresL1>ul. Sądowa 1</AdresL1></Adres><RolaPU>2</RolaPU></PodmiotUpowazniony>"""
TRANSPORT = """<Transport><RodzajTransportu>3</RodzajTransportu>
<OpisLadunku>1</OpisLadunku></Transport>"""
NEW_VEHICLE = """<NoweSrodkiTransportu><P_22>1</P_22><P_42_5>2</P_42_5>
<NowySrodekTransportu><P_22A>2026-01-01</P_22A><P_NrWierszaNST>1</P_NrWierszaNST>
<P_22B>100</P_22B></NowySrodekTransportu></NoweSrodkiTransportu>"""
PODMIOT1K = """<Podmiot1K><DaneIdentyfikacyjne><NIP>9999999999</NIP><Nazwa>Stara nazwa</Nazwa>
</DaneIdentyfikacyjne><Adres><KodKraju>PL</KodKraju><AdresL1>ul. Stara 1</AdresL1></Adres>
</Podmiot1K>"""


@pytest.mark.parametrize(
    ("xml", "path"),
    [
        pytest.param(
            _insert_after("FA_3_Przyklad_1.xml", "/fa:Faktura/fa:Podmiot2", PODMIOT_UPOWAZNIONY),
            "/Faktura/PodmiotUpowazniony",
            id="PodmiotUpowazniony",
        ),
        pytest.param(
            _edit("FA_3_Przyklad_1.xml", "//fa:WarunkiTransakcji", TRANSPORT),
            "/Faktura/Fa/WarunkiTransakcji/Transport",
            id="Transport",
        ),
        pytest.param(
            _edit("FA_3_Przyklad_1.xml", "//fa:NoweSrodkiTransportu", NEW_VEHICLE, replace=True),
            "/Faktura/Fa/Adnotacje/NoweSrodkiTransportu/P_22",
            id="NoweSrodkiTransportu",
        ),
        pytest.param(
            _insert_after("FA_3_Przyklad_2.xml", "//fa:DaneFaKorygowanej", PODMIOT1K),
            "/Faktura/Fa/Podmiot1K",
            id="Podmiot1K",
        ),
        pytest.param(
            _edit(
                "FA_3_Przyklad_1.xml", "//fa:FaWiersz[2]", '<x:Extra xmlns:x="urn:x">1</x:Extra>'
            ),
            "/Faktura/Fa/FaWiersz[2]/{urn:x}Extra",
            id="foreign-element",
        ),
        pytest.param(
            _edit("FA_3_Przyklad_1.xml", "//fa:Platnosc", "<Skonto2>1</Skonto2>"),
            "/Faktura/Fa/Platnosc/Skonto2",
            id="unknown-element",
        ),
    ],
)
def test_unsupported_construct_is_refused_naming_the_element(xml: bytes, path: str) -> None:
    with pytest.raises(UnsupportedConstructError) as info:
        parse(xml)
    assert path in info.value.message
    assert info.value.code == "fa3-unsupported"


def test_unexpected_attribute_is_refused() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b"<P_2>", b'<P_2 extra="1">')
    with pytest.raises(UnsupportedConstructError, match="/Faktura/Fa/P_2/@extra"):
        parse(xml)


# --- wrong documents and bad values -----------------------------------------------------


def test_wrong_root_element() -> None:
    xml = f'<Faktury xmlns="{FA3_NAMESPACE}"/>'.encode()
    with pytest.raises(XmlInputError, match="root element is Faktury") as info:
        parse(xml)
    assert info.value.code == "fa3-wrong-root"


def test_wrong_namespace() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b"2025/06/25/13775", b"2099/01/01/99999")
    with pytest.raises(XmlInputError, match="namespace") as info:
        parse(xml)
    assert info.value.code == "fa3-wrong-namespace"


def test_fa2_document_is_named_as_such() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b"2025/06/25/13775", b"2023/06/29/12648")
    with pytest.raises(UnsupportedConstructError, match="FA\\(2\\)"):
        parse(xml)


def test_wrong_system_code() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b'"FA (3)"', b'"FA(3)"')
    with pytest.raises(XmlInputError, match="kodSystemowy is 'FA\\(3\\)'"):
        parse(xml)


def test_missing_mandatory_element_is_named() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b"<P_2>FV2026/02/150</P_2>", b"")
    with pytest.raises(XmlInputError, match="/Faktura/Fa/P_2 is missing"):
        parse(xml)


def test_bad_number_is_named_by_path() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b"<P_9A>40.65</P_9A>", b"<P_9A>40,65</P_9A>")
    with pytest.raises(XmlInputError, match=r"/Faktura/Fa/FaWiersz\[2\]/P_9A: '40,65'"):
        parse(xml)


def test_value_the_domain_refuses_is_named_by_path() -> None:
    xml = _example("Fa_3_Przyklad_18.xml").replace(
        b"<Udzial>50</Udzial>", b"<Udzial>150</Udzial>", 1
    )
    with pytest.raises(XmlInputError, match=r"/Faktura/Podmiot3\[1\]: A share is a percentage"):
        parse(xml)


def test_repeated_single_element_is_refused() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(b"<P_1M>", b"<P_1M>X</P_1M><P_1M>")
    with pytest.raises(XmlInputError, match="P_1M appears 2 times"):
        parse(xml)


# --- hostile input ----------------------------------------------------------------------

ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">&lol3;</Faktura>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE f [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"><Naglowek>&xxe;</Naglowek></Faktura>"""


@pytest.mark.parametrize("xml", [ENTITY_BOMB, XXE], ids=["entity-bomb", "xxe"])
def test_hostile_xml_is_refused(xml: bytes) -> None:
    with pytest.raises(XmlInputError) as info:
        parse(xml)
    assert info.value.code == "xml-doctype"


def test_malformed_xml_is_refused() -> None:
    with pytest.raises(XmlInputError, match="not well-formed"):
        parse(_example("FA_3_Przyklad_1.xml")[:-20])


def test_schema_location_hint_on_the_root_is_accepted() -> None:
    xml = _example("FA_3_Przyklad_1.xml").replace(
        b"<Faktura ",
        b'<Faktura xsi:schemaLocation="http://crd.gov.pl/wzor/2025/06/25/13775/ x.xsd" ',
        1,
    )
    assert parse(xml) == parse(_example("FA_3_Przyklad_1.xml"))
