"""Business rules the XSD cannot express: totals, P_15, line values, NIPs, dates, corrections."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from lxml import etree

from ksef_desktop.fa3 import Severity, build, validate
from tests.helpers import factories
from tests.helpers.fa3mutate import NS, TODAY, check, codes, find, ministry, only, set_text


def errors(problems: list) -> list:  # type: ignore[type-arg]
    return [p for p in problems if p.severity is Severity.ERROR]


# --- per-rate totals -----------------------------------------------------------------


def test_net_totals_match_lines_and_a_changed_net_total_is_reported() -> None:
    root = ministry(1)
    assert "totals-mismatch" not in codes(check(root))
    element = set_text(root, "Fa/P_13_1", "1666.67")
    problem = only(check(root), "totals-mismatch")
    assert (problem.path, problem.line, problem.field) == (
        "/Faktura/Fa/P_13_1",
        element.sourceline,
        "totals.P_13_1",
    )
    assert problem.severity is Severity.ERROR
    assert "1666.66" in problem.message  # what the lines give


def test_vat_is_rounded_half_up_on_the_per_rate_sum() -> None:
    # 0.95 at 5% is 0.0475: half-up on the sum gives 0.05 (the Ministry's value).
    root = ministry(1)
    set_text(root, "Fa/P_14_3", "0.04")
    problem = only(check(root), "totals-mismatch")
    assert (problem.path, problem.field) == ("/Faktura/Fa/P_14_3", "totals.P_14_3")


def test_a_rate_present_in_the_lines_but_missing_from_the_totals_is_reported() -> None:
    root = ministry(1)
    fa = find(root, "Fa")
    for name in ("P_13_3", "P_14_3"):
        fa.remove(find(root, f"Fa/{name}"))
    problems = check(root)
    missing = [p for p in problems if p.code == "totals-mismatch"]
    assert [(p.path, p.field) for p in missing] == [
        ("/Faktura/Fa/P_13_3", "totals.P_13_3"),
        ("/Faktura/Fa/P_14_3", "totals.P_14_3"),
    ]
    assert missing[0].line == fa.sourceline


def test_gross_priced_totals_take_vat_out_of_each_rates_gross_sum() -> None:
    xml = build(factories.gross_invoice())
    assert validate(xml, today=TODAY) == []
    root = etree.fromstring(xml)
    vat = find(root, "Fa/P_14_1")
    vat.text = str(Decimal(vat.text or "0") + Decimal("0.01"))
    problem = only(check(root), "totals-mismatch")
    assert problem.path == "/Faktura/Fa/P_14_1"


def test_before_rows_of_a_correction_count_negatively() -> None:
    root = ministry(2)  # KOR: before 1626.01, after 1463.41, totals -162.60 / -37.40
    assert errors(check(root)) == []
    flag = find(root, "Fa/FaWiersz[1]/StanPrzed")
    flag.getparent().remove(flag)  # the before row would now count as an addition
    problems = check(root)
    assert {p.path for p in problems if p.code == "totals-mismatch"} == {
        "/Faktura/Fa/P_13_1",
        "/Faktura/Fa/P_14_1",
    }


def test_line_vat_p11vat_is_accepted_as_the_rates_vat() -> None:
    # Example 24: 18.00 + 25.60 at 23%. Per-line VAT 4.14 + 5.88 = 10.02 differs from
    # 23% of the sum (10.03); with P_11Vat on every line the stated 10.02 is accepted.
    root = ministry(24)
    set_text(root, "Fa/P_14_1", "10.02")
    set_text(root, "Fa/P_15", "53.62")
    assert only(check(root), "totals-mismatch").path == "/Faktura/Fa/P_14_1"
    for position, vat in ((1, "4.14"), (2, "5.88")):
        element = etree.Element(NS + "P_11Vat")
        element.text = vat
        find(root, f"Fa/FaWiersz[{position}]/P_12").addprevious(element)
    assert errors(check(root)) == []


def test_totals_of_advance_and_settlement_invoices_are_not_compared_with_lines() -> None:
    # A ROZ lists the whole order but totals what remains after the advances.
    for number in (10, 11, 14, 18):
        assert "totals-mismatch" not in codes(check(ministry(number))), number


# --- P_15 ------------------------------------------------------------------------------


def test_p15_must_equal_nets_plus_vat() -> None:
    root = ministry(9)
    assert check(root) == []
    element = set_text(root, "Fa/P_15", "2761")
    problem = only(check(root), "p15-mismatch")
    assert (problem.severity, problem.path, problem.line, problem.field) == (
        Severity.ERROR,
        "/Faktura/Fa/P_15",
        element.sourceline,
        "totals.P_15",
    )
    assert "2760" in problem.message


def test_a_one_grosz_rounding_in_p15_is_only_a_warning() -> None:
    # The Ministry's example 1 states 2051 for 2050.99 of nets plus VAT.
    problems = check(ministry(1))
    assert [(p.code, p.severity) for p in problems] == [("p15-mismatch", Severity.WARNING)]


# --- line values ------------------------------------------------------------------------


def test_line_value_must_be_quantity_times_price() -> None:
    root = ministry(1)
    element = set_text(root, "Fa/FaWiersz[2]/P_11", "40.66")
    problem = only(check(root), "line-value-mismatch")
    assert (problem.path, problem.line, problem.field) == (
        "/Faktura/Fa/FaWiersz[2]/P_11",
        element.sourceline,
        "lines[1].net_value",
    )
    assert "40.65" in problem.message


def test_line_value_is_rounded_half_up() -> None:
    root = ministry(1)
    set_text(root, "Fa/FaWiersz[3]/P_8B", "3")
    set_text(root, "Fa/FaWiersz[3]/P_9A", "0.335")  # 1.005
    set_text(root, "Fa/FaWiersz[3]/P_11", "1.01")
    assert "line-value-mismatch" not in codes(check(root))
    set_text(root, "Fa/FaWiersz[3]/P_11", "1.00")  # banker's rounding would say 1.00
    assert only(check(root), "line-value-mismatch").path == "/Faktura/Fa/FaWiersz[3]/P_11"


def test_line_discount_p10_is_subtracted() -> None:
    root = ministry(1)
    discount = etree.Element(NS + "P_10")
    discount.text = "26.01"
    find(root, "Fa/FaWiersz[1]/P_11").addprevious(discount)
    problem = only(check(root), "line-value-mismatch")
    assert "discount" in problem.message
    set_text(root, "Fa/FaWiersz[1]/P_11", "1600.00")
    assert "line-value-mismatch" not in codes(check(root))


def test_gross_line_value_uses_the_gross_unit_price() -> None:
    root = ministry(8)
    assert check(root) == []
    set_text(root, "Fa/FaWiersz[1]/P_9B", "14000")
    problem = only(check(root), "line-value-mismatch")
    assert (problem.path, problem.field) == (
        "/Faktura/Fa/FaWiersz[1]/P_11A",
        "lines[0].gross_value",
    )


def test_arithmetic_waits_until_fa_conforms_to_the_schema() -> None:
    root = ministry(1)
    set_text(root, "Fa/FaWiersz[2]/P_11", "40.66")
    set_text(root, "Fa/P_2", "")
    found = codes(check(root))
    assert "xsd" in found
    assert "line-value-mismatch" not in found


# --- NIP check digits -------------------------------------------------------------------


def test_every_partys_nip_check_digit_is_verified() -> None:
    cases = (
        ("Podmiot1/DaneIdentyfikacyjne/NIP", "9999999998", "seller.tax_id", "seller"),
        ("Podmiot2/DaneIdentyfikacyjne/NIP", "1111111112", "buyer.tax_id", "buyer"),
        (
            "Podmiot3/DaneIdentyfikacyjne/NIP",
            "2222222223",
            "third_parties[0].party.tax_id",
            "third party",
        ),
    )
    for path, nip, field, label in cases:
        root = ministry(9)
        element = set_text(root, path, nip)
        problem = only(check(root), "nip-checksum")
        assert problem.path == "/Faktura/" + path.replace("Podmiot3", "Podmiot3[1]")
        assert (problem.line, problem.field) == (element.sourceline, field)
        assert label in problem.message
        assert nip in problem.message


def test_the_nip_inside_an_internal_id_is_verified() -> None:
    root = ministry(9)
    nip = find(root, "Podmiot3/DaneIdentyfikacyjne/NIP")
    nip.tag = NS + "IDWew"
    nip.text = "5261040828-00001"
    assert check(root) == []
    nip.text = "5261040829-00001"
    problem = only(check(root), "nip-checksum")
    assert problem.path == "/Faktura/Podmiot3[1]/DaneIdentyfikacyjne/IDWew"


# --- dates ------------------------------------------------------------------------------


def test_issue_date_must_not_be_in_the_future() -> None:
    root = ministry(1)  # P_1 = 2026-02-15
    assert "date-future" not in codes(check(root, today=date(2026, 2, 15)))
    problem = only(check(root, today=date(2026, 2, 14)), "date-future")
    assert (problem.path, problem.field) == ("/Faktura/Fa/P_1", "issue_date")
    assert problem.line == find(root, "Fa/P_1").sourceline


def test_an_impossible_date_is_date_invalid() -> None:
    root = ministry(1)
    set_text(root, "Fa/P_1", "2026-02-30")
    problem = only(check(root), "date-invalid")
    assert (problem.path, problem.field) == ("/Faktura/Fa/P_1", "issue_date")
    assert "2026-02-30" in problem.message


def test_billing_period_must_not_end_before_it_starts() -> None:
    root = ministry(24)
    assert "date-invalid" not in codes(check(root))
    set_text(root, "Fa/OkresFa/P_6_Od", "2026-03-01")
    problem = only(check(root), "date-invalid")
    assert (problem.path, problem.field) == ("/Faktura/Fa/OkresFa/P_6_Do", "period")


def test_a_corrected_invoice_dated_after_its_correction_is_a_warning() -> None:
    root = ministry(2)
    set_text(root, "Fa/DaneFaKorygowanej/DataWystFaKorygowanej", "2026-04-01")
    problem = only(check(root), "date-invalid")
    assert problem.severity is Severity.WARNING
    assert problem.field == "correction.corrected[0].issue_date"


# --- correction reference ---------------------------------------------------------------


def test_a_correction_must_name_the_corrected_invoice() -> None:
    for number in (2, 11, 18):  # KOR, KOR_ZAL, KOR_ROZ
        assert "correction-reference-missing" not in codes(check(ministry(number)))
    root = ministry(2)
    fa = find(root, "Fa")
    for name in ("PrzyczynaKorekty", "TypKorekty", "DaneFaKorygowanej"):
        fa.remove(find(root, f"Fa/{name}"))
    problems = check(root)
    assert "xsd" not in codes(problems)  # the schema itself allows leaving it out
    problem = only(problems, "correction-reference-missing")
    assert (problem.path, problem.line, problem.field) == (
        "/Faktura/Fa/DaneFaKorygowanej[1]",
        find(root, "Fa/RodzajFaktury").sourceline,
        "correction.corrected[0]",
    )
    assert "KOR" in problem.message


def test_an_ordinary_invoice_needs_no_correction_reference() -> None:
    doc = factories.invoice()
    assert validate(build(replace(doc, kind=doc.kind)), today=TODAY) == []


def test_margin_lines_without_a_rate_are_totalled_in_p13_11() -> None:
    root = ministry(8)  # used goods sold under the margin scheme, gross 15000
    set_text(root, "Fa/P_13_11", "14000")
    set_text(root, "Fa/P_15", "14000")
    problem = only(check(root), "totals-mismatch")
    assert (problem.path, problem.field) == ("/Faktura/Fa/P_13_11", "totals.P_13_11")
    assert "15000" in problem.message
