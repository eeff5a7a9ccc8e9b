"""Online (interactive) sessions: open, send invoice, close (notes §5)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request, validation_error
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.numbers import reference_number
from ksef_desktop.simulator.processing import Outcome
from ksef_desktop.simulator.routes_auth import b64decode, json_body, sim_of
from ksef_desktop.simulator.sessions import (
    MAX_INVOICES,
    WRITE,
    need,
    record_invoice,
    require_open,
    session_row,
)
from ksef_desktop.simulator.store import dumps

log = logging.getLogger(__name__)
router = APIRouter()

FA3_FORM = {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"}


def check_form_code(body: dict[str, Any]) -> dict[str, Any]:
    form = body.get("formCode")
    if not isinstance(form, dict) or {k: form.get(k) for k in FA3_FORM} != FA3_FORM:
        raise validation_error(
            "Nieobsługiwany kod formularza; symulator przyjmuje FA (3) w wersji 1-0E."
        )
    return form


def session_key(sim: Simulator, body: dict[str, Any]) -> tuple[bytes | None, bytes]:
    """(AES key or None when it cannot be decrypted, IV) from ``encryption``."""
    encryption = body.get("encryption")
    if not isinstance(encryption, dict):
        raise validation_error("Pole 'encryption' jest wymagane.")
    wrapped = b64decode(encryption.get("encryptedSymmetricKey"), "encryptedSymmetricKey")
    iv = b64decode(encryption.get("initializationVector"), "initializationVector")
    if len(iv) != 16:
        raise validation_error(
            "Nieprawidłowa długość wektora inicjującego (IV). "
            f"Oczekiwano 16 bajtów, otrzymano {len(iv)}"
        )
    key = sim.key_for(crypto.SYMMETRIC_USAGE, encryption.get("publicKeyId"))
    try:
        aes_key: bytes | None = crypto.oaep_decrypt(key.private_key, wrapped)
    except ValueError:
        aes_key = None
    if aes_key is not None and len(aes_key) != 32:
        aes_key = None
    return aes_key, iv


def open_session(
    sim: Simulator, request: Request, kind: str, body: dict[str, Any], batch: dict[str, Any] | None
) -> tuple[str, Any]:
    """Create an online or batch session row; returns (reference, validUntil)."""
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, WRITE if kind == "online" else frozenset({"InvoiceWrite", "EnforcementOperations"}))
    form = check_form_code(body)
    aes_key, iv = session_key(sim, body)
    now = sim.clock.now()
    ref = reference_number("SO" if kind == "online" else "SB", now)
    until = now + timedelta(seconds=sim.lifetimes.session)
    token_ref = sim.store.one("SELECT token_ref FROM auth_ops WHERE ref = ?", (ctx.auth_ref,))
    sim.store.run(
        "INSERT INTO sessions(ref, kind, nip, auth_ref, token_ref, sym_key, iv, form_code,"
        " created, updated, valid_until, status_code, batch, offline_mode)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            ref,
            kind,
            ctx.nip,
            ctx.auth_ref,
            token_ref["token_ref"] if token_ref else None,
            aes_key,
            iv,
            dumps(form),
            crypto.iso(now),
            crypto.iso(now),
            crypto.iso(until),
            100 if aes_key is not None else 415,
            dumps(batch) if batch else None,
            int(bool(body.get("offlineMode"))),
        ),
    )
    log.info("%s session %s opened for NIP %s", kind, ref, ctx.nip)
    return ref, until


@router.post("/sessions/online", status_code=201)
async def open_online(request: Request) -> JSONResponse:
    sim = sim_of(request)
    body = await json_body(request)
    ref, until = open_session(sim, request, "online", body, None)
    return JSONResponse({"referenceNumber": ref, "validUntil": crypto.iso(until)}, status_code=201)


def _int_field(body: dict[str, Any], name: str) -> int:
    value = body.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise validation_error(f"Pole '{name}' musi być dodatnią liczbą całkowitą.")
    return value


def _hash_field(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or len(value) != 44:
        raise validation_error(f"Pole '{name}' musi być skrótem SHA-256 w Base64 (44 znaki).")
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise validation_error(f"Pole '{name}' nie jest poprawnym Base64.") from exc
    return value


@router.post("/sessions/online/{reference_number}/invoices", status_code=202)
async def send_invoice(reference_number: str, request: Request) -> JSONResponse:
    sim = sim_of(request)
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, WRITE)
    body = await json_body(request)
    session = session_row(sim, ctx, reference_number, "online")
    invoice_hash = _hash_field(body, "invoiceHash")
    invoice_size = _int_field(body, "invoiceSize")
    encrypted_hash = _hash_field(body, "encryptedInvoiceHash")
    encrypted_size = _int_field(body, "encryptedInvoiceSize")
    content = b64decode(body.get("encryptedInvoiceContent"), "encryptedInvoiceContent")
    require_open(sim, session, "wysyłkę faktur")
    count = sim.store.one(
        "SELECT COUNT(*) AS n FROM invoices WHERE session_ref = ?", (session["ref"],)
    )
    if count is not None and count["n"] >= MAX_INVOICES:
        raise bad_request(
            21155,
            "Przekroczono dozwoloną liczbę faktur w sesji.",
            f"Sesja o numerze referencyjnym {session['ref']} osiągnęła dozwolony limit liczby "
            f"faktur {MAX_INVOICES}.",
        )
    if len(content) != encrypted_size:
        raise bad_request(
            21402,
            "Nieprawidłowy rozmiar pliku.",
            "Długość treści nie zgadza się z rozmiarem pliku.",
        )
    if crypto.b64(hashlib.sha256(content).digest()) != encrypted_hash:
        raise bad_request(
            21403, "Nieprawidłowy skrót pliku.", "Skrót treści nie zgadza się ze skrótem pliku."
        )
    try:
        xml: bytes | None = crypto.aes_decrypt(session["sym_key"], session["iv"], content)
        outcome = None
    except ValueError:
        xml = None
        outcome = Outcome(435, "Błąd odszyfrowania pliku", ["Plik niepoprawnie zaszyfrowany."])
    ref = record_invoice(
        sim,
        session,
        xml,
        outcome=outcome,
        declared_size=invoice_size,
        declared_hash=invoice_hash,
        offline_mode=bool(body.get("offlineMode")),
    )
    log.info("invoice %s received in session %s", ref, session["ref"])
    return JSONResponse({"referenceNumber": ref}, status_code=202)


@router.post("/sessions/online/{reference_number}/close", status_code=204)
def close_online(reference_number: str, request: Request) -> Response:
    sim = sim_of(request)
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, WRITE)
    session = session_row(sim, ctx, reference_number, "online")
    require_open(sim, session, "jej zamknięcie")
    now = crypto.iso(sim.clock.now())
    sim.store.run(
        "UPDATE sessions SET closed_at = ?, updated = ? WHERE ref = ?", (now, now, session["ref"])
    )
    return Response(status_code=204)
