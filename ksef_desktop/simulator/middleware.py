"""The ASGI layer that applies injected faults before, instead of or after the real handler."""

from __future__ import annotations

import asyncio
import logging
import re

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import ApiError, render
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.faults import FaultRule, endpoint_name

log = logging.getLogger(__name__)
_SESSION_IN_PATH = re.compile(
    r"^/v2/sessions/(?:online/|batch/)?([0-9]{8}-[0-9A-Z]{2}-[0-9A-F-]+)"
)
_STATUS_TEXT = {500: "Wystąpił nieoczekiwany błąd.", 503: "Usługa chwilowo niedostępna."}


async def drop_connection(send: Send) -> None:
    """End the exchange without a usable answer: the client sees the connection close.

    ASGI has no "close the socket" message; a response that starts and never
    completes makes the server abort the connection (it logs that it did).
    """
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
        }
    )


class FaultMiddleware:
    """Looks up the fault rule for each request and acts it out."""

    def __init__(self, app: ASGIApp, sim: Simulator) -> None:
        self.app = app
        self.sim = sim

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        api_path = path[3:] if path.startswith("/v2/") else path
        rule = self.sim.faults.pick(endpoint_name(scope["method"], api_path))
        if rule is None:
            await self.app(scope, receive, send)
            return
        log.info("injecting fault %s on %s %s", rule.kind, scope["method"], path)
        await self._act(rule, scope, receive, send)

    async def _act(self, rule: FaultRule, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        kind = rule.kind
        if kind in ("429", "500", "503"):
            await self._error(int(kind), rule, request, send)
        elif kind == "timeout":
            await asyncio.sleep(rule.hold)
            await drop_connection(send)
        elif kind in ("lost", "lost500"):
            await self.app(scope, receive, _swallow)
            if kind == "lost":
                await drop_connection(send)
            else:
                await self._error(500, rule, request, send)
        elif kind in ("expire_token", "revoke_token", "revoke_ksef_token"):
            self._spoil_token(kind, request.headers.get("authorization"))
            await self.app(scope, receive, send)
        else:  # expire_session
            match = _SESSION_IN_PATH.match(scope["path"])
            if match:
                self.sim.expire_session(match.group(1))
            await self.app(scope, receive, send)

    async def _error(self, status: int, rule: FaultRule, request: Request, send: Send) -> None:
        if status == 429:
            error = ApiError(
                429,
                429,
                "Too Many Requests",
                [f"Przekroczono limit żądań. Spróbuj ponownie za {rule.retry_after} s."],
                headers={"Retry-After": str(rule.retry_after)},
            )
        else:
            error = ApiError(status, status, _STATUS_TEXT[status])
        await render(error, request, self.sim.clock)(request.scope, request.receive, send)

    def _spoil_token(self, kind: str, authorization: str | None) -> None:
        token = (authorization or "")[7:].strip()
        claims = crypto.jwt_decode(token, self.sim.secret) if token else None
        if claims is None:
            return
        if kind == "expire_token":
            self.sim.store.run(
                "UPDATE issued_tokens SET state = 'expired' WHERE jti = ?", (claims["jti"],)
            )
        elif kind == "revoke_ksef_token":
            self.sim.revoke_ksef_token(claims["civ"])
        else:
            self.sim.revoke_authentications(auth_ref=claims["arn"])


async def _swallow(message: Message) -> None:
    """A ``send`` that discards the real answer (the response is "lost")."""
    del message
