"""The worker keeps going while KSeF flaps, and after a restart never sends a document twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ksef_desktop.contract.api import DocumentState
from ksef_desktop.simulator.server import RunningSimulator
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws import config
from ksef_desktop.ws.server import RunningWs, start_in_thread
from ksef_desktop.ws.sessions import Backoff
from tests.helpers.ws_env import (
    FAST,
    OTHER,
    SELLER,
    TOKENS,
    client_for,
    erp_doc,
    new_key,
    register,
    wait_until,
    write_ini,
)

QUICK = Backoff(base=0.05, cap=0.2, permanent=0.2)


@pytest.fixture
def sim() -> Iterator[RunningSimulator]:
    with start_sim(tokens=TOKENS, seed=7) as running:
        yield running


def _start(tmp: Path, sim: RunningSimulator, mode: str = "immediate") -> RunningWs:
    ini = write_ini(tmp, sim.base_url, {SELLER: mode}, extra_company="batch_window_minutes = 0.01")
    return start_in_thread(config.load(ini), tuning=FAST, backoff=QUICK)


def _all_accepted(ws: RunningWs, count: int) -> bool:
    return ws.service.store.counts().get(DocumentState.ACCEPTED.value, 0) == count


@pytest.mark.parametrize("mode", ["immediate", "batch"])
def test_flapping_ksef_delays_but_delivers_exactly_once(
    tmp_path: Path, sim: RunningSimulator, mode: str
) -> None:
    sim.sim.add_faults(
        "open_online:503@count=30,send_invoice:lost@count=2,invoice_status:500@count=5,"
        "auth_status:429@count=2;retry_after=0"
    )
    with _start(tmp_path, sim, mode) as ws:
        key, code = new_key(SELLER)
        register(ws.service.config.data_dir, code)
        with client_for(ws.base_url, key, code) as client:
            ids = [client.submit(erp_doc(i)).id for i in range(8)]
            wait_until(lambda: _all_accepted(ws, 8), 60, "all accepted")
            statuses = client.statuses(ids)
    assert sim.sim.faults.log  # the faults really fired
    assert any(s.attempts > 1 for s in statuses)  # some went through AWAITING
    numbers = [s.ksef_number for s in statuses]
    assert len(set(numbers)) == 8
    assert sim.sim.invoice_count(SELLER) == 8
    assert sorted(i["ksef_number"] for i in sim.sim.invoices(SELLER)) == sorted(numbers)


@pytest.mark.parametrize(
    "forget",
    [
        "ksef_number=NULL",
        "ksef_number=NULL, ksef_reference=NULL",
        "ksef_number=NULL, ksef_reference=NULL, session_reference=NULL",
    ],
    ids=["by-reference", "by-hash-in-session", "by-440-duplicate"],
)
def test_restart_reconciles_a_send_whose_outcome_was_lost(
    tmp_path: Path, sim: RunningSimulator, forget: str
) -> None:
    with _start(tmp_path, sim) as ws:
        key, code = new_key(SELLER)
        register(ws.service.config.data_dir, code)
        with client_for(ws.base_url, key, code) as client:
            doc_id = client.submit(erp_doc(1)).id
            wait_until(lambda: _all_accepted(ws, 1), 30)
            original = client.status(doc_id).ksef_number
        # What the store holds when the process dies after the send left:
        with ws.service.store.db.transaction() as conn:
            conn.execute(f"UPDATE documents SET state='sending', maybe_sent=1, {forget}")  # noqa: S608
    with _start(tmp_path, sim) as ws, client_for(ws.base_url, key, code) as client:
        wait_until(lambda: client.status(doc_id).state is DocumentState.ACCEPTED, 30)
        status = client.status(doc_id)
    assert status.ksef_number == original
    assert sim.sim.invoice_count(SELLER) == 1
    rows = sim.sim.invoices(SELLER)
    # Only the last case sends again; KSeF refuses that copy as a 440 duplicate.
    assert len(rows) == (2 if forget.endswith("session_reference=NULL") else 1)
    assert [r["ksef_number"] for r in rows if r["ksef_number"]] == [original]


def test_a_company_without_a_working_token_keeps_documents_awaiting(
    tmp_path: Path, sim: RunningSimulator
) -> None:
    sim.sim.revoke_ksef_token(SELLER)
    with _start(tmp_path, sim) as ws:
        key, code = new_key(SELLER)
        register(ws.service.config.data_dir, code)
        with client_for(ws.base_url, key, code) as client:
            doc_id = client.submit(erp_doc(1)).id

            def awaiting() -> bool:
                status = client.status(doc_id)
                return status.state is DocumentState.AWAITING and status.error is not None

            wait_until(awaiting, 30)
            status = client.status(doc_id)
            check = {c.id.value: c for c in client.connection_test().checks}
    assert status.next_attempt_at is not None
    assert status.ksef_number is None
    assert check["ksef_token"].status.value == "failed"
    assert check["ksef_token"].hint
    assert sim.sim.invoice_count() == 0
    assert OTHER not in str(status)


def test_batch_mode_sends_on_while_ksef_is_still_processing(
    tmp_path: Path, sim: RunningSimulator
) -> None:
    """The senders do not wait for each verdict (seconds on the real KSeF) to send the next."""
    sim.sim.processing_delay = 5.0
    with _start(tmp_path, sim, "batch") as ws:
        key, code = new_key(SELLER)
        register(ws.service.config.data_dir, code)
        with client_for(ws.base_url, key, code) as client:
            ids = [s.id for s in client.submit_many([erp_doc(i) for i in range(12)])]
            wait_until(lambda: len(sim.sim.invoices(SELLER)) == 12, 30, "all twelve sent")
            # Four senders, twelve invoices in KSeF and not one decided yet.
            assert ws.service.store.counts().get(DocumentState.ACCEPTED.value, 0) == 0
            sim.sim.advance_clock(5.0)
            wait_until(lambda: _all_accepted(ws, 12), 30, "all accepted")
            statuses = client.statuses(ids)
    assert len({s.ksef_number for s in statuses}) == 12
    assert sim.sim.invoice_count(SELLER) == 12
