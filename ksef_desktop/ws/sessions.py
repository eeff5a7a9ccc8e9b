"""Delivering one stored document through a company's KSeF session (immediate or batch mode).

Never sends twice: a document whose earlier send may have reached KSeF is
first looked up by its invoice reference, then by its hash in the session it
went to; only when KSeF certainly lacks it is it sent again, and even then a
440 duplicate with the same content is recognised as the original success.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef.limits import SESSION_INVOICE_LIST, RateBudget
from ksef_desktop.ksef.online import OnlineSession, PendingInvoice
from ksef_desktop.ksef.outcomes import InvoiceOutcome
from ksef_desktop.ksef.retry import is_transient
from ksef_desktop.ksef.sessions import InvoiceWatch, decided
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws.ksefgate import Link
from ksef_desktop.ws.store import DocumentStore, StoredDocument, now_iso

log = logging.getLogger(__name__)

#: Sessions whose invoice-list position is remembered (a company has one or two open).
_WATCHED_SESSIONS = 8
#: KSeF's request limits are read again this often (seconds).
_LIMITS_MAX_AGE = 3600.0


@dataclass(frozen=True)
class Backoff:
    """When an undelivered document is tried again (seconds, doubling, capped)."""

    base: float = 2.0
    cap: float = 600.0
    #: Configuration-like failures (bad token, no permission) wait at least this long.
    permanent: float = 300.0

    def delay(self, attempts: int, error: Exception) -> float:
        step = min(self.cap, self.base * 2.0 ** max(0, attempts - 1))
        if isinstance(error, KsefApiError) and error.retry_after:
            step = max(step, error.retry_after)
        if not is_transient(error):
            step = max(step, min(self.cap, self.permanent))
        return step


class ActiveSessions:
    """Sessions a live port is using (the sweeper must not close them behind its back)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, tuple[OnlineSession, Link]] = {}

    def add(self, session: OnlineSession, link: Link) -> None:
        with self._lock:
            self._sessions[session.reference] = (session, link)

    def release(self, ref: str) -> None:
        """Stop ``ref`` taking new invoices: its port opens another one for the next send."""
        with self._lock:
            entry = self._sessions.pop(ref, None)
        if entry is not None:
            entry[1].port.online.discard(entry[0])

    def __contains__(self, ref: object) -> bool:
        with self._lock:
            return ref in self._sessions


@dataclass(frozen=True)
class Sent:
    """A document KSeF has taken, whose verdict (a KSeF number or a rejection) is to come."""

    doc: StoredDocument
    link: Link
    pending: PendingInvoice
    #: The sessions this delivery used (immediate mode closes them when it is settled).
    used: list[str]


class DocumentSender:
    """Sends documents of one company and records every step before the next one."""

    def __init__(
        self,
        store: DocumentStore,
        mode: str,
        active: ActiveSessions,
        backoff: Backoff,
        on_session_done: Callable[[str, Link], None],
    ) -> None:
        self.store = store
        self.mode = mode
        self.active = active
        self.backoff = backoff
        self.on_session_done = on_session_done
        self._watches: collections.OrderedDict[str, InvoiceWatch] = collections.OrderedDict()
        self._watches_lock = threading.Lock()
        self._list_budget: RateBudget | None = None
        self._limits_read_at = 0.0
        self._limits_lock = threading.Lock()

    def process(self, doc: StoredDocument, link: Link) -> None:
        """The whole delivery of ``doc``: send it, wait for KSeF's verdict, record it."""
        sent = self.send(doc, link)
        if sent is not None:
            self.settle(sent)

    def send(self, doc: StoredDocument, link: Link) -> Sent | None:
        """Hand ``doc`` to KSeF; None when it is settled already (reconciled or deferred).

        The KSeF number comes later (:meth:`settle`): KSeF processes an invoice
        after accepting it, and the sender need not wait for that to send the next.
        """
        used: list[str] = []
        sent: Sent | None = None
        try:
            with self._deferring(doc):
                if doc.maybe_sent and (outcome := self._reconcile(doc, link)) is not None:
                    self._record(doc, outcome)
                    return None
                sent = Sent(doc, link, self._submit(doc, link, used), used)
        finally:
            if sent is None:
                self._done(used, link)
        return sent

    def settle(self, sent: Sent) -> None:
        """Wait for KSeF's verdict on a sent document and record it."""
        pending = sent.pending
        try:
            with self._deferring(sent.doc):
                outcome = sent.link.reader.wait_for_invoice(
                    pending.session.reference,
                    pending.reference,
                    pending.invoice_hash,
                    resent=pending.resent,
                )
                self._record(sent.doc, outcome)
        finally:
            self._done(sent.used, sent.link)

    def check(self, sent: Sent) -> bool:
        """One look at KSeF's verdict on ``sent``; True once it is recorded (or deferred)."""
        pending = sent.pending
        with self._deferring(sent.doc):
            outcome = sent.link.reader.check_invoice(
                pending.session.reference,
                pending.reference,
                pending.invoice_hash,
                resent=pending.resent,
            )
            if outcome is None:
                return False
            self._record(sent.doc, outcome)
        self._done(sent.used, sent.link)
        return True

    def sweep(self, sents: list[Sent]) -> list[Sent] | None:
        """KSeF's verdicts on many documents of one session from one read of its invoice list.

        Records every verdict found and returns the documents still undecided;
        None when the list could not be read (the caller checks them one by one).
        One thread at a time per session: the caller sees to that.
        """
        session = sents[0].pending.session.reference
        link = sents[0].link
        try:
            read = self._watch(session).read(link.reader, self._budget(link))
        except (KsefApiError, TransportError) as error:
            log.info("invoice list of session %s unreadable (%s)", session, error)
            return None
        except Exception:  # an unexpected answer: the one-by-one checks still work
            log.exception("reading the invoice list of session %s failed", session)
            return None
        undecided: list[Sent] = []
        for sent in sents:
            status = read.statuses.get(sent.pending.reference)
            if status is None and read.complete:
                # Not on the pages read: listed on a page known to be decided before its
                # check was scheduled. Its own status says what happened.
                if not self.check(sent):
                    undecided.append(sent)
                continue
            if status is None:  # past where the request budget stopped the read
                undecided.append(sent)
                continue
            if not decided(status):
                undecided.append(sent)
                continue
            pending = sent.pending
            with self._deferring(sent.doc):
                outcome = sent.link.reader.outcome(
                    status, session, pending.invoice_hash, resent=pending.resent
                )
                self._record(sent.doc, outcome)
            self._done(sent.used, sent.link)
        return undecided

    def may_sweep(self) -> bool:
        """Whether KSeF's limit on invoice-list reads leaves room for one now."""
        budget = self._list_budget
        return budget is None or budget.allows()

    def _budget(self, link: Link) -> RateBudget:
        """The invoice-list reads KSeF allows this company, its limits read at most hourly."""
        with self._limits_lock:
            now = time.monotonic()
            budget = self._list_budget
            if budget is None or now - self._limits_read_at > _LIMITS_MAX_AGE:
                try:
                    limit = link.reader.invoice_list_limit()
                except (KsefApiError, TransportError) as error:
                    log.info(
                        "KSeF's request limits unreadable (%s); the published ones apply", error
                    )
                    limit = SESSION_INVOICE_LIST
                except Exception:  # an answer this version does not understand
                    log.exception("KSeF's request limits unreadable; the published ones apply")
                    limit = SESSION_INVOICE_LIST
                if budget is None:
                    budget = self._list_budget = RateBudget(limit)
                budget.limit = limit
                self._limits_read_at = now
            return budget

    def _watch(self, session: str) -> InvoiceWatch:
        """The session's list reader; the few most recent sessions' are kept."""
        with self._watches_lock:
            watch = self._watches.pop(session, None) or InvoiceWatch(session)
            self._watches[session] = watch
            while len(self._watches) > _WATCHED_SESSIONS:
                self._watches.popitem(last=False)
            return watch

    @contextmanager
    def _deferring(self, doc: StoredDocument) -> Iterator[None]:
        """A failure while delivering ``doc`` leaves it awaiting its next attempt."""
        try:
            yield
        except (KsefApiError, TransportError) as error:
            self._defer(doc, error)
        except Exception as error:  # a bug must not lose the document: keep it waiting
            log.exception("unexpected failure delivering %s/%s", doc.nip, doc.id)
            self._defer(doc, error)

    def give_up(self, sent: Sent, error: Exception) -> None:
        """KSeF took too long to decide: the document waits, and is reconciled next time."""
        self._defer(sent.doc, error)
        self._done(sent.used, sent.link)

    def _done(self, used: list[str], link: Link) -> None:
        # Immediate mode: one session per document, closed (and its UPO fetched) now.
        if self.mode == "immediate":
            for ref in dict.fromkeys(used):
                self.active.release(ref)
                self.on_session_done(ref, link)

    def _reconcile(self, doc: StoredDocument, link: Link) -> InvoiceOutcome | None:
        """What KSeF did with an earlier send whose answer we never recorded."""
        session = doc.session_reference
        if session is None:
            return None
        reference = doc.ksef_reference
        try:
            if reference is None:
                reference = link.reader.find_by_hash(session, doc.invoice_hash)
            if reference is None:
                log.info("%s/%s is not in session %s; sending it", doc.nip, doc.id, session)
                self.store.forget_send(doc.seq)
                return None
            return link.reader.wait_for_invoice(session, reference, doc.invoice_hash, resent=False)
        except KsefApiError as error:
            if error.transient:
                raise
            # The session is gone or unreadable: a resend is still safe, because KSeF
            # answers 440 with the original number for the same invoice.
            log.info("session %s unreadable (%s); resending %s", session, error.code, doc.id)
            return None

    def _submit(self, doc: StoredDocument, link: Link, used: list[str]) -> PendingInvoice:
        session = link.port.online.current()
        self.active.add(session, link)
        used.append(session.reference)
        if doc.marked_session != session.reference:  # the claim did not record it already
            self.store.mark_sending(doc.seq, session.reference, self.mode, now_iso())
        pending = link.port.online.submit(doc.fa3)
        target = pending.session
        if target.reference != session.reference:
            self.active.add(target, link)
            used.append(target.reference)
        # Not waited for: only a reconciliation after a crash needs it, and it can look
        # the invoice up by its hash instead.
        self.store.set_reference(
            doc.seq, target.reference, pending.reference, self.mode, later=True
        )
        return pending

    def _record(self, doc: StoredDocument, outcome: InvoiceOutcome) -> None:
        if outcome.accepted and outcome.ksef_number:
            self.store.accept(
                doc.seq,
                outcome.ksef_number,
                reference=outcome.reference_number,
                session_ref=outcome.session_reference,
                code=outcome.status_code,
                description=outcome.description,
                later=True,  # the sender goes on; the document stays "sending" until written
            )
            log.info("%s/%s accepted as %s", doc.nip, doc.id, outcome.ksef_number)
            return
        details = "; ".join(outcome.details)
        text = tr("KSeF rejected the invoice ({code}): {description}").format(
            code=outcome.status_code, description=outcome.description
        )
        self.store.reject(
            doc.seq,
            outcome.status_code,
            f"{outcome.description} {details}".strip(),
            text,
        )
        log.info("%s/%s rejected by KSeF with %s", doc.nip, doc.id, outcome.status_code)

    def _defer(self, doc: StoredDocument, error: Exception) -> None:
        wait = self.backoff.delay(doc.attempts, error)
        next_at = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wait)).isoformat(
            timespec="microseconds"
        )
        code = error.ksef_code if isinstance(error, KsefApiError) else None
        message = str(error) or type(error).__name__
        self.store.defer(doc.seq, message, next_at, code)
        log.info("%s/%s awaiting (%s); next attempt in %.1f s", doc.nip, doc.id, message, wait)
