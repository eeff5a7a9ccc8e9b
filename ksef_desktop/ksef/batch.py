"""Batch sessions: ZIP, split, encrypt, open, upload parts, close, collect outcomes and UPO."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import httpx
from ksef_client import KsefClient
from ksef_client.http import HttpResponse
from ksef_client.models import (
    CompressionType,
    FormCode,
    OpenBatchSessionRequest,
    PublicKeyCertificateUsage,
)
from ksef_client.services.batch import encrypt_batch_parts
from ksef_client.services.crypto import build_encryption_data, sha256_base64
from ksef_client.services.workflows import BatchUploadHelper
from ksef_client.utils.zip_utils import MAX_BATCH_PART_SIZE_BYTES, build_zip

from ksef_desktop.domain.errors import ConfigurationError, KsefApiError, TransportError
from ksef_desktop.ksef.auth import PublicKeys
from ksef_desktop.ksef.calls import ApiCaller
from ksef_desktop.ksef.errors import TRANSIENT_HTTP
from ksef_desktop.ksef.outcomes import FA3, InvoiceOutcome, SessionUpo
from ksef_desktop.ksef.retry import RetryPolicy, is_transient
from ksef_desktop.ksef.sessions import SessionReader
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)


class _HideQuery(logging.Filter):
    """Drops the query (the signature of a pre-signed URL) from httpx's request log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                arg.copy_with(query=None) if isinstance(arg, httpx.URL) and arg.query else arg
                for arg in record.args
            )
        return True


_HIDE_QUERY = _HideQuery()


@dataclass(frozen=True)
class BatchResult:
    """Every invoice's outcome (in input order) and the session's collective UPO."""

    upo: SessionUpo
    outcomes: tuple[InvoiceOutcome, ...]


class PartUploader:
    """The HTTP client ``BatchUploadHelper`` uploads parts with.

    Parts go to pre-signed URLs with exactly the headers KSeF listed and never an
    Authorization header. ksef-client refuses loopback URLs outright, so a custom
    environment (a local ksef-sim) needs this client; official hosts must use https.
    """

    def __init__(
        self, retry: RetryPolicy, *, allow_http: bool, timeout: float, verify: bool = True
    ) -> None:
        self._retry = retry
        self._allow_http = allow_http
        self._verify = verify
        self._timeout = timeout
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def _http(self) -> httpx.Client:
        # Created on first upload: building a client loads the CA bundle (tens of ms),
        # which a port that only sends online should not pay for.
        with self._lock:
            if self._client is None:
                client = httpx.Client(
                    timeout=self._timeout, follow_redirects=False, verify=self._verify
                )
                for name in list(client.headers):
                    del client.headers[name]
                # httpx logs every request URL at INFO; a part URL's query is its credential.
                httpx_log = logging.getLogger("httpx")
                if _HIDE_QUERY not in httpx_log.filters:
                    httpx_log.addFilter(_HIDE_QUERY)
                self._client = client
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str | None] | None = None,
        data: bytes | None = None,
        expected_status: set[int] | None = None,
        **_: Any,
    ) -> HttpResponse:
        scheme = urlsplit(url).scheme
        if scheme != "https" and not (self._allow_http and scheme == "http"):
            raise ConfigurationError(
                tr("KSeF gave an upload address that is not https."), code="ksef-upload-url"
            )
        sent_headers = {k: v for k, v in (headers or {}).items() if v is not None}
        expected = expected_status or {200, 201}

        def attempt() -> httpx.Response:
            try:
                response = self._http().request(method, url, headers=sent_headers, content=data)
            except httpx.TransportError as exc:
                raise TransportError(
                    tr("Uploading a batch part failed ({kind}).").format(kind=type(exc).__name__),
                    details={"operation": "batch part upload", "delivered": "unknown"},
                ) from exc
            if response.status_code not in expected:
                raise KsefApiError(
                    tr("Storage refused a batch part (HTTP {status}).").format(
                        status=response.status_code
                    ),
                    http_status=response.status_code,
                    transient=response.status_code in TRANSIENT_HTTP,
                    code="ksef-upload",
                )
            return response

        # A PUT of the same bytes to the same URL is idempotent: plain retry is safe.
        response = self._retry.run(attempt, operation="batch part upload")
        return HttpResponse(response.status_code, response.headers, response.content)


class BatchSender:
    """Sends many invoices in one batch session."""

    def __init__(
        self,
        client: KsefClient,
        caller: ApiCaller,
        keys: PublicKeys,
        reader: SessionReader,
        uploader: PartUploader,
        *,
        form_code: FormCode = FA3,
    ) -> None:
        self._client = client
        self._caller = caller
        self._keys = keys
        self._reader = reader
        self._uploader = uploader
        self._form_code = form_code

    def send(
        self,
        xmls: Sequence[bytes],
        *,
        max_part_size: int = MAX_BATCH_PART_SIZE_BYTES,
        parallelism: int = 4,
        offline_mode: bool = False,
    ) -> BatchResult:
        names = [f"invoice-{index:05d}.xml" for index in range(1, len(xmls) + 1)]
        hashes = [sha256_base64(xml) for xml in xmls]
        archive = build_zip(dict(zip(names, xmls, strict=True)))
        reference, requests, parts = self._open(archive, max_part_size, offline_mode)
        log.info(
            "batch session %s opened: %d invoices, %d parts", reference, len(xmls), len(parts)
        )
        BatchUploadHelper(self._uploader).upload_parts(requests, parts, parallelism=parallelism)
        upo = self._reader.close_and_collect(reference, batch=True)
        statuses = self._reader.list_invoices(reference)
        by_name = {item.invoice_file_name: item for item in statuses if item.invoice_file_name}
        by_hash = {item.invoice_hash: item for item in statuses if item.invoice_hash}
        outcomes: list[InvoiceOutcome] = []
        for name, invoice_hash in zip(names, hashes, strict=True):
            status = by_name.get(name) or by_hash.get(invoice_hash)
            if status is None:
                # The session failed as a whole (e.g. decryption): its code is the reason.
                outcomes.append(
                    InvoiceOutcome(
                        invoice_hash=invoice_hash,
                        accepted=False,
                        status_code=upo.status_code,
                        description=upo.description,
                        session_reference=reference,
                        file_name=name,
                    )
                )
                continue
            outcomes.append(
                self._reader.outcome(status, reference, invoice_hash, resent=False, file_name=name)
            )
        return BatchResult(upo=upo, outcomes=tuple(outcomes))

    def _open(
        self, archive: bytes, max_part_size: int, offline_mode: bool
    ) -> tuple[str, list[Any], list[bytes]]:
        prepared: dict[str, Any] = {}

        def attempt(token: str) -> tuple[str, list[Any], list[bytes]]:
            if "parts" not in prepared:
                cert = self._keys.get(PublicKeyCertificateUsage.SYMMETRICKEYENCRYPTION)
                encryption = build_encryption_data(
                    cert.certificate, public_key_id=cert.public_key_id
                )
                parts, info = encrypt_batch_parts(
                    archive, encryption.key, encryption.iv, max_part_size=max_part_size
                )
                prepared.update(
                    parts=parts,
                    info=replace(info, compression_type=CompressionType.ZIP),
                    encryption=encryption.encryption_info,
                )
            answer = self._client.sessions.open_batch_session(
                OpenBatchSessionRequest(
                    form_code=self._form_code,
                    batch_file=prepared["info"],
                    encryption=prepared["encryption"],
                    offline_mode=offline_mode or None,
                ),
                access_token=token,
            )
            return answer.reference_number, answer.part_upload_requests, prepared["parts"]

        def retry_if(error: Exception) -> bool:
            if isinstance(error, KsefApiError) and error.ksef_code == 21470:
                self._keys.forget()
                prepared.clear()
                return True
            return is_transient(error)

        # A lost open answer leaves an unused session behind; KSeF cancels it later.
        return self._caller.call("batch session open", attempt, retry_if=retry_if)
