"""The batch-mode verdict threads: growing intervals, giving up after the poll timeout."""

from __future__ import annotations

import threading
from typing import Any, cast

from ksef_desktop.domain.errors import KsefApiError
from ksef_desktop.ksef.retry import PollPolicy
from ksef_desktop.ws.sessions import DocumentSender, Sent
from ksef_desktop.ws.worker import Verdicts
from tests.helpers.ws_env import wait_until


class _KsefStillProcessing:
    """Stands in for the sender: KSeF never decides (the HTTP side is tested end to end)."""

    def __init__(self, decide_after: int | None = None) -> None:
        self.checks = 0
        self.decide_after = decide_after
        self.given_up: list[Exception] = []
        self.done = threading.Event()

    def check(self, sent: Sent) -> bool:
        self.checks += 1
        if self.decide_after is not None and self.checks >= self.decide_after:
            self.done.set()
            return True
        return False

    def give_up(self, sent: Sent, error: Exception) -> None:
        self.given_up.append(error)
        self.done.set()


def _sent() -> Sent:
    pending = cast("Any", type("Pending", (), {"reference": "EE-1"})())
    return Sent(doc=cast("Any", None), link=cast("Any", None), pending=pending, used=[])


def _verdicts(sender: _KsefStillProcessing, poll: PollPolicy) -> Verdicts:
    verdicts = Verdicts(cast("DocumentSender", sender), poll, 2, "test-verdicts")
    for thread in verdicts.threads:
        thread.start()
    return verdicts


def test_a_verdict_that_never_comes_defers_the_document_after_the_poll_timeout() -> None:
    sender = _KsefStillProcessing()
    verdicts = _verdicts(sender, PollPolicy(initial=0.01, factor=2.0, timeout=0.2))
    verdicts.add(_sent())
    wait_until(sender.done.is_set, 10, "giving up")
    verdicts.stop()
    (error,) = sender.given_up
    assert isinstance(error, KsefApiError)
    assert error.transient  # the document waits and is tried (reconciled) again
    assert error.code == "ksef-pending"
    assert 3 <= sender.checks <= 6  # 0.01, 0.02, 0.04, 0.08 s apart: not a busy loop
    assert len(verdicts) == 0


def test_a_verdict_is_looked_at_until_ksef_decides() -> None:
    sender = _KsefStillProcessing(decide_after=3)
    verdicts = _verdicts(sender, PollPolicy(initial=0.01, timeout=60))
    settled = threading.Event()
    verdicts.on_settled.append(settled.set)
    verdicts.add(_sent())
    wait_until(settled.is_set, 10, "the verdict")
    verdicts.stop()
    assert sender.checks == 3
    assert sender.given_up == []
