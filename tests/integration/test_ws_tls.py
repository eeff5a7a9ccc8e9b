"""tls_cert / tls_key in ksef.ini: the service speaks HTTPS and the signed client trusts it."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ksef_desktop.contract.client import WsClient
from ksef_desktop.domain.errors import TransportError
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws import config
from ksef_desktop.ws.server import start_in_thread
from tests.helpers.ws_env import FAST, SELLER, TOKENS, client_for, new_key, register, write_ini


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = directory / "cert.pem"
    key_path = directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


def test_https_with_the_configured_certificate(tmp_path: Path) -> None:
    cert, key_file = _self_signed(tmp_path)
    with start_sim(tokens=TOKENS) as sim:
        ini = write_ini(
            tmp_path,
            sim.base_url,
            {SELLER: "immediate"},
            extra_ws=f"tls_cert = {cert}\ntls_key = {key_file}",
        )
        cfg = config.load(ini)
        with start_in_thread(cfg, tuning=FAST) as ws:
            assert ws.base_url.startswith("https://")
            key, code = new_key(SELLER)
            register(cfg.data_dir, code)
            with WsClient(
                ws.base_url,
                lambda: (code.key_id, key),
                verify=ssl.create_default_context(cafile=str(cert)),
            ) as client:
                assert client.connection_test().ok
            with (
                client_for(ws.base_url, key, code) as untrusting,
                pytest.raises(TransportError) as info,
            ):
                untrusting.health()
    assert info.value.code == "ws-tls"


def test_tls_needs_both_files(tmp_path: Path) -> None:
    cert, _ = _self_signed(tmp_path)
    ini = write_ini(
        tmp_path, "http://127.0.0.1:9", {SELLER: "immediate"}, extra_ws=f"tls_cert = {cert}"
    )
    with pytest.raises(config.ConfigurationError) as info:
        config.load(ini)
    assert info.value.details["key"] == "tls_key"
