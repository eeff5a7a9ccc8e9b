"""Sample documents for the demo, sent through the real chain (desktop → ksef-ws → ksef-sim)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from ksef_desktop.contract.api import DocumentState, DocumentStatus
from ksef_desktop.contract.client import WsClient
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.contract.mapping import to_document
from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.domain.lifecycle import Event, Lifecycle
from ksef_desktop.storage.documents import DocumentRepository

log = logging.getLogger(__name__)

SETTLE_SECONDS = 10.0
DEMO_ACCOUNT = "61109010140000071219812874"


def _invoice(
    nip: str, n: int, buyer: str, buyer_nip: str | None, lines: list[dict[str, str]]
) -> ErpDocument:
    today = date.today().isoformat()
    data: dict[str, Any] = {
        "id": f"DEMO-FV-{n:04d}",
        "number": f"FV/DEMO/{n:04d}",
        "issue_date": today,
        "sale_date": today,
        "seller": {
            "nip": nip,
            "name": "Demo Sp. z o.o.",
            "address": {"country": "PL", "line1": "ul. Prosta 51", "line2": "00-838 Warszawa"},
        },
        "buyer": {
            "id_kind": "nip" if buyer_nip else "none",
            "nip": buyer_nip,
            "name": buyer,
            "address": {"country": "PL", "line1": "ul. Krótka 3", "line2": "30-001 Kraków"},
        },
        "lines": lines,
        "payment": {"method": "transfer", "due_date": today, "bank_account": DEMO_ACCOUNT},
    }
    return ErpDocument.model_validate(data)


def demo_documents(nip: str) -> list[ErpDocument]:
    line = {"quantity": "1", "unit": "szt.", "vat_rate": "23"}
    return [
        _invoice(
            nip,
            1,
            "Hurtownia Wisła S.A.",
            "7740001454",
            [{**line, "name": "Licencja programu, 12 miesięcy", "unit_price": "1200.00"}],
        ),
        _invoice(
            nip,
            2,
            "Biuro Rachunkowe Kowalski",
            "1234563218",
            [
                {**line, "name": "Wdrożenie modułu KSeF", "unit_price": "3500.00"},
                {**line, "name": "Szkolenie (4 h)", "unit_price": "800.00", "vat_rate": "8"},
            ],
        ),
        _invoice(
            nip,
            3,
            "Anna Nowak",
            None,
            [{**line, "name": "Abonament serwisowy", "unit_price": "99.00"}],
        ),
    ]


#: AwaitingService.hold: puts a document KSeF has not confirmed into the outbox.
Hold = Callable[..., object]

#: The lifecycle events that bring an approved document to the state the WS reports.
_OUTCOME_EVENTS = {
    DocumentState.QUEUED: (Event.SEND,),
    DocumentState.SENDING: (Event.SEND,),
    DocumentState.ACCEPTED: (Event.SEND, Event.ACCEPT),
    DocumentState.AWAITING: (Event.SEND, Event.NOT_DELIVERED),
    DocumentState.REJECTED: (Event.SEND, Event.REJECT),
}


def _record(
    client: WsClient,
    documents: DocumentRepository,
    erp: ErpDocument,
    status: DocumentStatus,
    hold: Hold | None,
) -> None:
    """Store the document with its content and walk it through the lifecycle to the WS state."""
    lifecycle = Lifecycle(ksef_active=True)
    document = to_document(erp)
    doc_id = documents.add(document, source="demo", erp_id=erp.id)
    documents.save_content(doc_id, lifecycle, document, Event.VALIDATE)
    documents.approve(doc_id, lifecycle, document, datetime.now(UTC).replace(microsecond=0))
    documents.transition(
        doc_id,
        lifecycle,
        _OUTCOME_EVENTS[status.state],
        {
            "ksef_number": status.ksef_number,
            "ksef_code": status.ksef_code,
            "reason": status.error,
            "attempts": max(1, status.attempts),
            "sent_at": status.received_at.isoformat(),
        },
    )
    try:
        documents.set_fa3(doc_id, client.fa3(erp.id))  # KOD I links to these exact bytes
    except KsefDesktopError as exc:
        log.info("demo: FA(3) of %s not fetched: %s", erp.number, exc)
    if hold is not None and status.state is not DocumentState.ACCEPTED:
        hold(erp, status=status)  # the awaiting documents, as the wizard leaves them


def _draft(nip: str) -> ErpDocument:
    """An invoice still being written: the one to print (and so send) through the wizard."""
    line = {"quantity": "2", "unit": "szt.", "vat_rate": "23"}
    return _invoice(
        nip,
        5,
        "Hurtownia Wisła S.A.",
        "7740001454",
        [
            {**line, "name": "Czytnik kodów kreskowych", "unit_price": "450.00"},
            {**line, "name": "Podręcznik KSeF", "unit_price": "60.00", "vat_rate": "5"},
        ],
    )


#: The demo's customer list: (NIP, name, street, town).
DEMO_CUSTOMERS = (
    ("7740001454", "Hurtownia Wisła S.A.", "ul. Krótka 3", "30-001 Kraków"),
    ("1234563218", "Biuro Rachunkowe Kowalski", "ul. Polna 12", "60-101 Poznań"),
    ("5260250274", "Drukarnia Mazowsze Sp. z o.o.", "al. Jerozolimskie 44", "00-024 Warszawa"),
)


def _receipt(nip: str) -> ErpDocument:
    """A receipt the ERP has not approved yet: it stays local (receipts do not go to KSeF)."""
    data = _invoice(
        nip,
        1,
        "Klient detaliczny",
        None,
        [{"name": "Kabel USB-C", "quantity": "1", "unit_price": "40.64", "vat_rate": "23"}],
    ).model_dump(mode="json")
    data.update(id="DEMO-PAR-0001", number="PAR/DEMO/0001", payment={"method": "cash"})
    return ErpDocument.model_validate(data)


def _settle(
    client: WsClient, sent: list[tuple[ErpDocument, DocumentStatus]]
) -> list[tuple[ErpDocument, DocumentStatus]]:
    """Poll until no document is queued or sending (or the time is up)."""
    deadline = time.monotonic() + SETTLE_SECONDS
    pending = {DocumentState.QUEUED, DocumentState.SENDING}
    while sent and time.monotonic() < deadline:
        current = {s.id: s for s in client.statuses([erp.id for erp, _ in sent])}
        sent = [(erp, current.get(erp.id, status)) for erp, status in sent]
        if not any(status.state in pending for _, status in sent):
            break
        time.sleep(0.1)  # polling a server in another thread; there is nothing to wait on
    return sent


def _submit(
    client: WsClient, documents: list[ErpDocument], *, settle: bool = True
) -> list[tuple[ErpDocument, DocumentStatus]]:
    sent = []
    for erp in documents:
        try:
            sent.append((erp, client.submit(erp)))
        except KsefDesktopError as exc:
            log.warning("demo: %s not submitted: %s", erp.number, exc)
    return _settle(client, sent) if settle else sent


def seed(
    client: WsClient,
    documents: DocumentRepository,
    nip: str,
    make_ksef_unavailable: Callable[[], None],
    hold: Hold | None = None,
) -> int:
    """Send the sample invoices and record the outcome; returns how many rows were added.

    The first invoices are accepted by KSeF; then KSeF is made unavailable (a
    simulator fault) and the last one is handed to the WS without waiting: it
    is recorded as SENT, and the WS keeps it AWAITING with KSeF's reason while
    the demo runs. ``hold`` puts every unconfirmed document in the awaiting documents.
    """
    if documents.count() > 0:
        return 0
    *delivered, late = demo_documents(nip)
    sent = _submit(client, delivered)
    make_ksef_unavailable()
    sent += _submit(client, [late], settle=False)
    for erp, status in sent:
        _record(client, documents, erp, status, hold)
    documents.add(to_document(_receipt(nip)), register_kind="receipt", source="demo")
    draft = to_document(_draft(nip))
    documents.add(replace(draft, number=None, generated_at=None), source="demo")
    return len(sent) + 2
