"""The ASGI application of ksef-ws: routes under /api/v1, problem+json errors, OpenAPI."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic.json_schema import models_json_schema

import ksef_desktop
from ksef_desktop.contract.api import API_PREFIX, BatchSubmit, FieldError, ProblemType, StatusQuery
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws import api
from ksef_desktop.ws.problems import ProblemError, loc_text, make_problem, problem_response
from ksef_desktop.ws.service import Service

log = logging.getLogger(__name__)

TITLE = "ksef-ws"
DESCRIPTION = (
    "The web service between ERPs and KSeF. Every call except /health is signed "
    "(RFC 9421, ed25519, label sig1; see the project's DESIGN, section 4). Errors are "
    "application/problem+json with a stable `code`."
)


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with the bodies that are read after the signature check."""
    schema = get_openapi(
        title=TITLE, version=ksef_desktop.__version__, description=DESCRIPTION, routes=app.routes
    )
    _, defs = models_json_schema(
        [(ErpDocument, "validation"), (BatchSubmit, "validation"), (StatusQuery, "validation")],
        ref_template="#/components/schemas/{model}",
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, value in defs.get("$defs", {}).items():
        components.setdefault(name, value)
    schema["components"]["schemas"] = dict(sorted(components.items()))
    return schema


def create_app(service: Service | None = None) -> FastAPI:
    """The app serving ``service`` (None only to render the OpenAPI document)."""
    app = FastAPI(title=TITLE, version=ksef_desktop.__version__, docs_url="/docs", redoc_url=None)
    app.state.service = service
    app.include_router(api.router, prefix=API_PREFIX)

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.problem)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(loc=loc_text(e.get("loc", ())[1:]) or "query", message=str(e.get("msg")))
            for e in exc.errors()
        ]
        detail = tr("The request has invalid parameters: {loc}: {message}").format(
            loc=errors[0].loc if errors else "?", message=errors[0].message if errors else ""
        )
        return problem_response(make_problem(422, ProblemType.MALFORMED_BODY, detail, errors))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(
            make_problem(
                500,
                ProblemType.INTERNAL,
                tr("The web service failed unexpectedly; the operator can find it in the log."),
            )
        )

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = openapi_document(app)
        return app.openapi_schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app
