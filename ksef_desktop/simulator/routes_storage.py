"""Pre-signed storage URLs: batch part uploads and UPO downloads, no bearer token (notes §6.3)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from ksef_desktop.simulator.apierrors import ApiError, bad_request
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.presign import check_signed
from ksef_desktop.simulator.receipts import invoice_upo
from ksef_desktop.simulator.routes_auth import sim_of
from ksef_desktop.simulator.routes_batch import UPLOAD_HEADERS
from ksef_desktop.simulator.routes_sessions import session_upo_xml, xml_response
from ksef_desktop.simulator.sessions import is_ready, session_state
from ksef_desktop.simulator.store import loads

router = APIRouter()


def _checked(request: Request) -> Simulator:
    sim = sim_of(request)
    if "authorization" in request.headers:
        raise ApiError(
            403,
            403,
            "Adresy magazynu nie przyjmują nagłówka Authorization.",
            reason_code="insufficient-resource-access",
        )
    params = request.query_params
    check_signed(sim, request.url.path, params.get("se"), params.get("sig"))
    return sim


@router.put("/storage/batch/{session_ref}/{ordinal}", status_code=201)
async def upload_part(session_ref: str, ordinal: int, request: Request) -> Response:
    sim = _checked(request)
    session = sim.store.one("SELECT * FROM sessions WHERE ref = ?", (session_ref,))
    if session is None or session_state(sim, session)[0] != 100:
        raise ApiError(
            403,
            403,
            "Sesja nie przyjmuje już części paczki.",
            reason_code="insufficient-resource-access",
        )
    parts = {int(p["ordinalNumber"]): p for p in loads(session["batch"])["parts"]}
    if ordinal not in parts:
        raise bad_request(
            21405,
            "Błąd walidacji danych wejściowych.",
            f"Część {ordinal} nie została zadeklarowana.",
        )
    for name, value in UPLOAD_HEADERS.items():
        # Azure storage refuses a part without the headers the batch-open answer listed.
        if request.headers.get(name) != value:
            raise ApiError(
                400,
                400,
                f"Brak nagłówka {name}: {value} wymaganego przy wysyłce części.",
                reason_code="missing-required-header",
            )
    data = await request.body()
    sim.store.run(
        "INSERT OR REPLACE INTO batch_parts(session_ref, ordinal, data) VALUES (?, ?, ?)",
        (session_ref, ordinal, data),
    )
    return Response(status_code=201)


@router.get("/storage/upo/{session_ref}/{invoice_ref}")
def download_invoice_upo(session_ref: str, invoice_ref: str, request: Request) -> Response:
    sim = _checked(request)
    session = sim.store.one("SELECT * FROM sessions WHERE ref = ?", (session_ref,))
    row = sim.store.one(
        "SELECT * FROM invoices WHERE session_ref = ? AND ref = ?", (session_ref, invoice_ref)
    )
    if session is None or row is None or row["status_code"] != 200 or not is_ready(sim, row):
        raise bad_request(21178, "Nie znaleziono UPO.")
    return xml_response(invoice_upo(sim, session, row))


@router.get("/storage/session-upo/{session_ref}/{upo_ref}")
def download_session_upo(session_ref: str, upo_ref: str, request: Request) -> Response:
    sim = _checked(request)
    session = sim.store.one("SELECT * FROM sessions WHERE ref = ?", (session_ref,))
    if session is None:
        raise bad_request(21178, "Nie znaleziono UPO.")
    return session_upo_xml(sim, session, upo_ref)
