"""The document lifecycle of DESIGN.md section 3 as an explicit state machine."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ksef_desktop.domain.errors import IllegalTransitionError
from ksef_desktop.support.i18n import tr


class Status(enum.StrEnum):
    DRAFT = "draft"
    VALID = "valid"
    APPROVED = "approved"
    SENT = "sent"
    ACCEPTED = "accepted"
    AWAITING = "awaiting"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def editable(self) -> bool:
        """Content may change only before approval fixes the number."""
        return self in (Status.DRAFT, Status.VALID)

    @property
    def deletable(self) -> bool:
        return self in (Status.DRAFT, Status.VALID)

    @property
    def send_attempted(self) -> bool:
        return self in (Status.SENT, Status.ACCEPTED, Status.AWAITING, Status.REJECTED)


_STATUS_LABELS = {
    Status.DRAFT: tr("draft"),
    Status.VALID: tr("validated"),
    Status.APPROVED: tr("approved"),
    Status.SENT: tr("sent to KSeF"),
    Status.ACCEPTED: tr("accepted by KSeF"),
    Status.AWAITING: tr("awaiting delivery"),
    Status.REJECTED: tr("rejected by KSeF"),
}


class Event(enum.StrEnum):
    VALIDATE = "validate"
    EDIT = "edit"
    APPROVE = "approve"
    SEND = "send"
    ACCEPT = "accept"
    NOT_DELIVERED = "not_delivered"
    REJECT = "reject"
    REOPEN = "reopen"


_EVENT_VERBS = {
    Event.VALIDATE: tr("validated"),
    Event.EDIT: tr("edited"),
    Event.APPROVE: tr("approved"),
    Event.SEND: tr("sent"),
    Event.ACCEPT: tr("accepted"),
    Event.NOT_DELIVERED: tr("put in the awaiting documents"),
    Event.REJECT: tr("rejected"),
    Event.REOPEN: tr("reopened for editing"),
}

#: (state, event) -> next state, while the KSeF module is active.
_ACTIVE: dict[tuple[Status, Event], Status] = {
    (Status.DRAFT, Event.VALIDATE): Status.VALID,
    (Status.DRAFT, Event.EDIT): Status.DRAFT,
    (Status.VALID, Event.VALIDATE): Status.VALID,
    (Status.VALID, Event.EDIT): Status.DRAFT,
    (Status.VALID, Event.APPROVE): Status.APPROVED,
    (Status.APPROVED, Event.SEND): Status.SENT,
    # The WS could not even be reached: the document waits in the outbox.
    (Status.APPROVED, Event.NOT_DELIVERED): Status.AWAITING,
    (Status.SENT, Event.ACCEPT): Status.ACCEPTED,
    (Status.SENT, Event.NOT_DELIVERED): Status.AWAITING,
    (Status.SENT, Event.REJECT): Status.REJECTED,
    (Status.AWAITING, Event.SEND): Status.SENT,
    # A retry or a reconciliation may learn that KSeF accepted it meanwhile.
    (Status.AWAITING, Event.ACCEPT): Status.ACCEPTED,
    (Status.AWAITING, Event.REJECT): Status.REJECTED,
    (Status.AWAITING, Event.NOT_DELIVERED): Status.AWAITING,
    (Status.REJECTED, Event.REOPEN): Status.DRAFT,
}

#: With STATUS (ACTIVE) off there is no validation or sending: approve, then print.
_INACTIVE: dict[tuple[Status, Event], Status] = {
    (Status.DRAFT, Event.EDIT): Status.DRAFT,
    (Status.DRAFT, Event.APPROVE): Status.APPROVED,
    (Status.VALID, Event.EDIT): Status.DRAFT,
    (Status.VALID, Event.APPROVE): Status.APPROVED,
    (Status.REJECTED, Event.REOPEN): Status.DRAFT,
}


@dataclass(frozen=True)
class Lifecycle:
    """The transition table in force; ``ksef_active`` mirrors STATUS (ACTIVE)."""

    ksef_active: bool = True

    def _table(self) -> dict[tuple[Status, Event], Status]:
        return _ACTIVE if self.ksef_active else _INACTIVE

    def allowed(self, state: Status) -> frozenset[Event]:
        return frozenset(event for (src, event) in self._table() if src is state)

    def can(self, state: Status, event: Event) -> bool:
        return (state, event) in self._table()

    def next(self, state: Status, event: Event) -> Status:
        """The state after ``event``; an illegal step raises naming both states."""
        try:
            return self._table()[(state, event)]
        except KeyError:
            target = _ACTIVE.get((state, event)) or _any_target(event)
            raise IllegalTransitionError(state.value, target.value, _EVENT_VERBS[event]) from None

    def can_print(self, state: Status) -> bool:
        """Printing needs an approved document and, while KSeF is on, an attempted send."""
        sent = state.send_attempted and state is not Status.REJECTED
        if self.ksef_active:
            return sent
        return sent or state is Status.APPROVED

    def check_print(self, state: Status) -> None:
        if not self.can_print(state):
            raise IllegalTransitionError(state.value, "printed", tr("printed"))


def _any_target(event: Event) -> Status:
    for (_, ev), target in _ACTIVE.items():
        if ev is event:
            return target
    return Status.DRAFT
