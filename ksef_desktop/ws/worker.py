"""The delivery worker: per company, threads that send due documents and close sessions.

Survives restarts because all its state is in the store: on start every
document caught mid-send becomes due again (and is reconciled before any
resend), and every session left open is closed and its UPO collected.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Mapping

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef.retry import PollPolicy
from ksef_desktop.ws.batchloop import BatchDelivery
from ksef_desktop.ws.config import CompanyConfig
from ksef_desktop.ws.ksefgate import Link, Tuning
from ksef_desktop.ws.sessions import ActiveSessions, Backoff, DocumentSender
from ksef_desktop.ws.store import DocumentStore, StoredDocument

log = logging.getLogger(__name__)

_IDLE_WAIT = 1.0
_SWEEP_INTERVAL = 1.0


class CompanyWorker:
    """Delivers one company's documents with ``parallel_sends`` threads; one sweeper."""

    def __init__(
        self, company: CompanyConfig, store: DocumentStore, tuning: Tuning, backoff: Backoff
    ) -> None:
        self.company = company
        self.store = store
        self.mode = company.session_mode
        count = max(1, company.parallel_sends)
        # Immediate mode: a port per consumer, so each document gets its own session.
        if self.mode == "immediate":
            self.links = [Link(company, tuning) for _ in range(count)]
        else:
            self.links = [Link(company, tuning)] * count
        self.active = ActiveSessions()
        self.sender = DocumentSender(store, self.mode, self.active, backoff, self._session_done)
        # Batch mode: threads that claim, send and collect verdicts in turn (batchloop).
        # Immediate mode: a dispatcher hands documents to senders, which wait for each
        # verdict (the document's session is closed once it is known).
        self.batch: BatchDelivery | None = None
        if self.mode == "batch":
            self.batch = BatchDelivery(
                self.sender,
                lambda limit: store.claim_due(company.nip, limit, session=self._batch_session()),
                self.links,
                PollPolicy(initial=tuning.poll_initial),
                f"ws-send-{company.nip}",
            )
        self._queue: queue.Queue[StoredDocument | None] = queue.Queue()
        # Immediate mode: sessions a sender finished with are closed (and their UPO
        # collected) by one closer thread, so the senders go on to the next document at
        # once. One, not one per sender: more closers double the concurrent load on KSeF
        # and slow the numbering the senders wait for (measured: 59 against 100 doc/s).
        self._to_close: queue.Queue[tuple[str, Link] | None] = queue.Queue()
        self._closers = 1 if self.mode == "immediate" else 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._closing: set[str] = set()
        self._close_after: dict[str, float] = {}
        self._threads: list[threading.Thread] = []

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> None:
        nip = self.company.nip
        self._threads = [
            threading.Thread(target=self._sweep, name=f"ws-sessions-{nip}", daemon=True)
        ]
        if self.batch is not None:
            self._threads += self.batch.threads
        else:
            self._threads.append(
                threading.Thread(target=self._dispatch, name=f"ws-dispatch-{nip}", daemon=True)
            )
            self._threads += [
                threading.Thread(
                    target=self._consume, args=(link,), name=f"ws-send-{nip}-{i}", daemon=True
                )
                for i, link in enumerate(self.links)
            ]
        self._threads += [
            threading.Thread(target=self._close_sessions, name=f"ws-close-{nip}-{i}", daemon=True)
            for i in range(self._closers)
        ]
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self.batch is not None:
            self.batch.stop()
        else:
            for _ in self.links:
                self._queue.put(None)
        for _ in range(self._closers):
            self._to_close.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if self.batch is not None:
            # Claimed but never sent: back to the queue as they were, so the next start
            # sends them without first looking them up in KSeF.
            try:
                self.store.unclaim(self.batch.take_unsent())
            except sqlite3.Error:  # they stay "sending": the next start reconciles them
                log.exception("giving back the unsent documents of %s failed", self.company.nip)
        for link in dict.fromkeys(self.links):
            link.close()

    def wake(self) -> None:
        if self.batch is not None:
            self.batch.wake()
        else:
            self._wake.set()

    def alive(self) -> bool:
        return all(thread.is_alive() for thread in self._threads)

    # -- threads ------------------------------------------------------------------------

    def _dispatch(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            with self._lock:
                # One document waiting per consumer, so none idles between documents.
                free = 2 * len(self.links) - self._in_flight
            try:
                claimed = self.store.claim_due(self.company.nip, free) if free > 0 else []
            except Exception:  # a locked or failing disk must not end delivery for good
                log.exception("reading the queue of %s failed", self.company.nip)
                claimed = []
            with self._lock:
                self._in_flight += len(claimed)
            for doc in claimed:
                self._queue.put(doc)
            # Woken by a submission or a finished send; the timeout finds retries due.
            self._wake.wait(_IDLE_WAIT)

    def _batch_session(self) -> tuple[str, str] | None:
        """Batch mode: the session the senders' shared port sends to now, if it has one.

        Not opened here (a KSeF call): the first documents are claimed without it.
        """
        session = self.links[0].port.online.peek()
        return None if session is None else (session.reference, self.mode)

    def _consume(self, link: Link) -> None:
        while True:
            doc = self._queue.get()
            if doc is None or self._stop.is_set():
                return
            try:
                self.sender.process(doc, link)
            finally:
                with self._lock:
                    self._in_flight -= 1
                    # Claimed in groups: the dispatcher is woken when half the documents
                    # it handed out are done, not after each one.
                    low = self._in_flight <= len(self.links)
                if low:
                    self._wake.set()

    def _session_done(self, ref: str, link: Link) -> None:
        if self._closers:
            self._to_close.put((ref, link))
        else:
            self.close_session(ref, link)

    def _close_sessions(self) -> None:
        while True:
            item = self._to_close.get()
            if item is None:
                return
            if self._stop.is_set():
                continue  # drain: the sweeper closes what is left after the next start
            try:
                self.close_session(*item)
            except Exception:  # a closer must outlive any single failure; the sweeper retries
                log.exception("closing session %s of %s failed", item[0], self.company.nip)

    def _sweep(self) -> None:
        while not self._stop.wait(_SWEEP_INTERVAL):
            try:
                self.sweep_once()
            except Exception:  # the sweeper must outlive any single failure
                log.exception("session sweep for %s failed", self.company.nip)

    def sweep_once(self) -> None:
        """Close sessions nobody sends to any more, and batch sessions past their window."""
        now = dt.datetime.now(dt.UTC)
        window = dt.timedelta(minutes=self.company.batch_window_minutes)
        for row in self.store.open_sessions(self.company.nip):
            ref = str(row["ref"])
            if ref in self.active:
                opened = dt.datetime.fromisoformat(row["opened_at"])
                full = row["documents"] >= self.company.batch_max_documents
                if self.mode != "batch" or (now - opened < window and not full):
                    continue
                self.active.release(ref)
            self.close_session(ref, self.links[0])

    def close_session(self, ref: str, link: Link) -> None:
        """Close ``ref`` once, wait for KSeF to process it and keep its UPO."""
        with self._lock:
            if ref in self._closing or self._close_after.get(ref, 0.0) > time.monotonic():
                return
            self._closing.add(ref)
        try:
            try:
                upo = link.reader.close_and_collect(ref, batch=False)
            except KsefApiError as error:
                if error.transient:
                    raise
                # Closed already (by us before a restart, or by KSeF): read the result.
                status = link.reader.wait_for_session(ref)
                pages = link.reader.upo_pages(ref, status)
                self.store.session_closed(
                    ref, status.status.code, status.status.description, pages
                )
            else:
                self.store.session_closed(ref, upo.status_code, upo.description, upo.pages)
            log.info("session %s of %s closed; UPO stored", ref, self.company.nip)
        except (KsefApiError, TransportError) as error:
            log.info("closing session %s failed (%s); trying later", ref, error)
            with self._lock:
                self._close_after[ref] = time.monotonic() + 5.0
        finally:
            with self._lock:
                self._closing.discard(ref)


class Worker:
    """All companies' workers; ``notify`` wakes one after a submission."""

    def __init__(
        self,
        companies: Mapping[str, CompanyConfig],
        store: DocumentStore,
        tuning: Tuning,
        backoff: Backoff,
    ) -> None:
        self.store = store
        self.companies = {
            nip: CompanyWorker(company, store, tuning, backoff)
            for nip, company in companies.items()
        }

    def start(self) -> None:
        recovered = self.store.recover()
        if recovered:
            log.info("resuming %d document(s) interrupted while sending", recovered)
        for worker in self.companies.values():
            worker.start()

    def notify(self, nip: str) -> None:
        worker = self.companies.get(nip)
        if worker is not None:
            worker.wake()

    def alive(self) -> bool:
        return all(worker.alive() for worker in self.companies.values())

    def stop(self) -> None:
        for worker in self.companies.values():
            worker.stop()
