"""Why a document is not delivered: WS answers and failures turned into plain-language reasons."""

from __future__ import annotations

from ksef_desktop.contract.api import DocumentState, DocumentStatus, Problem, ProblemType
from ksef_desktop.contract.client import IncompatibleWsError, WsError
from ksef_desktop.domain.errors import KsefDesktopError, TransportError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.hints import transport_hint
from ksef_desktop.storage.outbox_query import ReasonKind
from ksef_desktop.storage.outbox_records import Reason
from ksef_desktop.support.i18n import tr

#: Problems a person fixes by correcting the document.
_DATA = frozenset(
    {
        ProblemType.INVALID_DOCUMENT,
        ProblemType.MALFORMED_BODY,
        ProblemType.BODY_TOO_LARGE,
        ProblemType.CONFLICT,
    }
)
#: Problems that pass by themselves: the WS is busy, restarting or hit a glitch.
_TRANSIENT = frozenset(
    {ProblemType.NOT_AVAILABLE, ProblemType.INTERNAL, ProblemType.REPLAYED_NONCE}
)

_RETRY_LATER = tr("It will be sent again automatically.")


def _problem_text(problem: Problem) -> str:
    fields = "; ".join(f"{e.loc}: {e.message}" for e in problem.errors[:5])
    return f"{problem.detail} ({fields})" if fields else problem.detail


def _kind_for(problem_type: ProblemType | None, status: int) -> ReasonKind:
    if problem_type in _DATA:
        return ReasonKind.DATA
    if problem_type in _TRANSIENT or status >= 500 or status == 429:
        return ReasonKind.TRANSIENT
    return ReasonKind.SETUP


def reason_for_problem(problem: Problem) -> Reason:
    """One refused item of a batch submission."""
    kind = _kind_for(problem.code, problem.status)
    text = _problem_text(problem)
    if kind is ReasonKind.DATA:
        message = tr("The web service refused the document: {text}").format(text=text)
    else:
        message = text
    return Reason(kind, f"ws-{problem.code.value}", message)


def reason_for_error(exc: KsefDesktopError) -> Reason:
    """A failure of the whole request: network, signature, configuration, WS trouble."""
    if isinstance(exc, TransportError):
        if exc.code == "ws-tls":
            return Reason(ReasonKind.SETUP, exc.code, exc.message, transport_error=exc.message)
        hint = transport_hint(exc) or ""
        message = tr("The web service could not be reached. {retry}").format(retry=_RETRY_LATER)
        return Reason(
            ReasonKind.TRANSIENT,
            exc.code,
            f"{message} {hint}".strip(),
            transport_error=exc.message,
        )
    if isinstance(exc, WsError):
        if exc.problem is not None and exc.problem.code in _DATA:
            return reason_for_problem(exc.problem)
        kind = _kind_for(exc.problem_type, exc.status)
        message = exc.message
        if kind is ReasonKind.TRANSIENT:
            message = f"{message} {_RETRY_LATER}"
        return Reason(kind, exc.code, message, transport_error=f"HTTP {exc.status}")
    if isinstance(exc, IncompatibleWsError):
        return Reason(ReasonKind.SETUP, exc.code, exc.message)
    return Reason(ReasonKind.SETUP, exc.code, exc.message)


def is_unreachable(exc: KsefDesktopError) -> bool:
    """The WS itself cannot be reached (not merely refusing): automatic retries pause."""
    return isinstance(exc, TransportError) and exc.code != "ws-tls"


def reason_for_status(status: DocumentStatus) -> tuple[Status, Reason | None]:
    """The desktop's state and reason for what the WS reports (None: confirmed by KSeF)."""
    code = status.ksef_code
    if status.state is DocumentState.ACCEPTED:
        return Status.ACCEPTED, None
    if status.state in (DocumentState.QUEUED, DocumentState.SENDING):
        return Status.SENT, Reason(
            ReasonKind.PENDING,
            f"ws-{status.state.value}",
            tr("Delivered to the web service; waiting for KSeF to confirm it."),
        )
    if status.state is DocumentState.AWAITING:
        message = tr(
            "KSeF could not take the document yet ({error}); the web service keeps trying."
        ).format(error=status.error or tr("temporarily unavailable"))
        return Status.AWAITING, Reason(
            ReasonKind.TRANSIENT,
            f"ksef-{code}" if code else "ksef-unavailable",
            message,
            ksef_code=code,
            ksef_description=status.ksef_description,
            transport_error=status.error,
        )
    message = tr(
        "KSeF rejected the document: {error}. Reopen it for editing, correct it and send it again."
    ).format(error=(status.error or status.ksef_description or "").rstrip("."))
    return Status.REJECTED, Reason(
        ReasonKind.DATA,
        f"ksef-{code}" if code else "ksef-rejected",
        message,
        ksef_code=code,
        ksef_description=status.ksef_description,
    )
