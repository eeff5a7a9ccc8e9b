"""KSeF number validation (format and CRC-8 check digits) at the port's edge."""

from __future__ import annotations

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.ksef.invoices import require_ksef_number

VALID = [
    "5265877635-20250826-0100001AF629-AF",
    "5265877635-20250916-0200A0D6723E-C2",
    "5555555555-20250828-010080615740-E4",
]


@pytest.mark.parametrize("number", VALID)
def test_documented_numbers_are_valid(number: str) -> None:
    assert require_ksef_number(number) == number


@pytest.mark.parametrize(
    "number",
    [
        "5265877635-20250826-0100001AF629-AE",  # wrong check digits
        "5265877635-20250826-0100001AF628-AF",  # one changed hex digit
        "5265877635-20251326-0100001AF629-AF",  # month 13
        "5265877635-20250826-0100001af629-AF",  # lower-case hex
        "",
        "not a number",
    ],
)
def test_broken_numbers_are_rejected_with_a_stable_code(number: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        require_ksef_number(number)
    assert caught.value.code == "ksef-number-invalid"
    assert caught.value.field == "ksef_number"
