"""Totals per VAT rate, computed the way Polish invoices compute them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ksef_desktop.domain.document import BucketTotal
from ksef_desktop.domain.lines import Line, Pricing, line_value, priced
from ksef_desktop.domain.money import round_grosz
from ksef_desktop.domain.totals import compute_totals, recalculate
from ksef_desktop.domain.vat import Bucket, VatRate
from tests.helpers import factories


def _line(n: int, qty: str, price: str, rate: VatRate, **kw: object) -> Line:
    return Line(n, name=f"l{n}", quantity=Decimal(qty), unit_price=Decimal(price),
                vat_rate=rate, **kw)  # type: ignore[arg-type]  # fmt: skip


def test_vat_is_computed_on_the_per_rate_total_not_per_line() -> None:
    # Three lines of 0.10 net at 23%: per line VAT rounds to 0.02 each (0.06), on the
    # total 0.30 * 23% = 0.069 -> 0.07. Polish invoices use the total.
    lines = [priced(_line(i, "1", "0.10", VatRate.R23), Pricing.NET) for i in (1, 2, 3)]
    totals = compute_totals(lines, Pricing.NET)
    assert totals.buckets[Bucket.BASIC] == BucketTotal(Decimal("0.30"), Decimal("0.07"))
    assert totals.due == Decimal("0.37")


def test_gross_method_extracts_vat_from_the_gross_total() -> None:
    lines = [priced(_line(1, "1", "123.00", VatRate.R23), Pricing.GROSS),
             priced(_line(2, "2", "54.00", VatRate.R8), Pricing.GROSS)]  # fmt: skip
    totals = compute_totals(lines, Pricing.GROSS)
    assert totals.buckets[Bucket.BASIC] == BucketTotal(Decimal("100.00"), Decimal("23.00"))
    assert totals.buckets[Bucket.REDUCED_1] == BucketTotal(Decimal("100.00"), Decimal("8.00"))
    assert totals.due == Decimal("231.00")


def test_rates_sharing_a_bucket_are_each_rounded_then_added() -> None:
    lines = [priced(_line(1, "1", "0.05", VatRate.R23), Pricing.NET),
             priced(_line(2, "1", "0.05", VatRate.R22), Pricing.NET)]  # fmt: skip
    basic = compute_totals(lines, Pricing.NET).buckets[Bucket.BASIC]
    # 0.05 * 23% = 0.0115 -> 0.01 and 0.05 * 22% = 0.011 -> 0.01
    assert basic == BucketTotal(Decimal("0.10"), Decimal("0.02"))


def test_untaxed_buckets_have_no_vat_amount() -> None:
    lines = [priced(_line(1, "2", "50", rate), Pricing.NET)
             for rate in (VatRate.ZW, VatRate.NP_I, VatRate.ZERO_WDT)]  # fmt: skip
    totals = compute_totals(lines, Pricing.NET)
    for bucket in (Bucket.EXEMPT, Bucket.OUTSIDE_PL, Bucket.ZERO_WDT):
        assert totals.buckets[bucket] == BucketTotal(Decimal("100.00"))
    assert totals.due == Decimal("300.00")


def test_discount_and_fractional_quantities() -> None:
    assert line_value(Decimal("2.5"), Decimal("3.333"), Decimal("1.00")) == Decimal("7.33")
    assert line_value(Decimal("0.333333"), Decimal("10"), None) == Decimal("3.33")


def test_correction_totals_are_after_minus_before_with_each_side_rounded() -> None:
    # The Ministry's KOR example: 1626.01 -> 1463.41 net at 23%.
    before = priced(_line(1, "1", "1626.01", VatRate.R23, before=True), Pricing.NET)
    after = priced(_line(1, "1", "1463.41", VatRate.R23), Pricing.NET)
    totals = compute_totals([before, after], Pricing.NET)
    assert totals.buckets[Bucket.BASIC] == BucketTotal(Decimal("-162.60"), Decimal("-37.40"))
    assert totals.due == Decimal("-200.00")


def test_foreign_currency_vat_is_also_given_in_pln() -> None:
    line = priced(_line(1, "10", "100", VatRate.R23, exchange_rate=Decimal("4.2618")), Pricing.NET)
    basic = compute_totals([line], Pricing.NET, foreign_currency=True).buckets[Bucket.BASIC]
    assert basic == BucketTotal(Decimal("1000.00"), Decimal("230.00"), Decimal("980.21"))


def test_margin_lines_without_a_rate_go_to_p13_11() -> None:
    line = Line(1, name="used car", quantity=Decimal(1), unit_price=Decimal(15000))
    totals = compute_totals([priced(line, Pricing.GROSS)], Pricing.GROSS, margin=True)
    assert totals.buckets == {Bucket.MARGIN: BucketTotal(Decimal("15000.00"))}
    assert compute_totals([priced(line, Pricing.GROSS)], Pricing.GROSS).buckets == {}


def test_recalculate_fixes_stale_values() -> None:
    doc = factories.invoice(lines=3)
    stale = replace(doc, lines=tuple(replace(ln, net_value=Decimal(1)) for ln in doc.lines))
    assert recalculate(stale) == doc


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)
quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1000"), places=3)


@given(st.lists(st.tuples(quantities, amounts, st.sampled_from(list(VatRate))), min_size=1,
                max_size=20))  # fmt: skip
def test_due_equals_nets_plus_vats_and_vat_follows_each_rate(
    items: list[tuple[Decimal, Decimal, VatRate]],
) -> None:
    lines = [priced(_line(i + 1, str(q), str(p), r), Pricing.NET)
             for i, (q, p, r) in enumerate(items)]  # fmt: skip
    totals = compute_totals(lines, Pricing.NET)
    assert totals.due == totals.net + totals.vat
    for rate in VatRate:
        net = sum((ln.net_value or Decimal(0) for ln in lines if ln.vat_rate is rate), Decimal(0))
        if net and rate.bucket.has_vat:
            bucket_vat = totals.buckets[rate.bucket].vat or Decimal(0)
            others = [r for r in VatRate if r.bucket is rate.bucket and r is not rate]
            if not any(ln.vat_rate in others for ln in lines):
                assert bucket_vat == round_grosz(net * rate.percent / 100)


def test_pricing_keeps_a_stated_value_only_when_written_the_same() -> None:
    exact = replace(_line(1, "3", "0.5", VatRate.R23), net_value=Decimal("1.50"))
    assert priced(exact, Pricing.NET) is exact
    short = replace(exact, net_value=Decimal("1.5"))  # equal, but would print as 1.5
    assert str(priced(short, Pricing.NET).net_value) == "1.50"
    wrong = replace(exact, net_value=Decimal("1.49"))
    assert priced(wrong, Pricing.NET).net_value == Decimal("1.50")
    gross = priced(exact, Pricing.GROSS)  # switching pricing moves the value over
    assert (gross.net_value, gross.gross_value) == (None, Decimal("1.50"))
