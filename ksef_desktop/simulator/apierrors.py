"""KSeF error bodies: legacy ExceptionResponse JSON and problem+json (notes §12)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from ksef_desktop.simulator.crypto import iso
from ksef_desktop.simulator.store import Clock

PROBLEM = "application/problem+json"


class ApiError(Exception):
    """An error answered synchronously; ``code`` is the KSeF exceptionCode (400s)."""

    def __init__(
        self,
        http_status: int,
        code: int,
        description: str,
        details: list[str] | None = None,
        *,
        reason_code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(description)
        self.http_status = http_status
        self.code = code
        self.description = description
        self.details = details or []
        self.reason_code = reason_code
        self.headers = headers or {}


def bad_request(code: int, description: str, *details: str) -> ApiError:
    return ApiError(400, code, description, list(details))


def validation_error(*details: str) -> ApiError:
    return bad_request(21405, "Błąd walidacji danych wejściowych.", *details)


def unauthorized(detail: str) -> ApiError:
    return ApiError(401, 401, detail)


def forbidden(detail: str, reason_code: str = "missing-permissions") -> ApiError:
    return ApiError(403, 403, detail, reason_code=reason_code)


def _wants_problem(request: Request) -> bool:
    return request.headers.get("x-error-format", "").lower() == "problem-details"


def render(error: ApiError, request: Request, clock: Clock) -> JSONResponse:
    """The body the real API would send for ``error`` on this request."""
    now = iso(clock.now())
    trace = uuid.uuid4().hex
    instance = request.url.path
    body: dict[str, Any]
    if error.http_status == 401:
        body = {
            "title": "Unauthorized",
            "status": 401,
            "detail": error.description,
            "instance": instance,
            "traceId": trace,
            "timestamp": now,
        }
        return JSONResponse(body, 401, media_type=PROBLEM, headers=error.headers)
    if error.http_status == 403:
        body = {
            "title": "Forbidden",
            "status": 403,
            "detail": error.description,
            "instance": instance,
            "reasonCode": error.reason_code or "missing-permissions",
            "security": None,
            "traceId": trace,
            "timestamp": now,
        }
        return JSONResponse(body, 403, media_type=PROBLEM, headers=error.headers)
    if error.http_status == 429:
        detail = error.details[0] if error.details else error.description
        if _wants_problem(request):
            body = {
                "title": "Too Many Requests",
                "status": 429,
                "instance": instance,
                "detail": detail,
                "timestamp": now,
                "traceId": trace,
            }
            return JSONResponse(body, 429, media_type=PROBLEM, headers=error.headers)
        body = {"status": {"code": 429, "description": "Too Many Requests", "details": [detail]}}
        return JSONResponse(body, 429, headers=error.headers)
    if error.http_status == 400 and _wants_problem(request):
        body = {
            "title": "Bad Request",
            "status": 400,
            "instance": instance,
            "detail": error.description,
            "errors": [
                {"code": error.code, "description": error.description, "details": error.details}
            ],
            "timestamp": now,
            "traceId": trace,
        }
        return JSONResponse(body, 400, media_type=PROBLEM, headers=error.headers)
    body = {
        "exception": {
            "exceptionDetailList": [
                {
                    "exceptionCode": error.code,
                    "exceptionDescription": error.description,
                    "details": error.details,
                }
            ],
            "referenceNumber": None,
            "serviceCode": f"00-{trace}-00",
            "serviceCtx": "srvKSEFSIM",
            "serviceName": "ksef-sim",
            "timestamp": now,
        }
    }
    return JSONResponse(body, error.http_status, headers=error.headers)
