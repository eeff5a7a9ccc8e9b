"""The document store: idempotent submission, when new content may replace old, paging."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksef_desktop.contract.api import DocumentState
from ksef_desktop.ws.store import (
    ConflictError,
    DocumentStore,
    NewDocument,
    Submission,
    decode_cursor,
    encode_cursor,
)

NIP = "5261040828"


def _doc(doc_id: str = "A-1", content: str = "v1", nip: str = NIP) -> NewDocument:
    return NewDocument(
        nip=nip,
        id=doc_id,
        number="FV/1",
        content_sha256=content,
        body="{}",
        fa3=b"<xml/>",
        invoice_hash="h-" + content,
        session_mode="immediate",
    )


@pytest.fixture
def store(tmp_path: Path) -> DocumentStore:
    return DocumentStore(tmp_path)


def test_schema_is_versioned_and_in_wal_mode(store: DocumentStore) -> None:
    assert store.db.query("PRAGMA user_version")[0][0] == 2
    assert store.db.query("PRAGMA journal_mode")[0][0] == "wal"


def test_same_content_returns_the_same_record(store: DocumentStore) -> None:
    first, outcome = store.submit(_doc())
    again, second = store.submit(_doc())
    assert (outcome, second) == (Submission.CREATED, Submission.SAME)
    assert again.seq == first.seq
    assert again.status.received_at == first.status.received_at


def test_ids_are_per_company(store: DocumentStore) -> None:
    store.submit(_doc())
    _, outcome = store.submit(_doc(nip="7740001454", content="other"))
    assert outcome is Submission.CREATED
    assert store.get("7740001454", "A-1") is not None
    assert store.get("1234563218", "A-1") is None


def test_new_content_replaces_a_document_ksef_never_saw(store: DocumentStore) -> None:
    store.submit(_doc())
    replaced, outcome = store.submit(_doc(content="v2"))
    assert outcome is Submission.REPLACED
    assert replaced.status.content_sha256 == "v2"
    assert replaced.state is DocumentState.QUEUED


def test_new_content_after_a_send_started_is_a_conflict(store: DocumentStore) -> None:
    doc, _ = store.submit(_doc())
    (claimed,) = store.claim_due(NIP, 10)
    store.mark_sending(claimed.seq, "SESSION-1", "immediate", "2026-01-01T00:00:00+00:00")
    store.defer(claimed.seq, "network down", "2026-01-01T00:00:00+00:00")
    with pytest.raises(ConflictError):
        store.submit(_doc(content="v2"))
    store.accept(
        doc.seq, "NUM-1", reference="R", session_ref="SESSION-1", code=200, description="ok"
    )
    with pytest.raises(ConflictError) as info:
        store.submit(_doc(content="v2"))
    assert "NUM-1" in info.value.message
    assert store.submit(_doc())[1] is Submission.SAME  # the original content is still fine


def test_a_rejected_document_may_be_corrected(store: DocumentStore) -> None:
    doc, _ = store.submit(_doc())
    store.claim_due(NIP, 10)
    store.reject(doc.seq, 440, "Duplikat faktury", "KSeF rejected the invoice")
    fixed, outcome = store.submit(_doc(content="v2"))
    assert outcome is Submission.REPLACED
    assert fixed.state is DocumentState.QUEUED
    assert fixed.status.ksef_code is None
    assert fixed.attempts == 0


def test_recover_makes_interrupted_sends_due_and_keeps_their_trail(store: DocumentStore) -> None:
    store.submit(_doc())
    (claimed,) = store.claim_due(NIP, 10)
    store.mark_sending(claimed.seq, "SESSION-1", "batch", "2026-01-01T00:00:00+00:00")
    assert store.claim_due(NIP, 10) == []
    assert store.recover() == 1
    (again,) = store.claim_due(NIP, 10)
    assert again.maybe_sent
    assert again.session_reference == "SESSION-1"
    assert again.attempts == 2


def test_cursor_paging(store: DocumentStore) -> None:
    for i in range(5):
        store.submit(_doc(f"A-{i}", f"c{i}"))
    items, last = store.page(NIP, state=None, since=None, after=0, limit=2)
    assert [d.id for d in items] == ["A-0", "A-1"]
    assert last is not None
    assert decode_cursor(encode_cursor(last)) == last
    rest, end = store.page(NIP, state=None, since=None, after=last, limit=10)
    assert [d.id for d in rest] == ["A-2", "A-3", "A-4"]
    assert end is None
    with pytest.raises(ValueError, match="eHl6"):
        decode_cursor("eHl6")  # base64 of "xyz": not a position this service gave out


def test_records_written_later_are_committed_together_and_survive_a_close(
    tmp_path: Path,
) -> None:
    store = DocumentStore(tmp_path)
    docs = [store.submit(_doc(f"L-{i}", f"c{i}"))[0] for i in range(3)]
    claimed = store.claim_due(NIP, 10)
    for doc in claimed:
        store.mark_sending(doc.seq, "SESSION-1", "batch", "2026-01-01T00:00:00+00:00")
        store.set_reference(doc.seq, "SESSION-1", f"EE-{doc.id}", "batch", later=True)
    store.accept(
        docs[0].seq, "NUM-0", reference=None, session_ref=None, code=200, description="ok",
        later=True,
    )  # fmt: skip
    assert store.flush(10)
    first = store.get(NIP, "L-0")
    assert first is not None
    assert first.state is DocumentState.ACCEPTED
    assert first.ksef_reference == "EE-L-0"
    assert first.status.accepted_at == first.status.updated_at  # one stamp: the commit's
    store.accept(
        docs[1].seq, "NUM-1", reference=None, session_ref=None, code=200, description="ok",
        later=True,
    )  # fmt: skip
    store.close()  # writes what is still waiting before the file is closed
    reopened = DocumentStore(tmp_path)
    second = reopened.get(NIP, "L-1")
    assert second is not None
    assert second.ksef_number == "NUM-1"
    third = reopened.get(NIP, "L-2")
    assert third is not None
    assert third.state is DocumentState.SENDING  # nothing recorded for it: reconciled later
    assert third.ksef_reference == "EE-L-2"
    reopened.close()


def test_a_claim_records_the_session_fresh_documents_go_to(store: DocumentStore) -> None:
    store.submit(_doc("F-1", "c1"))
    store.submit(_doc("F-2", "c2"))
    (earlier,) = store.claim_due(NIP, 1)
    store.mark_sending(earlier.seq, "OLD", "batch", "2026-01-01T00:00:00+00:00")
    store.defer(earlier.seq, "network down", "2000-01-01T00:00:00+00:00")
    claimed = {d.id: d for d in store.claim_due(NIP, 10, session=("NEW", "batch"))}
    # F-2 was never sent: recorded as going to NEW, nothing to reconcile.
    assert claimed["F-2"].marked_session == "NEW"
    assert not claimed["F-2"].maybe_sent
    # F-1 may be in OLD already: it keeps that trail and is reconciled before any send.
    assert claimed["F-1"].marked_session is None
    assert claimed["F-1"].maybe_sent
    assert claimed["F-1"].session_reference == "OLD"
    # What a restart finds: F-2 "maybe sent" to NEW, so it is looked up there first.
    fresh = store.get(NIP, "F-2")
    assert fresh is not None
    assert (fresh.maybe_sent, fresh.session_reference) == (True, "NEW")
    assert [r["ref"] for r in store.open_sessions(NIP)] == ["OLD", "NEW"]


def test_claimed_documents_not_sent_go_back_as_they_were(store: DocumentStore) -> None:
    store.submit(_doc("U-1", "c1"))
    store.submit(_doc("U-2", "c2"))
    (failed,) = store.claim_due(NIP, 1)
    store.defer(failed.seq, "network down", "2000-01-01T00:00:00+00:00")
    claimed = store.claim_due(NIP, 10, session=("S-1", "batch"))
    store.unclaim(claimed)
    first, second = store.get(NIP, "U-1"), store.get(NIP, "U-2")
    assert first is not None
    assert second is not None
    assert (first.state, first.attempts) == (DocumentState.AWAITING, 1)  # its failure stays
    assert first.status.error == "network down"
    assert (second.state, second.attempts) == (DocumentState.QUEUED, 0)
    assert (second.maybe_sent, second.session_reference) == (False, None)  # nothing to look up
    assert [d.id for d in store.claim_due(NIP, 10)] == ["U-1", "U-2"]
