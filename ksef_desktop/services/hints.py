"""What to do next, for each way reaching the web service can fail (shown under the failure)."""

from __future__ import annotations

from ksef_desktop.contract.api import ProblemType
from ksef_desktop.contract.client import WsError
from ksef_desktop.domain.errors import TransportError
from ksef_desktop.support.i18n import tr

HINTS: dict[str, str] = {
    "address": tr("Correct the cairo.KSEF WS ADDRESS above (ask the operator for it)."),
    "no_key": tr("Click GENERATE to create the authorization code, then give it to the operator."),
    "unreachable": tr(
        "Check the WS ADDRESS (host and port) and that ksef-ws is running; a firewall or VPN "
        "may block the port."
    ),
    "timeout": tr(
        "The service or the network is too slow or stuck; check that ksef-ws is running and "
        "try again."
    ),
    "tls": tr(
        "Ask the operator for a certificate this computer trusts, and use the host name the "
        "certificate is issued for. Never turn verification off."
    ),
    "incompatible": tr(
        "Check that the address points at ksef-ws, and update the program or the service so "
        "their versions match."
    ),
    "transport": tr("Check the network connection and the WS ADDRESS, then try again."),
}

_PROBLEM_HINTS: dict[ProblemType, str] = {
    ProblemType.UNSIGNED: HINTS["no_key"],
    ProblemType.UNKNOWN_KEY: tr(
        "Copy the AUTHORIZATION CODE and give it to the web-service operator to register "
        "(ksef-ws keys add CODE); then run the test again."
    ),
    ProblemType.REVOKED_KEY: tr(
        "The operator revoked this code. Generate a new one and have it registered."
    ),
    ProblemType.STALE_SIGNATURE: tr(
        "Set this computer's date, time and time zone right (turn on automatic time)."
    ),
    ProblemType.REPLAYED_NONCE: tr(
        "Run the test again; if it repeats, a proxy between you and the service replays requests."
    ),
    ProblemType.BAD_SIGNATURE: tr(
        "Use the service's own address (no proxy that rewrites requests); if that does not "
        "help, generate a new code and have it registered."
    ),
    ProblemType.MALFORMED_SIGNATURE: tr(
        "A proxy may be altering the request headers; use the service's own address."
    ),
    ProblemType.COMPANY_NOT_CONFIGURED: tr(
        "Ask the operator to add a [company NIP] section for this NIP to ksef.ini, or check "
        "the COMPANY NIP."
    ),
    ProblemType.INTERNAL: tr("The service failed; ask the operator to look at its log."),
    ProblemType.NOT_AVAILABLE: tr("The service is busy or starting; try again in a minute."),
}


def problem_hint(exc: WsError) -> str:
    if exc.problem is not None and exc.problem.code in _PROBLEM_HINTS:
        return _PROBLEM_HINTS[exc.problem.code]
    if exc.status in (404, 405):
        return HINTS["incompatible"]
    if exc.status >= 500:
        return _PROBLEM_HINTS[ProblemType.INTERNAL]
    return HINTS["transport"]


def transport_hint(exc: TransportError) -> str:
    return {
        "ws-unreachable": HINTS["unreachable"],
        "ws-timeout": HINTS["timeout"],
        "ws-tls": HINTS["tls"],
    }.get(exc.code, HINTS["transport"])
