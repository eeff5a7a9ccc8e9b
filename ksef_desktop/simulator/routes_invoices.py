"""Invoice download by KSeF number and the metadata query with offset paging (notes §11)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request, validation_error
from ksef_desktop.simulator.core import parse_iso
from ksef_desktop.simulator.routes_auth import json_body, sim_of
from ksef_desktop.simulator.sessions import is_ready, need
from ksef_desktop.simulator.store import loads

router = APIRouter()
READ = frozenset({"InvoiceRead"})
_WARSAW = ZoneInfo("Europe/Warsaw")
_SUBJECTS = {"Subject1", "Subject2", "Subject3", "SubjectAuthorized"}
_DATE_TYPES = {"Issue", "Invoicing", "PermanentStorage"}


@router.get("/invoices/ksef/{ksef_number}")
def download(ksef_number: str, request: Request) -> Response:
    sim = sim_of(request)
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, READ)
    row = sim.store.one("SELECT * FROM invoices WHERE ksef_number = ?", (ksef_number,))
    visible = row is not None and ctx.nip in (
        row["seller_nip"],
        (loads(row["meta"]) or {}).get("buyer", {}).get("identifier", {}).get("value"),
    )
    if row is None or not visible:
        raise bad_request(
            21164,
            "Faktura o podanym identyfikatorze nie istnieje.",
            f"Faktura o numerze KSeF {ksef_number} nie została znaleziona.",
        )
    if not is_ready(sim, row):
        raise bad_request(
            21165,
            "Faktura o podanym numerze KSeF nie jest jeszcze dostępna.",
            "Faktura została przetworzona, ale nie jest jeszcze dostępna. Spróbuj później.",
        )
    data = bytes(row["xml"])
    return Response(
        data, media_type="application/xml", headers={"x-ms-meta-hash": crypto.sha256_b64(data)}
    )


def _moment(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise validation_error(f"Pole '{field}' musi być datą ISO-8601.")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise validation_error(f"Pole '{field}' musi być datą ISO-8601.") from exc
    # Without an offset the API reads local Warsaw time.
    return moment if moment.tzinfo else moment.replace(tzinfo=_WARSAW)


def _matches(item: dict[str, Any], filters: dict[str, Any], nip: str) -> bool:
    """Whether an invoice's metadata passes the query filters for the caller ``nip``."""
    subject = filters["subjectType"]
    parties = {
        "Subject1": item["seller"]["nip"],
        "Subject2": item["buyer"]["identifier"].get("value"),
    }
    checks = [
        parties.get(subject) == nip,
        not filters.get("ksefNumber") or item["ksefNumber"] == filters["ksefNumber"],
        not filters.get("invoiceNumber") or item["invoiceNumber"] == filters["invoiceNumber"],
        not filters.get("sellerNip") or item["seller"]["nip"] == filters["sellerNip"],
        not filters.get("currencyCodes") or item["currency"] in filters["currencyCodes"],
        not filters.get("invoiceTypes") or item["invoiceType"] in filters["invoiceTypes"],
        not filters.get("invoicingMode") or item["invoicingMode"] == filters["invoicingMode"],
        filters.get("hasAttachment") is None or item["hasAttachment"] == filters["hasAttachment"],
    ]
    return all(checks)


def _date_of(item: dict[str, Any], date_type: str) -> datetime:
    if date_type == "Issue":
        return datetime.fromisoformat(item["issueDate"]).replace(tzinfo=_WARSAW)
    key = "invoicingDate" if date_type == "Invoicing" else "permanentStorageDate"
    return parse_iso(item[key])


@router.post("/invoices/query/metadata")
async def query_metadata(request: Request) -> JSONResponse:
    sim = sim_of(request)
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, READ)
    filters = await json_body(request)
    params = request.query_params
    try:
        offset = int(params.get("pageOffset", "0"))
        size = int(params.get("pageSize", "10"))
    except ValueError as exc:
        raise validation_error("pageOffset i pageSize muszą być liczbami całkowitymi.") from exc
    order = params.get("sortOrder", "Asc")
    if offset < 0 or not 10 <= size <= 250 or order not in ("Asc", "Desc"):
        raise validation_error("pageOffset >= 0, pageSize 10-250, sortOrder Asc|Desc.")
    if filters.get("subjectType") not in _SUBJECTS:
        raise validation_error("Pole 'subjectType' jest wymagane.")
    date_range = filters.get("dateRange")
    if not isinstance(date_range, dict) or date_range.get("dateType") not in _DATE_TYPES:
        raise validation_error("Pole 'dateRange' z 'dateType' i 'from' jest wymagane.")
    start = _moment(date_range.get("from"), "dateRange.from")
    end = _moment(date_range["to"], "dateRange.to") if date_range.get("to") else None
    items = []
    for row in sim.store.all("SELECT * FROM invoices WHERE ksef_number IS NOT NULL"):
        if not is_ready(sim, row):
            continue
        item = dict(loads(row["meta"]))
        item.update(
            ksefNumber=row["ksef_number"],
            invoicingDate=row["received_at"],
            acquisitionDate=row["ready_at"],
            permanentStorageDate=row["ready_at"],
            invoicingMode=row["invoicing_mode"],
            hashOfCorrectedInvoice=None,
        )
        moment = _date_of(item, date_range["dateType"])
        if moment < start or (end is not None and moment > end):
            continue
        if _matches(item, filters, ctx.nip):
            items.append((moment, item))
    items.sort(key=lambda pair: (pair[0], pair[1]["ksefNumber"]), reverse=order == "Desc")
    # pageOffset is a page index (0 = the first page), as the official contract says.
    first = offset * size
    page = [item for _, item in items[first : first + size]]
    return JSONResponse(
        {
            "hasMore": first + size < len(items),
            "isTruncated": False,
            "permanentStorageHwmDate": crypto.iso(sim.clock.now()),
            "invoices": page,
        }
    )
