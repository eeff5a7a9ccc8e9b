"""Pre-signed storage URLs (batch part upload, UPO download) that work without a bearer token."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta
from urllib.parse import urlencode

from ksef_desktop.simulator.apierrors import ApiError
from ksef_desktop.simulator.core import Simulator

URL_TTL = timedelta(hours=1)


def _signature(sim: Simulator, path: str, expires: int) -> str:
    message = f"{path}|{expires}".encode()
    return hmac.new(sim.secret, message, hashlib.sha256).hexdigest()


def signed_url(
    sim: Simulator, base_url: str, path: str, ttl: timedelta = URL_TTL
) -> tuple[str, datetime]:
    """A URL below ``/storage`` that works without a bearer token until it expires."""
    until = sim.clock.now() + ttl
    expires = int(until.timestamp())
    query = urlencode({"se": expires, "sp": "rw", "sig": _signature(sim, path, expires)})
    return f"{base_url}{path}?{query}", until


def check_signed(sim: Simulator, path: str, expires: str | None, sig: str | None) -> None:
    """403 unless the URL's signature is ours and it has not expired."""
    try:
        stamp = int(expires or "")
    except ValueError:
        stamp = 0
    good = sig is not None and hmac.compare_digest(_signature(sim, path, stamp), sig)
    if not good or stamp < sim.clock.now().timestamp():
        raise ApiError(
            403,
            403,
            "Adres wygasł lub podpis adresu jest nieprawidłowy.",
            reason_code="insufficient-resource-access",
        )
