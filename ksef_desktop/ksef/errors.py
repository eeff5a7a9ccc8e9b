"""Maps ksef-client and transport failures into the domain error hierarchy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import httpx
from ksef_client import KsefHttpError

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.support.i18n import tr

#: HTTP statuses worth another attempt: rate limit, gateway trouble, server errors.
TRANSIENT_HTTP = frozenset({408, 429, 500, 502, 503, 504})
#: Async status codes KSeF itself documents as "cancelled by the system, retry" / unknown.
TRANSIENT_STATUS = frozenset({500, 550})

#: KSeF codes meaning the online/batch session can no longer take this operation.
SESSION_UNUSABLE = frozenset({21173, 21180})
#: KSeF codes of refresh/redeem refusals: tokens spent, revoked or unknown.
TOKEN_REFUSED = frozenset({21301, 21304, 21308})

# Failures where the request certainly never reached the server (safe to resend).
_NOT_DELIVERED = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

_HTTP_CODES: Mapping[int, str] = {
    400: "ksef-rejected",
    401: "ksef-unauthorized",
    403: "ksef-forbidden",
    404: "ksef-not-found",
    410: "ksef-gone",
    429: "ksef-rate-limited",
}


def _first_detail(body: Any) -> tuple[int | None, str | None, list[str]]:
    """KSeF's own code, description and details from any of its error body formats."""
    if not isinstance(body, Mapping):
        return None, None, []
    exception = body.get("exception")
    if isinstance(exception, Mapping):
        items = exception.get("exceptionDetailList") or []
        if items and isinstance(items[0], Mapping):
            item = items[0]
            return (
                _as_int(item.get("exceptionCode")),
                _as_str(item.get("exceptionDescription")),
                _as_list(item.get("details")),
            )
    errors = body.get("errors")
    if isinstance(errors, Sequence) and errors and isinstance(errors[0], Mapping):
        item = errors[0]
        return (
            _as_int(item.get("code")),
            _as_str(item.get("description")),
            _as_list(item.get("details")),
        )
    status = body.get("status")
    if isinstance(status, Mapping):
        return (
            _as_int(status.get("code")),
            _as_str(status.get("description")),
            _as_list(status.get("details")),
        )
    description = _as_str(body.get("detail")) or _as_str(body.get("title"))
    reason = _as_str(body.get("reasonCode"))
    return None, description, [reason] if reason else []


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _as_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return []


def map_http_error(exc: KsefHttpError, *, operation: str) -> KsefApiError | TransportError:
    """One domain error for a failed ksef-client call; ``operation`` names what we tried."""
    if exc.status_code == 0:
        cause = exc.__cause__
        delivered = "no" if isinstance(cause, _NOT_DELIVERED) else "unknown"
        kind = type(cause).__name__ if cause is not None else "network"
        return TransportError(
            tr("No answer from KSeF during {operation} ({kind}).").format(
                operation=operation, kind=kind
            ),
            details={"operation": operation, "error": kind, "delivered": delivered},
        )
    status = exc.status_code
    ksef_code, description, details = _first_detail(exc.response_body)
    transient = status in TRANSIENT_HTTP or status >= 500
    code = _HTTP_CODES.get(status, "ksef-unavailable" if status >= 500 else "ksef-api")
    text = description or exc.message or f"HTTP {status}"
    return KsefApiError(
        tr("KSeF refused {operation}: {text}").format(operation=operation, text=text),
        ksef_code=ksef_code,
        description=description,
        http_status=status,
        transient=transient,
        retry_after=float(exc.retry_after) if exc.retry_after is not None else None,
        code=code,
        details={"operation": operation, "ksef_details": details},
    )


def map_unusable_answer(exc: Exception, *, operation: str) -> KsefApiError:
    """ksef-client could not read KSeF's answer (missing fields, wrong types, no key)."""
    return KsefApiError(
        tr("KSeF sent an answer the program cannot use during {operation}.").format(
            operation=operation
        ),
        code="ksef-bad-response",
        details={"operation": operation, "error": f"{type(exc).__name__}: {exc}"},
    )


def status_error(
    code: int,
    description: str,
    details: Sequence[str] | None,
    *,
    operation: str,
    error_code: str,
) -> KsefApiError:
    """A failed asynchronous outcome (auth, session or invoice ``status.code``)."""
    return KsefApiError(
        tr("KSeF reported {code} for {operation}: {description}").format(
            code=code, operation=operation, description=description
        ),
        ksef_code=code,
        description=description,
        transient=code in TRANSIENT_STATUS,
        code=error_code,
        details={"operation": operation, "ksef_details": list(details or [])},
    )


def maybe_delivered(error: TransportError | KsefApiError) -> bool:
    """False only when the request certainly never reached KSeF (safe to send again)."""
    if isinstance(error, TransportError):
        return error.details.get("delivered") != "no"
    # 429 is refused before any processing; other transient answers (5xx) may have
    # been produced after the server committed the request.
    return error.http_status != 429


def is_unauthorized(error: Exception) -> bool:
    """An expired or invalidated access token (the caller should refresh and retry)."""
    return isinstance(error, KsefApiError) and error.http_status == 401


def is_session_unusable(error: Exception) -> bool:
    """The session is closed, expired or unknown: open a new one."""
    return isinstance(error, KsefApiError) and error.ksef_code in SESSION_UNUSABLE
