"""Resending and status checks of outbox documents in WS batches (MAX_BATCH), never one by one."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ksef_desktop.contract.api import MAX_BATCH, DocumentStatus, Problem
from ksef_desktop.contract.client import WsClient
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.domain.errors import IllegalTransitionError, KsefDesktopError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.services.awaiting_reasons import (
    is_unreachable,
    reason_for_error,
    reason_for_problem,
    reason_for_status,
)
from ksef_desktop.services.backoff import Backoff
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.storage.outbox import OutboxRepository
from ksef_desktop.storage.outbox_query import ReasonKind
from ksef_desktop.storage.outbox_records import OutboxRecord, Outcome, Reason
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

_EVENT_FOR = {
    Status.SENT: Event.SEND,
    Status.ACCEPTED: Event.ACCEPT,
    Status.REJECTED: Event.REJECT,
    Status.AWAITING: Event.NOT_DELIVERED,
}
#: States a resend may move on; a REJECTED document must be reopened and corrected.
RESENDABLE = frozenset({Status.AWAITING, Status.SENT, Status.APPROVED})


@dataclass
class DeliveryReport:
    """What a resend or status check achieved, for the summary line after it."""

    requested: int = 0
    accepted: int = 0
    pending: int = 0  # the WS has them, KSeF has not answered yet
    refused: int = 0  # rejected or refused: a person acts
    failed: int = 0  # not delivered this time; retried automatically
    skipped: int = 0  # not attempted: cancelled, WS down, or not resendable
    ws_unreachable: bool = False
    cancelled: bool = False
    error: str | None = None  # why the run stopped early, in plain language

    def count(self, outcome: Outcome) -> None:
        if outcome.reason is None:
            self.accepted += 1
        elif outcome.reason.kind is ReasonKind.PENDING:
            self.pending += 1
        elif outcome.reason.kind is ReasonKind.TRANSIENT:
            self.failed += 1
        else:
            self.refused += 1


class Delivery:
    """One run over a set of outbox documents with one WS client."""

    def __init__(
        self,
        outbox: OutboxRepository,
        *,
        lifecycle: Lifecycle,
        backoff: Backoff,
        poll: Backoff,
        now: Callable[[], datetime],
        changed: Callable[[], object],
    ) -> None:
        self._outbox = outbox
        self._lifecycle = lifecycle
        self._backoff = backoff
        self._poll = poll
        self._now = now
        self._changed = changed

    def run(
        self, client: WsClient, ids: Sequence[str], progress: Progress, cancel: CancelToken
    ) -> DeliveryReport:
        """Check the WS's copies first (one statuses call per batch), then submit the rest."""
        report = DeliveryReport(requested=len(ids))
        total = len(ids)
        for start in range(0, total, MAX_BATCH):
            if cancel.cancelled:
                report.cancelled = True
                report.skipped += total - start
                break
            progress(tr("Sending {done:,} of {total:,}…").format(done=start, total=total))
            records = self._outbox.rows(ids[start : start + MAX_BATCH])
            report.skipped += len(ids[start : start + MAX_BATCH]) - len(records)
            try:
                self._batch(client, records, report)
            except KsefDesktopError as exc:
                report.error = exc.message
                if is_unreachable(exc):
                    report.ws_unreachable = True
                report.skipped += max(0, total - start - MAX_BATCH)
                break
        progress(tr("Done."))
        return report

    def _batch(
        self, client: WsClient, records: list[OutboxRecord], report: DeliveryReport
    ) -> None:
        movable = [r for r in records if r.state in RESENDABLE]
        report.skipped += len(records) - len(movable)
        unsent = [r for r in movable if not r.at_ws]
        at_ws = [r for r in movable if r.at_ws]
        if at_ws:
            # A failure here changes nothing: the WS still holds those documents.
            statuses = {s.id: s for s in client.statuses([r.document_id for r in at_ws])}
            checked = []
            for record in at_ws:
                status = statuses.get(record.document_id)
                if status is None:
                    unsent.append(record)  # the WS does not know it (any more): submit it
                else:
                    checked.append(self._from_status(record, status, attempted=False))
            self._record(checked, report)
        if unsent:
            self._submit(client, unsent, report)

    def _submit(
        self, client: WsClient, records: list[OutboxRecord], report: DeliveryReport
    ) -> None:
        payloads = self._outbox.payloads([r.document_id for r in records])
        sendable = [r for r in records if r.document_id in payloads]
        report.skipped += len(records) - len(sendable)
        documents = [ErpDocument.model_validate_json(payloads[r.document_id]) for r in sendable]
        try:
            results: list[DocumentStatus | Problem] = client.submit_many(documents)
        except KsefDesktopError as exc:
            reason = reason_for_error(exc)
            self._record([self._failure(r, reason) for r in sendable], report)
            if is_unreachable(exc) or reason.kind is ReasonKind.SETUP:
                raise  # the rest would fail the same way: stop the run here
            return
        outcomes = []
        for record, result in zip(sendable, results, strict=True):
            if isinstance(result, Problem):
                outcomes.append(self._failure(record, reason_for_problem(result)))
            else:
                outcomes.append(self._from_status(record, result, attempted=True))
        self._record(outcomes, report)

    def absorb(self, statuses: Sequence[DocumentStatus]) -> DeliveryReport:
        """Record what the WS reported about documents still in the outbox."""
        report = DeliveryReport(requested=len(statuses))
        records = {r.document_id: r for r in self._outbox.rows([s.id for s in statuses])}
        outcomes = [
            self._from_status(records[s.id], s, attempted=False)
            for s in statuses
            if s.id in records and records[s.id].state in RESENDABLE
        ]
        self._record(outcomes, report)
        return report

    def _record(self, outcomes: list[Outcome], report: DeliveryReport) -> None:
        if not outcomes:
            return
        self._outbox.apply(outcomes, self._now())
        for outcome in outcomes:
            report.count(outcome)
        self._changed()

    def _state(self, record: OutboxRecord, target: Status) -> Status:
        if record.state is target:
            return target
        try:
            return self._lifecycle.next(record.state, _EVENT_FOR[target])
        except IllegalTransitionError:
            log.warning("%s: %s -> %s refused", record.document_id, record.state, target)
            return record.state

    def _failure(self, record: OutboxRecord, reason: Reason) -> Outcome:
        retry = None
        if reason.kind is ReasonKind.TRANSIENT:
            retry = self._now() + timedelta(seconds=self._backoff.delay(record.attempts + 1))
        return Outcome(
            record.document_id,
            self._state(record, Status.AWAITING),
            reason,
            next_retry_at=retry,
            attempted=True,
        )

    def _from_status(
        self, record: OutboxRecord, status: DocumentStatus, *, attempted: bool
    ) -> Outcome:
        target, reason = reason_for_status(status)
        retry: datetime | None = None
        if reason is not None and reason.kind in (ReasonKind.PENDING, ReasonKind.TRANSIENT):
            checks = 1 if attempted else record.checks + 1
            retry = self._now() + timedelta(seconds=self._poll.delay(checks))
            if status.next_attempt_at is not None:
                retry = max(retry, status.next_attempt_at)
        return Outcome(
            record.document_id,
            self._state(record, target),
            reason,
            next_retry_at=retry,
            at_ws=True,
            attempted=attempted,
            ksef_number=status.ksef_number,
        )
