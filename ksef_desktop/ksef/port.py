"""``KsefPort``: the one object services use to talk to KSeF (facade over the modules)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import TracebackType

from ksef_client import KsefClient
from ksef_client.services.crypto import sha256_base64
from ksef_client.utils.zip_utils import MAX_BATCH_PART_SIZE_BYTES

from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.ksef.auth import PublicKeys, TokenAuth, utc_now
from ksef_desktop.ksef.batch import BatchResult, BatchSender, PartUploader
from ksef_desktop.ksef.calls import ApiCaller
from ksef_desktop.ksef.environments import KsefEnvironment
from ksef_desktop.ksef.invoices import InvoiceReader, InvoiceSummary
from ksef_desktop.ksef.online import OnlineSender
from ksef_desktop.ksef.outcomes import InvoiceOutcome, SessionUpo
from ksef_desktop.ksef.qr import OfflineCertificate, VerificationLinks
from ksef_desktop.ksef.retry import PollPolicy, RetryPolicy
from ksef_desktop.ksef.sessions import SessionReader

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PortSettings:
    """Everything a port needs for one company (NIP) in one environment."""

    environment: KsefEnvironment
    nip: str
    ksef_token: str = field(repr=False)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    poll: PollPolicy = field(default_factory=PollPolicy)
    timeout_seconds: float = 30.0
    offline_certificate: OfflineCertificate | None = None
    #: Wall clock for token and session expiry (injectable for tests).
    now: Callable[[], datetime] = field(default=utc_now, repr=False)


class KsefPort:
    """KSeF API 2.0 for one company: auth, online and batch sending, reads, QR links.

    Thread-safe for concurrent sends: one token holder and one reusable online
    session are shared; every failure surfaces as a domain error.
    """

    def __init__(self, settings: PortSettings) -> None:
        self.settings = settings
        nip = normalize_nip(settings.nip)
        env = settings.environment
        options = env.client_options(timeout_seconds=settings.timeout_seconds)
        self._client = KsefClient(options)
        keys = PublicKeys(self._client, settings.retry)
        self.auth = TokenAuth(
            self._client,
            keys,
            nip=nip,
            ksef_token=settings.ksef_token,
            retry=settings.retry,
            poll=settings.poll,
            now=settings.now,
        )
        caller = ApiCaller(self.auth, settings.retry)
        self.invoices = InvoiceReader(self._client, caller)
        #: Session reads (status, an invoice by hash, close and collect the UPO) for a
        #: service reconciling sessions it did not open in this process.
        reader = self.sessions = SessionReader(self._client, caller, self.invoices, settings.poll)
        self.online = OnlineSender(
            self._client, caller, keys, reader, settings.poll, now=settings.now
        )
        self._uploader = PartUploader(
            settings.retry,
            allow_http=not env.official,
            timeout=settings.timeout_seconds,
            verify=options.verify_ssl,
        )
        self.batch = BatchSender(self._client, caller, keys, reader, self._uploader)
        self.links = VerificationLinks(env, settings.offline_certificate)

    # -- lifecycle ----------------------------------------------------------------

    def __enter__(self) -> KsefPort:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the HTTP connections (an open online session stays open in KSeF)."""
        self._uploader.close()
        self._client.close()

    def authenticate(self) -> None:
        """Authenticate now (otherwise the first call does); a connection test."""
        self.auth.authenticate()

    # -- sending ------------------------------------------------------------------

    def send_invoice(self, xml: bytes, *, offline_mode: bool = False) -> InvoiceOutcome:
        """Send through the reusable online session and wait for the KSeF number."""
        return self.online.send(xml, offline_mode=offline_mode)

    def send_invoices(
        self, xmls: Sequence[bytes], *, offline_mode: bool = False
    ) -> list[InvoiceOutcome]:
        """Several invoices through the online session; outcomes in input order."""
        return self.online.send_many(xmls, offline_mode=offline_mode)

    def find_invoice(self, session_reference: str, xml: bytes) -> InvoiceOutcome | None:
        """What KSeF did with ``xml`` in a session, e.g. after a crash mid-send.

        ``None`` means KSeF never received it there (sending it is safe); otherwise
        the final outcome, waiting for processing if needed.
        """
        invoice_hash = sha256_base64(xml)
        reference = self.sessions.find_by_hash(session_reference, invoice_hash, retry=True)
        if reference is None:
            return None
        return self.sessions.wait_for_invoice(
            session_reference, reference, invoice_hash, resent=False
        )

    def close_session(self) -> SessionUpo | None:
        """Close the online session (if any) and return its collective UPO."""
        return self.online.close()

    def invoice_upo(self, outcome: InvoiceOutcome) -> bytes:
        """The per-invoice UPO of an accepted invoice."""
        if not outcome.ksef_number or not outcome.session_reference:
            raise ValueError("only an accepted invoice has a UPO")
        return self.online.invoice_upo(outcome.session_reference, outcome.ksef_number)

    def send_batch(
        self,
        xmls: Sequence[bytes],
        *,
        max_part_size: int = MAX_BATCH_PART_SIZE_BYTES,
        parallelism: int = 4,
        offline_mode: bool = False,
    ) -> BatchResult:
        """One batch session for all ``xmls``: outcomes in input order plus the UPO."""
        return self.batch.send(
            xmls, max_part_size=max_part_size, parallelism=parallelism, offline_mode=offline_mode
        )

    # -- reading ------------------------------------------------------------------

    def download_invoice(self, ksef_number: str) -> bytes:
        return self.invoices.download(ksef_number)

    def query_invoices(
        self,
        *,
        date_from: date,
        date_to: date | None = None,
        subject: str = "Subject1",
        date_type: str = "Issue",
    ) -> list[InvoiceSummary]:
        return self.invoices.query(
            date_from=date_from, date_to=date_to, subject=subject, date_type=date_type
        )

    # -- QR links -----------------------------------------------------------------

    def invoice_link(self, seller_nip: str, issue_date: date, xml: bytes) -> str:
        """KOD I verification link for the printout."""
        return self.links.invoice_link(seller_nip, issue_date, xml)

    def certificate_link(self, seller_nip: str, xml: bytes) -> str:
        """KOD II link (offline invoices); needs the configured offline certificate."""
        return self.links.certificate_link(seller_nip, xml)
