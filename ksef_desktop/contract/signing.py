"""The request-signature profile: RFC 9421 with ed25519, label sig1, RFC 9530 Content-Digest.

Covered components are ``"@method" "@target-uri"`` plus ``"content-digest"
"content-type"`` when there is a body; parameters ``created``, ``keyid`` and
``nonce``. The signature base is built by the ``http-message-signatures``
library on both sides, never by hand.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import http_sf
import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from http_message_signatures import (
    HTTPMessageSigner,
    HTTPMessageVerifier,
    HTTPSignatureKeyResolver,
    InvalidSignature,
    algorithms,
)
from http_message_signatures.digests import ContentDigest

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.support.i18n import tr

LABEL = "sig1"
MAX_SKEW_SECONDS = 300
BASE_COMPONENTS = ("@method", "@target-uri")
BODY_COMPONENTS = ("content-digest", "content-type")


class RejectReason(enum.StrEnum):
    """Why the WS refused a request; the value is the stable ``type`` suffix."""

    UNSIGNED = "unsigned"
    MALFORMED = "malformed-signature"
    UNKNOWN_KEY = "unknown-key"
    REVOKED_KEY = "revoked-key"
    BAD_SIGNATURE = "bad-signature"
    DIGEST_MISMATCH = "digest-mismatch"
    STALE = "stale-signature"
    REPLAY = "replayed-nonce"
    COVERAGE = "components-not-covered"


_MESSAGES = {
    RejectReason.UNSIGNED: tr("The request is not signed."),
    RejectReason.MALFORMED: tr("The request signature cannot be read."),
    RejectReason.UNKNOWN_KEY: tr("The signing key is not registered with this web service."),
    RejectReason.REVOKED_KEY: tr("The signing key was revoked by the web-service operator."),
    RejectReason.BAD_SIGNATURE: tr("The request signature does not match the request."),
    RejectReason.DIGEST_MISMATCH: tr("The request body does not match its Content-Digest."),
    RejectReason.STALE: tr(
        "The request was signed more than 300 seconds away from the server's clock."
    ),
    RejectReason.REPLAY: tr("The request's nonce was used before (a replayed request)."),
    RejectReason.COVERAGE: tr("The signature does not cover the components the profile requires."),
}


class SignatureRejectedError(KsefDesktopError):
    """A request failed verification; ``reason`` says which check failed."""

    code = "signature-rejected"

    def __init__(self, reason: RejectReason, detail: str = "") -> None:
        super().__init__(_MESSAGES[reason], details={"reason": reason.value, "detail": detail})
        self.reason = reason


class KeyStatus(enum.Enum):
    ACTIVE = "active"
    REVOKED = "revoked"


@dataclass(frozen=True)
class RegisteredKey:
    key_id: str
    public_key: Ed25519PublicKey
    status: KeyStatus
    nip: str


@dataclass(frozen=True)
class Verified:
    key: RegisteredKey
    nonce: str
    created: int


class _OneKey(HTTPSignatureKeyResolver):
    def __init__(self, key_id: str, private: Ed25519PrivateKey | None = None,
                 public: Ed25519PublicKey | None = None) -> None:  # fmt: skip
        self._key_id, self._private, self._public = key_id, private, public

    def resolve_private_key(self, key_id: str) -> Any:
        return self._private if key_id == self._key_id else None

    def resolve_public_key(self, key_id: str) -> Any:
        return self._public if key_id == self._key_id else None


def sign_request(
    request: httpx.Request,
    *,
    key_id: str,
    private_key: Ed25519PrivateKey,
    created: dt.datetime | None = None,
    nonce: str | None = None,
) -> None:
    """Add Content-Digest (with a body), Signature-Input and Signature to ``request``."""
    body = request.content
    components: tuple[str, ...] = BASE_COMPONENTS
    if body:
        components += BODY_COMPONENTS
        request.headers.setdefault("Content-Type", "application/json")
    signer = HTTPMessageSigner(
        signature_algorithm=algorithms.ED25519, key_resolver=_OneKey(key_id, private=private_key)
    )
    signer.sign(
        request,
        key_id=key_id,
        created=created or dt.datetime.now(dt.UTC),
        nonce=nonce or secrets.token_urlsafe(18),
        label=LABEL,
        include_alg=False,
        covered_component_ids=components,
        body=body or None,  # the library adds the RFC 9530 Content-Digest
    )


def verify_request(
    *,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    lookup: Callable[[str], RegisteredKey | None],
    remember_nonce: Callable[[str, str, int], bool],
    now: dt.datetime | None = None,
) -> Verified:
    """Check a request against the profile or raise :class:`SignatureRejectedError`.

    ``remember_nonce(key_id, nonce, created)`` stores the nonce and returns False
    when it was seen before; it is called last, so a forged request cannot burn
    a legitimate client's nonce.
    """
    lower = {k.lower(): v for k, v in headers.items()}
    if "signature" not in lower or "signature-input" not in lower:
        raise SignatureRejectedError(RejectReason.UNSIGNED)
    message = httpx.Request(method, url, headers=list(headers.items()), content=body)
    params = _signature_params(message)
    key_id = params.get("keyid")
    nonce = params.get("nonce")
    created = params.get("created")
    if not isinstance(key_id, str) or not isinstance(nonce, str) or not isinstance(created, int):
        raise SignatureRejectedError(
            RejectReason.MALFORMED, "keyid, nonce and created are required"
        )
    key = lookup(key_id)
    if key is None:
        raise SignatureRejectedError(RejectReason.UNKNOWN_KEY, key_id)
    if key.status is KeyStatus.REVOKED:
        raise SignatureRejectedError(RejectReason.REVOKED_KEY, key_id)
    current = (now or dt.datetime.now(dt.UTC)).timestamp()
    if abs(current - created) > MAX_SKEW_SECONDS:
        raise SignatureRejectedError(RejectReason.STALE, f"created={created} now={int(current)}")
    required = BASE_COMPONENTS + (BODY_COMPONENTS if body else ())
    if body:
        if "content-digest" not in lower:
            raise SignatureRejectedError(RejectReason.COVERAGE, "content-digest missing")
        try:
            ContentDigest.verify(lower["content-digest"], body)
        except Exception as exc:
            raise SignatureRejectedError(RejectReason.DIGEST_MISMATCH, str(exc)) from exc
    verifier = HTTPMessageVerifier(
        signature_algorithm=algorithms.ED25519,
        key_resolver=_OneKey(key_id, public=key.public_key),
    )
    verifier.max_clock_skew = dt.timedelta(seconds=MAX_SKEW_SECONDS)
    try:
        verifier.verify(message, max_age=None, require_components=required)
    except InvalidSignature as exc:
        text = str(exc)
        reason = RejectReason.COVERAGE if "not covered" in text else RejectReason.BAD_SIGNATURE
        raise SignatureRejectedError(reason, text) from exc
    if not remember_nonce(key_id, nonce, created):
        raise SignatureRejectedError(RejectReason.REPLAY, nonce)
    return Verified(key, nonce, created)


def _signature_params(message: httpx.Request) -> dict[str, Any]:
    """The parameters of the ``sig1`` signature, read without trusting them yet."""
    try:
        parsed = http_sf.parse(message.headers["signature-input"].encode(), tltype="dictionary")
    except Exception as exc:
        raise SignatureRejectedError(RejectReason.MALFORMED, str(exc)) from exc
    member = parsed.get(LABEL) if isinstance(parsed, dict) else None
    if not isinstance(member, tuple) or len(member) != 2 or not isinstance(member[1], dict):
        raise SignatureRejectedError(RejectReason.MALFORMED, f"no {LABEL} signature")
    return dict(member[1])
