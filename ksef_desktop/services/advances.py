"""A settlement (ROZ) invoice's advance invoices, as a person types them in the editor."""

from __future__ import annotations

from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import AdvanceInvoiceRef
from ksef_desktop.ksef.invoices import require_ksef_number
from ksef_desktop.support.i18n import tr

#: FakturaZaliczkowa occurs at most this often in an FA(3) invoice.
MAX_ADVANCE_INVOICES = 100
#: The kinds that name the advance invoices they settle (a ROZ, and its correction).
SETTLEMENT_KINDS = frozenset({DocumentKind.ROZ, DocumentKind.KOR_ROZ})


def advance_ref(text: str, *, outside_ksef: bool) -> AdvanceInvoiceRef:
    """The advance invoice ``text`` names: a KSeF number (format and check digits are
    checked), or with ``outside_ksef`` the number of one issued outside KSeF."""
    value = text.strip()
    if not value:
        raise InvalidValueError(
            tr("Type the advance invoice's number.")
            if outside_ksef
            else tr("Type the advance invoice's KSeF number."),
            field="advance_invoices",
        )
    if outside_ksef:
        if len(value) > 256:
            raise InvalidValueError(
                tr("An invoice number has at most 256 characters."), field="advance_invoices"
            )
        return AdvanceInvoiceRef(number=value)
    try:
        return AdvanceInvoiceRef(ksef_number=require_ksef_number(value.upper()))
    except InvalidValueError as exc:
        raise InvalidValueError(
            tr(
                "{value} is not a valid KSeF number; one reads like "
                "5261040828-20261102-0123456789AB-CA (the seller's NIP, the date, 12 characters "
                "and 2 check characters). For an advance invoice issued outside KSeF, tick "
                "that box and type its own number."
            ).format(value=value),
            field="advance_invoices",
        ) from exc


def check_advances(refs: tuple[AdvanceInvoiceRef, ...]) -> None:
    """A settlement invoice names at least one advance invoice, and at most 100."""
    if not refs:
        raise InvalidValueError(
            tr("A settlement invoice names the advance invoices it settles: add at least one."),
            field="advance_invoices",
        )
    if len(refs) > MAX_ADVANCE_INVOICES:
        raise InvalidValueError(
            tr("An FA(3) invoice names at most {n} advance invoices.").format(
                n=MAX_ADVANCE_INVOICES
            ),
            field="advance_invoices",
        )
