"""validate(xml): file-level checks, XSD problems in plain words, hostile input, field mapping."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from ksef_desktop.fa3 import Problem, Severity, build, validate
from ksef_desktop.fa3.fields import FIELD_TABLE, field_for
from ksef_desktop.fa3.problems import REPEATING
from ksef_desktop.fa3.schema import verified_files
from ksef_desktop.fa3.xsdmessages import MAX_XSD_PROBLEMS
from tests.helpers import factories
from tests.helpers.fa3mutate import (
    NS,
    TODAY,
    check,
    codes,
    find,
    ministry,
    only,
    set_text,
    to_bytes,
)
from tests.helpers.factories import MINISTRY_EXAMPLES

XS = "{http://www.w3.org/2001/XMLSchema}"
# ``ksef_desktop.fa3.validate`` is the function (the package re-exports it); the module:
validate_module = importlib.import_module("ksef_desktop.fa3.validate")


def error_codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems if p.severity is Severity.ERROR]


# --- valid documents ------------------------------------------------------------------


@pytest.mark.parametrize("path", MINISTRY_EXAMPLES, ids=lambda p: p.name)
def test_every_ministry_example_has_no_errors(path: object) -> None:
    problems = validate(path.read_bytes(), today=TODAY)  # type: ignore[attr-defined]
    assert error_codes(problems) == []


@pytest.mark.parametrize(
    "make",
    [
        factories.invoice,
        factories.correction,
        factories.advance,
        factories.settlement,
        factories.simplified,
        factories.gross_invoice,
        factories.eur_invoice,
        factories.consumer_invoice,
    ],
)
def test_documents_we_build_have_no_problems(make: object) -> None:
    assert validate(build(make()), today=TODAY) == []  # type: ignore[operator]


# --- the file itself -----------------------------------------------------------------------


def test_a_byte_order_mark_is_an_error() -> None:
    data = to_bytes(ministry(9))
    assert validate(data, today=TODAY) == []
    problems = validate(b"\xef\xbb\xbf" + data, today=TODAY)
    assert [(p.code, p.line, p.path) for p in problems] == [("bom", 1, "")]
    assert "without BOM" in problems[0].message


def test_another_declared_encoding_is_an_error() -> None:
    text = to_bytes(ministry(9)).decode("utf-8")
    data = text.replace("encoding='UTF-8'", "encoding='ISO-8859-2'").encode("iso-8859-2")
    problems = validate(data, today=TODAY)
    assert codes(problems) == ["encoding"]
    assert "ISO-8859-2" in problems[0].message


def test_bytes_that_are_not_utf8_are_an_encoding_error() -> None:
    data = to_bytes(ministry(9)).replace(b"<P_2>", b"<P_2>\xff", 1)
    problems = validate(data, today=TODAY)
    assert "encoding" in codes(problems)
    encoding = only(problems, "encoding")
    assert encoding.line == data[: data.index(b"\xff")].count(b"\n") + 1


def test_text_instead_of_bytes_is_reported_not_raised() -> None:
    problems = validate("<Faktura/>", today=TODAY)  # type: ignore[arg-type]
    assert codes(problems) == ["encoding"]


def test_processing_instructions_are_errors_wherever_they_are() -> None:
    root = ministry(9)
    find(root, "Fa/P_2").addnext(etree.ProcessingInstruction("app", "data"))
    inside = only(check(root), "processing-instruction")
    assert (inside.path, inside.field) == ("/Faktura/Fa", None)
    assert "app" in inside.message
    data = to_bytes(ministry(9)).replace(b"?>\n", b'?>\n<?xml-stylesheet href="x.xsl"?>\n', 1)
    before = only(validate(data, today=TODAY), "processing-instruction")
    assert (before.path, before.line) == ("", 2)


def test_discouraged_control_characters_are_errors_and_nel_is_not() -> None:
    root = ministry(9)
    element = set_text(root, "Fa/FaWiersz[1]/P_7", "najem\u0081 lokalu")
    problem = only(check(root), "forbidden-character")
    assert (problem.path, problem.line, problem.field) == (
        "/Faktura/Fa/FaWiersz[1]/P_7",
        element.sourceline,
        "lines[0].name",
    )
    assert "U+0081" in problem.message
    for allowed in ("\u0085", "§ ° ±"):
        element.text = f"najem{allowed}lokalu"
        assert check(root) == []
    element.text = "a\u007fb"
    assert "U+007F" in only(check(root), "forbidden-character").message


def test_the_size_limit_is_one_megabyte_or_three_with_attachments() -> None:
    plain = ministry(9)
    plain.append(etree.Comment("x" * 1_000_000))
    problem = only(check(plain), "size-limit")
    assert "1,000,000" in problem.message
    assert error_codes(check(plain)) == ["size-limit"]

    with_attachment = ministry(24)
    with_attachment.append(etree.Comment("x" * 1_500_000))
    assert "size-limit" not in codes(check(with_attachment))
    with_attachment.append(etree.Comment("x" * 1_600_000))
    assert "3,000,000" in only(check(with_attachment), "size-limit").message


# --- hostile and malformed input -----------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Faktura>&lol9;</Faktura>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Faktura [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">&xxe;</Faktura>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused_without_expanding_them(data: bytes) -> None:
    problems = validate(data, today=TODAY)
    assert [(p.code, p.line) for p in problems] == [("xml-doctype", 2)]
    assert "root:" not in problems[0].message  # nothing of /etc/passwd leaks into it


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"\x00\x01garbage", b"<Faktura><Fa></Faktura>", b"not xml at all"],
    ids=["empty", "blank", "binary", "unclosed", "text"],
)
def test_malformed_input_is_one_xml_malformed_error(data: bytes) -> None:
    problems = validate(data, today=TODAY)
    assert error_codes(problems)[-1] == "xml-malformed"
    assert all(p.severity is Severity.ERROR for p in problems)


def test_a_malformed_document_reports_the_line() -> None:
    data = to_bytes(ministry(9)).replace(b"</P_2>", b"</P_3>", 1)
    problem = only(validate(data, today=TODAY), "xml-malformed")
    assert problem.line == data[: data.index(b"</P_3>")].count(b"\n") + 1


# --- schema problems in plain words ----------------------------------------------------------


def test_a_wrong_rate_code_names_the_element_and_the_allowed_codes() -> None:
    root = ministry(1)
    element = set_text(root, "Fa/FaWiersz[1]/P_12", "24")
    problem = only(check(root), "xsd")
    assert (problem.path, problem.line, problem.field) == (
        "/Faktura/Fa/FaWiersz[1]/P_12",
        element.sourceline,
        "lines[0].vat_rate",
    )
    assert "'24' is not an allowed value of P_12" in problem.message
    assert "0 WDT" in problem.message
    assert "enumeration" in problem.detail  # libxml2's own words are kept


def test_a_malformed_nip_and_amount_are_explained() -> None:
    root = ministry(1)
    set_text(root, "Podmiot1/DaneIdentyfikacyjne/NIP", "0123")
    set_text(root, "Fa/P_15", "+2051")
    problems = check(root)
    nip = next(p for p in problems if p.path.endswith("/NIP"))
    assert "10 digits" in nip.message
    assert nip.field == "seller.tax_id"
    due = next(p for p in problems if p.path == "/Faktura/Fa/P_15")
    assert "1234.56" in due.message


def test_too_many_decimals_is_one_problem() -> None:
    root = ministry(1)
    set_text(root, "Fa/FaWiersz[2]/P_11", "40.655")
    problem = only(check(root), "xsd")
    assert "more than 2 decimal places" in problem.message


def test_an_empty_and_a_too_long_value() -> None:
    root = ministry(1)
    set_text(root, "Fa/P_2", "")
    set_text(root, "Podmiot2/DaneIdentyfikacyjne/Nazwa", "x" * 600)
    problems = check(root)
    empty = next(p for p in problems if p.path == "/Faktura/Fa/P_2")
    assert "P_2 is empty" in empty.message
    assert empty.field == "number"
    long = next(p for p in problems if p.path.endswith("Podmiot2/DaneIdentyfikacyjne/Nazwa"))
    assert "600" in long.message
    assert "at most 512" in long.message
    assert long.field == "buyer.name"


def test_a_missing_required_element_is_named() -> None:
    root = ministry(1)
    jst = find(root, "Podmiot2/JST")
    jst.getparent().remove(jst)
    problem = only(check(root), "xsd")
    assert problem.path == "/Faktura/Podmiot2/GV"
    assert "JST" in problem.message
    assert "not allowed at this position" in problem.message


def test_an_incomplete_element_is_named_with_its_missing_child() -> None:
    root = ministry(1)
    address = find(root, "Podmiot1/Adres")
    for child in list(address):
        address.remove(child)
    problem = only(check(root), "xsd")
    assert (problem.path, problem.field) == ("/Faktura/Podmiot1/Adres", "seller.address")
    assert "KodKraju" in problem.message
    assert "missing" in problem.message


def test_a_date_outside_the_schema_range_is_date_invalid() -> None:
    root = ministry(1)
    set_text(root, "Fa/P_1", "2005-12-31")
    problem = only(check(root), "date-invalid")
    assert "2006-01-01" in problem.message


def test_a_missing_attribute_and_a_foreign_root() -> None:
    root = ministry(1)
    del find(root, "Naglowek/KodFormularza").attrib["kodSystemowy"]
    problem = only(check(root), "xsd")
    assert "kodSystemowy" in problem.message
    assert problem.path == "/Faktura/Naglowek/KodFormularza"
    other = validate(b'<?xml version="1.0" encoding="UTF-8"?>\n<Invoice/>', today=TODAY)
    assert [(p.code, p.path) for p in other] == [("xsd", "/Invoice")]
    assert "not an FA(3) invoice" in other[0].message


# --- paths and fields ------------------------------------------------------------------------


def test_repeating_names_are_those_the_schema_lets_repeat() -> None:
    names: set[str] = set()
    for data in verified_files().values():
        for element in etree.fromstring(data).iter(XS + "element"):
            occurs = {element.get("maxOccurs", "1")}
            parent = element.getparent()
            while parent is not None and parent.tag in (XS + "sequence", XS + "choice"):
                occurs.add(parent.get("maxOccurs", "1"))
                parent = parent.getparent()
            if element.get("name") and occurs != {"1"}:
                names.add(element.get("name", ""))
    assert names == REPEATING


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/Faktura/Fa/FaWiersz[2]/P_11", "lines[1].net_value"),
        ("/Faktura/Fa/P_13_1", "totals.P_13_1"),
        ("/Faktura/Fa/P_1", "issue_date"),
        ("/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP", "buyer.tax_id"),
        ("/Faktura/Fa/Platnosc/RachunekBankowy[1]", "payment.accounts[0]"),
        ("/Faktura/Fa/Platnosc/RachunekBankowy[2]/NrRB", "payment.accounts[1].number"),
        (
            "/Faktura/Podmiot3[2]/DaneKontaktowe[3]/Email",
            "third_parties[1].party.contacts[2].email",
        ),
        ("/Faktura/Podmiot1/DaneKontaktowe[2]/Telefon", "seller.contacts[1].phone"),
        ("/Faktura/Fa/Zamowienie/ZamowienieWiersz[4]/P_11NettoZ", "order.lines[3].net_value"),
        ("/Faktura/Fa/Platnosc/Skonto", "payment"),  # no entry: the nearest ancestor's
        ("/Faktura/Fa/FaWiersz[3]/UnknownChild", "lines[2]"),
        ("/Faktura/Naglowek/KodFormularza", None),
        ("", None),
    ],
)
def test_paths_map_to_document_fields(path: str, field: str | None) -> None:
    assert field_for(path) == field


def test_every_field_table_entry_formats() -> None:
    for path, template in FIELD_TABLE.items():
        assert path.startswith("/Faktura/")
        assert "{" not in template.format(0, 0, 0)


def test_problems_carry_their_element_namespace_free() -> None:
    root = ministry(9)
    set_text(root, "Fa/P_15", "1")
    problem = only(check(root), "p15-mismatch")
    assert NS not in problem.path
    assert problem.path.startswith("/Faktura/")


def test_thousands_of_schema_problems_are_capped_with_a_count() -> None:
    root = etree.fromstring(build(factories.invoice(lines=1500)))
    for rate in root.iter(NS + "P_12"):
        rate.text = "24"
    problems = check(root)
    assert len(problems) == MAX_XSD_PROBLEMS + 1
    assert problems[MAX_XSD_PROBLEMS - 1].path == f"/Faktura/Fa/FaWiersz[{MAX_XSD_PROBLEMS}]/P_12"
    assert "1300 more problems" in problems[-1].message


def test_absurdly_deep_nesting_is_malformed_not_a_crash() -> None:
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    assert error_codes(validate(data, today=TODAY)) == ["xml-malformed"]


def test_without_a_date_the_issue_date_is_compared_with_today() -> None:
    root = ministry(9)
    assert check(root, today=None) == []  # type: ignore[arg-type]
    set_text(root, "Fa/P_1", "2049-12-31")
    assert "date-future" in codes(check(root, today=None))  # type: ignore[arg-type]


def test_a_failing_rule_is_logged_and_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(view: object) -> list[Problem]:
        raise ZeroDivisionError

    monkeypatch.setattr(validate_module, "amount_problems", broken)
    problems = check(ministry(9))
    assert [(p.code, p.severity) for p in problems] == [("rules-failed", Severity.WARNING)]
    assert "an FA(3) rule failed" in caplog.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_list_of_problems(data: bytes) -> None:
    problems = validate(data, today=TODAY)
    assert problems
    assert all(isinstance(p, Problem) for p in problems)


_EXAMPLE = to_bytes(ministry(1))


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(_EXAMPLE) - 1), st.binary(min_size=1, max_size=3))
def test_a_damaged_ministry_example_never_crashes_the_validator(at: int, junk: bytes) -> None:
    data = _EXAMPLE[:at] + junk + _EXAMPLE[at + len(junk) :]
    problems = validate(data, today=TODAY)
    assert all(isinstance(p, Problem) for p in problems)
    assert "rules-failed" not in codes(problems)
