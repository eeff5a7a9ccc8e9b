"""KSeF-token authentication with automatic access-token refresh and re-authentication."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from ksef_client import KsefClient, KsefHttpError
from ksef_client.models import PublicKeyCertificate, PublicKeyCertificateUsage
from ksef_client.services.auth import build_ksef_token_auth_request, encrypt_ksef_token
from ksef_client.utils.datetime_parsing import try_parse_api_datetime

from ksef_desktop.domain.errors import KsefApiError, KsefDesktopError
from ksef_desktop.ksef.errors import (
    TOKEN_REFUSED,
    map_http_error,
    map_unusable_answer,
    status_error,
)
from ksef_desktop.ksef.retry import PollPolicy, RetryPolicy, is_transient

log = logging.getLogger(__name__)

T = TypeVar("T")
Now = Callable[[], datetime]

# When KSeF sends an unreadable validUntil we assume a short life rather than none.
_FALLBACK_LIFETIME = timedelta(minutes=5)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def mapped(operation: str, fn: Callable[[], T]) -> T:
    """Run one ksef-client call, turning its exceptions into domain errors."""
    try:
        return fn()
    except KsefDesktopError:
        raise  # already ours (e.g. raised by a nested mapped call)
    except KsefHttpError as exc:
        raise map_http_error(exc, operation=operation) from exc
    except (TypeError, KeyError, ValueError) as exc:
        # ksef-client raises these when an answer lacks fields or has wrong types.
        raise map_unusable_answer(exc, operation=operation) from exc


class PublicKeys:
    """The Ministry's encryption certificates, fetched once and re-fetched on demand."""

    def __init__(self, client: KsefClient, retry: RetryPolicy) -> None:
        self._client = client
        self._retry = retry
        self._cache: dict[PublicKeyCertificateUsage, PublicKeyCertificate] = {}
        self._lock = threading.Lock()

    def get(self, usage: PublicKeyCertificateUsage) -> PublicKeyCertificate:
        with self._lock:
            cert = self._cache.get(usage)
            if cert is None:
                cert = self._retry.run(
                    lambda: mapped(
                        "public key download",
                        lambda: self._client.security.get_public_key_certificate(usage),
                    ),
                    operation="public key download",
                )
                self._cache[usage] = cert
            return cert

    def forget(self) -> None:
        """Called after 21470 (unknown or withdrawn key id): KSeF rotated its keys."""
        with self._lock:
            self._cache.clear()


@dataclass
class _Tokens:
    access: str = field(repr=False)
    access_until: datetime
    refresh: str = field(repr=False)
    refresh_until: datetime


class TokenAuth:
    """Holds a valid access token for one NIP context, authenticating with a KSeF token.

    The token is refreshed ``margin`` before it expires; when the refresh is refused
    (refresh token expired, auth session revoked) the port authenticates again.
    """

    def __init__(
        self,
        client: KsefClient,
        keys: PublicKeys,
        *,
        nip: str,
        ksef_token: str,
        retry: RetryPolicy,
        poll: PollPolicy,
        now: Now = utc_now,
        margin: timedelta = timedelta(seconds=60),
    ) -> None:
        self._client = client
        self._keys = keys
        self._nip = nip
        self._ksef_token = ksef_token
        self._retry = retry
        self._poll = poll
        self._now = now
        self._margin = margin
        self._tokens: _Tokens | None = None
        self._lock = threading.RLock()
        self.authentications = 0
        self.refreshes = 0

    def __repr__(self) -> str:  # never show the token
        return f"TokenAuth(nip={self._nip!r}, authenticated={self._tokens is not None})"

    def access_token(self) -> str:
        """A token valid for at least ``margin`` more; refreshes or re-authenticates."""
        with self._lock:
            now = self._now()
            tokens = self._tokens
            if tokens is not None and tokens.access_until - self._margin > now:
                return tokens.access
            if tokens is not None and tokens.refresh_until - self._margin > now:
                try:
                    return self._refresh(tokens)
                except KsefApiError as error:
                    if error.transient:
                        raise
                    log.info("access token refresh refused (%s); authenticating again", error)
            return self.authenticate()

    def invalidate(self, access_token: str) -> None:
        """KSeF said 401 for ``access_token``: the next call refreshes it first."""
        with self._lock:
            if self._tokens is not None and self._tokens.access == access_token:
                self._tokens.access_until = _EPOCH

    def authenticate(self) -> str:
        """Full flow: challenge, encrypted token, wait for status 200, redeem."""
        with self._lock:
            # A lost redeem answer leaves spent tokens behind (21301 on retry), so the
            # whole flow is the unit that is retried, each time with a new challenge.
            self._tokens = self._retry.run(self._authenticate_once, operation="authentication")
            self.authentications += 1
            return self._tokens.access

    def _authenticate_once(self) -> _Tokens:
        auth = self._client.auth
        cert = self._keys.get(PublicKeyCertificateUsage.KSEFTOKENENCRYPTION)
        challenge = mapped("authentication challenge", auth.get_challenge)
        encrypted = encrypt_ksef_token(
            public_certificate=cert.certificate,
            token=self._ksef_token,
            timestamp_ms=challenge.timestamp_ms,
        )
        request = build_ksef_token_auth_request(
            challenge=challenge.challenge,
            context_identifier_type="Nip",
            context_identifier_value=self._nip,
            encrypted_token_base64=encrypted,
            public_key_id=cert.public_key_id,
        )
        try:
            init = mapped("token authentication", lambda: auth.submit_ksef_token_auth(request))
        except KsefApiError as error:
            if error.ksef_code == 21470:
                self._keys.forget()
                raise KsefApiError(
                    error.message, ksef_code=21470, transient=True, code=error.code
                ) from error
            raise
        reference = init.reference_number
        auth_token = init.authentication_token.token
        log.info("authentication %s started for NIP %s", reference, self._nip)

        def check() -> bool | None:
            status = self._retry.run(
                lambda: mapped(
                    "authentication status", lambda: auth.get_auth_status(reference, auth_token)
                ),
                operation="authentication status",
            ).status
            if status.code == 100:
                return None
            if status.code == 200:
                return True
            raise status_error(
                status.code,
                status.description,
                status.details,
                operation="authentication",
                error_code="ksef-auth-failed",
            )

        self._poll.wait_for(check, operation="authentication", reference=reference)
        redeemed = mapped("token redeem", lambda: auth.redeem_token(auth_token))
        log.info("authentication %s complete", reference)
        return _Tokens(
            access=redeemed.access_token.token,
            access_until=self._until(redeemed.access_token.valid_until),
            refresh=redeemed.refresh_token.token,
            refresh_until=self._until(redeemed.refresh_token.valid_until),
        )

    def _refresh(self, tokens: _Tokens) -> str:
        def once() -> tuple[str, str | None]:
            answer = mapped(
                "token refresh", lambda: self._client.auth.refresh_access_token(tokens.refresh)
            )
            return answer.access_token.token, answer.access_token.valid_until

        def worth_retrying(error: Exception) -> bool:
            if isinstance(error, KsefApiError) and error.ksef_code in TOKEN_REFUSED:
                return False
            return is_transient(error)

        token, until = self._retry.run(once, operation="token refresh", retry_if=worth_retrying)
        tokens.access = token
        tokens.access_until = self._until(until)
        self.refreshes += 1
        log.info("access token refreshed for NIP %s", self._nip)
        return token

    def _until(self, text: str | None) -> datetime:
        parsed = try_parse_api_datetime(text)
        if parsed is None:
            return self._now() + _FALLBACK_LIFETIME
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed
