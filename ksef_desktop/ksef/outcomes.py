"""What the port reports back: per-invoice outcomes and session UPOs."""

from __future__ import annotations

from dataclasses import dataclass, field

from ksef_client.models import FormCode

#: Form code of FA(3) invoices, with the space KSeF expects in ``systemCode``.
FA3 = FormCode(system_code="FA (3)", schema_version="1-0E", value="FA")

#: Invoice status codes that are still moving (accepted, processing).
PENDING_INVOICE = frozenset({100, 150})
#: KSeF invoice status for a duplicate (same seller NIP, invoice kind and P_2).
DUPLICATE = 440


@dataclass(frozen=True)
class InvoiceOutcome:
    """Final result of one invoice: its KSeF number, or KSeF's status code and reason."""

    invoice_hash: str
    accepted: bool
    status_code: int
    description: str
    ksef_number: str | None = None
    details: tuple[str, ...] = ()
    reference_number: str | None = None
    session_reference: str | None = None
    #: True when KSeF already had this very invoice (440) and its number is returned.
    duplicate: bool = False
    file_name: str | None = None


@dataclass(frozen=True)
class SessionUpo:
    """A closed session's processing result and its collective UPO pages (XML)."""

    session_reference: str
    status_code: int
    description: str
    pages: tuple[bytes, ...] = field(default=(), repr=False)
