"""The WS side of the protocol port: a KsefPort per company, its session reads, probes."""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from ksef_client import KsefClient
from ksef_client.models import PublicKeyCertificateUsage

from ksef_desktop.ksef import KsefPort, PortSettings
from ksef_desktop.ksef.auth import PublicKeys
from ksef_desktop.ksef.retry import PollPolicy, RetryPolicy
from ksef_desktop.ksef.sessions import SessionReader
from ksef_desktop.ws.config import CompanyConfig

log = logging.getLogger(__name__)

#: Permissions that let a token open an online session and send invoices.
SEND_PERMISSIONS = frozenset({"InvoiceWrite", "PefInvoiceWrite", "EnforcementOperations"})


@dataclass(frozen=True)
class Tuning:
    """Waits of the port; tests shrink them, production keeps the port's defaults."""

    poll_initial: float = 0.5
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    timeout_seconds: float = 30.0


def port_settings(company: CompanyConfig, tuning: Tuning) -> PortSettings:
    return PortSettings(
        environment=company.environment,
        nip=company.nip,
        ksef_token=company.ksef_token,
        retry=tuning.retry,
        poll=PollPolicy(initial=tuning.poll_initial),
        timeout_seconds=tuning.timeout_seconds,
    )


class Link:
    """One port (one reusable online session) of a company.

    ``reader`` is the port's session reader: what a restarted service needs to
    look up an invoice by hash or close a session it no longer holds.
    """

    def __init__(self, company: CompanyConfig, tuning: Tuning) -> None:
        self.port = KsefPort(port_settings(company, tuning))
        self.reader: SessionReader = self.port.sessions

    def close(self) -> None:
        self.port.close()


def probe_reachable(company: CompanyConfig, timeout: float = 10.0) -> None:
    """Fetch KSeF's public certificates once (no token needed); raises a domain error."""
    client = KsefClient(company.environment.client_options(timeout_seconds=timeout))
    try:
        PublicKeys(client, RetryPolicy(max_attempts=1)).get(
            PublicKeyCertificateUsage.KSEFTOKENENCRYPTION
        )
    finally:
        client.close()


def token_permissions(access_token: str) -> frozenset[str] | None:
    """The ``per`` claim of a KSeF access token (a JWT we hold); None when absent.

    Read without verifying the signature: KSeF issued it to us over TLS and we
    only use it to explain a refusal early, never to grant anything.
    """
    try:
        payload = access_token.split(".")[1]
        claims: Any = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return None
    per = claims.get("per") if isinstance(claims, dict) else None
    if isinstance(per, str):
        per = [per]
    if not isinstance(per, list):
        return None
    return frozenset(str(p) for p in per)
