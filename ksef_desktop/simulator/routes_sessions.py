"""Session reads: status, invoice lists and statuses, per-invoice and session UPO (notes §7)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.receipts import invoice_upo
from ksef_desktop.simulator.routes_auth import sim_of
from ksef_desktop.simulator.sessions import (
    READ_SESSION,
    invoice_status,
    is_ready,
    need,
    session_row,
    session_state,
    session_status,
)

router = APIRouter()


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def xml_response(text: str) -> Response:
    data = text.encode("utf-8")
    return Response(
        data, media_type="application/xml", headers={"x-ms-meta-hash": crypto.sha256_b64(data)}
    )


def _session(request: Request, ref: str) -> tuple[Simulator, Any]:
    sim = sim_of(request)
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, READ_SESSION)
    return sim, session_row(sim, ctx, ref)


@router.get("/sessions/{reference_number}")
def get_session(reference_number: str, request: Request) -> JSONResponse:
    sim, session = _session(request, reference_number)
    return JSONResponse(session_status(sim, session, base_url(request)))


#: What a status entry needs (not the invoice XML or its UPO, which can be large).
_STATUS_COLUMNS = (
    "ref, session_ref, ordinal, ksef_number, invoice_number, invoice_hash, file_name, "
    "received_at, ready_at, status_code, status_desc, details, extensions, invoicing_mode"
)


def _paging(request: Request) -> tuple[int, int]:
    """``pageSize`` and the continuation token (here: the offset of the page's first entry)."""
    try:
        size = int(request.query_params.get("pageSize", "10"))
        offset = int(request.headers.get("x-continuation-token") or "0")
    except ValueError as exc:
        raise bad_request(21418, "Przekazany token kontynuacji ma nieprawidłowy format.") from exc
    if not 10 <= size <= 1000 or offset < 0:
        raise bad_request(
            21405,
            "Błąd walidacji danych wejściowych.",
            "pageSize musi mieścić się w zakresie 10-1000.",
        )
    return size, offset


def _page(
    request: Request, rows: list[Any], sim: Simulator, offset: int, *, more: bool
) -> JSONResponse:
    return JSONResponse(
        {
            "continuationToken": str(offset + len(rows)) if more else None,
            "invoices": [invoice_status(sim, row, base_url(request)) for row in rows],
        }
    )


@router.get("/sessions/{reference_number}/invoices")
def list_invoices(reference_number: str, request: Request) -> JSONResponse:
    sim, session = _session(request, reference_number)
    size, offset = _paging(request)
    rows = sim.store.all(
        f"SELECT {_STATUS_COLUMNS} FROM invoices WHERE session_ref = ? "  # noqa: S608
        "ORDER BY ordinal LIMIT ? OFFSET ?",
        (session["ref"], size + 1, offset),
    )
    return _page(request, rows[:size], sim, offset, more=len(rows) > size)


@router.get("/sessions/{reference_number}/invoices/failed")
def list_failed(reference_number: str, request: Request) -> JSONResponse:
    sim, session = _session(request, reference_number)
    size, offset = _paging(request)
    rows = sim.store.all(
        f"SELECT {_STATUS_COLUMNS} FROM invoices "  # noqa: S608
        "WHERE session_ref = ? AND status_code != 200 ORDER BY ordinal",
        (session["ref"],),
    )
    failed = [r for r in rows if is_ready(sim, r)]
    chunk = failed[offset : offset + size]
    return _page(request, chunk, sim, offset, more=offset + size < len(failed))


def _invoice(sim: Simulator, session: Any, column: str, value: str) -> Any:
    row = sim.store.one(
        f"SELECT * FROM invoices WHERE session_ref = ? AND {column} = ?",  # noqa: S608
        (session["ref"], value),
    )
    if row is None:
        raise bad_request(
            21405,
            "Błąd walidacji danych wejściowych.",
            f"Faktura {value} nie została odnaleziona w sesji {session['ref']}.",
        )
    return row


@router.get("/sessions/{reference_number}/invoices/{invoice_reference}")
def get_invoice_status(
    reference_number: str, invoice_reference: str, request: Request
) -> JSONResponse:
    sim, session = _session(request, reference_number)
    row = _invoice(sim, session, "ref", invoice_reference)
    return JSONResponse(invoice_status(sim, row, base_url(request)))


def _upo_of(sim: Simulator, session: Any, row: Any) -> Response:
    if row["status_code"] != 200 or not is_ready(sim, row):
        raise bad_request(
            21178, "Nie znaleziono UPO.", f"UPO dla faktury {row['ref']} nie zostało odnalezione."
        )
    return xml_response(invoice_upo(sim, session, row))


@router.get("/sessions/{reference_number}/invoices/{invoice_reference}/upo")
def get_invoice_upo(reference_number: str, invoice_reference: str, request: Request) -> Response:
    sim, session = _session(request, reference_number)
    return _upo_of(sim, session, _invoice(sim, session, "ref", invoice_reference))


@router.get("/sessions/{reference_number}/invoices/ksef/{ksef_number}/upo")
def get_invoice_upo_by_number(
    reference_number: str, ksef_number: str, request: Request
) -> Response:
    sim, session = _session(request, reference_number)
    row = sim.store.one(
        "SELECT * FROM invoices WHERE session_ref = ? AND ksef_number = ?",
        (session["ref"], ksef_number),
    )
    if row is None:
        raise bad_request(
            21178, "Nie znaleziono UPO.", f"UPO dla faktury {ksef_number} nie zostało odnalezione."
        )
    return _upo_of(sim, session, row)


def session_upo_xml(sim: Simulator, session: Any, upo_ref: str) -> Response:
    code, _, _ = session_state(sim, session)
    row = sim.store.one(
        "SELECT xml FROM session_upos WHERE session_ref = ? AND ref = ?", (session["ref"], upo_ref)
    )
    if code != 200 or row is None:
        raise bad_request(
            21178,
            "Nie znaleziono UPO.",
            f"UPO {upo_ref} sesji {session['ref']} nie zostało odnalezione.",
        )
    return xml_response(str(row["xml"]))


@router.get("/sessions/{reference_number}/upo/{upo_reference}")
def get_session_upo(reference_number: str, upo_reference: str, request: Request) -> Response:
    sim, session = _session(request, reference_number)
    return session_upo_xml(sim, session, upo_reference)
