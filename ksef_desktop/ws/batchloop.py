"""Batch mode delivery: a few threads that claim, send, and look for verdicts in turn.

KSeF processes an invoice after taking it (seconds, on the real service), so a
thread that has sent a document does not wait for its verdict: the document
goes on a schedule of status checks (the port's polling intervals: initial,
growing by a factor, capped, with a time limit) and the thread sends the next
one. Each thread takes whatever is due first: status checks whose time has
come, else a claimed document to send, else it claims the next few from the
store. No work passes from one thread to another, so a document costs no more
thread wake-ups than it does in the protocol port alone.

Checks gather while there is sending to do: once ``SWEEP_MIN`` of one session
are due (or the oldest has waited another poll interval, or a thread has
nothing else to do), one thread reads the session's invoice list
(:class:`InvoiceWatch`) and settles every document decided on it, the
not-yet-due ones too: one request for many in place of one per document, which
spares KSeF's status limits and both sides' processors. Should the list fail,
sweeps pause and documents are checked one by one, as before.
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
#: Due checks of one session that are read from its invoice list at once.
SWEEP_MIN = 16
#: After a failed list read, documents are checked one by one for this long.
SWEEP_PAUSE = 60.0

Claim = Callable[[int], list[StoredDocument]]


@dataclass(order=True)
class _Check:
    due: float
    order: int
    sent: Sent = field(compare=False)
    started: float = field(compare=False)
    interval: float = field(compare=False)

    @property
    def session(self) -> str:
        return self.sent.pending.session.reference


@dataclass
class _Sweep:
    """Checks of one session settled from one read of its invoice list."""

    session: str
    checks: list[_Check]


_Job = _Check | _Sweep | StoredDocument


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
        self._sweeping: set[str] = set()
        self._in_sweeps = 0
        self._sweeps_paused_until = 0.0
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
            return len(self._checks) + self._in_sweeps

    # -- the threads ------------------------------------------------------------------

    def _run(self, link: Link) -> None:
        while (job := self._next()) is not None:
            if isinstance(job, _Sweep):
                self._sweep(job)
            elif isinstance(job, _Check):
                self._look(job)
            elif (sent := self._sender.send(job, link)) is not None:
                now = time.monotonic()
                self._schedule(_Check(now, next(self._order), sent, now, self._poll.initial))

    def _look(self, check: _Check) -> None:
        if not self._sender.check(check.sent):
            self._again(check)

    def _again(self, check: _Check) -> None:
        """Still undecided: check again after the next interval, or give up past the limit."""
        poll, interval = self._poll, check.interval
        if poll.out_of_time(time.monotonic() - check.started, interval):
            reference = check.sent.pending.reference
            self._sender.give_up(check.sent, poll.timed_out("invoice processing", reference))
            return
        check.due = time.monotonic() + interval
        check.interval = poll.next_interval(interval)
        self._schedule(check)

    def _sweep(self, sweep: _Sweep) -> None:
        try:
            undecided = self._sender.sweep([c.sent for c in sweep.checks])
        except Exception:  # a bug must not lose the checks: they go back on the schedule
            log.exception("reading the verdicts of session %s failed", sweep.session)
            undecided = None
        now = time.monotonic()
        if undecided is None:
            log.info("checking %d document(s) one by one for a while", len(sweep.checks))
            with self._cond:
                self._sweeps_paused_until = now + SWEEP_PAUSE
            left = sweep.checks
        else:
            still = {id(sent) for sent in undecided}
            left = [c for c in sweep.checks if id(c.sent) in still]
        for check in left:
            if undecided is not None and check.due <= now:
                self._again(check)  # looked at, undecided: its next interval
            else:
                self._schedule(check)  # not due yet, or not looked at (list failed)
        with self._cond:
            self._sweeping.discard(sweep.session)
            self._in_sweeps -= len(sweep.checks)
            self._cond.notify()  # the session's checks that gathered meanwhile are free again

    def _schedule(self, check: _Check) -> None:
        with self._cond:
            heapq.heappush(self._checks, check)
            if self._leading:
                self._cond.notify()  # the waiting leader may have to wake earlier

    def _next(self) -> _Job | None:
        """The most urgent job: due checks, a claimed document, or (after a claim) one of those.

        One idle thread (the leader) sleeps until the earliest check or claim is due;
        the others wait to be woken, so a due job wakes one thread, not all.
        """
        with self._cond:
            while not self._stopped:
                now = time.monotonic()
                if (job := self._due(now, idle=False)) is not None:
                    return self._hand_out(job)
                if self._todo:
                    return self._hand_out(self._todo.popleft())
                room = MAX_UNSETTLED - len(self._checks) - self._in_sweeps
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
                if (job := self._due(now, idle=True)) is not None:
                    return self._hand_out(job)
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

    def _due(self, now: float, *, idle: bool) -> _Check | _Sweep | None:
        """Due checks to do now (under the lock); None lets them gather while there is sending.

        A thread with nothing else to do (``idle``) takes them at once; otherwise
        they wait until ``SWEEP_MIN`` of one session are due or the oldest is a poll
        interval late. Two or more due in one session are swept together, with the
        session's other checks; a session being swept has its new checks wait for
        the next sweep.
        """
        free = self._free_checks()
        if not free:
            return None
        top = self._earliest(free)
        if top.due > now:
            return None
        if now < self._sweeps_paused_until or not self._sender.may_sweep():
            return self._take([top])[0]  # one by one, due first
        group = [c for c in free if c.session == top.session]
        due = sum(1 for c in group if c.due <= now)
        if not (idle or due >= SWEEP_MIN or now - top.due >= self._poll.initial):
            return None
        if due < 2:
            return self._take([top])[0]
        self._sweeping.add(top.session)
        self._in_sweeps += len(group)
        return _Sweep(top.session, self._take(group))

    def _earliest(self, free: list[_Check]) -> _Check:
        return free[0] if free is self._checks else min(free)  # the heap's first, or a search

    def _free_checks(self) -> list[_Check]:
        """The scheduled checks of sessions no thread is sweeping."""
        if not self._sweeping:
            return self._checks
        return [c for c in self._checks if c.session not in self._sweeping]

    def _take(self, checks: list[_Check]) -> list[_Check]:
        """Take ``checks`` off the schedule."""
        if len(checks) == 1 and checks[0] is self._checks[0]:
            heapq.heappop(self._checks)
            return checks
        taken = {id(c) for c in checks}
        self._checks = [c for c in self._checks if id(c) not in taken]
        heapq.heapify(self._checks)
        return checks

    def _hand_out(self, job: _Job) -> _Job:
        free = self._free_checks()
        if self._todo or (free and self._earliest(free).due <= time.monotonic()):
            self._cond.notify()  # more is waiting: another thread can take it
        return job

    def _sleep(self, now: float, may_claim: bool) -> float:
        """Until the earliest due check, or the next look at the store (if one may claim)."""
        until = self._claim_at if may_claim and not self._claiming else now + IDLE_WAIT
        if free := self._free_checks():
            until = min(until, self._earliest(free).due)
        return max(0.0, until - now)

    def _claim_safely(self, limit: int) -> list[StoredDocument]:
        try:
            return self._claim(limit)
        except Exception:  # a locked or failing disk must not end delivery for good
            log.exception("reading the queue failed")
            return []
