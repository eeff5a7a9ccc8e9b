"""A register with documents in every state, written through the store's own lifecycle."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.domain.party import Address, Party, TaxId
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.storage.documents import DocumentRepository
from tests.helpers import factories

ACTIVE = Lifecycle(ksef_active=True)
KOWALSKI = "Hurtownia Budowlana Kowalski S.A."  # the register's most frequent buyer

#: (buyer, NIP or None, issue date, quantity factor, register kind, final status)
PLAN: tuple[tuple[str, str | None, date, int, str, Status], ...] = (
    (KOWALSKI, "7740001454", date(2026, 11, 2), 1, "invoice", Status.ACCEPTED),
    ("Biuro Rachunkowe Wisła", "1234563218", date(2026, 11, 3), 3, "invoice", Status.ACCEPTED),
    ("Anna Nowak", None, date(2026, 11, 4), 1, "receipt", Status.ACCEPTED),
    ("Zakład Stolarski Dąb", "5261040828", date(2026, 11, 5), 12, "invoice", Status.ACCEPTED),
    (KOWALSKI, "7740001454", date(2026, 11, 6), 2, "invoice", Status.AWAITING),
    ("Transport Żuraw Sp. j.", "1234563218", date(2026, 11, 9), 5, "invoice", Status.AWAITING),
    ("Piekarnia Złoty Kłos", "7740001454", date(2026, 11, 10), 1, "invoice", Status.REJECTED),
    ("Biuro Rachunkowe Wisła", "1234563218", date(2026, 11, 12), 40, "invoice", Status.SENT),
    ("Zakład Stolarski Dąb", "5261040828", date(2026, 11, 16), 2, "invoice", Status.APPROVED),
    ("Jan Kowalski", None, date(2026, 11, 18), 1, "receipt", Status.VALID),
    (KOWALSKI, "7740001454", date(2026, 11, 20), 7, "invoice", Status.DRAFT),
    ("Piekarnia Złoty Kłos", "7740001454", date(2026, 11, 23), 1, "invoice", Status.DRAFT),
    ("Klient detaliczny", None, date(2026, 11, 24), 1, "receipt", Status.DRAFT),
    ("Transport Żuraw Sp. j.", "1234563218", date(2026, 10, 14), 9, "invoice", Status.ACCEPTED),
    ("Anna Nowak", None, date(2026, 10, 28), 2, "invoice", Status.DRAFT),
)
AWAITING_REASON = "The web service could not be reached (connection refused); retry at 16:05."
REJECTED_REASON = "KSeF 450: the buyer's NIP is not an active VAT payer."


@dataclass(frozen=True)
class Seeded:
    ids: list[str]  # in PLAN order
    statuses: dict[str, Status]
    kinds: dict[str, str]

    def with_status(self, status: Status) -> list[str]:
        return [i for i in self.ids if self.statuses[i] is status]


def document(buyer: str, nip: str | None, issued: date, factor: int) -> Document:
    tax_id = TaxId.nip(nip) if nip else TaxId.none()
    base = factories.invoice()
    lines = tuple(replace(ln, quantity=ln.quantity * factor) for ln in base.lines)
    doc = replace(
        base,
        number=None,
        generated_at=None,
        issue_date=issued,
        sale_date=issued,
        buyer=Party(tax_id, name=buyer, address=Address("PL", "ul. Długa 7", "87-100 Toruń")),
        lines=lines,
    )
    return recalculate(doc)


def ksef_number(doc_id: str, issued: date) -> str:
    digest = hashlib.sha256(doc_id.encode()).hexdigest().upper()
    return f"{factories.SELLER_NIP}-{issued:%Y%m%d}-{digest[:12]}-{digest[12:14]}"


def walk(documents: DocumentRepository, doc_id: str, target: Status, issued: date) -> None:
    """Bring a fresh draft to ``target`` by the lifecycle's own steps."""
    if target is Status.DRAFT:
        return
    content = documents.get(doc_id).content()
    documents.save_content(doc_id, ACTIVE, content, Event.VALIDATE)
    if target is Status.VALID:
        return
    documents.approve(doc_id, ACTIVE, content, datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    steps: dict[Status, tuple[list[Event], dict[str, object]]] = {
        Status.APPROVED: ([], {}),
        Status.SENT: ([Event.SEND], {"attempts": 1}),
        Status.ACCEPTED: (
            [Event.SEND, Event.ACCEPT],
            {"ksef_number": ksef_number(doc_id, issued), "attempts": 1},
        ),
        Status.AWAITING: ([Event.SEND, Event.NOT_DELIVERED], {"reason": AWAITING_REASON}),
        Status.REJECTED: (
            [Event.SEND, Event.REJECT],
            {"reason": REJECTED_REASON, "ksef_code": 450},
        ),
    }
    events, changes = steps[target]
    if events:
        documents.transition(doc_id, ACTIVE, events, changes)


def seed(documents: DocumentRepository, count: int | None = None) -> Seeded:
    ids: list[str] = []
    statuses: dict[str, Status] = {}
    kinds: dict[str, str] = {}
    for buyer, nip, issued, factor, kind, status in PLAN[:count]:
        doc_id = documents.add(document(buyer, nip, issued, factor), register_kind=kind)
        walk(documents, doc_id, status, issued)
        ids.append(doc_id)
        statuses[doc_id] = status
        kinds[doc_id] = kind
    return Seeded(ids, statuses, kinds)


def drafts(documents: DocumentRepository, n: int) -> list[str]:
    """``n`` plain drafts (for paging)."""
    return [
        documents.add(document(f"Odbiorca {i:04d}", None, date(2026, 9, 1 + i % 28), 1))
        for i in range(n)
    ]
