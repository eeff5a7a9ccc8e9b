"""Request authentication: the body read under a size limit, then the RFC 9421 signature."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from ksef_desktop.contract.api import ProblemType
from ksef_desktop.contract.signing import (
    RegisteredKey,
    SignatureRejectedError,
    verify_request,
)
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws.problems import ProblemError
from ksef_desktop.ws.registry import KeyRegistry


@dataclass(frozen=True)
class Caller:
    """Who signed the request (the key and its company NIP) and the body they signed."""

    key: RegisteredKey
    created: int
    body: bytes

    @property
    def nip(self) -> str:
        return self.key.nip


def _too_large(limit: int) -> ProblemError:
    return ProblemError(
        413,
        ProblemType.BODY_TOO_LARGE,
        tr("The request body is larger than this service accepts ({limit} bytes).").format(
            limit=limit
        ),
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it passes ``limit`` (never buffered beyond it)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
    except ClientDisconnect:
        raise ProblemError(
            400, ProblemType.MALFORMED_BODY, tr("The client went away before sending the body.")
        ) from None
    return b"".join(chunks)


def target_uri(request: Request) -> str:
    """The URL exactly as the client sent it (``raw_path`` keeps %2F and other escapes).

    Starlette's ``request.url`` is rebuilt from the decoded path, which would
    change ``@target-uri`` for ids containing ``/`` or non-ASCII letters.
    """
    raw = request.scope.get("raw_path")
    if not isinstance(raw, bytes):
        return str(request.url)
    query = request.scope.get("query_string", b"")
    url = request.url
    target = f"{url.scheme}://{url.netloc}{raw.decode('latin-1')}"
    return f"{target}?{query.decode('latin-1')}" if query else target


async def signed(request: Request) -> Caller:
    """FastAPI dependency: verify the request's signature or answer 401 naming the reason."""
    service = request.app.state.service
    registry: KeyRegistry = service.registry
    body = await read_body(request, service.config.max_body_bytes)

    def verify() -> Caller:
        verified = verify_request(
            method=request.method,
            url=target_uri(request),
            headers=dict(request.headers.items()),
            body=body,
            lookup=registry.lookup,
            remember_nonce=registry.remember_nonce,
        )
        return Caller(verified.key, verified.created, body)

    try:
        return await run_in_threadpool(verify)
    except SignatureRejectedError as exc:
        raise ProblemError(401, ProblemType(exc.reason.value), exc.message) from exc
