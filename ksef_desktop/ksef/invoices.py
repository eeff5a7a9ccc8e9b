"""Invoice download by KSeF number and invoice metadata queries."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ksef_client import KsefClient
from ksef_client.models import (
    InvoiceQueryDateRange,
    InvoiceQueryDateType,
    InvoiceQueryFilters,
    InvoiceQuerySubjectType,
    QueryInvoicesMetadataResponse,
)
from ksef_client.services.crypto import sha256_base64
from ksef_client.utils.ksef_number import validate_ksef_number

from ksef_desktop.domain.errors import InvalidValueError, KsefApiError
from ksef_desktop.ksef.calls import ApiCaller
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

_PAGE_SIZE = 250


def require_ksef_number(value: str) -> str:
    """The KSeF number if its format and CRC-8 check digits are right; raises otherwise."""
    result = validate_ksef_number(value)
    if not result.is_valid:
        raise InvalidValueError(
            tr("{value!r} is not a valid KSeF number ({reason}).").format(
                value=value, reason=result.message
            ),
            field="ksef_number",
            code="ksef-number-invalid",
        )
    return value


@dataclass(frozen=True)
class InvoiceSummary:
    """The metadata KSeF keeps about an invoice (one row of a metadata query)."""

    ksef_number: str
    invoice_number: str | None
    issue_date: str | None
    seller_nip: str | None
    gross_amount: float | None
    invoice_hash: str | None
    acquisition_date: str | None


class InvoiceReader:
    """Reads invoices back from KSeF (download and metadata)."""

    def __init__(self, client: KsefClient, caller: ApiCaller) -> None:
        self._client = client
        self._caller = caller

    def download(self, ksef_number: str) -> bytes:
        """The invoice XML exactly as stored in KSeF, checked against its hash header."""
        require_ksef_number(ksef_number)
        content = self._caller.call(
            "invoice download",
            lambda token: self._client.invoices.get_invoice_bytes(ksef_number, access_token=token),
        )
        if content.sha256_base64 and content.sha256_base64 != sha256_base64(content.content):
            raise KsefApiError(
                tr("The invoice {number} arrived damaged (hash mismatch).").format(
                    number=ksef_number
                ),
                transient=True,
                code="ksef-hash-mismatch",
            )
        return content.content

    def query(
        self,
        *,
        date_from: date,
        date_to: date | None = None,
        subject: str = "Subject1",
        date_type: str = "Issue",
        ksef_number: str | None = None,
        limit: int = 10_000,
    ) -> list[InvoiceSummary]:
        """Invoice metadata in a date range (≤ 3 months), following every page."""
        filters = InvoiceQueryFilters(
            subject_type=InvoiceQuerySubjectType(subject),
            date_range=InvoiceQueryDateRange(
                date_type=InvoiceQueryDateType(date_type),
                from_=_start_of(date_from),
                to=_end_of(date_to) if date_to else None,
            ),
            ksef_number=ksef_number,
        )
        rows: list[InvoiceSummary] = []
        offset = 0
        while len(rows) < limit:

            def fetch(token: str, page_offset: int = offset) -> QueryInvoicesMetadataResponse:
                return self._client.invoices.query_invoice_metadata(
                    filters,
                    access_token=token,
                    page_offset=page_offset,
                    page_size=_PAGE_SIZE,
                    sort_order="Asc",
                )

            page = self._caller.call("invoice metadata query", fetch)
            rows.extend(
                InvoiceSummary(
                    ksef_number=item.ksef_number or "",
                    invoice_number=item.invoice_number,
                    issue_date=item.issue_date,
                    seller_nip=item.seller.nip if item.seller else None,
                    gross_amount=item.gross_amount,
                    invoice_hash=item.invoice_hash,
                    acquisition_date=item.acquisition_date,
                )
                for item in page.invoices
            )
            if not page.has_more or not page.invoices:
                break
            offset += 1
        return rows[:limit]

    def stored_hash(self, ksef_number: str) -> str | None:
        """SHA-256 (Base64) of the invoice KSeF holds under ``ksef_number``, if readable."""
        try:
            return sha256_base64(self.download(ksef_number))
        except KsefApiError as error:
            log.info("invoice %s not downloadable yet (%s)", ksef_number, error.code)
        # Before permanent storage (21165) the metadata already carries the hash.
        day = _date_of(ksef_number)
        try:
            rows = self.query(
                date_from=day - timedelta(days=1),
                date_to=day + timedelta(days=1),
                date_type="Invoicing",
                ksef_number=ksef_number,
            )
        except KsefApiError as error:
            log.info("metadata of %s unavailable (%s)", ksef_number, error.code)
            return None
        return next((row.invoice_hash for row in rows if row.ksef_number == ksef_number), None)


def _date_of(ksef_number: str) -> date:
    return datetime.strptime(ksef_number.split("-")[1], "%Y%m%d").date()


def _start_of(day: date) -> str:
    # Without an offset KSeF reads Europe/Warsaw local time: whole Polish days.
    return datetime.combine(day, time.min).isoformat()


def _end_of(day: date) -> str:
    return datetime.combine(day, time.max).isoformat()
