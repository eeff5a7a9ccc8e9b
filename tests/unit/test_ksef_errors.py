"""Mapping of ksef-client exceptions into the domain error hierarchy."""

from __future__ import annotations

import httpx
import pytest
from ksef_client import KsefHttpError
from ksef_client.exceptions import KsefApiError as ClientApiError
from ksef_client.exceptions import KsefRateLimitError

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef.errors import (
    is_session_unusable,
    is_unauthorized,
    map_http_error,
    maybe_delivered,
    status_error,
)
from ksef_desktop.ksef.retry import is_transient

LEGACY_400 = {
    "exception": {
        "exceptionDetailList": [
            {
                "exceptionCode": 21180,
                "exceptionDescription": "Status sesji nie pozwala na wykonanie operacji.",
                "details": ["Status sesji (415) uniemożliwia wysyłkę faktur."],
            }
        ],
        "referenceNumber": None,
        "serviceCode": "00-abc-00",
    }
}


def _network_error(cause: Exception) -> KsefHttpError:
    try:
        raise KsefHttpError(0, "Network error") from cause
    except KsefHttpError as exc:
        return exc


def test_legacy_400_body_gives_ksef_code_and_description() -> None:
    error = map_http_error(
        ClientApiError(400, "API error", response_body=LEGACY_400), operation="invoice send"
    )
    assert isinstance(error, KsefApiError)
    assert error.ksef_code == 21180
    assert error.description == "Status sesji nie pozwala na wykonanie operacji."
    assert error.http_status == 400
    assert not error.transient
    assert error.details["ksef_details"] == ["Status sesji (415) uniemożliwia wysyłkę faktur."]
    assert is_session_unusable(error)
    assert "invoice send" in error.message


def test_problem_details_400_reads_errors_list() -> None:
    body = {
        "title": "Bad Request",
        "status": 400,
        "detail": "x",
        "errors": [{"code": 21405, "description": "Błąd walidacji", "details": ["pole"]}],
    }
    error = map_http_error(ClientApiError(400, "API error", response_body=body), operation="op")
    assert isinstance(error, KsefApiError)
    assert (error.ksef_code, error.description) == (21405, "Błąd walidacji")


def test_429_is_transient_and_carries_retry_after() -> None:
    body = {"status": {"code": 429, "description": "Too Many Requests", "details": ["wait"]}}
    error = map_http_error(
        KsefRateLimitError(429, "Too Many Requests", response_body=body, retry_after=7),
        operation="op",
    )
    assert isinstance(error, KsefApiError)
    assert error.transient
    assert error.retry_after == 7.0
    assert error.code == "ksef-rate-limited"
    assert not maybe_delivered(error)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient_and_may_have_been_processed(status: int) -> None:
    error = map_http_error(KsefHttpError(status, "oops"), operation="op")
    assert isinstance(error, KsefApiError)
    assert error.transient
    assert error.code == "ksef-unavailable"
    assert maybe_delivered(error)


def test_401_is_recognised_as_expired_token() -> None:
    body = {"title": "Unauthorized", "status": 401, "detail": "Token wygasł"}
    error = map_http_error(ClientApiError(401, "API error", response_body=body), operation="op")
    assert is_unauthorized(error)
    assert not is_transient(error)
    assert isinstance(error, KsefApiError)
    assert error.description == "Token wygasł"


def test_connection_refused_is_a_transport_error_that_was_not_delivered() -> None:
    error = map_http_error(_network_error(httpx.ConnectError("refused")), operation="op")
    assert isinstance(error, TransportError)
    assert error.transient
    assert not maybe_delivered(error)


@pytest.mark.parametrize(
    "cause", [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("dropped")]
)
def test_lost_answer_is_a_transport_error_with_unknown_delivery(cause: Exception) -> None:
    error = map_http_error(_network_error(cause), operation="invoice send")
    assert isinstance(error, TransportError)
    assert maybe_delivered(error)
    assert error.details["error"] == type(cause).__name__


def test_async_status_failures_keep_code_and_description() -> None:
    error = status_error(
        450, "Błąd weryfikacji", ["token revoked"], operation="authentication", error_code="x"
    )
    assert (error.ksef_code, error.description, error.transient) == (
        450,
        "Błąd weryfikacji",
        False,
    )
    assert status_error(550, "retry", None, operation="o", error_code="x").transient
