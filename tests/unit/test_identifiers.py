"""NIP, EU VAT numbers and bank accounts: what a typo in a buyer's data must not get past."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import (
    is_valid_nip,
    nip_checksum_ok,
    normalize_account,
    normalize_eu_vat,
    normalize_nip,
)


@pytest.mark.parametrize(
    "typed",
    ["5261040828", "526-104-08-28", "PL 526 104 08 28", "pl5261040828", "526.104.08.28"],
)
def test_nip_normalisation(typed: str) -> None:
    assert normalize_nip(typed) == "5261040828"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("5261040829", "nip-checksum"),
        ("526104082", "nip-format"),
        ("52610408281", "nip-format"),
        ("52610408AB", "nip-format"),
        ("", "nip-empty"),
        ("PL", "nip-empty"),
    ],
)
def test_invalid_nips_say_why(typed: str, code: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        normalize_nip(typed, field="buyer.nip")
    assert info.value.code == code
    assert info.value.field == "buyer.nip"


def test_a_checksum_of_ten_is_never_valid() -> None:
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    prefix = next(
        f"{n:09d}"
        for n in range(100000000, 100001000)
        if sum(int(d) * w for d, w in zip(f"{n:09d}", weights, strict=True)) % 11 == 10
    )
    assert not any(nip_checksum_ok(prefix + last) for last in "0123456789")


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_exactly_one_check_digit_or_none_makes_a_nip(prefix: str) -> None:
    valid = [d for d in "0123456789" if is_valid_nip(prefix + d)]
    assert len(valid) <= 1


def test_eu_vat_numbers() -> None:
    assert normalize_eu_vat("de", "DE 123456789") == ("DE", "123456789")
    assert normalize_eu_vat("GR", "123456789") == ("EL", "123456789")
    with pytest.raises(InvalidValueError, match="not an EU VAT country"):
        normalize_eu_vat("US", "123")
    with pytest.raises(InvalidValueError, match="by NIP"):
        normalize_eu_vat("PL", "5261040828")
    with pytest.raises(InvalidValueError):
        normalize_eu_vat("FR", "1234567890123")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("61 1090 1014 0000 0712 1981 2874", "61109010140000071219812874"),
        ("PL61109010140000071219812874", "61109010140000071219812874"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
    ],
)
def test_accounts_are_checked_and_normalised(typed: str, stored: str) -> None:
    assert normalize_account(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("61 1090 1014 0000 0712 1981 2875", "nrb-checksum"),
        ("6110901014000007121981287", "nrb-format"),
        ("DE89 3704 0044 0532 0130 01", "iban-checksum"),
        ("not an account", "iban-format"),
    ],
)
def test_bad_accounts_are_refused(typed: str, code: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        normalize_account(typed)
    assert info.value.code == code
