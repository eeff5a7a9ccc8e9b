"""Authorization codes: ``KSEFWS1.<NIP>.<base64url Ed25519 public key>`` and their key ids."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.support.i18n import tr

PREFIX = "KSEFWS1"
_RAW_KEY_BYTES = 32


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    if "=" in text or not text.isascii():
        raise ValueError("padding or non-ASCII")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id_of(raw_public_key: bytes) -> str:
    """The first 16 hex digits of SHA-256 over the raw 32-byte public key."""
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def raw_public_key(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class AuthorizationCode:
    """What the admin copies from KSEF > PARAMETERS and the WS operator registers."""

    nip: str
    public_key: bytes

    @property
    def text(self) -> str:
        return f"{PREFIX}.{self.nip}.{b64url(self.public_key)}"

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_key)

    def verification_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public_key)

    @classmethod
    def for_key(cls, nip: str, private_key: Ed25519PrivateKey) -> AuthorizationCode:
        return cls(normalize_nip(nip), raw_public_key(private_key.public_key()))

    @classmethod
    def parse(cls, text: str) -> AuthorizationCode:
        """Read a code as pasted by a person; every defect gets its own message."""
        parts = "".join(text.split()).split(".")
        if len(parts) != 3 or parts[0] != PREFIX:
            raise InvalidValueError(
                tr(
                    "An authorization code looks like KSEFWS1.<NIP>.<key>; copy it again "
                    "from KSEF > PARAMETERS."
                ),
                field="authorization_code",
                code="authcode-format",
            )
        nip = normalize_nip(parts[1], field="authorization_code")
        try:
            key = _b64url_decode(parts[2])
        except (ValueError, binascii.Error):
            key = b""
        if len(key) != _RAW_KEY_BYTES:
            raise InvalidValueError(
                tr("The key part of the authorization code is damaged; copy the code again."),
                field="authorization_code",
                code="authcode-key",
            )
        return cls(nip, key)


def generate(nip: str) -> tuple[Ed25519PrivateKey, AuthorizationCode]:
    """A fresh Ed25519 key pair bound to ``nip``, and its authorization code."""
    private_key = Ed25519PrivateKey.generate()
    return private_key, AuthorizationCode.for_key(nip, private_key)
