"""Verdicts of many invoices from a session's invoice list, against ksef-sim over loopback.

ksef-ws in batch mode reads KSeF's verdicts this way (one request for many
invoices instead of one status request each); these tests pin what that relies
on: the list is read from the first page that may still change, an invoice
still processing keeps its page in the next read, and an invoice the read no
longer covers is still settled from its own status.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ksef_desktop.domain.errors import KsefApiError
from ksef_desktop.ksef import KsefEnvironment, KsefPort
from ksef_desktop.ksef.limits import RateBudget, RateLimit
from ksef_desktop.ksef.online import PendingInvoice
from ksef_desktop.ksef.retry import RetryPolicy
from ksef_desktop.ksef.sessions import InvoiceWatch, decided
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from ksef_desktop.ws.config import CompanyConfig
from ksef_desktop.ws.ksefgate import Link, Tuning
from ksef_desktop.ws.sessions import ActiveSessions, Backoff, DocumentSender, Sent
from ksef_desktop.ws.store import DocumentStore, NewDocument
from tests.helpers.ksef_port_env import KSEF_TOKEN, SELLER_NIP, port_settings
from tests.helpers.ksef_xml import invoice_xml


class _SmallPages(InvoiceWatch):
    PAGE_SIZE = 10  # KSeF's smallest page: a few invoices fill several pages


@pytest.fixture
def sim() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER_NIP: KSEF_TOKEN}) as running:
        yield running


def _submit(port: KsefPort, first: int, count: int) -> list[PendingInvoice]:
    return [
        port.online.submit(invoice_xml(SELLER_NIP, f"W/{n}")) for n in range(first, first + count)
    ]


def test_a_read_starts_at_the_first_page_that_may_still_change(port: KsefPort) -> None:
    sent = _submit(port, 0, 25)
    watch = _SmallPages(sent[0].session.reference)

    first = watch.read(port.sessions)
    assert first.complete
    assert set(first.statuses) == {p.reference for p in sent}  # every invoice, three pages
    assert all(decided(s) and s.ksef_number for s in first.statuses.values())

    # Pages one and two are full and decided: they cannot change, so they are not read again.
    assert set(watch.read(port.sessions).statuses) == {p.reference for p in sent[20:]}

    more = _submit(port, 25, 10)
    assert set(watch.read(port.sessions).statuses) == {p.reference for p in sent[20:] + more}
    assert set(watch.read(port.sessions).statuses) == {p.reference for p in more[5:]}


def test_an_invoice_still_processing_keeps_its_page_in_the_next_read(
    sim: RunningSimulator, port: KsefPort
) -> None:
    sim.sim.processing_delay = 60
    sent = _submit(port, 0, 12)
    watch = _SmallPages(sent[0].session.reference)

    early = watch.read(port.sessions).statuses
    assert not any(decided(s) for s in early.values())  # KSeF has not decided on any yet

    sim.sim.advance_clock(61)  # KSeF is done with them
    later = watch.read(port.sessions).statuses
    assert set(later) == {p.reference for p in sent}  # the first page was read again
    assert all(decided(s) for s in later.values())


def test_a_refused_continuation_token_makes_the_next_read_start_over(port: KsefPort) -> None:
    sent = _submit(port, 0, 12)
    watch = _SmallPages(sent[0].session.reference)
    watch._start = "not-a-token"  # as one KSeF no longer takes (expired)

    with pytest.raises(KsefApiError):
        watch.read(port.sessions)
    assert set(watch.read(port.sessions).statuses) == {p.reference for p in sent}


@contextlib.contextmanager
def _sent(
    sim: RunningSimulator, data: Path, count: int
) -> Iterator[tuple[DocumentSender, list[Sent], DocumentStore]]:
    """``count`` documents stored, claimed and sent in batch mode to one session."""
    store = DocumentStore(data)
    company = CompanyConfig(
        nip=SELLER_NIP, environment=KsefEnvironment.custom(sim.base_url), ksef_token=KSEF_TOKEN
    )
    link = Link(company, Tuning(poll_initial=0.001, retry=RetryPolicy(base_delay=0.001)))
    try:
        for n in range(count):
            xml = invoice_xml(SELLER_NIP, f"S/{n}")
            store.submit(
                NewDocument(
                    nip=SELLER_NIP,
                    id=f"S-{n}",
                    number=f"S/{n}",
                    content_sha256=hashlib.sha256(xml).hexdigest(),
                    body="{}",
                    fa3=xml,
                    invoice_hash=base64.b64encode(hashlib.sha256(xml).digest()).decode(),
                    session_mode="batch",
                )
            )
        sender = DocumentSender(store, "batch", ActiveSessions(), Backoff(), lambda *_: None)
        sents = [sender.send(doc, link) for doc in store.claim_due(SELLER_NIP, count)]
        yield sender, [s for s in sents if s is not None], store
    finally:
        link.close()
        store.close()


def _numbers(store: DocumentStore, count: int) -> set[str | None]:
    store.flush(10)
    docs = [store.get(SELLER_NIP, f"S-{n}") for n in range(count)]
    return {d.ksef_number if d is not None else None for d in docs}


def test_a_sweep_settles_documents_and_falls_back_for_one_off_its_pages(
    sim: RunningSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(InvoiceWatch, "PAGE_SIZE", 10)
    with _sent(sim, tmp_path / "data", 12) as (sender, sents, store):
        first, *rest = sents
        # Eleven swept together: the first page (ten invoices) is decided and full, so
        # the next read starts after it - where the first document is listed.
        assert sender.sweep(rest) == []
        # Its check came late (as when a thread had not yet scheduled it): not on the
        # pages read, it is settled from its own status rather than left waiting.
        assert sender.sweep([first]) == []
        numbers = _numbers(store, 12)
    assert None not in numbers
    assert len(numbers) == 12


def test_an_unreadable_list_records_nothing_and_unreadable_limits_change_nothing(
    sim: RunningSimulator, tmp_path: Path
) -> None:
    sim.sim.add_faults("rate_limits:500@count=1,session_invoices:503@count=1")
    with _sent(sim, tmp_path / "data", 5) as (sender, sents, store):
        # KSeF's limits could not be read (the published ones apply); then the list fails.
        assert sender.sweep(sents) is None  # the caller checks them one by one
        assert _numbers(store, 5) == {None}
        assert sender.sweep(sents) == []  # the list answers again
        numbers = _numbers(store, 5)
    assert None not in numbers
    assert len(numbers) == 5
    assert [kind for _, kind in sim.sim.faults.log] == ["500", "503"]


def test_ksef_says_what_it_allows_and_a_test_context_may_change_it(sim: RunningSimulator) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        assert port.sessions.invoice_list_limit() == RateLimit(10, 20, 200)  # production
        sim.sim.rate_limit_scale = 100  # ksef-sim --rate-limit-scale 100
        assert port.sessions.invoice_list_limit() == RateLimit(1000, 2000, 20000)


def test_a_read_stops_when_the_budget_allows_no_more_requests(port: KsefPort) -> None:
    sent = _submit(port, 0, 25)
    watch = _SmallPages(sent[0].session.reference)
    budget = RateBudget(RateLimit(per_second=2, per_minute=2, per_hour=2))
    first = watch.read(port.sessions, budget)
    assert set(first.statuses) == {p.reference for p in sent[:20]}  # two pages, not the third
    assert not first.complete
    assert watch.read(port.sessions, budget).statuses == {}  # nothing left to spend


def test_documents_past_where_the_budget_stopped_the_read_wait_for_their_turn(
    sim: RunningSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(InvoiceWatch, "PAGE_SIZE", 10)
    sim.sim.rate_limits[SELLER_NIP] = {"sessionInvoiceList": (1, 1, 1)}  # one read an hour
    with _sent(sim, tmp_path / "data", 25) as (sender, sents, store):
        assert sender.may_sweep()  # the limits are not known before the first sweep
        undecided = sender.sweep(sents)
        assert undecided == sents[10:]  # the first page was read; the rest not asked about
        assert not sender.may_sweep()
        store.flush(10)
        numbers = [store.get(SELLER_NIP, f"S-{n}") for n in range(25)]
    assert all(d is not None and d.ksef_number for d in numbers[:10])
    assert not any(d is not None and d.ksef_number for d in numbers[10:])
