"""Batch-mode delivery threads: sending on while verdicts are pending, polling, giving up.

KSeF and the store are stood in for by small fakes here (the real ones are used
end to end in tests/integration/test_ws_*); these tests pin the scheduling.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, cast

import pytest

from ksef_desktop.domain.errors import KsefApiError
from ksef_desktop.ksef.retry import PollPolicy
from ksef_desktop.ws import batchloop
from ksef_desktop.ws.batchloop import BatchDelivery
from ksef_desktop.ws.sessions import DocumentSender, Sent
from ksef_desktop.ws.store import StoredDocument
from tests.helpers.ws_env import wait_until

_SESSION = type("Session", (), {"reference": "SES-1"})()


class _Ksef:
    """Takes every document; decides on each only once ``decide`` is set.

    ``sweep`` is the read of the session's invoice list: it decides (or not) on
    every document given at once; ``list_fails`` makes it fail as an unreadable
    list does.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[str] = []
        self.checks = 0
        self.sweeps: list[int] = []
        self.list_fails = False
        self.settled: list[str] = []
        self.given_up: list[Exception] = []
        self.decide = threading.Event()

    def send(self, doc: Any, link: Any) -> Sent:
        with self.lock:
            self.sent.append(doc)
        pending = cast(
            "Any", type("Pending", (), {"reference": f"EE-{doc}", "session": _SESSION})()
        )
        return Sent(doc=doc, link=link, pending=pending, used=[])

    def may_sweep(self) -> bool:
        return True

    def sweep(self, sents: list[Sent]) -> list[Sent] | None:
        with self.lock:
            self.sweeps.append(len(sents))
            if self.list_fails:
                return None
            if not self.decide.is_set():
                return sents
            self.settled.extend(cast("Any", sent.doc) for sent in sents)
            return []

    def check(self, sent: Sent) -> bool:
        with self.lock:
            self.checks += 1
            if self.decide.is_set():
                self.settled.append(cast("Any", sent.doc))
                return True
        return False

    def give_up(self, sent: Sent, error: Exception) -> None:
        with self.lock:
            self.given_up.append(error)


class _Queue:
    """The store's claim: hands out what was 'stored', a few at a time."""

    def __init__(self, docs: list[str]) -> None:
        self.docs = docs
        self.claims = 0

    def __call__(self, limit: int) -> list[StoredDocument]:
        self.claims += 1
        taken, self.docs = self.docs[:limit], self.docs[limit:]
        return cast("list[StoredDocument]", taken)


@pytest.fixture
def ksef() -> _Ksef:
    return _Ksef()


def _running(ksef: _Ksef, queue: _Queue, poll: PollPolicy) -> Iterator[BatchDelivery]:
    links = cast("Any", [object(), object()])
    delivery = BatchDelivery(cast("DocumentSender", ksef), queue, links, poll, "test-send")
    for thread in delivery.threads:
        thread.start()
    try:
        yield delivery
    finally:
        delivery.stop()
        for thread in delivery.threads:
            thread.join(5)


def test_sending_goes_on_while_ksef_is_still_processing(ksef: _Ksef) -> None:
    queue = _Queue([f"D{i}" for i in range(12)])
    for delivery in _running(ksef, queue, PollPolicy(initial=0.01, max_interval=0.05)):
        # Two threads, twelve documents sent, not one verdict yet.
        wait_until(lambda: len(ksef.sent) == 12, 10, "all twelve sent")
        assert ksef.settled == []
        assert delivery.unsettled() + 2 >= 12  # waiting for a check (two may be mid-check)
        ksef.decide.set()
        wait_until(lambda: len(ksef.settled) == 12, 10, "every verdict")
    assert sorted(ksef.settled) == sorted(f"D{i}" for i in range(12))
    assert ksef.given_up == []


def test_a_verdict_that_never_comes_defers_the_document_after_the_poll_timeout(
    ksef: _Ksef,
) -> None:
    poll = PollPolicy(initial=0.01, factor=2.0, timeout=0.2)
    for delivery in _running(ksef, _Queue(["D1"]), poll):
        wait_until(lambda: bool(ksef.given_up), 10, "giving up")
        assert delivery.unsettled() == 0
    (error,) = ksef.given_up
    assert isinstance(error, KsefApiError)
    assert error.transient  # the document waits and is tried (reconciled) again
    assert error.code == "ksef-pending"
    assert 3 <= ksef.checks <= 6  # 0.01, 0.02, 0.04, 0.08 s apart: not a busy loop


def test_new_documents_are_claimed_when_woken(
    ksef: _Ksef, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batchloop, "IDLE_WAIT", 60.0)  # only a wake can bring it in time
    queue = _Queue([])
    ksef.decide.set()
    for delivery in _running(ksef, queue, PollPolicy(initial=0.01)):
        wait_until(lambda: queue.claims >= 1, 10, "the first look at the store")
        queue.docs = ["LATE"]
        delivery.wake()  # a submission: no waiting for the idle look a second later
        wait_until(lambda: ksef.settled == ["LATE"], 10, "the new document delivered")


def test_a_stop_hands_back_the_claimed_documents_no_thread_sent(ksef: _Ksef) -> None:
    release = threading.Event()
    taken = ksef.send
    sending: list[str] = []

    def slow_send(doc: Any, link: Any) -> Sent:
        sending.append(doc)
        release.wait(10)  # both threads are busy sending when the stop comes
        return taken(doc, link)

    ksef.send = slow_send  # type: ignore[method-assign]
    queue = _Queue([f"D{i}" for i in range(4)])
    runs = _running(ksef, queue, PollPolicy(initial=0.01))
    delivery = next(runs)
    wait_until(lambda: len(sending) == 2, 10, "both threads sending")
    delivery.stop()
    release.set()
    for thread in delivery.threads:
        thread.join(5)
    unsent = cast("list[str]", delivery.take_unsent())
    assert sorted(ksef.sent + unsent) == ["D0", "D1", "D2", "D3"]
    assert len(ksef.sent) == 2  # the two already in hand; the rest go back to the queue
    next(runs, None)


def test_due_checks_of_a_session_are_settled_from_one_list_read(
    ksef: _Ksef, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batchloop, "SWEEP_MIN", 8)
    ksef.decide.set()
    queue = _Queue([f"D{i}" for i in range(12)])
    # One thread. A document's first check is due as soon as it is sent, the next ones
    # 0.2 s apart: the thread sends on until SWEEP_MIN checks are due, reads them all
    # from the list, sends the rest and, with nothing left to send, reads theirs.
    links = cast("Any", [object()])
    delivery = BatchDelivery(
        cast("DocumentSender", ksef), queue, links, PollPolicy(initial=0.2), "test-send"
    )
    delivery.threads[0].start()
    try:
        wait_until(lambda: len(ksef.settled) == 12, 10, "every verdict")
    finally:
        delivery.stop()
        delivery.threads[0].join(5)
    assert ksef.sweeps == [8, 4]
    assert ksef.checks == 0  # not one status request of its own


def test_an_unreadable_list_falls_back_to_checking_one_by_one(ksef: _Ksef) -> None:
    ksef.list_fails = True
    queue = _Queue([f"D{i}" for i in range(12)])
    for _delivery in _running(ksef, queue, PollPolicy(initial=0.05)):
        wait_until(lambda: len(ksef.sent) == 12 and bool(ksef.sweeps), 10, "a failed list read")
        ksef.decide.set()
        wait_until(lambda: len(ksef.settled) == 12, 10, "every verdict")
    assert len(ksef.sweeps) == 1  # then paused: no list read again for a while
    assert sorted(ksef.settled) == sorted(f"D{i}" for i in range(12))
    assert ksef.checks >= 12  # each verdict came from a status request of its own
