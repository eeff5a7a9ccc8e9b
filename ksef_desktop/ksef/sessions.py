"""Session reads shared by online and batch: invoice statuses, duplicates, close, UPO."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from ksef_client import KsefClient
from ksef_client.models import (
    SessionInvoicesResponse,
    SessionInvoiceStatusResponse,
    SessionStatusResponse,
)
from ksef_client.utils.ksef_number import validate_ksef_number

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef.calls import ApiCaller, has_code
from ksef_desktop.ksef.errors import maybe_delivered
from ksef_desktop.ksef.invoices import InvoiceReader
from ksef_desktop.ksef.limits import RateBudget, RateLimit
from ksef_desktop.ksef.outcomes import DUPLICATE, PENDING_INVOICE, InvoiceOutcome, SessionUpo
from ksef_desktop.ksef.retry import PollPolicy, is_transient
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

#: Session codes while KSeF is still taking or processing the session.
_SESSION_PENDING = frozenset({100, 150, 170})
_PAGE_SIZE = 1000


class SessionReader:
    """Reads what KSeF did with a session and its invoices."""

    def __init__(
        self, client: KsefClient, caller: ApiCaller, invoices: InvoiceReader, poll: PollPolicy
    ) -> None:
        self._client = client
        self._caller = caller
        self._invoices = invoices
        self._poll = poll

    # -- invoices ---------------------------------------------------------------

    def list_invoices(
        self, session: str, *, retry: bool = True
    ) -> list[SessionInvoiceStatusResponse]:
        """Every invoice KSeF registered in ``session`` (all continuation pages)."""
        items: list[SessionInvoiceStatusResponse] = []
        continuation: str | None = None
        while True:

            def page(token: str, cont: str | None = continuation) -> Any:
                return self._client.sessions.get_session_invoices(
                    session, page_size=_PAGE_SIZE, continuation_token=cont, access_token=token
                )

            answer = (
                self._caller.call("session invoice list", page)
                if retry
                else self._caller.once("session invoice list", page)
            )
            items.extend(answer.invoices)
            continuation = answer.continuation_token
            if not continuation:
                return items

    def invoice_page(
        self, session: str, continuation: str | None, page_size: int
    ) -> SessionInvoicesResponse:
        """One page of ``session``'s invoice list (one attempt: the caller has a fallback)."""
        return self._caller.once(
            "session invoice list",
            lambda token: self._client.sessions.get_session_invoices(
                session, page_size=page_size, continuation_token=continuation, access_token=token
            ),
        )

    def invoice_list_limit(self) -> RateLimit:
        """What KSeF allows of ``sessionInvoiceList`` now (GET /rate-limits, one attempt)."""
        limits = self._caller.once("request limits", self._client.rate_limits.get_rate_limits)
        return RateLimit.of(limits.session_invoice_list)

    def find_by_hash(self, session: str, invoice_hash: str, *, retry: bool = False) -> str | None:
        """Reference of the invoice with ``invoice_hash`` in ``session``, if KSeF has it."""
        for item in self.list_invoices(session, retry=retry):
            if item.invoice_hash == invoice_hash and item.reference_number:
                return item.reference_number
        return None

    def wait_for_invoice(
        self, session: str, reference: str, invoice_hash: str, *, resent: bool
    ) -> InvoiceOutcome:
        """Poll the invoice status (bounded backoff) until KSeF decides."""
        final = self._poll.wait_for(
            lambda: self._final_status(session, reference),
            operation="invoice processing",
            reference=reference,
        )
        return self.outcome(final, session, invoice_hash, resent=resent)

    def check_invoice(
        self, session: str, reference: str, invoice_hash: str, *, resent: bool
    ) -> InvoiceOutcome | None:
        """One look at the invoice: its outcome, or None while KSeF is still processing it."""
        final = self._final_status(session, reference)
        return None if final is None else self.outcome(final, session, invoice_hash, resent=resent)

    def _final_status(self, session: str, reference: str) -> SessionInvoiceStatusResponse | None:
        status = self._caller.call(
            "invoice status",
            lambda token: self._client.sessions.get_session_invoice_status(
                session, reference, access_token=token
            ),
        )
        return None if status.status.code in PENDING_INVOICE else status

    def outcome(
        self,
        status: SessionInvoiceStatusResponse,
        session: str,
        invoice_hash: str,
        *,
        resent: bool,
        file_name: str | None = None,
    ) -> InvoiceOutcome:
        """Turn a final invoice status into an outcome; a 440 of our own content is success."""
        info = status.status
        common: dict[str, Any] = {
            "invoice_hash": invoice_hash,
            "status_code": info.code,
            "description": info.description,
            "details": tuple(info.details or ()),
            "reference_number": status.reference_number,
            "session_reference": session,
            "file_name": file_name or status.invoice_file_name,
        }
        if info.code == 200 and status.ksef_number:
            _check_number(status.ksef_number)
            return InvoiceOutcome(accepted=True, ksef_number=status.ksef_number, **common)
        extensions = info.extensions or {}
        original = extensions.get("originalKsefNumber")
        if info.code == DUPLICATE and original:
            stored = self._invoices.stored_hash(original)
            same = stored == invoice_hash if stored is not None else resent
            log.info(
                "invoice %s is a duplicate of %s (same content: %s)",
                reference_of(status),
                original,
                same,
            )
            if same:
                _check_number(original)
                return InvoiceOutcome(
                    accepted=True, ksef_number=original, duplicate=True, **common
                )
            common["details"] = (*common["details"], f"originalKsefNumber={original}")
        return InvoiceOutcome(accepted=False, **common)

    # -- sessions ---------------------------------------------------------------

    def close_and_collect(self, session: str, *, batch: bool) -> SessionUpo:
        """Close ``session`` once, wait until processed and download the collective UPO."""
        self.close(session, batch=batch)
        status = self.wait_for_session(session)
        return SessionUpo(
            session_reference=session,
            status_code=status.status.code,
            description=status.status.description,
            pages=self.upo_pages(session, status),
        )

    def close(self, session: str, *, batch: bool) -> None:
        sessions = self._client.sessions
        doubt = {"uncertain": False}

        def attempt() -> None:
            try:
                self._caller.once(
                    "session close",
                    lambda token: (
                        sessions.close_batch_session(session, access_token=token)
                        if batch
                        else sessions.close_online_session(session, access_token=token)
                    ),
                )
            except (KsefApiError, TransportError) as error:
                # A refusal after a lost answer means our earlier close went through.
                if doubt["uncertain"] and has_code(error, 21180):
                    return
                if is_transient(error) and maybe_delivered(error):
                    doubt["uncertain"] = True
                raise

        self._caller.retry.run(attempt, operation="session close")
        log.info("session %s closed", session)

    def wait_for_session(self, session: str) -> SessionStatusResponse:
        def check() -> SessionStatusResponse | None:
            status = self.status(session)
            code = status.status.code
            if code in _SESSION_PENDING:
                return None
            # The collective UPO may trail the final status by a moment.
            if code == 200 and not (status.upo and status.upo.pages):
                return None
            return status

        return self._poll.wait_for(check, operation="session processing", reference=session)

    def status(self, session: str) -> SessionStatusResponse:
        return self._caller.call(
            "session status",
            lambda token: self._client.sessions.get_session_status(session, access_token=token),
        )

    def upo_pages(self, session: str, status: SessionStatusResponse) -> tuple[bytes, ...]:
        pages = status.upo.pages if status.upo else []
        result: list[bytes] = []
        for page in pages:

            def fetch(token: str, ref: str = page.reference_number) -> bytes:
                return self._client.sessions.get_session_upo(session, ref, access_token=token)

            result.append(self._caller.call("session UPO download", fetch))
        return tuple(result)


def decided(status: SessionInvoiceStatusResponse) -> bool:
    """Whether KSeF has finished with the invoice (a KSeF number or a rejection)."""
    return status.status.code not in PENDING_INVOICE


@dataclass(frozen=True)
class ListRead:
    """What one read of a session's invoice list found."""

    statuses: dict[str, SessionInvoiceStatusResponse]  # by invoice reference
    #: False when the request budget stopped the read before the last page.
    complete: bool


class InvoiceWatch:
    """Reads the statuses of many invoices of one session with as few requests as it can.

    A session's invoice list comes in pages, oldest invoice first. A full page on
    which every invoice is decided never changes again, so each read starts at
    the first page that may still change (KSeF's continuation token for it) and
    goes to the end: a few requests however long the session has been open, in
    place of one status request per invoice.
    """

    #: Invoices per page (KSeF allows 10 to 1000): small enough that a read
    #: repeats few decided entries, large enough that a backlog takes few pages.
    PAGE_SIZE = 50

    def __init__(self, session: str) -> None:
        self.session = session
        self._start: str | None = None  # None: the first page

    def read(self, reader: SessionReader, budget: RateBudget | None = None) -> ListRead:
        """Statuses from the first page that may still change to the end.

        Stops early, with what it has, when ``budget`` allows no more requests.
        Raises KsefApiError or TransportError when a page cannot be read (once, no
        retries); a token KSeF no longer takes makes the next read start over.
        """
        found: dict[str, SessionInvoiceStatusResponse] = {}
        token = self._start
        settled_so_far = True
        while True:
            if budget is not None:
                if not budget.allows():
                    return ListRead(found, complete=False)
                budget.spend()
            try:
                page = reader.invoice_page(self.session, token, self.PAGE_SIZE)
            except KsefApiError as error:
                if token is not None and not error.transient:
                    self._start = None  # an expired or refused token: from the start next time
                raise
            following = page.continuation_token or None
            for item in page.invoices:
                if item.reference_number:
                    found[item.reference_number] = item
            full = len(page.invoices) >= self.PAGE_SIZE and following is not None
            if settled_so_far and full and all(decided(i) for i in page.invoices):
                self._start = following
            else:
                settled_so_far = False
            if following is None:
                return ListRead(found, complete=True)
            token = following


def reference_of(status: SessionInvoiceStatusResponse) -> str:
    return status.reference_number or "?"


def _check_number(number: str) -> None:
    result = validate_ksef_number(number)
    if not result.is_valid:
        raise KsefApiError(
            tr("KSeF returned a malformed KSeF number {number!r} ({reason}).").format(
                number=number, reason=result.message
            ),
            code="ksef-protocol",
        )
