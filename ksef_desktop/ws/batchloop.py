"""Batch mode delivery: a few threads that claim, send, and look for verdicts in turn.

KSeF processes an invoice after taking it (seconds, on the real service), so a
thread that has sent a document does not wait for its verdict: the document
goes on a schedule of status checks (the port's polling intervals: initial,
growing by a factor, capped, with a time limit) and the thread sends the next
one. Each thread takes whatever is due first: a status check whose time has
come, else a claimed document to send, else it claims the next few from the
store. No work passes from one thread to another, so a document costs no more
thread wake-ups than it does in the protocol port alone.
"""

from __future__ import annotations

import collections
import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ksef_desktop.ksef.retry import PollPolicy
from ksef_desktop.ws.ksefgate import Link
from ksef_desktop.ws.sessions import DocumentSender, Sent
from ksef_desktop.ws.store import StoredDocument

log = logging.getLogger(__name__)

#: Sent documents awaiting a verdict, at most; then sending pauses until KSeF catches up.
MAX_UNSETTLED = 200
#: With nothing due, the store is asked again this often (retries come due by time).
IDLE_WAIT = 1.0

Claim = Callable[[int], list[StoredDocument]]


@dataclass(order=True)
class _Check:
    due: float
    order: int
    sent: Sent = field(compare=False)
    started: float = field(compare=False)
    interval: float = field(compare=False)


class BatchDelivery:
    """``len(links)`` threads delivering one company's documents in batch mode."""

    def __init__(
        self,
        sender: DocumentSender,
        claim: Claim,
        links: list[Link],
        poll: PollPolicy,
        name: str,
    ) -> None:
        self._sender = sender
        self._claim = claim
        self._poll = poll
        self._cond = threading.Condition()
        self._checks: list[_Check] = []
        self._todo: collections.deque[StoredDocument] = collections.deque()
        self._order = itertools.count()
        self._claiming = False
        self._claim_at = 0.0
        self._woken = False
        self._leading = False
        self._stopped = False
        self.threads = [
            threading.Thread(target=self._run, args=(link,), name=f"{name}-{i}", daemon=True)
            for i, link in enumerate(links)
        ]
        self._batch = 2 * len(links)

    # -- control ------------------------------------------------------------------

    def wake(self) -> None:
        """New documents were stored: claim them now rather than at the next idle look."""
        with self._cond:
            self._claim_at = 0.0
            self._woken = True
            self._cond.notify()

    def stop(self) -> None:
        """Stop after the current step; sent documents left are "sending" and reconciled later."""
        with self._cond:
            self._stopped = True
            self._cond.notify_all()

    def take_unsent(self) -> list[StoredDocument]:
        """After :meth:`stop`: the claimed documents no thread got to send."""
        with self._cond:
            unsent = list(self._todo)
            self._todo.clear()
            return unsent

    def unsettled(self) -> int:
        with self._cond:
            return len(self._checks)

    # -- the threads ------------------------------------------------------------------

    def _run(self, link: Link) -> None:
        while (job := self._next()) is not None:
            if isinstance(job, _Check):
                self._look(job)
            elif (sent := self._sender.send(job, link)) is not None:
                now = time.monotonic()
                self._schedule(_Check(now, next(self._order), sent, now, self._poll.initial))

    def _look(self, check: _Check) -> None:
        if self._sender.check(check.sent):
            return
        poll, interval = self._poll, check.interval
        if poll.out_of_time(time.monotonic() - check.started, interval):
            reference = check.sent.pending.reference
            self._sender.give_up(check.sent, poll.timed_out("invoice processing", reference))
            return
        check.due = time.monotonic() + interval
        check.interval = poll.next_interval(interval)
        self._schedule(check)

    def _schedule(self, check: _Check) -> None:
        with self._cond:
            heapq.heappush(self._checks, check)
            if self._leading:
                self._cond.notify()  # the waiting leader may have to wake earlier

    def _next(self) -> _Check | StoredDocument | None:
        """The most urgent job: a due check, a claimed document, or (after a claim) one of those.

        One idle thread (the leader) sleeps until the earliest check or claim is due;
        the others wait to be woken, so a due job wakes one thread, not all.
        """
        with self._cond:
            while not self._stopped:
                now = time.monotonic()
                if self._checks and self._checks[0].due <= now:
                    return self._hand_out(heapq.heappop(self._checks))
                if self._todo:
                    return self._hand_out(self._todo.popleft())
                room = MAX_UNSETTLED - len(self._checks)
                if not self._claiming and room > 0 and self._claim_at <= now:
                    self._claiming = True
                    self._woken = False
                    self._cond.release()
                    try:
                        claimed = self._claim_safely(min(self._batch, room))
                    finally:
                        self._cond.acquire()
                        self._claiming = False
                    self._todo.extend(claimed)
                    if not claimed and not self._woken:  # nothing due: look again later
                        self._claim_at = now + IDLE_WAIT
                    continue
                if self._leading:
                    self._cond.wait()
                    continue
                self._leading = True
                try:
                    self._cond.wait(self._sleep(now, room > 0))
                finally:
                    self._leading = False
                self._cond.notify()  # someone else watches while this one works
            return None

    def _hand_out(self, job: _Check | StoredDocument) -> _Check | StoredDocument:
        if self._todo or (self._checks and self._checks[0].due <= time.monotonic()):
            self._cond.notify()  # more is waiting: another thread can take it
        return job

    def _sleep(self, now: float, may_claim: bool) -> float:
        """Until the earliest due check, or the next look at the store (if one may claim)."""
        until = self._claim_at if may_claim and not self._claiming else now + IDLE_WAIT
        if self._checks:
            until = min(until, self._checks[0].due)
        return max(0.0, until - now)

    def _claim_safely(self, limit: int) -> list[StoredDocument]:
        try:
            return self._claim(limit)
        except Exception:  # a locked or failing disk must not end delivery for good
            log.exception("reading the queue failed")
            return []
