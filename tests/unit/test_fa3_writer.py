"""The builder's own XML writer: the same bytes lxml writes, the same refusals, one line table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.fa3 import build
from ksef_desktop.fa3.build_lines import write_lines
from ksef_desktop.fa3.elements import INVOICE_LINE
from ksef_desktop.fa3.writer import Element, leaf, serialize, sub, write_fields
from tests.helpers import factories

NS = "urn:example"


def _lxml(texts: list[str | None], attribute: str = "FA (3)") -> bytes:
    root = etree.Element(f"{{{NS}}}Faktura", nsmap={None: NS})
    box = etree.SubElement(root, f"{{{NS}}}Box")
    box.set("kod", attribute)
    for text in texts:
        etree.SubElement(box, f"{{{NS}}}T").text = text
    etree.SubElement(root, f"{{{NS}}}Empty")
    return etree.tostring(root, encoding="UTF-8", pretty_print=True)


def _ours(texts: list[str | None], attribute: str = "FA (3)") -> bytes:
    root = Element("Faktura")
    root.set("xmlns", NS)
    box = sub(root, "Box")
    box.set("kod", attribute)
    for text in texts:
        leaf(box, "T", text)
    sub(root, "Empty")
    return serialize(root)


def test_escaping_empty_and_absent_text_match_lxml() -> None:
    texts: list[str | None] = [
        "a&b<c>d\re\tf\ng\"h'i]]>j",
        "",
        None,
        "zażółć gęślą jaźń",
        "\U0001f600",
    ]
    attribute = "x&<>\"\t\n\r'y"
    assert _ours(texts, attribute) == _lxml(texts, attribute)


def _same_as_lxml(text: str) -> None:
    try:
        expected = _lxml([text])
    except ValueError:  # lxml refuses control characters, surrogates, U+FFFE/U+FFFF
        with pytest.raises(InvalidValueError, match=r"^/Faktura/Box/T: the text contains"):
            _ours([text])
    else:
        assert _ours([text]) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=12))
def test_any_text_is_written_or_refused_exactly_as_lxml_does(text: str) -> None:
    _same_as_lxml(text)


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x1f", "\ud800", "\ufffe", "\uffff"])
def test_characters_lxml_refuses_are_refused(char: str) -> None:
    _same_as_lxml(f"a{char}b")


@pytest.mark.parametrize("pricing", list(Pricing))
def test_line_writer_follows_the_field_table(pricing: Pricing) -> None:
    """Every FaWiersz field set: the fast writer and the table give the same element."""
    line = Line(
        number=7,
        name="Śruba <M8> & nakrętka",
        quantity=Decimal("2.500"),
        unit="szt.",
        unit_price=Decimal("10.1"),
        discount=Decimal("0.5"),
        vat_rate=VatRate.R23,
        net_value=Decimal("24.75"),
        gross_value=Decimal("30.44"),
        vat_amount=Decimal("5.69"),
        uu_id="0b0c4a1e-line",
        delivery_date=date(2026, 11, 3),
        index="IDX-1",
        gtin="5901234123457",
        pkwiu="25.94.11.0",
        cn="7318",
        pkob="1122",
        oss_rate=Decimal("19.00"),
        annex15=True,
        excise=Decimal("1.20"),
        gtu="GTU_06",
        procedure="TT_D",
        exchange_rate=Decimal("4.250000"),
        before=True,
    )
    fast = sub(Element("Faktura"), "Fa")
    write_lines(fast, [line], pricing)
    table = sub(Element("Faktura"), "Fa")
    write_fields(sub(table, "FaWiersz"), line, INVOICE_LINE, pricing)
    assert serialize(fast) == serialize(table)
    assert b"<P_12_Zal_15>1</P_12_Zal_15>" in serialize(fast)


def test_text_a_line_cannot_carry_is_refused_with_its_path() -> None:
    doc = factories.invoice(lines=2)
    bad = replace(doc.lines[1], name="Towar\x07")
    with pytest.raises(InvalidValueError, match=r"/Faktura/Fa/FaWiersz/P_7: the text contains"):
        build(replace(doc, lines=(doc.lines[0], bad)))


def test_an_amount_a_line_cannot_carry_is_refused_with_its_path() -> None:
    doc = factories.invoice(lines=1)
    bad = replace(doc.lines[0], net_value=Decimal("1.234"))
    with pytest.raises(InvalidValueError, match=r"/Faktura/Fa/FaWiersz/P_11: 1\.234 has more"):
        build(replace(doc, lines=(bad,)))
