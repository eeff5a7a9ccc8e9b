"""The request-signature profile and authorization codes, as the WS and the desktop use them."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Callable

import httpx
import pytest

from ksef_desktop.contract import authcode, signing
from ksef_desktop.contract.signing import KeyStatus, RegisteredKey, RejectReason
from ksef_desktop.domain.errors import InvalidValueError

URL = "https://ws.example.pl/api/v1/documents"


def test_authorization_code_format_and_key_id() -> None:
    private, code = authcode.generate("526-104-08-28")
    raw = authcode.raw_public_key(private.public_key())
    assert code.text == "KSEFWS1.5261040828." + base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert "=" not in code.text
    assert code.key_id == hashlib.sha256(raw).hexdigest()[:16]
    assert authcode.AuthorizationCode.parse(f"  {code.text}\n") == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("KSEFWS2.5261040828.AAAA", "authcode-format"),
        ("KSEFWS1.5261040828", "authcode-format"),
        ("KSEFWS1.5261040829." + "A" * 43, "nip-checksum"),
        ("KSEFWS1.5261040828." + "A" * 42, "authcode-key"),
        ("KSEFWS1.5261040828." + "A" * 43 + "=", "authcode-key"),
        ("KSEFWS1.5261040828.!!!!", "authcode-key"),
    ],
)
def test_damaged_codes_say_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        authcode.AuthorizationCode.parse(text)
    assert info.value.code == code


class Registry:
    """A minimal registry and nonce store, as the WS keeps them."""

    def __init__(self) -> None:
        self.private, self.code = authcode.generate("5261040828")
        self.key = RegisteredKey(
            self.code.key_id, self.code.verification_key(), KeyStatus.ACTIVE, self.code.nip
        )
        self.nonces: set[tuple[str, str]] = set()

    def lookup(self, key_id: str) -> RegisteredKey | None:
        return self.key if key_id == self.key.key_id else None

    def remember(self, key_id: str, nonce: str, created: int) -> bool:
        if (key_id, nonce) in self.nonces:
            return False
        self.nonces.add((key_id, nonce))
        return True

    def signed(
        self, method: str = "POST", body: bytes = b'{"id":"FV/1"}', **kw: object
    ) -> httpx.Request:
        request = httpx.Request(method, URL, content=body)
        signing.sign_request(request, key_id=self.key.key_id, private_key=self.private, **kw)  # type: ignore[arg-type]
        return request

    def verify(self, request: httpx.Request, body: bytes | None = None,
               url: str | None = None) -> signing.Verified:  # fmt: skip
        return signing.verify_request(
            method=request.method,
            url=url or str(request.url),
            headers=dict(request.headers),
            body=request.content if body is None else body,
            lookup=self.lookup,
            remember_nonce=self.remember,
        )


@pytest.fixture
def registry() -> Registry:
    return Registry()


def test_signed_post_and_get_verify(registry: Registry) -> None:
    post = registry.signed()
    assert post.headers["content-digest"].startswith("sha-256=:")
    assert post.headers["signature-input"].startswith(
        'sig1=("@method" "@target-uri" "content-digest" "content-type");created='
    )
    assert registry.verify(post).key.nip == "5261040828"
    get = registry.signed("GET", b"")
    assert get.headers["signature-input"].startswith('sig1=("@method" "@target-uri");')
    assert registry.verify(get).nonce


def _expect(reason: RejectReason, call: Callable[[], object]) -> None:
    with pytest.raises(signing.SignatureRejectedError) as info:
        call()
    assert info.value.reason is reason
    assert info.value.message


def test_unsigned_request(registry: Registry) -> None:
    request = httpx.Request("POST", URL, content=b"{}")
    _expect(RejectReason.UNSIGNED, lambda: registry.verify(request))


def test_unknown_key(registry: Registry) -> None:
    other = Registry()
    _expect(RejectReason.UNKNOWN_KEY, lambda: registry.verify(other.signed()))


def test_revoked_key(registry: Registry) -> None:
    request = registry.signed()
    registry.key = RegisteredKey(
        registry.key.key_id, registry.key.public_key, KeyStatus.REVOKED, "5261040828"
    )
    _expect(RejectReason.REVOKED_KEY, lambda: registry.verify(request))


def test_body_swapped_after_signing(registry: Registry) -> None:
    request = registry.signed()
    _expect(RejectReason.DIGEST_MISMATCH, lambda: registry.verify(request, body=b'{"id":"FV/2"}'))


def test_digest_recomputed_by_an_attacker_breaks_the_signature(registry: Registry) -> None:
    from http_message_signatures.digests import ContentDigest

    request = registry.signed()
    forged = b'{"id":"FV/2"}'
    request.headers["content-digest"] = ContentDigest.create(forged)
    _expect(RejectReason.BAD_SIGNATURE, lambda: registry.verify(request, body=forged))


def test_other_target_uri(registry: Registry) -> None:
    request = registry.signed()
    _expect(
        RejectReason.BAD_SIGNATURE,
        lambda: registry.verify(request, url="https://ws.example.pl/api/v1/documents/validate"),
    )


@pytest.mark.parametrize("offset", [-301, 301])
def test_stale_created(registry: Registry, offset: int) -> None:
    created = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=offset)
    request = registry.signed(created=created)
    _expect(RejectReason.STALE, lambda: registry.verify(request))


def test_replayed_nonce(registry: Registry) -> None:
    request = registry.signed()
    registry.verify(request)
    _expect(RejectReason.REPLAY, lambda: registry.verify(request))


def test_forged_request_does_not_burn_the_nonce(registry: Registry) -> None:
    request = registry.signed()
    _expect(RejectReason.DIGEST_MISMATCH, lambda: registry.verify(request, body=b"{}"))
    assert registry.verify(request).nonce


def test_missing_digest_with_a_body(registry: Registry) -> None:
    request = registry.signed()
    del request.headers["content-digest"]
    _expect(RejectReason.COVERAGE, lambda: registry.verify(request))


def test_garbage_signature_input(registry: Registry) -> None:
    request = registry.signed()
    request.headers["signature-input"] = "sig1=(((("
    _expect(RejectReason.MALFORMED, lambda: registry.verify(request))
