"""Money rounding and VAT codes: the arithmetic every amount on an invoice relies on."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.money import ExchangeRate, check_currency, round_grosz, to_decimal
from ksef_desktop.domain.vat import Bucket, VatRate


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),
        ("0.004", "0.00"),
        ("2.675", "2.68"),  # binary floats get this wrong; Decimal must not
        ("-0.005", "-0.01"),  # half away from zero for negatives (corrections)
        ("373.9823", "373.98"),
        ("1.125", "1.13"),
    ],
)
def test_round_grosz_is_half_up(value: str, expected: str) -> None:
    assert round_grosz(Decimal(value)) == Decimal(expected)
    assert str(round_grosz(Decimal(value))) == expected


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6))
def test_round_grosz_is_within_half_a_grosz(value: Decimal) -> None:
    rounded = round_grosz(value)
    assert abs(rounded - value) <= Decimal("0.005")
    assert rounded.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("text", "expected"), [("1 234,50", "1234.50"), ("12", "12"), (" -3.1 ", "-3.1")]
)
def test_to_decimal_accepts_polish_input(text: str, expected: str) -> None:
    assert to_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["abc", "1.2.3", "NaN", "Infinity", ""])
def test_to_decimal_refuses_non_numbers(text: str) -> None:
    with pytest.raises(InvalidValueError):
        to_decimal(text, field="price")


def test_currency_codes() -> None:
    assert check_currency(" eur ") == "EUR"
    with pytest.raises(InvalidValueError, match="currency code"):
        check_currency("EURO")


def test_exchange_rate_converts_to_pln_and_limits_precision() -> None:
    rate = ExchangeRate(Decimal("4.2618"))
    assert rate.to_pln(Decimal("23.00")) == Decimal("98.02")
    with pytest.raises(InvalidValueError):
        ExchangeRate(Decimal("4.1234567"))
    with pytest.raises(InvalidValueError):
        ExchangeRate(Decimal("0"))


def test_every_p12_code_is_spelt_as_the_schema_requires() -> None:
    assert [r.value for r in VatRate] == [
        "23", "22", "8", "7", "5", "4", "3",
        "0 KR", "0 WDT", "0 EX", "zw", "oo", "np I", "np II",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("rate", "bucket", "percent"),
    [
        (VatRate.R23, Bucket.BASIC, 23),
        (VatRate.R22, Bucket.BASIC, 22),
        (VatRate.R8, Bucket.REDUCED_1, 8),
        (VatRate.R7, Bucket.REDUCED_1, 7),
        (VatRate.R5, Bucket.REDUCED_2, 5),
        (VatRate.R4, Bucket.TAXI, 4),
        (VatRate.R3, Bucket.TAXI, 3),
        (VatRate.ZERO_KR, Bucket.ZERO_DOMESTIC, 0),
        (VatRate.ZERO_WDT, Bucket.ZERO_WDT, 0),
        (VatRate.ZERO_EX, Bucket.ZERO_EXPORT, 0),
        (VatRate.ZW, Bucket.EXEMPT, 0),
        (VatRate.OO, Bucket.REVERSE_CHARGE, 0),
        (VatRate.NP_I, Bucket.OUTSIDE_PL, 0),
        (VatRate.NP_II, Bucket.ART_100, 0),
    ],
)
def test_rate_buckets(rate: VatRate, bucket: Bucket, percent: int) -> None:
    assert rate.bucket is bucket
    assert rate.percent == percent
    assert bucket.has_vat == (percent > 0)


@pytest.mark.parametrize(
    ("typed", "rate"), [("23%", VatRate.R23), ("ZW", VatRate.ZW), ("0  wdt", VatRate.ZERO_WDT)]
)
def test_rate_parse_accepts_what_people_type(typed: str, rate: VatRate) -> None:
    assert VatRate.parse(typed) is rate


def test_rate_parse_refuses_fa2_codes() -> None:
    with pytest.raises(InvalidValueError, match="not a VAT rate code"):
        VatRate.parse("np")
    with pytest.raises(InvalidValueError):
        VatRate.parse("0")
