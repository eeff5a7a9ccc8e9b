"""Request limits: ``GET /rate-limits`` and the test environments' ``/testdata/rate-limits``.

The values are those KSeF publishes for production (DEMO = PRD; notes §8.1),
or a multiple of them (``ksef-sim --rate-limit-scale``); a context may override
them the way the TEST environment allows. The simulator
reports them so clients can pace themselves; it does not enforce them (a 429
can be injected as a fault).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from ksef_desktop.simulator.apierrors import validation_error
from ksef_desktop.simulator.core import AuthContext, Simulator
from ksef_desktop.simulator.routes_auth import json_body, sim_of

router = APIRouter()

_WINDOWS = ("perSecond", "perMinute", "perHour")

#: Production values per group (perSecond, perMinute, perHour); -1: no published limit.
PRODUCTION: dict[str, tuple[int, int, int]] = {
    "onlineSession": (10, 30, 120),
    "onlineSessionClose": (10, 30, 120),
    "batchSession": (10, 20, 60),
    "batchSessionClose": (10, 20, 60),
    "invoiceSend": (10, 30, 180),
    "invoiceStatus": (30, 120, 1200),
    "sessionList": (5, 10, 60),
    "sessionInvoiceList": (10, 20, 200),
    "sessionMisc": (10, 120, 1200),
    "invoiceMetadata": (8, 16, 20),
    "invoiceExport": (8, 16, 20),
    "invoiceExportStatus": (10, 60, 600),
    "invoiceDownload": (8, 16, 64),
    "other": (10, 30, 120),
    "collectiveIdentifier": (-1, -1, -1),
    "anonymous": (-1, -1, -1),
    "global": (-1, -1, -1),
}
#: The groups a ``POST /testdata/rate-limits`` must give (the contract's ApiRateLimitsOverride).
OVERRIDABLE = (
    "onlineSession",
    "batchSession",
    "invoiceSend",
    "invoiceStatus",
    "sessionList",
    "sessionInvoiceList",
    "sessionMisc",
    "invoiceMetadata",
    "invoiceExport",
    "invoiceExportStatus",
    "invoiceDownload",
    "other",
)
#: Groups that follow another one when overridden (closing a session counts as opening).
_FOLLOWS = {"onlineSessionClose": "onlineSession", "batchSessionClose": "batchSession"}


def _caller(request: Request) -> tuple[Simulator, AuthContext]:
    sim = sim_of(request)
    return sim, sim.access(request.headers.get("authorization"))


def effective(sim: Simulator, nip: str) -> dict[str, dict[str, int]]:
    scale = sim.rate_limit_scale
    values = {g: tuple(n * scale if n > 0 else n for n in v) for g, v in PRODUCTION.items()}
    values |= sim.rate_limits.get(nip, {})
    return {group: dict(zip(_WINDOWS, v, strict=True)) for group, v in values.items()}


def _override(body: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    limits = body.get("rateLimits")
    if not isinstance(limits, dict):
        raise validation_error("Pole 'rateLimits' jest wymagane.")
    out: dict[str, tuple[int, int, int]] = {}
    for group in OVERRIDABLE:
        values = limits.get(group)
        if not isinstance(values, dict):
            raise validation_error(f"Pole 'rateLimits.{group}' jest wymagane.")
        numbers = [values.get(w) for w in _WINDOWS]
        counts = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool) and n > 0]
        if len(counts) != len(_WINDOWS):
            raise validation_error(
                f"Pole 'rateLimits.{group}' musi mieć dodatnie perSecond, perMinute i perHour."
            )
        out[group] = (counts[0], counts[1], counts[2])
    for follower, leader in _FOLLOWS.items():
        out[follower] = out[leader]
    return out


@router.get("/rate-limits")
def get_rate_limits(request: Request) -> JSONResponse:
    sim, ctx = _caller(request)
    return JSONResponse(effective(sim, ctx.nip))


@router.post("/testdata/rate-limits")
async def set_rate_limits(request: Request) -> Response:
    sim, ctx = _caller(request)
    sim.rate_limits[ctx.nip] = _override(await json_body(request))
    return Response(status_code=200)


@router.delete("/testdata/rate-limits")
def reset_rate_limits(request: Request) -> Response:
    """Back to the simulator's own limits (production's, or a multiple of them)."""
    sim, ctx = _caller(request)
    sim.rate_limits.pop(ctx.nip, None)
    return Response(status_code=200)


@router.post("/testdata/rate-limits/production")
def production_rate_limits(request: Request) -> Response:
    """Production's limits for this context, whatever the simulator's scale."""
    sim, ctx = _caller(request)
    sim.rate_limits[ctx.nip] = dict(PRODUCTION)
    return Response(status_code=200)
