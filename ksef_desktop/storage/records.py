"""What the register stores about a document: its record types and the columns derived from it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import DocumentLockedError, KsefDesktopError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.domain.money import round_grosz
from ksef_desktop.storage import codec
from ksef_desktop.support.i18n import tr


class DocumentNotFoundError(KsefDesktopError):
    code = "document-not-found"


class DuplicateDocumentError(KsefDesktopError):
    code = "document-duplicate"


@dataclass(frozen=True)
class DocumentRow:
    """A row without content (schema 1 style): the demo seed and tests record outcomes this way."""

    id: str
    kind: str  # "invoice" | "receipt"
    number: str
    issue_date: date
    buyer: str
    gross_total: Decimal
    state: Status
    updated_at: datetime
    ksef_number: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class DocumentMeta:
    """Everything the register knows about a document besides its content."""

    id: str
    register_kind: str
    status: Status
    number: str | None
    erp_id: str | None
    source: str
    ksef_number: str | None
    ksef_code: int | None
    reason: str | None
    attempts: int
    print_count: int
    created_at: datetime
    updated_at: datetime
    approved_at: datetime | None
    sent_at: datetime | None
    printed_at: datetime | None


@dataclass(frozen=True)
class StoredDocument:
    meta: DocumentMeta
    document: Document | None  # None for rows recorded without content (schema 1)
    fa3: bytes | None  # the FA(3) XML as delivered, once the WS has it

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def status(self) -> Status:
        return self.meta.status

    def content(self) -> Document:
        if self.document is None:
            raise DocumentLockedError(
                tr("Document {id} was recorded without its content; it cannot be opened.").format(
                    id=self.meta.id
                ),
                code="document-no-content",
            )
        return self.document


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def minor(value: Decimal) -> int:
    return int(round_grosz(value) * 100)


def summary_columns(document: Document) -> dict[str, Any]:
    """The register's list columns derived from the content (kept in step on every save)."""
    buyer = document.buyer
    return {
        "doc_kind": document.kind.value,
        "issue_date": document.issue_date.isoformat(),
        "buyer": buyer.name or buyer.tax_id.display(),
        "buyer_nip": buyer.nip,
        "currency": document.currency,
        "net_total": str(document.totals.net),
        "vat_total": str(document.totals.vat),
        "gross_total": str(document.totals.due),
        "net_minor": minor(document.totals.net),
        "vat_minor": minor(document.totals.vat),
        "gross_minor": minor(document.totals.due),
        "number": document.number,
        "content": codec.encode(document),
    }


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _meta(row: sqlite3.Row) -> DocumentMeta:
    return DocumentMeta(
        id=row["id"],
        register_kind=row["kind"],
        status=Status(row["state"]),
        number=row["number"],
        erp_id=row["erp_id"],
        source=row["source"],
        ksef_number=row["ksef_number"],
        ksef_code=row["ksef_code"],
        reason=row["reason"],
        attempts=int(row["attempts"]),
        print_count=int(row["print_count"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        approved_at=_time(row["approved_at"]),
        sent_at=_time(row["sent_at"]),
        printed_at=_time(row["printed_at"]),
    )


def read_row(row: sqlite3.Row) -> StoredDocument:
    content = row["content"]
    fa3 = row["fa3"]
    return StoredDocument(
        _meta(row), codec.decode(content) if content else None, bytes(fa3) if fa3 else None
    )
