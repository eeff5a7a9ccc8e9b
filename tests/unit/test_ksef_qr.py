"""KOD I and KOD II verification links (real hashing and real signatures)."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.x509.oid import NameOID

from ksef_desktop.domain.errors import ConfigurationError, InvalidValueError
from ksef_desktop.ksef import PROD, TEST, KsefEnvironment
from ksef_desktop.ksef.qr import OfflineCertificate, VerificationLinks

XML = (Path(__file__).parent.parent / "fixtures/ministry/FA_3_Przyklad_1.xml").read_bytes()
NIP = "5261040828"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def offline_cert(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> OfflineCertificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "offline test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x01F20A5D352AE590)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return OfflineCertificate(
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        private_key_pem=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
    )


def test_kod_i_link_has_nip_date_and_base64url_sha256_of_the_xml() -> None:
    link = VerificationLinks(TEST).invoice_link(NIP, date(2026, 2, 15), XML)
    expected_hash = b64url(hashlib.sha256(XML).digest())
    assert link == f"https://qr-test.ksef.mf.gov.pl/invoice/{NIP}/15-02-2026/{expected_hash}"
    assert "=" not in link
    assert "+" not in link


def test_kod_i_uses_the_environment_qr_host() -> None:
    assert (
        VerificationLinks(PROD)
        .invoice_link(NIP, date(2026, 1, 2), XML)
        .startswith(f"https://qr.ksef.mf.gov.pl/invoice/{NIP}/02-01-2026/")
    )
    sim = KsefEnvironment.custom("http://127.0.0.1:1", qr_base="http://127.0.0.1:2")
    assert (
        VerificationLinks(sim)
        .invoice_link(NIP, date(2026, 1, 2), XML)
        .startswith("http://127.0.0.1:2/invoice/")
    )


def test_kod_i_changes_with_a_single_byte_of_content() -> None:
    links = VerificationLinks(TEST)
    other = XML.replace(b"FV2026/02/150", b"FV2026/02/151")
    assert links.invoice_link(NIP, date(2026, 2, 15), XML) != links.invoice_link(
        NIP, date(2026, 2, 15), other
    )


def test_kod_i_rejects_a_nip_that_would_break_the_path() -> None:
    with pytest.raises(InvalidValueError):
        VerificationLinks(TEST).invoice_link("", date(2026, 2, 15), XML)


def test_kod_ii_rsa_link_is_pss_signed_over_the_path_without_scheme() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    links = VerificationLinks(TEST, offline_cert(key))
    link = links.certificate_link(NIP, XML)
    hash_url = b64url(hashlib.sha256(XML).digest())
    prefix = (
        f"https://qr-test.ksef.mf.gov.pl/certificate/Nip/{NIP}/{NIP}/01F20A5D352AE590/{hash_url}/"
    )
    assert link.startswith(prefix)
    signed = prefix[len("https://") : -1].encode()
    signature = unb64url(link[len(prefix) :])
    key.public_key().verify(
        signature,
        signed,
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
        hashes.SHA256(),
    )
    with pytest.raises(InvalidSignature):
        key.public_key().verify(
            signature,
            signed + b"x",
            padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
            hashes.SHA256(),
        )


def test_kod_ii_ec_link_carries_a_p1363_signature() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    link = VerificationLinks(TEST, offline_cert(key)).certificate_link(NIP, XML)
    path, _, sig = link.rpartition("/")
    raw = unb64url(sig)
    assert len(raw) == 64
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key.public_key().verify(der, path[len("https://") :].encode(), ec.ECDSA(hashes.SHA256()))


def test_kod_ii_without_offline_certificate_is_a_configuration_error() -> None:
    links = VerificationLinks(TEST)
    assert not links.can_sign
    with pytest.raises(ConfigurationError) as caught:
        links.certificate_link(NIP, XML)
    assert caught.value.code == "ksef-offline-certificate"


def test_offline_certificate_never_shows_its_key() -> None:
    cert = offline_cert(ec.generate_private_key(ec.SECP256R1()))
    assert "PRIVATE KEY" not in repr(cert)
    assert cert.serial == "01F20A5D352AE590"
