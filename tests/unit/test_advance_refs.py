"""A settlement invoice's advance invoices as typed: KSeF numbers checked, others by number."""

from __future__ import annotations

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import AdvanceInvoiceRef
from ksef_desktop.services.advances import MAX_ADVANCE_INVOICES, advance_ref, check_advances

KSEF = "5261040828-20261102-0123456789AB-CA"


def test_a_ksef_number_is_checked_and_kept_in_capitals() -> None:
    assert advance_ref(f"  {KSEF.lower()} ", outside_ksef=False) == AdvanceInvoiceRef(
        ksef_number=KSEF
    )
    with pytest.raises(InvalidValueError) as wrong:
        advance_ref(KSEF[:-2] + "5C", outside_ksef=False)  # a wrong check character
    assert "not a valid KSeF number" in wrong.value.message
    assert "outside KSeF" in wrong.value.message  # and what to do if it has none
    assert wrong.value.field == "advance_invoices"


def test_one_issued_outside_ksef_is_named_by_its_own_number() -> None:
    assert advance_ref("FZ/7/2026", outside_ksef=True) == AdvanceInvoiceRef(number="FZ/7/2026")
    with pytest.raises(InvalidValueError, match="256"):
        advance_ref("F" * 257, outside_ksef=True)


@pytest.mark.parametrize("outside", [False, True])
def test_nothing_typed_says_what_to_type(outside: bool) -> None:
    with pytest.raises(InvalidValueError, match="Type the advance invoice's"):
        advance_ref("   ", outside_ksef=outside)


def test_a_settlement_invoice_names_one_to_a_hundred() -> None:
    with pytest.raises(InvalidValueError, match="at least one"):
        check_advances(())
    refs = tuple(AdvanceInvoiceRef(number=f"FZ/{n}") for n in range(MAX_ADVANCE_INVOICES + 1))
    check_advances(refs[:MAX_ADVANCE_INVOICES])
    with pytest.raises(InvalidValueError, match="at most 100"):
        check_advances(refs)
