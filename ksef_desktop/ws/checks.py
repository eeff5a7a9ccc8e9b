"""``POST /connection-test`` and ``ksef-ws check``: structured checks, in CheckId order."""

from __future__ import annotations

import time
from collections.abc import Callable

from ksef_desktop.contract.api import Check, CheckId, CheckStatus
from ksef_desktop.contract.signing import MAX_SKEW_SECONDS
from ksef_desktop.domain.errors import KsefApiError, KsefDesktopError
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws.config import CompanyConfig
from ksef_desktop.ws.ksefgate import (
    SEND_PERMISSIONS,
    Link,
    Tuning,
    probe_reachable,
    token_permissions,
)

CheckFn = Callable[[], tuple[CheckStatus, str, str | None]]
_SKEW_WARNING = 60


def timed(check_id: CheckId, fn: CheckFn) -> Check:
    start = time.perf_counter()
    try:
        status, message, hint = fn()
    except KsefDesktopError as exc:
        status, message, hint = CheckStatus.FAILED, exc.message, _hint(check_id, exc)
    return Check(
        id=check_id,
        status=status,
        message=message,
        hint=hint,
        duration_ms=round((time.perf_counter() - start) * 1000, 1),
    )


def skipped(check_id: CheckId, why: str) -> Check:
    return Check(id=check_id, status=CheckStatus.WARNING, message=why, hint=None, duration_ms=0.0)


def _hint(check_id: CheckId, exc: KsefDesktopError) -> str:
    if check_id is CheckId.KSEF_REACHABLE:
        return tr(
            "Check the server's network, proxy and firewall, and the environment in ksef.ini."
        )
    if check_id is CheckId.KSEF_TOKEN:
        code = exc.ksef_code if isinstance(exc, KsefApiError) else None
        return tr(
            "Generate a KSeF token for this NIP in the KSeF application of the right "
            "environment and put it in the company's token_file (KSeF code {code})."
        ).format(code=code)
    return tr("Ask the web-service operator to look at the service log.")


def clock_check(created: int, now: float) -> CheckFn:
    def run() -> tuple[CheckStatus, str, str | None]:
        skew = created - now
        # ``created`` has whole seconds, so a difference under a second is no difference.
        seconds = int(skew)
        if seconds == 0:
            message = tr("Your clock agrees with the service's (within a second).")
        else:
            message = tr("Your clock differs from the service's by {skew:+d} s.").format(
                skew=seconds
            )
        if abs(skew) <= _SKEW_WARNING:
            return CheckStatus.OK, message, None
        hint = tr("Turn on automatic time; more than {max} s and requests are refused.").format(
            max=MAX_SKEW_SECONDS
        )
        return CheckStatus.WARNING, message, hint

    return run


def company_checks(company: CompanyConfig, tuning: Tuning) -> list[Check]:
    """Reachability, token, permission and session mode of one configured company."""
    checks = [timed(CheckId.KSEF_REACHABLE, lambda: _reachable(company))]
    if checks[-1].status is CheckStatus.FAILED:
        why = tr("Not checked: KSeF is not reachable.")
        checks += [skipped(CheckId.KSEF_TOKEN, why), skipped(CheckId.PERMISSION, why)]
    else:
        link = Link(company, tuning)
        try:
            token = timed(CheckId.KSEF_TOKEN, lambda: _token(link))
            checks.append(token)
            if token.status is CheckStatus.FAILED:
                checks.append(skipped(CheckId.PERMISSION, tr("Not checked: no KSeF session.")))
            else:
                checks.append(timed(CheckId.PERMISSION, lambda: _permission(link)))
        finally:
            link.close()
    checks.append(timed(CheckId.SESSION_MODE, lambda: _mode(company)))
    return checks


def _reachable(company: CompanyConfig) -> tuple[CheckStatus, str, str | None]:
    probe_reachable(company)
    return (
        CheckStatus.OK,
        tr("KSeF ({env}) answers at {url}.").format(
            env=company.environment.name, url=company.environment.api_url
        ),
        None,
    )


def _token(link: Link) -> tuple[CheckStatus, str, str | None]:
    link.port.authenticate()
    return CheckStatus.OK, tr("The company's KSeF token authenticates."), None


def _permission(link: Link) -> tuple[CheckStatus, str, str | None]:
    granted = token_permissions(link.port.auth.access_token())
    if granted is None:
        return (
            CheckStatus.WARNING,
            tr("KSeF did not say which permissions the token has."),
            tr("Make sure the token was generated with the InvoiceWrite permission."),
        )
    if granted & SEND_PERMISSIONS:
        return CheckStatus.OK, tr("The token may send invoices (InvoiceWrite)."), None
    return (
        CheckStatus.FAILED,
        tr("The token may not send invoices (it has: {perms}).").format(
            perms=", ".join(sorted(granted)) or "-"
        ),
        tr("Generate a token with the InvoiceWrite permission and update token_file."),
    )


def _mode(company: CompanyConfig) -> tuple[CheckStatus, str, str | None]:
    if company.session_mode == "immediate":
        text = tr("immediate: one KSeF session per document; its UPO is fetched at once.")
    else:
        text = tr(
            "batch: documents join one KSeF session closed after {minutes:g} minutes or "
            "{count} documents; the collective UPO follows."
        ).format(minutes=company.batch_window_minutes, count=company.batch_max_documents)
    return CheckStatus.OK, text, None
