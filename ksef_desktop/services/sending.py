"""Step 4 of the wizard: hand an approved document to the WS, then follow it to KSeF's answer."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

from ksef_desktop.contract.api import DocumentState, DocumentStatus, ProblemType
from ksef_desktop.contract.client import WsClient, WsError
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.contract.mapping import from_document
from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.services.cancel import CancelToken, Progress, no_progress
from ksef_desktop.services.connection import ClientSource
from ksef_desktop.storage.documents import DocumentRepository, now
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

#: A client for the configured WS, built at each send so a changed address takes effect.


class Unconfirmed(Protocol):
    """Told about every document the send left unconfirmed (AWAITING DOCUMENTS' ``hold``):
    the ERP document and either the error that stopped it or the WS status."""

    def __call__(
        self,
        document: ErpDocument,
        *,
        error: KsefDesktopError | None = None,
        status: DocumentStatus | None = None,
    ) -> object: ...


@dataclass(frozen=True)
class SendResult:
    """What the send step shows: the state reached and a sentence saying what it means."""

    status: Status
    message: str
    ksef_number: str | None = None
    ksef_code: int | None = None
    reason: str | None = None
    session_mode: str | None = None

    @property
    def pending(self) -> bool:
        """Handed over, but KSeF's answer is not known yet."""
        return self.status is Status.SENT


@dataclass(frozen=True)
class SendTiming:
    """How long the step follows the document before it leaves the rest to the WS."""

    poll_interval: float = 0.5
    wait_seconds: float = 60.0


class SendService:
    def __init__(
        self,
        documents: DocumentRepository,
        client: ClientSource,
        timing: SendTiming | None = None,
        on_unconfirmed: Unconfirmed | None = None,
    ) -> None:
        self._documents = documents
        self._client = client
        self._timing = timing or SendTiming()
        self._on_unconfirmed = on_unconfirmed

    def send(
        self,
        doc_id: str,
        lifecycle: Lifecycle,
        cancel: CancelToken | None = None,
        progress: Progress = no_progress,
    ) -> SendResult:
        """Submit, then poll until KSeF answers, the wait is over or the person cancels.

        Cancelling before the WS took the document leaves it as it was; once the
        WS has it, the document is SENT and the WS goes on delivering it.
        """
        cancel = cancel or CancelToken()
        stored = self._documents.get(doc_id)
        if not lifecycle.can(stored.status, Event.SEND):
            lifecycle.next(stored.status, Event.SEND)  # raises, naming both states
        erp = from_document(stored.content(), stored.meta.erp_id or doc_id)
        attempts = stored.meta.attempts + 1
        cancel.raise_if_cancelled()
        progress(tr("Sending the document to the web service…"))
        client = self._client()
        try:
            try:
                status = client.submit(erp)
            except WsError as exc:
                result = self._refused(doc_id, lifecycle, exc, attempts)
                self._notify(erp, exc, None, result)
                return result
            except KsefDesktopError as exc:
                result = self._not_delivered(doc_id, lifecycle, exc.message, attempts)
                self._notify(erp, exc, None, result)
                return result
            self._documents.transition(
                doc_id,
                lifecycle,
                [Event.SEND],
                {"attempts": attempts, "sent_at": now().isoformat(), "reason": None},
            )
            self._keep_fa3(client, doc_id, erp.id)
            waiting = _Waiting(cancel, progress)
            result, last = self._follow(client, doc_id, lifecycle, status, waiting)
            self._notify(erp, None, last, result)
            return result
        finally:
            client.close()

    def _notify(
        self,
        erp: ErpDocument,
        error: KsefDesktopError | None,
        status: DocumentStatus | None,
        result: SendResult,
    ) -> None:
        if self._on_unconfirmed is None or result.status is Status.ACCEPTED:
            return
        try:
            self._on_unconfirmed(erp, error=error, status=status)
        except KsefDesktopError:
            log.exception("%s could not be put in the awaiting documents", erp.id)

    # --- outcomes --------------------------------------------------------------

    def _not_delivered(
        self, doc_id: str, lifecycle: Lifecycle, reason: str, attempts: int
    ) -> SendResult:
        self._documents.transition(
            doc_id, lifecycle, [Event.NOT_DELIVERED], {"attempts": attempts, "reason": reason}
        )
        return SendResult(
            Status.AWAITING,
            tr(
                "The document was not delivered: {reason} It waits in AWAITING DOCUMENTS and "
                "will be sent again; you can print it now (marked OFFLINE)."
            ).format(reason=_sentence(reason)),
            reason=reason,
        )

    def _refused(
        self, doc_id: str, lifecycle: Lifecycle, exc: WsError, attempts: int
    ) -> SendResult:
        if exc.problem_type is not ProblemType.INVALID_DOCUMENT:
            return self._not_delivered(doc_id, lifecycle, exc.message, attempts)
        self._documents.transition(
            doc_id,
            lifecycle,
            [Event.SEND, Event.REJECT],
            {"attempts": attempts, "reason": exc.message, "sent_at": now().isoformat()},
        )
        return SendResult(
            Status.REJECTED,
            tr(
                "The web service refused the document: {reason} Reopen it from the register, "
                "correct it and approve it again."
            ).format(reason=_sentence(exc.message)),
            reason=exc.message,
        )

    def _follow(
        self,
        client: WsClient,
        doc_id: str,
        lifecycle: Lifecycle,
        status: DocumentStatus,
        waiting: _Waiting,
    ) -> tuple[SendResult, DocumentStatus]:
        """The outcome, and the WS status it rests on."""
        pending = (DocumentState.QUEUED, DocumentState.SENDING)
        if status.state in pending and status.session_mode == "batch":
            message = tr(
                "The web service queued the document for its batch session; KSeF gives the "
                "number when that session closes (within the batch window)."
            )
            return SendResult(Status.SENT, message, session_mode="batch"), status
        deadline = time.monotonic() + self._timing.wait_seconds
        while status.state in pending:
            waiting.progress(tr("Waiting for KSeF's answer…"))
            if waiting.cancel.cancelled:
                return _still_sending(status, tr("You stopped waiting.")), status
            if time.monotonic() >= deadline:
                return _still_sending(status, tr("KSeF has not answered yet.")), status
            if waiting.cancel.wait(self._timing.poll_interval):
                return _still_sending(status, tr("You stopped waiting.")), status
            try:
                status = client.status(status.id)
            except KsefDesktopError as exc:
                log.info("status of %s not read: %s", doc_id, exc)
        return self._settled(client, doc_id, lifecycle, status), status

    def _settled(
        self, client: WsClient, doc_id: str, lifecycle: Lifecycle, status: DocumentStatus
    ) -> SendResult:
        mode = status.session_mode
        if status.state is DocumentState.ACCEPTED:
            self._documents.transition(
                doc_id,
                lifecycle,
                [Event.ACCEPT],
                {"ksef_number": status.ksef_number, "ksef_code": status.ksef_code, "reason": None},
            )
            self._keep_fa3(client, doc_id, status.id)
            return SendResult(
                Status.ACCEPTED,
                tr("KSeF accepted the invoice: KSeF number {n}.").format(n=status.ksef_number),
                ksef_number=status.ksef_number,
                session_mode=mode,
            )
        reason = status.error or status.ksef_description or tr("no reason given")
        if status.state is DocumentState.REJECTED:
            if status.error is None:
                reason = tr("KSeF rejected the invoice ({code}): {reason}").format(
                    code=status.ksef_code, reason=reason
                )
            self._documents.transition(
                doc_id,
                lifecycle,
                [Event.REJECT],
                {"ksef_code": status.ksef_code, "reason": reason},
            )
            return SendResult(
                Status.REJECTED,
                tr(
                    "{reason} It cannot be printed; reopen it from the register, correct it "
                    "and approve it again."
                ).format(reason=_sentence(reason)),
                ksef_code=status.ksef_code,
                reason=reason,
                session_mode=mode,
            )
        changes = {"ksef_code": status.ksef_code, "reason": reason}
        self._documents.transition(doc_id, lifecycle, [Event.NOT_DELIVERED], changes)
        return SendResult(
            Status.AWAITING,
            tr(
                "KSeF could not take the invoice yet: {reason} The web service keeps trying; "
                "the document waits in AWAITING DOCUMENTS and can be printed (marked OFFLINE)."
            ).format(reason=_sentence(reason)),
            ksef_code=status.ksef_code,
            reason=reason,
            session_mode=mode,
        )

    def _keep_fa3(self, client: WsClient, doc_id: str, erp_id: str) -> None:
        """Store the XML exactly as the WS sends it: KOD I is the SHA-256 of these bytes."""
        try:
            xml = client.fa3(erp_id)
        except KsefDesktopError as exc:
            log.info("FA(3) of %s not fetched: %s", doc_id, exc)
            return
        self._documents.set_fa3(doc_id, xml)


@dataclass(frozen=True)
class _Waiting:
    cancel: CancelToken
    progress: Progress


def _still_sending(status: DocumentStatus, why: str) -> SendResult:
    return SendResult(
        Status.SENT,
        tr(
            "{why} The web service has the document and delivers it to KSeF; the register "
            "shows the KSeF number when it arrives."
        ).format(why=why),
        session_mode=status.session_mode,
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
