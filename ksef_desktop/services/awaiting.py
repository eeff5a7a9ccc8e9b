"""AWAITING DOCUMENTS: the outbox as a lazy, filtered list, and the actions a person takes."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from ksef_desktop.contract.api import DocumentState, DocumentStatus, ProblemType
from ksef_desktop.contract.client import WsError
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.domain.errors import IllegalTransitionError, KsefDesktopError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.services.awaiting_reasons import reason_for_error, reason_for_status
from ksef_desktop.services.backoff import Backoff
from ksef_desktop.services.cancel import CancelToken, Progress, no_progress
from ksef_desktop.services.changes import ChangeFeed
from ksef_desktop.services.clock import Clock, SystemClock
from ksef_desktop.services.connection import ClientSource
from ksef_desktop.services.delivery import Delivery, DeliveryReport
from ksef_desktop.services.structure import StructureModel, build_structure
from ksef_desktop.storage.outbox import OutboxRepository
from ksef_desktop.storage.outbox_query import AwaitingFilter, ReasonKind, SortKey
from ksef_desktop.storage.outbox_records import OutboxEntry, OutboxRecord, Reason
from ksef_desktop.support.i18n import tr

__all__ = [
    "AwaitingFilter",
    "AwaitingRow",
    "AwaitingService",
    "NotAvailableError",
    "ReasonKind",
    "Selection",
    "SortKey",
    "entry_for",
]

log = logging.getLogger(__name__)

#: A fresh client for the configured WS (the caller closes it); raises when none is set up.
AwaitingRow = OutboxRecord
Selection = Sequence[str] | AwaitingFilter

_UNSAFE_NAME = re.compile(r"[^\w.-]+")


class NotAvailableError(KsefDesktopError):
    code = "not-available"


def entry_for(document: ErpDocument) -> OutboxEntry:
    """The listing facts of ``document``: the gross the ERP stated, else the computed one."""
    if document.totals is not None:
        gross = Decimal(document.totals.gross)
    else:
        from ksef_desktop.contract.mapping import to_document  # noqa: PLC0415 - rare path

        try:
            gross = to_document(document).totals.due
        except KsefDesktopError:
            gross = Decimal(0)  # the WS will say what is wrong; the list still shows the row
    buyer = document.buyer
    buyer_id = buyer.nip or buyer.eu_vat_number or buyer.foreign_id or ""
    return OutboxEntry(
        document.id,
        document.number,
        document.issue_date,
        buyer.name,
        buyer_id,
        gross,
        document.currency,
    )


class AwaitingService:
    """Queries for an ids-only list model and the resend/UPO/export/reopen actions."""

    def __init__(
        self,
        outbox: OutboxRepository,
        clients: ClientSource,
        *,
        clock: Clock | None = None,
        backoff: Backoff | None = None,
        poll: Backoff | None = None,
        changes: ChangeFeed | None = None,
        lifecycle: Lifecycle | None = None,
    ) -> None:
        self._outbox = outbox
        self._clients = clients
        self.clock = clock or SystemClock()
        self.backoff = backoff or Backoff()
        self.changes = changes or ChangeFeed()
        self._lifecycle = lifecycle or Lifecycle()
        self._poll = poll or Backoff(base=15.0, cap=900.0)
        self._delivery = Delivery(
            outbox,
            lifecycle=self._lifecycle,
            backoff=self.backoff,
            poll=self._poll,
            now=self.clock.now,
            changed=self.changes.bump,
        )

    # --- the list ----------------------------------------------------------------

    def count(self, flt: AwaitingFilter | None = None) -> int:
        return self._outbox.count(flt)

    def ids(
        self,
        flt: AwaitingFilter | None = None,
        sort: SortKey = SortKey.ISSUE_DATE,
        *,
        descending: bool = False,
        offset: int = 0,
        limit: int = -1,
        matched: int | None = None,
    ) -> list[str]:
        """Ids in display order; ``matched`` (the filter's count, if known) saves a count."""
        return self._outbox.ids(
            flt, sort, descending=descending, offset=offset, limit=limit, matched=matched
        )

    def rows(self, ids: Sequence[str]) -> list[AwaitingRow]:
        return self._outbox.rows(ids)

    def total(self) -> int:
        """What the status bar shows: every document KSeF has not confirmed."""
        return self._outbox.count()

    # --- entering the outbox ---------------------------------------------------------

    def hold(
        self,
        document: ErpDocument,
        *,
        error: KsefDesktopError | None = None,
        status: DocumentStatus | None = None,
    ) -> AwaitingRow:
        """Put a document that was not confirmed into the outbox.

        ``error`` is why sending failed, ``status`` what the WS said when it took
        the document; with neither, the document waits to be sent automatically.
        """
        now = self.clock.now()
        retry: datetime | None = None
        at_ws = status is not None
        if status is not None:
            state, found = reason_for_status(status)
            if found is None:
                raise ValueError("an accepted document does not belong in the outbox")
            reason = found
        elif error is not None:
            state, reason = Status.AWAITING, reason_for_error(error)
        else:
            state = Status.AWAITING
            reason = Reason(ReasonKind.TRANSIENT, "not-sent", tr("Not sent yet."))
        if error is None and status is None:
            retry = now  # never tried: the next automatic step sends it
        elif reason.kind is ReasonKind.PENDING:
            retry = now + timedelta(seconds=self._poll.delay(1))  # when to ask the WS
        elif reason.kind is ReasonKind.TRANSIENT:
            retry = now + timedelta(seconds=self.backoff.delay(1))
        self._outbox.put(
            entry_for(document),
            document.model_dump_json(),
            state=state,
            reason=reason,
            next_retry_at=retry,
            now=now,
            attempted=error is not None or at_ws,
            at_ws=at_ws,
        )
        self.changes.bump()
        return self._outbox.rows([document.id])[0]

    # --- actions -------------------------------------------------------------------------

    def resolve(self, selection: Selection) -> list[str]:
        """The ids a selection names: the given ids, or every id the filter matches."""
        if isinstance(selection, AwaitingFilter):
            return self._outbox.ids(selection)
        return list(dict.fromkeys(selection))

    def resend(
        self,
        selection: Selection,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> DeliveryReport:
        """Send the selected documents again (a status check for those the WS already has)."""
        ids = self.resolve(selection)
        with self._clients() as client:
            return self._delivery.run(client, ids, progress, cancel or CancelToken())

    def retry_due(self, *, limit: int = 5000, cancel: CancelToken | None = None) -> DeliveryReport:
        """The automatic step: whatever is due now, in WS batches (see RetryScheduler)."""
        now = self.clock.now()
        ids = self._outbox.due(now, at_ws=True, limit=limit)
        ids += self._outbox.due(now, at_ws=False, limit=limit)
        if not ids:
            return DeliveryReport()
        with self._clients() as client:
            return self._delivery.run(client, ids, no_progress, cancel or CancelToken())

    def bring_forward(self) -> int:
        """Make every transient failure due now (the WS has come back)."""
        changed = self._outbox.make_due(self.clock.now(), ReasonKind.TRANSIENT)
        if changed:
            self.changes.bump()
        return changed

    def next_due(self) -> datetime | None:
        return self._outbox.next_due()

    def ws_reachable(self) -> bool:
        try:
            with self._clients() as client:
                client.health()
        except KsefDesktopError:
            return False
        return True

    def upo(self, document_id: str) -> bytes:
        """The UPO of a document KSeF accepted meanwhile (its status is refreshed first)."""
        with self._clients() as client:
            found = client.statuses([document_id])
            self._delivery.absorb(found)
            if not found or found[0].state is not DocumentState.ACCEPTED:
                raise NotAvailableError(
                    tr("KSeF has not accepted this document yet, so there is no UPO for it.")
                )
            try:
                return client.upo(document_id)
            except WsError as exc:
                if exc.problem_type in (ProblemType.NOT_AVAILABLE, ProblemType.NOT_FOUND):
                    raise NotAvailableError(
                        tr("KSeF accepted the document but its UPO is not ready yet; try later.")
                    ) from exc
                raise

    def fa3(self, document_id: str) -> bytes:
        """The FA(3) XML: as the WS built it when the WS has the document, else built here."""
        cached = self._outbox.fa3(document_id)
        if cached is not None:
            return cached
        records = self._outbox.rows([document_id])
        if records and records[0].at_ws:
            try:
                with self._clients() as client:
                    xml = client.fa3(document_id)
            except KsefDesktopError as exc:
                log.info("FA(3) of %s from the WS failed (%s); building it here", document_id, exc)
            else:
                self._outbox.set_fa3(document_id, xml)
                return xml
        return self._local_fa3(document_id)

    def _local_fa3(self, document_id: str) -> bytes:
        from ksef_desktop.contract.mapping import to_document  # noqa: PLC0415 - heavy, rare
        from ksef_desktop.fa3 import build  # noqa: PLC0415

        payload = self._outbox.payloads([document_id]).get(document_id)
        if payload is None:
            raise NotAvailableError(tr("The document is no longer among the awaiting documents."))
        return build(to_document(ErpDocument.model_validate_json(payload)))

    def export_xml(
        self,
        selection: Selection,
        directory: Path,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> list[Path]:
        """Write each document's FA(3) XML to ``directory`` as ``<number>.xml``."""
        cancel = cancel or CancelToken()
        ids = self.resolve(selection)
        directory.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for index, record in enumerate(self._outbox.rows(ids)):
            cancel.raise_if_cancelled()
            progress(tr("Exporting {done:,} of {total:,}…").format(done=index, total=len(ids)))
            name = _UNSAFE_NAME.sub("_", record.entry.number).strip("._") or record.document_id
            path = directory / f"{name}.xml"
            path.write_bytes(self.fa3(record.document_id))
            written.append(path)
        return written

    def structure(self, document_id: str) -> StructureModel:
        """The structure viewer's model, with KSeF's rejection messages linked to elements."""
        records = self._outbox.rows([document_id])
        messages: list[str] = []
        if records and records[0].reason.ksef_description:
            messages = [m for m in records[0].reason.ksef_description.split("; ") if m]
        return build_structure(self.fa3(document_id), ksef_messages=messages)

    def reopen(self, document_id: str) -> ErpDocument:
        """Take a rejected, never accepted document out of the outbox for editing."""
        records = self._outbox.rows([document_id])
        if not records:
            raise NotAvailableError(tr("The document is no longer among the awaiting documents."))
        self._lifecycle.next(records[0].state, Event.REOPEN)  # only REJECTED may reopen
        # KSeF may have accepted a resubmission made elsewhere: ask the WS when it answers.
        try:
            with self._clients() as client:
                found = client.statuses([document_id])
        except KsefDesktopError as exc:
            log.info("reopening %s without a fresh status (%s)", document_id, exc)
            found = []
        if any(s.state is DocumentState.ACCEPTED for s in found):
            raise IllegalTransitionError(
                Status.ACCEPTED.value, Status.DRAFT.value, tr("reopened for editing")
            )
        state = self._lifecycle.next(records[0].state, Event.REOPEN)
        payload = self._outbox.payloads([document_id])[document_id]
        self._outbox.release(document_id, state, self.clock.now())
        self.changes.bump()
        return ErpDocument.model_validate_json(payload)
