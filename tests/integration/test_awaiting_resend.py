"""AWAITING DOCUMENTS against a real ksef-ws + ksef-sim: resend, UPO, KSeF rejection, WS down."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ksef_desktop.contract.api import DocumentState, DocumentStatus
from ksef_desktop.domain.errors import IllegalTransitionError, TransportError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.fa3.xmlsafe import parse_xml
from ksef_desktop.services.awaiting import NotAvailableError
from ksef_desktop.storage.documents import DocumentRepository, DocumentRow
from ksef_desktop.storage.outbox_query import AwaitingFilter, ReasonKind
from tests.helpers.awaiting_env import Desk, make_desk
from tests.helpers.desktop_chain import Chain, closed_port_url, running_chain
from tests.helpers.ws_env import erp_doc, number_clash, wait_until

DOWN = TransportError("No web service answers.", code="ws-unreachable")


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    with running_chain(tmp_path_factory.mktemp("servers")) as running:
        yield running


@pytest.fixture
def desk(tmp_path: Path, chain: Chain) -> Iterator[Desk]:
    made = make_desk(tmp_path, chain.address)
    chain.register(made.code())
    yield made
    made.db.close()


def _settle(desk: Desk, ids: list[str]) -> None:
    """Refresh (one statuses call per batch) until KSeF has answered for every document."""

    def answered() -> bool:
        desk.service.resend(ids)
        return not [r for r in desk.service.rows(ids) if r.reason.kind is ReasonKind.PENDING]

    wait_until(answered, 30, "KSeF to answer")


def test_resend_delivers_and_the_upo_is_shown(desk: Desk) -> None:
    docs = [erp_doc(8000 + i) for i in range(3)]
    DocumentRepository(desk.db).upsert(
        DocumentRow(
            docs[0].id, "invoice", docs[0].number, docs[0].issue_date, docs[0].buyer.name,
            Decimal("1.00"), Status.APPROVED, datetime.now(UTC),
        )
    )  # fmt: skip
    for doc in docs:
        desk.service.hold(doc, error=DOWN)
    ids = [d.id for d in docs]
    report = desk.service.resend(AwaitingFilter(reasons=frozenset({ReasonKind.TRANSIENT})))
    assert report.requested == 3
    assert report.pending + report.accepted == 3
    assert not report.ws_unreachable
    with pytest.raises(NotAvailableError):
        desk.service.upo("no-such-document")
    _settle(desk, ids)
    assert desk.service.total() == 0  # confirmed documents leave the outbox
    upo = parse_xml(desk.service.upo(ids[0]))
    numbers = [
        e.text for e in upo.iter() if isinstance(e.tag, str) and e.tag.endswith("}NumerFaktury")
    ]
    assert docs[0].number in numbers
    # The register learnt the outcome and the KSeF number with the acceptance.
    [row] = desk.db.query("SELECT state, ksef_number FROM documents WHERE id = ?", (ids[0],))
    assert row["state"] == Status.ACCEPTED.value
    assert row["ksef_number"]


def test_resend_with_the_ws_down_keeps_the_reason(desk: Desk) -> None:
    desk.point_at(closed_port_url())
    doc = erp_doc(8100)
    desk.service.hold(doc)
    report = desk.service.resend([doc.id])
    assert report.ws_unreachable
    row = desk.service.rows([doc.id])[0]
    assert row.state is Status.AWAITING
    assert row.reason.kind is ReasonKind.TRANSIENT
    assert row.reason.code == "ws-unreachable"
    assert row.attempts == 1
    assert row.next_retry_at is not None


def test_a_ksef_rejection_waits_for_a_person_and_may_be_reopened(desk: Desk) -> None:
    first, clash = number_clash(8200)  # KSeF refuses the second: same number
    desk.service.hold(first)
    desk.service.resend([first.id])
    _settle(desk, [first.id])
    desk.service.hold(clash, error=DOWN)
    desk.service.resend([clash.id])
    _settle(desk, [clash.id])
    row = desk.service.rows([clash.id])[0]
    assert row.state is Status.REJECTED
    assert row.reason.kind is ReasonKind.DATA
    assert row.reason.ksef_code == 440
    assert row.reason.ksef_description
    assert row.next_retry_at is None
    assert desk.service.count(AwaitingFilter(reason_codes=frozenset({"ksef-440"}))) == 1
    before = row.attempts
    desk.service.resend([clash.id])  # data errors are not resent unchanged
    assert desk.service.rows([clash.id])[0].attempts == before
    xml = desk.service.fa3(clash.id)  # as the WS built it
    assert f"<P_2>{first.number}</P_2>".encode() in xml
    with pytest.raises(NotAvailableError):
        desk.service.upo(clash.id)
    assert desk.service.reopen(clash.id).number == first.number
    assert desk.service.total() == 0


def test_a_document_ksef_accepted_meanwhile_cannot_be_reopened(desk: Desk) -> None:
    doc = erp_doc(8300)
    desk.service.hold(doc)
    desk.service.resend([doc.id])
    _settle(desk, [doc.id])
    assert desk.service.total() == 0
    # A stale copy says "rejected" (e.g. restored from a backup); the WS knows better.
    stale = _status_like(doc.id, doc.number)
    desk.service.hold(doc, status=stale)
    with pytest.raises(IllegalTransitionError):
        desk.service.reopen(doc.id)
    assert desk.service.rows([doc.id])[0].state is Status.REJECTED  # nothing changed


def _status_like(doc_id: str, number: str) -> DocumentStatus:
    now = datetime.now(UTC)
    return DocumentStatus(
        id=doc_id,
        number=number,
        state=DocumentState.REJECTED,
        content_sha256="0" * 64,
        session_mode="immediate",
        ksef_reference=None,
        ksef_code=450,
        error="KSeF rejected the invoice (450)",
        received_at=now,
        updated_at=now,
    )
