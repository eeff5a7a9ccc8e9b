"""The simulator's state and the Python handle tests use (tokens, clock, faults, invoices)."""

from __future__ import annotations

import json
import logging
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request, unauthorized
from ksef_desktop.simulator.faults import FaultInjector
from ksef_desktop.simulator.numbers import reference_number
from ksef_desktop.simulator.store import Clock, Store, dumps, loads
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

DEFAULT_PERMISSIONS = ("InvoiceWrite", "InvoiceRead")


@dataclass(frozen=True)
class Lifetimes:
    """How long things live, in seconds (the real system's values by default)."""

    challenge: float = 600
    authentication: float = 2700
    access: float = 900
    refresh: float = 7 * 24 * 3600
    session: float = 12 * 3600
    part_upload: float = 20 * 60


@dataclass(frozen=True)
class AuthContext:
    """Who is calling: from a verified access token."""

    nip: str
    permissions: frozenset[str]
    auth_ref: str
    jti: str


class Simulator:
    """Everything the simulated KSeF knows; shared by the HTTP routes and tests."""

    def __init__(
        self,
        *,
        state_dir: Path | None = None,
        tokens: Mapping[str, str] | None = None,
        faults: str | None = None,
        processing_delay: float = 0.0,
        seed: int | None = None,
        lifetimes: Lifetimes | None = None,
        max_invoice_size: int = 1_000_000,
        max_invoice_with_attachment_size: int = 3_000_000,
        rate_limit_scale: int = 1,
    ) -> None:
        self.clock = Clock()
        self.store = Store(state_dir)
        self.faults = FaultInjector(faults, seed)
        self.processing_delay = processing_delay
        #: Request limits a context set through /testdata/rate-limits (group -> values).
        self.rate_limits: dict[str, dict[str, tuple[int, int, int]]] = {}
        #: Everyone else's limits: the production ones times this.
        self.rate_limit_scale = rate_limit_scale
        self.lifetimes = lifetimes or Lifetimes()
        self.max_invoice_size = max_invoice_size
        self.max_invoice_with_attachment_size = max_invoice_with_attachment_size
        self.base_url = ""
        secret = self.store.get_meta("jwt_secret")
        if secret is None:
            secret = secrets.token_hex(32)
            self.store.set_meta("jwt_secret", secret)
        self.secret = bytes.fromhex(secret)
        self.keys = self._load_keys()
        for nip, token in (tokens or {}).items():
            self.register_token(nip, token)

    # --- keys -------------------------------------------------------------

    def _load_keys(self) -> dict[str, crypto.KeyCertificate]:
        keys: dict[str, crypto.KeyCertificate] = {}
        for usage in (crypto.TOKEN_USAGE, crypto.SYMMETRIC_USAGE):
            stored = self.store.get_meta(f"key:{usage}")
            if stored is None:
                key = crypto.generate_key_certificate(usage, self.clock.now())
                self.store.set_meta(
                    f"key:{usage}",
                    dumps({"pem": key.private_pem.decode(), "der": key.certificate_der.hex()}),
                )
            else:
                data = loads(stored)
                key = crypto.KeyCertificate(
                    usage, data["pem"].encode(), bytes.fromhex(data["der"])
                )
            keys[usage] = key
        return keys

    def key_for(self, usage: str, public_key_id: str | None) -> crypto.KeyCertificate:
        """The key of ``usage``; a stated publicKeyId must be that key's (else 21470)."""
        key = self.keys[usage]
        if public_key_id is not None and public_key_id != key.public_key_id:
            raise bad_request(
                21470,
                "Przesłany identyfikator klucza jest nieznany lub wskazuje na wycofany klucz.",
                f"Nieznany identyfikator klucza publicznego: {public_key_id}.",
            )
        return key

    # --- KSeF tokens and JWTs ---------------------------------------------

    def register_token(
        self, nip: str, token: str, permissions: Sequence[str] = DEFAULT_PERMISSIONS
    ) -> str:
        """Register a KSeF token for a company (NIP checksum checked); returns its reference."""
        nip = normalize_nip(nip)
        if not token or len(token) > 160:
            raise InvalidValueError(
                tr("A KSeF token has 1 to 160 characters."), field="token", code="sim-token"
            )
        existing = self.store.one("SELECT reference FROM ksef_tokens WHERE token = ?", (token,))
        reference = (
            str(existing["reference"]) if existing else reference_number("EC", self.clock.now())
        )
        self.store.run(
            "INSERT OR REPLACE INTO ksef_tokens(token, nip, reference, permissions, status)"
            " VALUES (?, ?, ?, ?, 'Active')",
            (token, nip, reference, dumps(list(permissions))),
        )
        return reference

    def issue_jwt(
        self, kind: str, auth_ref: str, nip: str, permissions: Sequence[str], ttl: float
    ) -> tuple[str, datetime]:
        """A signed token of ``kind`` (AuthenticationToken, ContextToken, RefreshToken)."""
        now = self.clock.now()
        until = now + timedelta(seconds=ttl)
        jti = uuid.uuid4().hex
        claims: dict[str, Any] = {
            "typ": kind,
            "arn": auth_ref,
            "cit": "Nip",
            "civ": nip,
            "per": list(permissions),
            "iss": "ksef-sim",
            "aud": "ksef-sim",
            "iat": int(now.timestamp()),
            "exp": int(until.timestamp()),
            "jti": jti,
        }
        self.store.run(
            "INSERT INTO issued_tokens(jti, kind, auth_ref) VALUES (?, ?, ?)",
            (jti, kind, auth_ref),
        )
        return crypto.jwt_encode(claims, self.secret), until

    def verify_jwt(self, authorization: str | None, kind: str) -> dict[str, Any]:
        """The claims of a valid bearer token of ``kind``; 401 otherwise."""
        if not authorization or not authorization.lower().startswith("bearer "):
            raise unauthorized("Brak tokenu dostępowego (nagłówek Authorization: Bearer).")
        claims = crypto.jwt_decode(authorization[7:].strip(), self.secret)
        if claims is None or claims.get("typ") != kind:
            raise unauthorized("Nieprawidłowy token.")
        row = self.store.one("SELECT state FROM issued_tokens WHERE jti = ?", (claims["jti"],))
        if row is not None and row["state"] == "revoked" and kind == "RefreshToken":
            # A refresh token of a revoked authentication is refused like the real API: 400.
            raise bad_request(21301, "Brak autoryzacji.", "Uwierzytelnianie zostało unieważnione.")
        if row is None or row["state"] == "revoked":
            raise unauthorized("Token został unieważniony.")
        if row["state"] == "expired" or claims["exp"] <= self.clock.now().timestamp():
            raise unauthorized("Token wygasł.")
        return claims

    def access(self, authorization: str | None) -> AuthContext:
        claims = self.verify_jwt(authorization, "ContextToken")
        return AuthContext(claims["civ"], frozenset(claims["per"]), claims["arn"], claims["jti"])

    # --- handle for tests and the demo -------------------------------------

    def invoices(self, nip: str | None = None) -> list[dict[str, Any]]:
        """Every invoice received (accepted or not), oldest first."""
        sql = (
            "SELECT i.ref, i.session_ref, i.ksef_number, i.invoice_number, i.status_code,"
            " i.seller_nip, i.invoice_hash"
            " FROM invoices i JOIN sessions s ON s.ref = i.session_ref"
        )
        params: tuple[Any, ...] = ()
        if nip is not None:
            sql += " WHERE s.nip = ?"
            params = (nip,)
        rows = self.store.all(sql + " ORDER BY i.received_at, i.ordinal", params)
        return [dict(row) for row in rows]

    def invoice_count(self, nip: str | None = None, *, accepted_only: bool = True) -> int:
        """How many invoices are stored (by default only those with a KSeF number)."""
        return sum(
            1 for row in self.invoices(nip) if not accepted_only or row["ksef_number"] is not None
        )

    def advance_clock(self, seconds: float) -> None:
        """Move the simulator's clock forward (tokens, sessions, processing delay)."""
        self.clock.advance(seconds)

    def add_faults(self, spec: str) -> None:
        """Add fault rules at runtime (grammar in :mod:`ksef_desktop.simulator.faults`)."""
        self.faults.add(spec)

    def clear_faults(self) -> None:
        self.faults.clear()

    def expire_access_tokens(self) -> int:
        """Every access token issued so far now answers 401 (clients must refresh)."""
        return self.store.run(
            "UPDATE issued_tokens SET state = 'expired' WHERE kind = 'ContextToken'"
        )

    def revoke_authentications(
        self, nip: str | None = None, *, auth_ref: str | None = None
    ) -> int:
        """Revoke authentications (all, a company's, or one): their tokens stop working."""
        if auth_ref is not None:
            refs = [auth_ref]
        else:
            rows = (
                self.store.all("SELECT ref FROM auth_ops WHERE nip = ?", (nip,))
                if nip
                else self.store.all("SELECT ref FROM auth_ops")
            )
            refs = [row["ref"] for row in rows]
        with self.store.transaction() as conn:
            for ref in refs:
                conn.execute("UPDATE auth_ops SET revoked = 1 WHERE ref = ?", (ref,))
                conn.execute(
                    "UPDATE issued_tokens SET state = 'revoked' WHERE auth_ref = ?", (ref,)
                )
        return len(refs)

    def revoke_ksef_token(self, nip: str) -> None:
        """The company's KSeF tokens stop working: new authentications end with 450."""
        self.store.run("UPDATE ksef_tokens SET status = 'Revoked' WHERE nip = ?", (nip,))
        self.revoke_authentications(nip)

    def expire_session(self, session_ref: str) -> None:
        """The session reaches its validUntil now (it then closes and is processed)."""
        past = crypto.iso(self.clock.now() - timedelta(seconds=1))
        self.store.run("UPDATE sessions SET valid_until = ? WHERE ref = ?", (past, session_ref))

    def close(self) -> None:
        self.store.close()


def parse_iso(text: str) -> datetime:
    """Read back a timestamp written by :func:`crypto.iso` (7 fractional digits)."""
    head, _, rest = text.partition(".")
    return datetime.fromisoformat(f"{head}.{rest[:6]}{rest[7:]}")


def json_list(text: str | None) -> list[Any]:
    value = json.loads(text) if text else []
    return value if isinstance(value, list) else []
