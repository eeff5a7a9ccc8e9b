"""The signed HTTP client of the WS API: what the desktop (or any Python ERP) talks through.

Every request is signed per :mod:`ksef_desktop.contract.signing`; every
failure becomes a domain error whose message says what to do next.
"""

from __future__ import annotations

import logging
import ssl
import urllib.parse
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ValidationError

from ksef_desktop.contract.api import (
    API_PREFIX,
    API_VERSION,
    PROBLEM_TYPE_BASE,
    BatchSubmit,
    ConnectionTestResult,
    DocumentPage,
    DocumentState,
    DocumentStatus,
    Health,
    Problem,
    ProblemType,
    StatusQuery,
    ValidateResult,
)
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.contract.signing import sign_request
from ksef_desktop.domain.errors import KsefDesktopError, TransportError
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

#: (key id, private key) or a callable returning it, read at each request so a
#: regenerated key takes effect without rebuilding the client.
KeySource = Callable[[], tuple[str, Ed25519PrivateKey]]


class WsError(KsefDesktopError):
    """The WS answered with a problem; ``problem`` is its RFC 9457 body."""

    code = "ws-error"

    def __init__(self, message: str, *, status: int, problem: Problem | None) -> None:
        super().__init__(
            message,
            code=f"ws-{problem.code.value}" if problem else f"ws-http-{status}",
            details={"status": status, "type": problem.type if problem else None},
        )
        self.status = status
        self.problem = problem

    @property
    def problem_type(self) -> ProblemType | None:
        return self.problem.code if self.problem else None


class IncompatibleWsError(KsefDesktopError):
    code = "ws-incompatible"


_HINTS = {
    ProblemType.UNSIGNED: tr("Generate an authorization code in KSEF > PARAMETERS."),
    ProblemType.UNKNOWN_KEY: tr(
        "Give the authorization code from KSEF > PARAMETERS to the web-service operator "
        "to register (ksef-ws keys add CODE)."
    ),
    ProblemType.REVOKED_KEY: tr(
        "Generate a new authorization code and ask the operator to register it."
    ),
    ProblemType.STALE_SIGNATURE: tr(
        "Set this computer's clock right (automatic time), then try again."
    ),
    ProblemType.REPLAYED_NONCE: tr(
        "Try again; if it repeats, check for a proxy replaying requests."
    ),
    ProblemType.BAD_SIGNATURE: tr(
        "Check that the WS address is the service's own address (no rewriting proxy)."
    ),
    ProblemType.COMPANY_NOT_CONFIGURED: tr(
        "Ask the operator to add a [company NIP] section for this NIP to ksef.ini."
    ),
}


class _Signer(httpx.Auth):
    requires_request_body = True

    def __init__(self, keys: KeySource) -> None:
        self._keys = keys

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        key_id, private_key = self._keys()
        sign_request(request, key_id=key_id, private_key=private_key)
        yield request


class WsClient:
    """One WS address and one signing key; thread-safe for concurrent requests."""

    def __init__(
        self,
        base_url: str,
        keys: KeySource | None,
        *,
        timeout: float = 15.0,
        verify: bool | str | ssl.SSLContext = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url + API_PREFIX,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            verify=verify,
            auth=_Signer(keys) if keys is not None else None,
            transport=transport,
            headers={"Accept": "application/json"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transport -----------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        signed: bool = True,
    ) -> httpx.Response:
        content = None
        headers = {}
        if json_body is not None:
            content = json_body.encode("utf-8") if isinstance(json_body, str) else json_body
            headers["Content-Type"] = "application/json"
        try:
            response = self._http.request(
                method,
                path,
                content=content,
                params=params,
                headers=headers,
                auth=httpx.USE_CLIENT_DEFAULT if signed else None,
            )
        except httpx.ConnectError as exc:
            raise _connect_error(self.base_url, exc) from exc
        except httpx.TimeoutException as exc:
            raise TransportError(
                tr(
                    "The web service at {url} did not answer in time. Check the address and "
                    "that the service is running."
                ).format(url=self.base_url),
                code="ws-timeout",
            ) from exc
        except httpx.HTTPError as exc:
            raise TransportError(
                tr("Talking to the web service at {url} failed: {reason}").format(
                    url=self.base_url, reason=exc
                ),
                code="ws-transport",
            ) from exc
        if response.status_code >= 400:
            raise _problem_error(response)
        return response

    def _get(self, path: str, model: type[M], **kw: Any) -> M:
        return _parse(self._send("GET", path, **kw), model)

    # --- API -----------------------------------------------------------------

    def health(self) -> Health:
        """The service's version; raises if it speaks another API version."""
        health = self._get("/health", Health, signed=False)
        if health.api_version != API_VERSION:
            raise IncompatibleWsError(
                tr(
                    "The web service speaks API version {theirs}; this program needs version "
                    "{ours}. Update the program or the service."
                ).format(theirs=health.api_version, ours=API_VERSION)
            )
        return health

    def connection_test(self) -> ConnectionTestResult:
        return _parse(self._send("POST", "/connection-test", json_body="{}"), ConnectionTestResult)

    def validate(self, document: ErpDocument) -> ValidateResult:
        body = document.model_dump_json()
        return _parse(self._send("POST", "/documents/validate", json_body=body), ValidateResult)

    def submit(self, document: ErpDocument) -> DocumentStatus:
        body = document.model_dump_json()
        return _parse(self._send("POST", "/documents", json_body=body), DocumentStatus)

    def submit_many(self, documents: Sequence[ErpDocument]) -> list[DocumentStatus | Problem]:
        body = BatchSubmit(documents=list(documents)).model_dump_json()
        response = self._send("POST", "/documents/batch", json_body=body)
        items = _json(response)
        if not isinstance(items, list):
            raise _unexpected(response)
        result: list[DocumentStatus | Problem] = []
        for item in items:
            model: type[BaseModel] = (
                Problem if isinstance(item, dict) and "type" in item else DocumentStatus
            )
            result.append(_validated(model, item, response))  # type: ignore[arg-type]
        return result

    def status(self, document_id: str) -> DocumentStatus:
        return self._get(f"/documents/{_quote(document_id)}", DocumentStatus)

    def statuses(self, ids: Sequence[str]) -> list[DocumentStatus]:
        body = StatusQuery(ids=list(ids)).model_dump_json()
        page = _parse(self._send("POST", "/documents/status", json_body=body), DocumentPage)
        return page.items

    def list(
        self,
        *,
        status: DocumentState | None = None,
        since: str | None = None,
        cursor: str | None = None,
        limit: int = 100,
    ) -> DocumentPage:
        params: dict[str, Any] = {"limit": limit}
        if status is not None:
            params["status"] = status.value
        if since is not None:
            params["since"] = since
        if cursor is not None:
            params["cursor"] = cursor
        return self._get("/documents", DocumentPage, params=params)

    def fa3(self, document_id: str) -> bytes:
        return self._send("GET", f"/documents/{_quote(document_id)}/fa3").content

    def upo(self, document_id: str) -> bytes:
        return self._send("GET", f"/documents/{_quote(document_id)}/upo").content


def _quote(document_id: str) -> str:
    """One path segment: ``/``, ``?``, ``#``, spaces and non-ASCII letters all escaped."""
    return urllib.parse.quote(document_id, safe="")


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise _unexpected(response) from exc


def _validated(model: type[M], data: Any, response: httpx.Response) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _unexpected(response) from exc


def _parse(response: httpx.Response, model: type[M]) -> M:
    return _validated(model, _json(response), response)


def _unexpected(response: httpx.Response) -> KsefDesktopError:
    return IncompatibleWsError(
        tr(
            "The answer from {url} is not what a ksef-ws web service sends. Check the address."
        ).format(url=response.request.url.copy_with(path="/", query=None)),
    )


def _connect_error(url: str, exc: httpx.ConnectError) -> TransportError:
    text = str(exc)
    if "CERTIFICATE" in text.upper() or "SSL" in text.upper() or "TLS" in text.upper():
        return TransportError(
            tr(
                "The web service's TLS certificate at {url} is not trusted ({reason}). Ask the "
                "operator for a valid certificate; do not turn verification off."
            ).format(url=url, reason=text),
            code="ws-tls",
        )
    return TransportError(
        tr(
            "No web service answers at {url}. Check the address and port, and that the "
            "service is running."
        ).format(url=url),
        code="ws-unreachable",
    )


def _problem_error(response: httpx.Response) -> WsError:
    problem: Problem | None = None
    try:
        data = response.json()
        if isinstance(data, dict) and str(data.get("type", "")).startswith(PROBLEM_TYPE_BASE):
            problem = Problem.model_validate(data)
    except (ValueError, ValidationError):
        problem = None
    if problem is None:
        return WsError(
            tr("The web service answered HTTP {status}.").format(status=response.status_code),
            status=response.status_code,
            problem=None,
        )
    hint = _HINTS.get(problem.code)
    message = f"{problem.detail} {hint}" if hint else problem.detail
    return WsError(message, status=response.status_code, problem=problem)
