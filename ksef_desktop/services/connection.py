"""The WS client composition (address + key → client) and KSEF > PARAMETERS' CONNECTION TEST."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

from ksef_desktop.contract.api import CheckId, CheckStatus, ConnectionTestResult, ProblemType
from ksef_desktop.contract.client import IncompatibleWsError, KeySource, WsClient, WsError
from ksef_desktop.domain.errors import KsefDesktopError, TransportError
from ksef_desktop.services.authorization import AuthorizationService
from ksef_desktop.services.cancel import CancelToken, Progress, no_progress
from ksef_desktop.services.hints import HINTS, problem_hint, transport_hint
from ksef_desktop.services.parameters import validate_ws_address
from ksef_desktop.support.i18n import tr

#: Builds a client for one address; tests pass one with a custom transport or timeout.
ClientFactory = Callable[[str, KeySource | None], WsClient]
#: A signed client for the configured WS, built when needed (the address may change).
ClientSource = Callable[[], WsClient]


def default_client_factory(timeout: float = 15.0) -> ClientFactory:
    def build(address: str, keys: KeySource | None) -> WsClient:
        return WsClient(address, keys, timeout=timeout)

    return build


class LocalCheck(enum.StrEnum):
    """Checks run by the desktop itself before and around the server's own checks."""

    ADDRESS = "address"
    AUTH_CODE = "auth_code"
    SERVICE = "service"


TITLES: dict[str, str] = {
    LocalCheck.ADDRESS: tr("WS address"),
    LocalCheck.AUTH_CODE: tr("Authorization code on this computer"),
    LocalCheck.SERVICE: tr("Web service answers"),
    CheckId.KEY: tr("Authorization code registered"),
    CheckId.COMPANY: tr("Company configured in the web service"),
    CheckId.CLOCK: tr("Clock of this computer"),
    CheckId.KSEF_REACHABLE: tr("KSeF reachable"),
    CheckId.KSEF_TOKEN: tr("KSeF token accepted"),
    CheckId.PERMISSION: tr("Permission to send invoices"),
    CheckId.SESSION_MODE: tr("Session mode"),
}


@dataclass(frozen=True)
class CheckLine:
    """One row of the connection-test results."""

    id: str
    title: str
    status: CheckStatus
    message: str
    hint: str | None
    duration_ms: float


@dataclass(frozen=True)
class ConnectionReport:
    ok: bool
    summary: str
    checks: tuple[CheckLine, ...]
    server: ConnectionTestResult | None = None


def _line(
    check: str, status: CheckStatus, message: str, hint: str | None = None, ms: float = 0.0
) -> CheckLine:
    return CheckLine(str(check), TITLES.get(check, str(check)), status, message, hint, ms)


def failure_line(exc: KsefDesktopError, ms: float) -> CheckLine:
    """A client-side failure (unreachable, TLS, 401 problem, wrong version) as a failed check."""
    if isinstance(exc, WsError):
        problem = exc.problem
        check: str = LocalCheck.SERVICE
        if problem is not None and problem.code in (
            ProblemType.UNKNOWN_KEY,
            ProblemType.REVOKED_KEY,
            ProblemType.UNSIGNED,
            ProblemType.BAD_SIGNATURE,
            ProblemType.MALFORMED_SIGNATURE,
            ProblemType.REPLAYED_NONCE,
        ):
            check = CheckId.KEY
        elif problem is not None and problem.code is ProblemType.STALE_SIGNATURE:
            check = CheckId.CLOCK
        elif problem is not None and problem.code is ProblemType.COMPANY_NOT_CONFIGURED:
            check = CheckId.COMPANY
        message = problem.detail if problem is not None else exc.message
        return _line(check, CheckStatus.FAILED, message, problem_hint(exc), ms)
    if isinstance(exc, IncompatibleWsError):
        return _line(
            LocalCheck.SERVICE, CheckStatus.FAILED, exc.message, HINTS["incompatible"], ms
        )
    if isinstance(exc, TransportError):
        return _line(LocalCheck.SERVICE, CheckStatus.FAILED, exc.message, transport_hint(exc), ms)
    return _line(LocalCheck.SERVICE, CheckStatus.FAILED, exc.message, None, ms)


def _summary(checks: tuple[CheckLine, ...]) -> str:
    failed = [c for c in checks if c.status is CheckStatus.FAILED]
    warned = [c for c in checks if c.status is CheckStatus.WARNING]
    if failed:
        return tr("Connection test failed at “{title}”: see what to do under that check.").format(
            title=failed[0].title
        )
    if warned:
        return tr("Connection works, with {n} warning(s): {title}.").format(
            n=len(warned), title=warned[0].title
        )
    return tr("Connection works: the web service, the authorization code and KSeF are ready.")


class ConnectionService:
    """Builds WS clients from the parameters and runs the connection test."""

    def __init__(self, authorization: AuthorizationService, factory: ClientFactory) -> None:
        self._authorization = authorization
        self._factory = factory

    def client(self, address: str) -> WsClient:
        """A signed client for ``address``; the key is read per request."""
        return self._factory(validate_ws_address(address), self._authorization.signing_key)

    def test(
        self,
        address: str,
        cancel: CancelToken | None = None,
        progress: Progress = no_progress,
    ) -> ConnectionReport:
        """Every check, in order; a failure ends the test with a line saying what to do."""
        cancel = cancel or CancelToken()
        lines: list[CheckLine] = []
        report = self._run(address, cancel, progress, lines)
        checks = tuple(lines)
        ok = not any(c.status is CheckStatus.FAILED for c in checks)
        return ConnectionReport(ok, _summary(checks), checks, report)

    def _run(
        self, address: str, cancel: CancelToken, progress: Progress, lines: list[CheckLine]
    ) -> ConnectionTestResult | None:
        progress(tr("Checking the address…"))
        try:
            url = validate_ws_address(address)
        except KsefDesktopError as exc:
            lines.append(
                _line(LocalCheck.ADDRESS, CheckStatus.FAILED, exc.message, HINTS["address"])
            )
            return None
        lines.append(_line(LocalCheck.ADDRESS, CheckStatus.OK, url))
        info = self._authorization.current()
        if info is None:
            lines.append(
                _line(
                    LocalCheck.AUTH_CODE,
                    CheckStatus.FAILED,
                    tr("No authorization code has been generated."),
                    HINTS["no_key"],
                )
            )
            return None
        try:
            self._authorization.signing_key()
        except KsefDesktopError as exc:
            lines.append(
                _line(LocalCheck.AUTH_CODE, CheckStatus.FAILED, exc.message, HINTS["no_key"])
            )
            return None
        lines.append(
            _line(
                LocalCheck.AUTH_CODE,
                CheckStatus.OK,
                tr("Key {key_id} for NIP {nip}.").format(key_id=info.key_id, nip=info.nip),
            )
        )
        cancel.raise_if_cancelled()
        with self._factory(url, self._authorization.signing_key) as client:
            progress(tr("Contacting the web service…"))
            started = time.perf_counter()
            try:
                health = client.health()
            except KsefDesktopError as exc:
                lines.append(failure_line(exc, _ms(started)))
                return None
            lines.append(
                _line(
                    LocalCheck.SERVICE,
                    CheckStatus.OK,
                    tr("ksef-ws {version} ({status}).").format(
                        version=health.version, status=health.status
                    ),
                    ms=_ms(started),
                )
            )
            cancel.raise_if_cancelled()
            progress(tr("Running the connection test…"))
            started = time.perf_counter()
            try:
                result = client.connection_test()
            except KsefDesktopError as exc:
                lines.append(failure_line(exc, _ms(started)))
                return None
        cancel.raise_if_cancelled()
        for check in result.checks:
            hint = check.hint if check.status is not CheckStatus.OK else None
            lines.append(_line(check.id, check.status, check.message, hint, check.duration_ms))
        return result


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
