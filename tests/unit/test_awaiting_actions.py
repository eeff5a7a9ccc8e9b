"""AWAITING DOCUMENTS actions with no WS answering: hold, resend, cancel, reopen, export, view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ksef_desktop.contract.api import MAX_BATCH, DocumentState, DocumentStatus
from ksef_desktop.domain.errors import IllegalTransitionError, TransportError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.fa3 import validate
from ksef_desktop.services.cancel import CancelToken
from ksef_desktop.storage.documents import DocumentRepository, DocumentRow
from ksef_desktop.storage.outbox_query import AwaitingFilter, ReasonKind
from tests.helpers.awaiting_env import Desk, make_desk
from tests.helpers.desktop_chain import closed_port_url
from tests.helpers.ws_env import erp_doc


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    made = make_desk(tmp_path, closed_port_url())
    yield made
    made.db.close()


def _down() -> TransportError:
    return TransportError("No web service answers.", code="ws-unreachable")


def _rejected(doc_id: str, number: str) -> DocumentStatus:
    stamp = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    return DocumentStatus(
        id=doc_id,
        number=number,
        state=DocumentState.REJECTED,
        content_sha256="0" * 64,
        session_mode="immediate",
        ksef_reference=None,
        ksef_code=450,
        ksef_description=(
            "Dokument nie jest zgodny ze schematem XSD.; Linia 20: Element "
            "'{http://crd.gov.pl/wzor/2025/06/25/13775/}P_2': This element is not expected."
        ),
        error="KSeF rejected the invoice (450): Błąd weryfikacji semantyki dokumentu faktury",
        received_at=stamp,
        updated_at=stamp,
    )


def test_hold_lists_the_document_and_mirrors_the_register(desk: Desk) -> None:
    doc = erp_doc(1)
    DocumentRepository(desk.db).upsert(
        DocumentRow(
            doc.id, "invoice", doc.number, doc.issue_date, doc.buyer.name,
            Decimal("1230.00"), Status.SENT, desk.clock.now(),
        )
    )  # fmt: skip
    row = desk.service.hold(doc, error=_down())
    assert row.state is Status.AWAITING
    assert row.reason.kind is ReasonKind.TRANSIENT
    assert row.reason.transport_error == "No web service answers."
    assert row.attempts == 1
    assert row.next_retry_at is not None
    assert row.next_retry_at > desk.clock.now()
    assert row.entry.buyer == doc.buyer.name
    assert doc.totals is not None
    assert row.entry.gross == Decimal(doc.totals.gross)
    assert DocumentRepository(desk.db).count(Status.AWAITING) == 1
    assert desk.service.total() == 1
    assert desk.changes == [1]


def test_resend_with_the_ws_down_records_an_attempt_and_stops(desk: Desk) -> None:
    for i in range(MAX_BATCH + 3):
        desk.service.hold(erp_doc(i))  # never tried yet: due at once
    steps: list[str] = []
    report = desk.service.resend(AwaitingFilter(), progress=steps.append)
    assert report.ws_unreachable
    assert report.failed == MAX_BATCH  # the first batch was tried and failed
    assert report.skipped == 3  # the rest was not tried against a dead service
    assert steps
    rows = desk.service.rows(desk.service.ids())
    tried = [r for r in rows if r.attempts == 1]
    assert len(tried) == MAX_BATCH
    for row in tried:
        assert row.reason.code == "ws-unreachable"
        assert row.reason.transport_error
        assert row.last_attempt_at == desk.clock.now()
        assert row.next_retry_at is not None
        wait = (row.next_retry_at - desk.clock.now()).total_seconds()
        assert 30 * 0.8 <= wait <= 30 * 1.2


def test_each_failed_resend_waits_longer(desk: Desk) -> None:
    desk.service.hold(erp_doc(1))
    waits = []
    for _ in range(5):
        desk.service.resend([erp_doc(1).id])
        row = desk.service.rows([erp_doc(1).id])[0]
        assert row.next_retry_at is not None
        waits.append((row.next_retry_at - desk.clock.now()).total_seconds())
    assert row.attempts == 5
    nominal = [30, 60, 120, 240, 480]
    for wait, expected in zip(waits, nominal, strict=True):
        assert expected * 0.8 <= wait <= expected * 1.2


def test_a_cancelled_resend_sends_nothing(desk: Desk) -> None:
    desk.service.hold(erp_doc(1))
    token = CancelToken()
    token.cancel()
    report = desk.service.resend(AwaitingFilter(), cancel=token)
    assert report.cancelled
    assert report.skipped == 1
    assert desk.service.rows([erp_doc(1).id])[0].attempts == 0


def test_only_a_rejected_document_may_be_reopened(desk: Desk) -> None:
    waiting, rejected = erp_doc(1), erp_doc(2)
    desk.service.hold(waiting, error=_down())
    desk.service.hold(rejected, status=_rejected(rejected.id, rejected.number))
    with pytest.raises(IllegalTransitionError):
        desk.service.reopen(waiting.id)
    row = desk.service.rows([rejected.id])[0]
    assert row.state is Status.REJECTED
    assert row.reason.kind is ReasonKind.DATA
    assert row.reason.ksef_code == 450
    assert row.next_retry_at is None  # waits for a person
    reopened = desk.service.reopen(rejected.id)  # the WS is down: local state decides
    assert reopened == rejected
    assert desk.service.ids() == [waiting.id]


def test_a_rejected_document_is_not_resent(desk: Desk) -> None:
    doc = erp_doc(3)
    desk.service.hold(doc, status=_rejected(doc.id, doc.number))
    report = desk.service.resend([doc.id])
    assert report.skipped == 1
    assert desk.service.rows([doc.id])[0].attempts == 1


def test_export_writes_fa3_xml_built_from_the_held_document(desk: Desk, tmp_path: Path) -> None:
    docs = [erp_doc(i) for i in (1, 2)]
    for doc in docs:
        desk.service.hold(doc, error=_down())
    paths = desk.service.export_xml([d.id for d in docs], tmp_path / "out")
    assert [p.name for p in paths] == ["FV_00001.xml", "FV_00002.xml"]
    for path, doc in zip(paths, docs, strict=True):
        xml = path.read_bytes()
        assert f"<P_2>{doc.number}</P_2>".encode() in xml
        assert not [p for p in validate(xml, today=doc.issue_date) if p.is_error]


def test_the_viewer_links_the_rejection_to_the_element(desk: Desk) -> None:
    doc = erp_doc(4)
    desk.service.hold(doc, status=_rejected(doc.id, doc.number))
    model = desk.service.structure(doc.id)  # WS down: built here from the held document
    linked = [n for n in model.nodes if n.ksef_messages]
    assert [n.name for n in linked] == ["P_2"]
    assert model.unlinked == ["Dokument nie jest zgodny ze schematem XSD."]


def test_the_scheduler_pauses_while_the_ws_is_down(desk: Desk) -> None:
    desk.service.hold(erp_doc(1))
    first = desk.scheduler.tick()
    assert first.delivery is not None
    assert first.delivery.ws_unreachable
    assert desk.scheduler.paused
    wake = desk.scheduler.next_wakeup()
    assert wake is not None
    assert desk.clock.now() < wake <= desk.clock.now() + timedelta(seconds=12)
    for _ in range(6):  # probes fail; no attempts are spent while paused
        desk.clock.current = desk.scheduler.next_wakeup() or desk.clock.now()
        assert desk.scheduler.tick().paused
    assert desk.service.rows([erp_doc(1).id])[0].attempts == 1
