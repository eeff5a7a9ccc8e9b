"""A small KSeF API 2.0 client for the simulator's tests (real crypto, no ksef_client)."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import MGF1, OAEP
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MINISTRY = Path(__file__).resolve().parent.parent / "fixtures" / "ministry"
FA3_FORM = {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"}
SELLER = "5261040828"
TOKEN = "20251010-EC-0123456789-0123456789-AB|nip-5261040828|" + "ab" * 32
OTHER_SELLER = "7740001454"
OTHER_TOKEN = "20251010-EC-0123456789-9876543210-CD|nip-7740001454|" + "cd" * 32


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sha(data: bytes) -> str:
    return b64(hashlib.sha256(data).digest())


def warsaw_today() -> str:
    """Today in Poland, the calendar KSeF compares issue dates with."""
    return datetime.now(ZoneInfo("Europe/Warsaw")).date().isoformat()


def invoice_xml(
    example: str = "FA_3_Przyklad_1.xml",
    *,
    seller: str = SELLER,
    number: str | None = None,
    issue_date: str | None = None,
) -> bytes:
    """A Ministry example with our seller NIP, a unique (or given) P_2 and an issue date."""
    text = (MINISTRY / example).read_text(encoding="utf-8")
    text = re.sub(r"(<Podmiot1>\s*<DaneIdentyfikacyjne>\s*<NIP>)\d{10}", rf"\g<1>{seller}", text)
    text = re.sub(r"<P_2>[^<]*</P_2>", f"<P_2>{number or 'FV/' + os.urandom(6).hex()}</P_2>", text)
    text = re.sub(r"<P_1>[^<]*</P_1>", f"<P_1>{issue_date or warsaw_today()}</P_1>", text)
    return text.encode("utf-8")


def aes_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def oaep(public_key: Any, data: bytes) -> bytes:
    assert isinstance(public_key, rsa.RSAPublicKey)
    return public_key.encrypt(
        data, OAEP(mgf=MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    )


@dataclass
class Session:
    ref: str
    key: bytes
    iv: bytes


class SimClient:
    """Speaks the KSeF protocol to a simulator over real HTTP."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.http = httpx.Client(base_url=base_url + "/v2", timeout=timeout)
        self.base_url = base_url
        self.access = ""
        self.refresh = ""
        self._certs: dict[str, dict[str, Any]] | None = None

    def close(self) -> None:
        self.http.close()

    def certificates(self) -> dict[str, dict[str, Any]]:
        if self._certs is None:
            response = self.http.get("/security/public-key-certificates")
            response.raise_for_status()
            self._certs = {item["usage"][0]: item for item in response.json()}
        return self._certs

    def public_key(self, usage: str) -> Any:
        der = base64.b64decode(self.certificates()[usage]["certificate"])
        return x509.load_der_x509_certificate(der).public_key()

    def bearer(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.access}"}

    def start_auth(self, nip: str, token: str, *, stamp_shift: int = 0) -> dict[str, Any]:
        challenge = self.http.post("/auth/challenge").json()
        plain = f"{token}|{challenge['timestampMs'] + stamp_shift}".encode()
        body = {
            "challenge": challenge["challenge"],
            "contextIdentifier": {"type": "Nip", "value": nip},
            "encryptedToken": b64(oaep(self.public_key("KsefTokenEncryption"), plain)),
            "publicKeyId": self.certificates()["KsefTokenEncryption"]["publicKeyId"],
        }
        response = self.http.post("/auth/ksef-token", json=body)
        assert response.status_code == 202, response.text
        result: dict[str, Any] = response.json()
        return result

    def auth_status(self, init: dict[str, Any]) -> dict[str, Any]:
        token = init["authenticationToken"]["token"]
        response = self.http.get(f"/auth/{init['referenceNumber']}", headers=self.bearer(token))
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def login(self, nip: str = SELLER, token: str = TOKEN) -> dict[str, Any]:
        init = self.start_auth(nip, token)
        status = self.auth_status(init)
        assert status["status"]["code"] == 200, status
        response = self.http.post(
            "/auth/token/redeem", headers=self.bearer(init["authenticationToken"]["token"])
        )
        assert response.status_code == 200, response.text
        tokens: dict[str, Any] = response.json()
        self.access = tokens["accessToken"]["token"]
        self.refresh = tokens["refreshToken"]["token"]
        return tokens

    def encryption(self, key: bytes, iv: bytes) -> dict[str, Any]:
        return {
            "encryptedSymmetricKey": b64(oaep(self.public_key("SymmetricKeyEncryption"), key)),
            "initializationVector": b64(iv),
            "publicKeyId": self.certificates()["SymmetricKeyEncryption"]["publicKeyId"],
        }

    def open_online(self) -> Session:
        key, iv = os.urandom(32), os.urandom(16)
        response = self.http.post(
            "/sessions/online",
            json={"formCode": FA3_FORM, "encryption": self.encryption(key, iv)},
            headers=self.bearer(),
        )
        assert response.status_code == 201, response.text
        return Session(response.json()["referenceNumber"], key, iv)

    def send_request(self, session: Session, xml: bytes) -> dict[str, Any]:
        encrypted = aes_encrypt(session.key, session.iv, xml)
        return {
            "invoiceHash": sha(xml),
            "invoiceSize": len(xml),
            "encryptedInvoiceHash": sha(encrypted),
            "encryptedInvoiceSize": len(encrypted),
            "encryptedInvoiceContent": b64(encrypted),
        }

    def send(self, session: Session, xml: bytes, **overrides: Any) -> httpx.Response:
        body = self.send_request(session, xml) | overrides
        return self.http.post(
            f"/sessions/online/{session.ref}/invoices", json=body, headers=self.bearer()
        )

    def send_ok(self, session: Session, xml: bytes) -> str:
        response = self.send(session, xml)
        assert response.status_code == 202, response.text
        ref: str = response.json()["referenceNumber"]
        return ref

    def invoice_status(self, session_ref: str, invoice_ref: str) -> dict[str, Any]:
        response = self.http.get(
            f"/sessions/{session_ref}/invoices/{invoice_ref}", headers=self.bearer()
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def close_online(self, session: Session) -> httpx.Response:
        return self.http.post(f"/sessions/online/{session.ref}/close", headers=self.bearer())

    def session_status(self, session_ref: str) -> dict[str, Any]:
        response = self.http.get(f"/sessions/{session_ref}", headers=self.bearer())
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def open_batch(
        self, xmls: Sequence[bytes], parts: int = 3
    ) -> tuple[Session, dict[str, Any], list[bytes]]:
        """Open a batch session for a ZIP of ``xmls`` split into ``parts`` encrypted parts."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, xml in enumerate(xmls, start=1):
                archive.writestr(f"invoice-{index}.xml", xml)
        data = buffer.getvalue()
        key, iv = os.urandom(32), os.urandom(16)
        step = -(-len(data) // parts)
        encrypted = [aes_encrypt(key, iv, data[i : i + step]) for i in range(0, len(data), step)]
        body = {
            "formCode": FA3_FORM,
            "batchFile": {
                "fileSize": len(data),
                "fileHash": sha(data),
                "fileParts": [
                    {"ordinalNumber": n, "fileSize": len(part), "fileHash": sha(part)}
                    for n, part in enumerate(encrypted, start=1)
                ],
            },
            "encryption": self.encryption(key, iv),
        }
        response = self.http.post("/sessions/batch", json=body, headers=self.bearer())
        assert response.status_code == 201, response.text
        opened: dict[str, Any] = response.json()
        return Session(opened["referenceNumber"], key, iv), opened, encrypted


def wait_for(condition: Any, timeout: float = 5.0) -> Any:
    """Poll ``condition`` until it returns something truthy (for processing delays)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)
