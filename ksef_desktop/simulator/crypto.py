"""The simulator's cryptography: its RSA keys and certificates, OAEP, AES-CBC and HS256 tokens."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import MGF1, OAEP
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509.oid import NameOID

TOKEN_USAGE = "KsefTokenEncryption"  # noqa: S105 -- a usage name, not a secret
SYMMETRIC_USAGE = "SymmetricKeyEncryption"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sha256_b64(data: bytes) -> str:
    """Base64 SHA-256, the form KSeF uses for every hash (44 characters)."""
    return b64(hashlib.sha256(data).digest())


@dataclass(frozen=True)
class KeyCertificate:
    """One published key: the private key stays in the simulator, the certificate is public."""

    usage: str
    private_pem: bytes
    certificate_der: bytes

    @functools.cached_property
    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.certificate_der)

    @functools.cached_property
    def private_key(self) -> rsa.RSAPrivateKey:
        # Loading checks the key's consistency, which is slow: do it once per key.
        key = serialization.load_pem_private_key(self.private_pem, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise TypeError("the simulator's keys are RSA")
        return key

    @property
    def public_key_id(self) -> str:
        spki = self.certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return sha256_b64(spki)

    @property
    def certificate_id(self) -> str:
        return sha256_b64(self.certificate_der)

    def describe(self) -> dict[str, Any]:
        """The ``PublicKeyCertificate`` JSON object for this key."""
        cert = self.certificate
        return {
            "certificate": b64(self.certificate_der),
            "certificateId": self.certificate_id,
            "publicKeyId": self.public_key_id,
            "validFrom": iso(cert.not_valid_before_utc),
            "validTo": iso(cert.not_valid_after_utc),
            "usage": [self.usage],
        }


def iso(moment: datetime) -> str:
    """ISO-8601 with offset and 7 fractional digits, like the .NET-based API."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0+00:00"


def generate_key_certificate(usage: str, now: datetime) -> KeyCertificate:
    """A fresh RSA-2048 key with a self-signed certificate valid for two years."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ksef-sim"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"Ministerstwo Finansów ({usage})"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=730))
        .sign(key, hashes.SHA256())
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return KeyCertificate(usage, pem, cert.public_bytes(serialization.Encoding.DER))


def oaep_decrypt(key: rsa.RSAPrivateKey, data: bytes) -> bytes:
    """RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label (raises ValueError)."""
    return key.decrypt(
        data, OAEP(mgf=MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    )


def aes_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """AES-256-CBC with PKCS#7 padding; raises ValueError on a bad length or padding."""
    if len(data) == 0 or len(data) % 16:
        raise ValueError("ciphertext length is not a multiple of the block size")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(data) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def jwt_encode(claims: dict[str, Any], secret: bytes) -> str:
    """An HS256 JWT; the simulator's tokens are JWT-shaped like the real ones."""
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64url(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64url(signature)}"


def jwt_decode(token: str, secret: bytes) -> dict[str, Any] | None:
    """The claims of a token this simulator signed, or None (expiry is the caller's check)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
    expected = hmac.new(secret, signing_input, hashlib.sha256).digest()
    try:
        if not hmac.compare_digest(expected, _b64url_decode(parts[2])):
            return None
        claims = json.loads(_b64url_decode(parts[1]))
    except ValueError:
        return None
    return claims if isinstance(claims, dict) else None
