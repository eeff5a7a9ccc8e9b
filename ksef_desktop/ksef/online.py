"""Online (interactive) sessions: open, reuse, send with reconciliation, close, UPO."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ksef_client import KsefClient
from ksef_client.models import FormCode, OpenOnlineSessionRequest, PublicKeyCertificateUsage
from ksef_client.services.crypto import (
    EncryptionData,
    build_encryption_data,
    build_send_invoice_request,
    sha256_base64,
)
from ksef_client.utils.datetime_parsing import try_parse_api_datetime

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef.auth import PublicKeys
from ksef_desktop.ksef.calls import ApiCaller
from ksef_desktop.ksef.errors import is_session_unusable, maybe_delivered
from ksef_desktop.ksef.outcomes import FA3, InvoiceOutcome, SessionUpo
from ksef_desktop.ksef.retry import PollPolicy, is_transient
from ksef_desktop.ksef.sessions import SessionReader
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

#: KSeF caps an online session at 10 000 invoices.
_MAX_INVOICES = 10_000


@dataclass
class OnlineSession:
    """An open online session and the AES key its invoices are encrypted with."""

    reference: str
    valid_until: datetime
    encryption: EncryptionData = field(repr=False)
    sent: int = 0


@dataclass
class PendingInvoice:
    """An invoice handed to KSeF whose final status is not known yet."""

    session: OnlineSession
    reference: str
    invoice_hash: str
    resent: bool


class OnlineSender:
    """Sends invoices through one reusable online session per port."""

    def __init__(
        self,
        client: KsefClient,
        caller: ApiCaller,
        keys: PublicKeys,
        reader: SessionReader,
        poll: PollPolicy,
        *,
        now: Callable[[], datetime],
        form_code: FormCode = FA3,
        reuse_margin: timedelta = timedelta(minutes=10),
    ) -> None:
        self._client = client
        self._caller = caller
        self._keys = keys
        self._reader = reader
        self._poll = poll
        self._now = now
        self._form_code = form_code
        self._margin = reuse_margin
        self._session: OnlineSession | None = None
        self._lock = threading.Lock()
        self.sessions_opened = 0

    # -- sessions ---------------------------------------------------------------

    def current(self) -> OnlineSession:
        """The open session while it is valid (with margin), else a new one."""
        with self._lock:
            session = self._usable()
            if session is None:
                session = self._session = self._open()
            return session

    def peek(self) -> OnlineSession | None:
        """The session the next send goes to, if one is open and usable (no KSeF call)."""
        with self._lock:
            return self._usable()

    def _usable(self) -> OnlineSession | None:
        session = self._session
        if (
            session is None
            or session.valid_until - self._margin <= self._now()
            or session.sent >= _MAX_INVOICES
        ):
            return None
        return session

    def _open(self) -> OnlineSession:
        def attempt(token: str) -> tuple[str, str | None, EncryptionData]:
            cert = self._keys.get(PublicKeyCertificateUsage.SYMMETRICKEYENCRYPTION)
            encryption = build_encryption_data(cert.certificate, public_key_id=cert.public_key_id)
            info = encryption.encryption_info
            if info is None:  # build_encryption_data always fills it; keeps mypy honest
                raise TypeError("no encryption info")
            answer = self._client.sessions.open_online_session(
                OpenOnlineSessionRequest(form_code=self._form_code, encryption=info),
                access_token=token,
            )
            return answer.reference_number, answer.valid_until, encryption

        def retry_if(error: Exception) -> bool:
            if isinstance(error, KsefApiError) and error.ksef_code == 21470:
                self._keys.forget()
                return True
            return is_transient(error)

        # A lost answer leaves an empty session behind; KSeF cancels it (440) later.
        reference, until, encryption = self._caller.call(
            "online session open", attempt, retry_if=retry_if
        )
        valid_until = try_parse_api_datetime(until) or self._now() + timedelta(hours=1)
        self.sessions_opened += 1
        log.info("online session %s opened (valid until %s)", reference, valid_until)
        return OnlineSession(reference, valid_until, encryption)

    def discard(self, session: OnlineSession) -> None:
        """Forget ``session`` (expired or closed by KSeF) so the next send opens one."""
        with self._lock:
            if self._session is session:
                self._session = None

    def close(self) -> SessionUpo | None:
        """Close the current session, wait for processing and fetch its UPO."""
        with self._lock:
            session, self._session = self._session, None
        if session is None:
            return None
        return self._reader.close_and_collect(session.reference, batch=False)

    # -- sending ----------------------------------------------------------------

    def send(self, xml: bytes, *, offline_mode: bool = False) -> InvoiceOutcome:
        """Send one invoice and wait for its KSeF number (or KSeF's reason)."""
        return self._reader_outcome(self.submit(xml, offline_mode=offline_mode))

    def send_many(
        self, xmls: Sequence[bytes], *, offline_mode: bool = False
    ) -> list[InvoiceOutcome]:
        """Submit every invoice first, then collect the outcomes (fewer idle waits).

        If this raises half-way, the invoices already submitted are in KSeF; sending
        them again is safe (the 440 duplicate resolves to their original numbers).
        """
        pending = [self.submit(xml, offline_mode=offline_mode) for xml in xmls]
        return [self._reader_outcome(item) for item in pending]

    def submit(self, xml: bytes, *, offline_mode: bool = False) -> PendingInvoice:
        """Hand the invoice to KSeF exactly once, finding out what happened on doubt."""
        invoice_hash = sha256_base64(xml)
        for _ in range(3):
            session = self.current()
            try:
                reference, resent = self._submit_in(session, xml, invoice_hash, offline_mode)
            except KsefApiError as error:
                if not is_session_unusable(error):
                    raise
                log.info(
                    "session %s no longer accepts invoices; opening another", session.reference
                )
                self.discard(session)
                continue
            with self._lock:
                session.sent += 1
            return PendingInvoice(session, reference, invoice_hash, resent)
        raise KsefApiError(
            tr("KSeF kept closing the online sessions opened for this invoice."),
            transient=True,
            code="ksef-session-unavailable",
        )

    def _submit_in(
        self, session: OnlineSession, xml: bytes, invoice_hash: str, offline_mode: bool
    ) -> tuple[str, bool]:
        request = build_send_invoice_request(
            xml,
            session.encryption.key,
            session.encryption.iv,
            offline_mode=offline_mode or None,
        )
        doubt = {"uncertain": False, "resent": False}

        def attempt() -> str:
            if doubt["uncertain"]:
                found = self._reader.find_by_hash(session.reference, invoice_hash)
                if found is not None:
                    log.info("invoice %s found in session after a lost answer", found)
                    return found
                doubt["resent"] = True
            try:
                answer = self._caller.once(
                    "invoice send",
                    lambda token: self._client.sessions.send_online_invoice(
                        session.reference, request, access_token=token
                    ),
                )
            except (KsefApiError, TransportError) as error:
                if is_transient(error) and maybe_delivered(error):
                    doubt["uncertain"] = True
                raise
            return answer.reference_number

        reference = self._caller.retry.run(attempt, operation="invoice send")
        return reference, doubt["resent"]

    def _reader_outcome(self, pending: PendingInvoice) -> InvoiceOutcome:
        return self._reader.wait_for_invoice(
            pending.session.reference,
            pending.reference,
            pending.invoice_hash,
            resent=pending.resent,
        )

    def invoice_upo(self, session_reference: str, ksef_number: str) -> bytes:
        """The UPO of one accepted invoice."""
        return self._caller.call(
            "invoice UPO download",
            lambda token: self._client.sessions.get_session_invoice_upo_by_ksef(
                session_reference, ksef_number, access_token=token
            ),
        )
