"""The ASGI application: routes under /v2, pre-signed storage, error bodies, faults."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ksef_desktop.simulator import (
    routes_auth,
    routes_batch,
    routes_invoices,
    routes_limits,
    routes_online,
    routes_sessions,
    routes_storage,
)
from ksef_desktop.simulator.apierrors import ApiError, render
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.middleware import FaultMiddleware

log = logging.getLogger(__name__)


def create_app(sim: Simulator) -> FastAPI:
    """A FastAPI app serving ``sim``; the KSeF API lives under ``/v2``."""
    app = FastAPI(
        title="ksef-sim",
        version="2.6.0",
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.sim = sim
    # Order matters: the specific online/batch routes come before /sessions/{ref}.
    for module in (
        routes_auth,
        routes_online,
        routes_batch,
        routes_sessions,
        routes_invoices,
        routes_limits,
    ):
        app.include_router(module.router, prefix="/v2")
    app.include_router(routes_storage.router)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return render(exc, request, sim.clock)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return render(ApiError(500, 500, "Wystąpił nieoczekiwany błąd."), request, sim.clock)

    app.add_middleware(FaultMiddleware, sim=sim)
    return app
