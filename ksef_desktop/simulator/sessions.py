"""Session and invoice bookkeeping: recording verdicts, invoice and session statuses."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request, forbidden
from ksef_desktop.simulator.core import AuthContext, Simulator, json_list, parse_iso
from ksef_desktop.simulator.numbers import ksef_number, reference_number
from ksef_desktop.simulator.presign import signed_url
from ksef_desktop.simulator.processing import Outcome, examine
from ksef_desktop.simulator.receipts import session_upo_pages
from ksef_desktop.simulator.store import WARSAW, dumps, loads

MAX_INVOICES = 10_000
WRITE = frozenset({"InvoiceWrite", "PefInvoiceWrite", "EnforcementOperations"})
READ_SESSION = WRITE | {"Introspection"}


def need(ctx: AuthContext, allowed: frozenset[str]) -> None:
    """403 unless the caller holds one of ``allowed``."""
    if not ctx.permissions & allowed:
        raise forbidden(
            "Brak wymaganych uprawnień do wykonania operacji: " + ", ".join(sorted(allowed))
        )


def session_row(sim: Simulator, ctx: AuthContext, ref: str, kind: str | None = None) -> Any:
    row = sim.store.one("SELECT * FROM sessions WHERE ref = ?", (ref,))
    if row is None or row["nip"] != ctx.nip or (kind is not None and row["kind"] != kind):
        raise bad_request(
            21173,
            "Brak sesji o wskazanym numerze referencyjnym.",
            f"Sesja o numerze referencyjnym {ref} nie została znaleziona.",
        )
    return row


# --- recording invoices -------------------------------------------------------


def record_invoice(
    sim: Simulator,
    session: Any,
    xml: bytes | None,
    *,
    outcome: Outcome | None = None,
    declared_size: int | None = None,
    declared_hash: str | None = None,
    file_name: str | None = None,
    received_at: datetime | None = None,
    offline_mode: bool = False,
) -> str:
    """Verify and store one invoice of ``session``; returns its reference number (EE)."""
    now = sim.clock.now()
    received = received_at or now
    if outcome is None:
        if xml is None:
            raise ValueError("an invoice without content needs an outcome")
        outcome = examine(
            xml,
            context_nip=session["nip"],
            declared_size=declared_size,
            declared_hash=declared_hash,
            now=now,
            max_size=sim.max_invoice_size,
            max_size_with_attachment=sim.max_invoice_with_attachment_size,
        )
    ready = now + timedelta(seconds=sim.processing_delay)
    ref = reference_number("EE", now)
    extensions: dict[str, Any] | None = None
    number: str | None = None
    with sim.store.transaction() as conn:
        ordinal = _next_ordinal(conn, session["ref"])
        if outcome.code == 200:
            dup = conn.execute(
                "SELECT ksef_number, session_ref FROM invoices"
                " WHERE dup_key = ? AND status_code = 200",
                (outcome.dup_key,),
            ).fetchone()
            if dup is not None:
                extensions = {
                    "originalSessionReferenceNumber": dup["session_ref"],
                    "originalKsefNumber": dup["ksef_number"],
                }
                outcome = Outcome(
                    440,
                    "Duplikat faktury",
                    [
                        f"Duplikat faktury. Faktura o numerze KSeF: {dup['ksef_number']} została "
                        f"już prawidłowo przesłana do systemu w sesji: {dup['session_ref']}"
                    ],
                    outcome.invoice_number,
                    outcome.seller_nip,
                    None,
                    {},
                )
            else:
                number = ksef_number(str(outcome.seller_nip), ready)
        mode = "Offline" if offline_mode else "Online"
        issue = outcome.meta.get("issueDate")
        if issue and issue < received.astimezone(WARSAW).date().isoformat():
            mode = "Offline"
        conn.execute(
            "INSERT INTO invoices(ref, session_ref, ordinal, ksef_number, invoice_number,"
            " invoice_hash, file_name, received_at, ready_at, status_code, status_desc, details,"
            " extensions, seller_nip, dup_key, invoicing_mode, xml, meta)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ref,
                session["ref"],
                ordinal,
                number,
                outcome.invoice_number,
                declared_hash or (outcome.meta.get("invoiceHash") or ""),
                file_name,
                crypto.iso(received),
                crypto.iso(ready),
                outcome.code,
                outcome.description,
                dumps(outcome.details),
                dumps(extensions) if extensions else None,
                outcome.seller_nip,
                outcome.dup_key if number else None,
                mode,
                xml if number else None,
                dumps(outcome.meta) if number else None,
            ),
        )
        conn.execute(
            "UPDATE sessions SET updated = ? WHERE ref = ?", (crypto.iso(now), session["ref"])
        )
    return ref


def _next_ordinal(conn: sqlite3.Connection, session_ref: str) -> int:
    row = conn.execute(
        "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM invoices WHERE session_ref = ?", (session_ref,)
    ).fetchone()
    return int(row[0])


def is_ready(sim: Simulator, row: Any) -> bool:
    return parse_iso(row["ready_at"]) <= sim.clock.now()


def invoice_status(sim: Simulator, row: Any, base_url: str) -> dict[str, Any]:
    """A ``SessionInvoiceStatusResponse`` for an invoice row."""
    body: dict[str, Any] = {
        "ordinalNumber": row["ordinal"],
        "invoiceNumber": row["invoice_number"],
        "ksefNumber": None,
        "referenceNumber": row["ref"],
        "invoiceHash": row["invoice_hash"],
        "invoiceFileName": row["file_name"],
        "acquisitionDate": None,
        "invoicingDate": row["received_at"],
        "permanentStorageDate": None,
        "upoDownloadUrl": None,
        "upoDownloadUrlExpirationDate": None,
        "invoicingMode": None,
    }
    if not is_ready(sim, row):
        body["status"] = {"code": 150, "description": "Trwa przetwarzanie"}
        return body
    status: dict[str, Any] = {"code": row["status_code"], "description": row["status_desc"]}
    if json_list(row["details"]):
        status["details"] = json_list(row["details"])
    if row["extensions"]:
        status["extensions"] = loads(row["extensions"])
    body["status"] = status
    if row["status_code"] == 200:
        url, until = signed_url(sim, base_url, f"/storage/upo/{row['session_ref']}/{row['ref']}")
        body.update(
            ksefNumber=row["ksef_number"],
            acquisitionDate=row["ready_at"],
            permanentStorageDate=row["ready_at"],
            invoicingMode=row["invoicing_mode"],
            upoDownloadUrl=url,
            upoDownloadUrlExpirationDate=crypto.iso(until),
        )
    return body


# --- session status and UPO ---------------------------------------------------


def closed_at(sim: Simulator, session: Any) -> datetime | None:
    """When the session closed: explicitly, or by reaching validUntil (online)."""
    if session["closed_at"]:
        return parse_iso(session["closed_at"])
    until = parse_iso(session["valid_until"])
    if until <= sim.clock.now():
        return until
    return None


def session_state(  # noqa: PLR0911 -- one return per state of the official table
    sim: Simulator, session: Any
) -> tuple[int, str, list[str]]:
    """The status (code, description, details) a ``GET /sessions/{ref}`` reports now."""
    online = session["kind"] == "online"
    fixed = int(session["status_code"])
    if fixed != 100:
        return fixed, _FIXED.get(fixed, "Nieznany błąd"), []
    closed = closed_at(sim, session)
    if closed is None:
        return 100, "Sesja interaktywna otwarta" if online else "Sesja wsadowa rozpoczęta", []
    if not online and not session["closed_at"]:
        return 440, "Sesja anulowana", ["Przekroczono czas wysyłki"]
    rows = sim.store.all(
        "SELECT status_code, ready_at FROM invoices WHERE session_ref = ?", (session["ref"],)
    )
    if any(not is_ready(sim, r) for r in rows):
        return (
            (170, "Sesja interaktywna zamknięta", [])
            if online
            else (150, "Trwa przetwarzanie", [])
        )
    if not rows:
        return 440, "Sesja anulowana", ["Nie przesłano faktur"]
    if any(r["status_code"] == 200 for r in rows):
        return (
            200,
            (
                "Sesja interaktywna przetworzona pomyślnie"
                if online
                else "Sesja wsadowa przetworzona pomyślnie"
            ),
            [],
        )
    return 445, "Błąd weryfikacji, brak poprawnych faktur", []


_FIXED = {
    405: "Błąd weryfikacji poprawności dostarczonych elementów paczki",
    415: "Błąd odszyfrowania dostarczonego klucza",
    420: "Przekroczony limit faktur w sesji",
    430: "Błąd dekompresji pierwotnego archiwum",
    435: "Błąd odszyfrowania zaszyfrowanych części archiwum",
    440: "Sesja anulowana",
}


def session_status(sim: Simulator, session: Any, base_url: str) -> dict[str, Any]:
    code, description, details = session_state(sim, session)
    rows = sim.store.all(
        "SELECT status_code, ready_at FROM invoices WHERE session_ref = ?", (session["ref"],)
    )
    ready = [r for r in rows if is_ready(sim, r)]
    status: dict[str, Any] = {"code": code, "description": description}
    if details:
        status["details"] = details
    return {
        "status": status,
        "dateCreated": session["created"],
        "dateUpdated": session["updated"],
        "validUntil": session["valid_until"],
        "upo": {"pages": session_upo_pages(sim, session, base_url)} if code == 200 else None,
        "invoiceCount": len(rows),
        "successfulInvoiceCount": sum(1 for r in ready if r["status_code"] == 200),
        "failedInvoiceCount": sum(1 for r in ready if r["status_code"] != 200),
    }


def require_open(sim: Simulator, session: Any, action: str) -> None:
    """21180 unless the session can still take invoices / be closed."""
    code, _, _ = session_state(sim, session)
    if code != 100:
        raise bad_request(
            21180,
            "Status sesji nie pozwala na wykonanie operacji.",
            f"Status sesji ({code}) uniemożliwia {action}.",
        )
