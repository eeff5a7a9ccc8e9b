"""The document lifecycle: only the transitions of DESIGN.md section 3 are possible."""

from __future__ import annotations

import itertools

import pytest

from ksef_desktop.domain.errors import IllegalTransitionError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status

ACTIVE = Lifecycle(ksef_active=True)
INACTIVE = Lifecycle(ksef_active=False)


def _walk(lifecycle: Lifecycle, *events: Event) -> Status:
    state = Status.DRAFT
    for event in events:
        state = lifecycle.next(state, event)
    return state


def test_the_happy_path_validate_approve_send_accept() -> None:
    assert (
        _walk(ACTIVE, Event.VALIDATE, Event.APPROVE, Event.SEND, Event.ACCEPT) is Status.ACCEPTED
    )


def test_a_failed_delivery_waits_and_a_resend_can_still_be_accepted() -> None:
    state = _walk(ACTIVE, Event.VALIDATE, Event.APPROVE, Event.SEND, Event.NOT_DELIVERED)
    assert state is Status.AWAITING
    assert ACTIVE.next(state, Event.SEND) is Status.SENT
    assert ACTIVE.next(state, Event.ACCEPT) is Status.ACCEPTED


def test_only_a_rejected_document_may_be_reopened() -> None:
    rejected = _walk(ACTIVE, Event.VALIDATE, Event.APPROVE, Event.SEND, Event.REJECT)
    assert ACTIVE.next(rejected, Event.REOPEN) is Status.DRAFT
    for state in Status:
        if state is not Status.REJECTED:
            assert not ACTIVE.can(state, Event.REOPEN)


def test_an_accepted_document_is_immutable_for_ever() -> None:
    assert ACTIVE.allowed(Status.ACCEPTED) == frozenset()
    assert INACTIVE.allowed(Status.ACCEPTED) == frozenset()
    assert not Status.ACCEPTED.editable
    assert not Status.ACCEPTED.deletable


def test_editing_a_validated_document_requires_validating_again() -> None:
    assert ACTIVE.next(Status.VALID, Event.EDIT) is Status.DRAFT
    with pytest.raises(IllegalTransitionError):
        ACTIVE.next(Status.DRAFT, Event.APPROVE)


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (s, e)
        for s, e in itertools.product(Status, Event)
        if not ACTIVE.can(s, e)
    ],
)  # fmt: skip
def test_every_illegal_transition_names_both_states(state: Status, event: Event) -> None:
    with pytest.raises(IllegalTransitionError) as info:
        ACTIVE.next(state, event)
    assert state.value in info.value.message
    assert info.value.current == state.value
    assert info.value.target
    assert info.value.target in info.value.message
    assert info.value.code == "illegal-transition"


def test_no_print_before_a_send_was_attempted_while_active() -> None:
    printable = {s for s in Status if ACTIVE.can_print(s)}
    assert printable == {Status.SENT, Status.ACCEPTED, Status.AWAITING}
    for state in (Status.DRAFT, Status.VALID, Status.APPROVED, Status.REJECTED):
        with pytest.raises(IllegalTransitionError, match="printed"):
            ACTIVE.check_print(state)


def test_inactive_module_skips_validation_and_sending() -> None:
    assert _walk(INACTIVE, Event.APPROVE) is Status.APPROVED
    assert INACTIVE.can_print(Status.APPROVED)
    assert not INACTIVE.can_print(Status.DRAFT)
    assert not INACTIVE.can(Status.APPROVED, Event.SEND)
