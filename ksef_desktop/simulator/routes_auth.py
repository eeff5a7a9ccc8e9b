"""Public keys and authentication: challenge, KSeF token, status, redeem, refresh (notes §3-4)."""

from __future__ import annotations

import base64
import binascii
import logging
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request, validation_error
from ksef_desktop.simulator.core import Simulator, json_list
from ksef_desktop.simulator.numbers import reference_number
from ksef_desktop.simulator.store import dumps

log = logging.getLogger(__name__)
router = APIRouter()

_NIP = re.compile(r"\d{10}")
_TOKEN_METHOD = {"category": "Token", "code": "token", "displayName": "Token KSeF"}


def sim_of(request: Request) -> Simulator:
    sim: Simulator = request.app.state.sim
    return sim


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object, or 400 21405."""
    try:
        body = await request.json()
    except ValueError as exc:
        raise validation_error("Treść żądania nie jest poprawnym JSON.") from exc
    if not isinstance(body, dict):
        raise validation_error("Treść żądania musi być obiektem JSON.")
    return body


def b64decode(value: Any, field: str) -> bytes:
    if not isinstance(value, str):
        raise validation_error(f"Pole '{field}' jest wymagane.")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise validation_error(f"Pole '{field}' nie jest poprawnym Base64.") from exc


@router.get("/security/public-key-certificates")
def public_keys(request: Request) -> JSONResponse:
    sim = sim_of(request)
    return JSONResponse([key.describe() for key in sim.keys.values()])


@router.post("/auth/challenge")
def challenge(request: Request) -> JSONResponse:
    sim = sim_of(request)
    now = sim.clock.now()
    ref = reference_number("CR", now)
    millis = int(now.timestamp() * 1000)
    sim.store.run("INSERT INTO challenges(challenge, timestamp_ms) VALUES (?, ?)", (ref, millis))
    client = request.client.host if request.client else "127.0.0.1"
    return JSONResponse(
        {"challenge": ref, "timestamp": crypto.iso(now), "timestampMs": millis, "clientIp": client}
    )


def _token_outcome(
    sim: Simulator, plaintext: bytes, millis: int, nip: str
) -> tuple[int, str, list[str], Any]:
    """(status code, description, details, token row) of a decrypted ``token|timestamp``."""
    text = plaintext.decode("utf-8", errors="replace")
    token, sep, stamp = text.rpartition("|")
    failed = "Uwierzytelnianie zakończone niepowodzeniem"
    if not sep or stamp != str(millis):
        return 450, failed, ["Nieprawidłowy czas tokena."], None
    row = sim.store.one("SELECT * FROM ksef_tokens WHERE token = ?", (token,))
    if row is None:
        return 450, failed, ["Nieprawidłowy token."], None
    if row["status"] != "Active":
        return 450, failed, ["Token unieważniony."], None
    if row["nip"] != nip:
        return (
            415,
            "Uwierzytelnianie zakończone niepowodzeniem z powodu braku przypisanych uprawnień",
            ["Brak uprawnień w kontekście."],
            None,
        )
    return 200, "Uwierzytelnianie zakończone sukcesem", [], row


@router.post("/auth/ksef-token", status_code=202)
async def ksef_token(request: Request) -> JSONResponse:
    sim = sim_of(request)
    body = await json_body(request)
    challenge_ref = body.get("challenge")
    context = body.get("contextIdentifier")
    if (
        not isinstance(context, dict)
        or context.get("type") != "Nip"
        or not isinstance(context.get("value"), str)
        or not _NIP.fullmatch(context["value"])
    ):
        raise validation_error("Pole 'contextIdentifier' musi mieć typ Nip i 10-cyfrową wartość.")
    encrypted = b64decode(body.get("encryptedToken"), "encryptedToken")
    key = sim.key_for(crypto.TOKEN_USAGE, body.get("publicKeyId"))
    row = sim.store.one("SELECT * FROM challenges WHERE challenge = ?", (challenge_ref,))
    now = sim.clock.now()
    if (
        row is None
        or row["used"]
        or now.timestamp() * 1000 - row["timestamp_ms"] > sim.lifetimes.challenge * 1000
    ):
        raise bad_request(
            21111,
            "Nieprawidłowe wyzwanie autoryzacyjne.",
            "Wyzwanie jest nieznane, wygasło lub zostało już użyte.",
        )
    sim.store.run("UPDATE challenges SET used = 1 WHERE challenge = ?", (challenge_ref,))
    try:
        plaintext = crypto.oaep_decrypt(key.private_key, encrypted)
    except ValueError:
        code, desc, details, token_row = (
            450,
            "Uwierzytelnianie zakończone niepowodzeniem",
            ["Nieprawidłowy token."],
            None,
        )
    else:
        code, desc, details, token_row = _token_outcome(
            sim, plaintext, row["timestamp_ms"], context["value"]
        )
    ref = reference_number("AU", now)
    permissions = json_list(token_row["permissions"]) if token_row is not None else []
    sim.store.run(
        "INSERT INTO auth_ops(ref, nip, token_ref, started, status_code, status_desc, details,"
        " permissions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            ref,
            context["value"],
            token_row["reference"] if token_row else None,
            crypto.iso(now),
            code,
            desc,
            dumps(details),
            dumps(permissions),
        ),
    )
    log.info("authentication %s for NIP %s: status %s", ref, context["value"], code)
    token, until = sim.issue_jwt(
        "AuthenticationToken", ref, context["value"], [], sim.lifetimes.authentication
    )
    return JSONResponse(
        {
            "referenceNumber": ref,
            "authenticationToken": {"token": token, "validUntil": crypto.iso(until)},
        },
        status_code=202,
    )


def _auth_op(sim: Simulator, ref: str) -> Any:
    row = sim.store.one("SELECT * FROM auth_ops WHERE ref = ?", (ref,))
    if row is None:
        raise bad_request(
            21304,
            "Brak uwierzytelnienia.",
            f"Operacja uwierzytelniania o numerze referencyjnym {ref} nie została znaleziona.",
        )
    return row


@router.get("/auth/{reference_number}")
def auth_status(reference_number: str, request: Request) -> JSONResponse:
    sim = sim_of(request)
    claims = sim.verify_jwt(request.headers.get("authorization"), "AuthenticationToken")
    if claims["arn"] != reference_number:
        raise bad_request(
            21304, "Brak uwierzytelnienia.", "Token nie dotyczy tej operacji uwierzytelniania."
        )
    row = _auth_op(sim, reference_number)
    status: dict[str, Any] = {"code": row["status_code"], "description": row["status_desc"]}
    if json_list(row["details"]):
        status["details"] = json_list(row["details"])
    return JSONResponse(
        {
            "startDate": row["started"],
            "authenticationMethod": "Token",
            "authenticationMethodInfo": _TOKEN_METHOD,
            "status": status,
            "isTokenRedeemed": bool(row["redeemed"]),
            "lastTokenRefreshDate": row["last_refresh"],
            "refreshTokenValidUntil": row["refresh_valid_until"],
        }
    )


@router.post("/auth/token/redeem")
def redeem(request: Request) -> JSONResponse:
    sim = sim_of(request)
    claims = sim.verify_jwt(request.headers.get("authorization"), "AuthenticationToken")
    row = _auth_op(sim, claims["arn"])
    if row["redeemed"] or row["status_code"] != 200 or row["revoked"]:
        raise bad_request(
            21301,
            "Brak autoryzacji.",
            "Tokeny zostały już pobrane lub status uwierzytelniania nie pozwala na ich pobranie.",
        )
    permissions = json_list(row["permissions"])
    access, access_until = sim.issue_jwt(
        "ContextToken", row["ref"], row["nip"], permissions, sim.lifetimes.access
    )
    refresh, refresh_until = sim.issue_jwt(
        "RefreshToken", row["ref"], row["nip"], permissions, sim.lifetimes.refresh
    )
    sim.store.run(
        "UPDATE auth_ops SET redeemed = 1, refresh_valid_until = ? WHERE ref = ?",
        (crypto.iso(refresh_until), row["ref"]),
    )
    return JSONResponse(
        {
            "accessToken": {"token": access, "validUntil": crypto.iso(access_until)},
            "refreshToken": {"token": refresh, "validUntil": crypto.iso(refresh_until)},
        }
    )


@router.post("/auth/token/refresh")
def refresh(request: Request) -> JSONResponse:
    sim = sim_of(request)
    claims = sim.verify_jwt(request.headers.get("authorization"), "RefreshToken")
    row = _auth_op(sim, claims["arn"])
    token_ok = sim.store.one(
        "SELECT status FROM ksef_tokens WHERE reference = ?", (row["token_ref"],)
    )
    if row["revoked"] or token_ok is None or token_ok["status"] != "Active":
        raise bad_request(21301, "Brak autoryzacji.", "Uwierzytelnianie zostało unieważnione.")
    access, until = sim.issue_jwt(
        "ContextToken", row["ref"], row["nip"], json_list(row["permissions"]), sim.lifetimes.access
    )
    sim.store.run(
        "UPDATE auth_ops SET last_refresh = ? WHERE ref = ?",
        (crypto.iso(sim.clock.now()), row["ref"]),
    )
    return JSONResponse({"accessToken": {"token": access, "validUntil": crypto.iso(until)}})
