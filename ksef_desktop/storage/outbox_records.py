"""The outbox's records: why a document waits, its listing facts, and what an attempt learnt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.storage.outbox_query import ReasonKind


@dataclass(frozen=True)
class Reason:
    """Why a document was not delivered: plain language plus KSeF's or the network's own words."""

    kind: ReasonKind
    code: str  # stable: ws-unreachable, ksef-440, ws-invalid-document, ...
    message: str
    ksef_code: int | None = None
    ksef_description: str | None = None
    transport_error: str | None = None


@dataclass(frozen=True)
class OutboxEntry:
    """The listing facts of a document entering the outbox (fixed since approval)."""

    document_id: str
    number: str
    issue_date: date
    buyer: str
    buyer_nip: str
    gross: Decimal
    currency: str = "PLN"


@dataclass(frozen=True)
class Held:
    """A document entering the outbox: its facts, the payload to send, and why it waits."""

    entry: OutboxEntry
    payload: str  # the ERP document JSON as the WS takes it
    state: Status
    reason: Reason
    next_retry_at: datetime | None
    attempted: bool = False  # it entered after a failed delivery attempt
    at_ws: bool = False


@dataclass(frozen=True)
class OutboxRecord:
    entry: OutboxEntry
    state: Status
    reason: Reason
    attempts: int
    last_attempt_at: datetime | None
    next_retry_at: datetime | None
    at_ws: bool  # the WS holds the document (status checks, not resends, move it on)
    checks: int = 0  # status checks since it reached the WS

    @property
    def document_id(self) -> str:
        return self.entry.document_id


@dataclass(frozen=True)
class Outcome:
    """What one delivery attempt or status check learnt about one document."""

    document_id: str
    state: Status
    reason: Reason | None  # None: KSeF confirmed it, the document leaves the outbox
    next_retry_at: datetime | None = None
    at_ws: bool = False
    attempted: bool = False  # a delivery attempt (counted), not just a status check
    ksef_number: str | None = None


def stamp(moment: datetime) -> str:
    """One sortable text form for every time in the outbox (UTC, microseconds)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
