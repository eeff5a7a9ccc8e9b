"""Retry with backoff, jitter, Retry-After and budgets; bounded polling (fake clock)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef.retry import PollPolicy, RetryPolicy


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def policy(t: FakeTime, **kwargs: float) -> RetryPolicy:
    values: dict[str, float] = {"base_delay": 1.0, "max_delay": 8.0, "jitter": 0.0}
    values.update(kwargs)
    return RetryPolicy(
        max_attempts=int(values.pop("max_attempts", 6)),
        sleep=t.sleep,
        clock=t.clock,
        rand=lambda: 1.0,
        **values,
    )


def failing(errors: list[Exception], result: str = "ok") -> Callable[[], str]:
    def fn() -> str:
        if errors:
            raise errors.pop(0)
        return result

    return fn


def unavailable() -> KsefApiError:
    return KsefApiError("503", http_status=503, transient=True)


def test_transient_failures_back_off_exponentially_then_succeed() -> None:
    t = FakeTime()
    errors: list[Exception] = [unavailable(), TransportError("x"), unavailable()]
    assert policy(t).run(failing(errors), operation="op") == "ok"
    assert t.sleeps == [1.0, 2.0, 4.0]


def test_backoff_is_capped_at_max_delay() -> None:
    t = FakeTime()
    p = policy(t, max_delay=3.0)
    assert [p.delay(n) for n in (1, 2, 3, 4)] == [1.0, 2.0, 3.0, 3.0]


def test_retry_after_is_a_floor_for_the_wait() -> None:
    t = FakeTime()
    limited = KsefApiError("429", http_status=429, transient=True, retry_after=5.0)
    assert policy(t).run(failing([limited]), operation="op") == "ok"
    assert t.sleeps == [5.0]


def test_jitter_shortens_waits_within_bounds() -> None:
    t = FakeTime()
    draws = iter([0.0, 0.5, 1.0])
    p = RetryPolicy(base_delay=2.0, jitter=0.5, rand=lambda: next(draws))
    assert [p.delay(1) for _ in range(3)] == [2.0, 1.5, 1.0]
    assert t.sleeps == []


def test_attempts_are_bounded() -> None:
    t = FakeTime()
    errors: list[Exception] = [unavailable() for _ in range(10)]
    with pytest.raises(KsefApiError):
        policy(t, max_attempts=3).run(failing(errors), operation="op")
    assert len(t.sleeps) == 2
    assert len(errors) == 7


def test_total_time_is_bounded() -> None:
    t = FakeTime()
    errors: list[Exception] = [unavailable() for _ in range(10)]
    with pytest.raises(KsefApiError):
        policy(t, max_total=6.0, max_attempts=10).run(failing(errors), operation="op")
    # 1 + 2 fit within 6 s; the next wait (4) would end at 7 s, so it gives up.
    assert t.sleeps == [1.0, 2.0]


def test_retry_after_longer_than_budget_gives_up_at_once() -> None:
    t = FakeTime()
    limited = KsefApiError("429", http_status=429, transient=True, retry_after=600.0)
    with pytest.raises(KsefApiError) as caught:
        policy(t, max_total=60.0).run(failing([limited]), operation="op")
    assert caught.value.retry_after == 600.0
    assert t.sleeps == []


def test_permanent_errors_are_not_retried() -> None:
    t = FakeTime()
    rejected = KsefApiError("bad", ksef_code=21405, http_status=400)
    with pytest.raises(KsefApiError) as caught:
        policy(t).run(failing([rejected]), operation="op")
    assert caught.value is rejected
    assert t.sleeps == []


def test_retry_if_can_veto_a_transient_retry() -> None:
    t = FakeTime()
    with pytest.raises(TransportError):
        policy(t).run(failing([TransportError("x")]), operation="op", retry_if=lambda e: False)


def test_poll_returns_first_value_with_growing_intervals() -> None:
    t = FakeTime()
    answers = iter([None, None, None, "done"])
    poll = PollPolicy(initial=1.0, factor=2.0, max_interval=3.0, sleep=t.sleep, clock=t.clock)
    assert poll.wait_for(lambda: next(answers), operation="x", reference="r") == "done"
    assert t.sleeps == [1.0, 2.0, 3.0]


def test_poll_gives_up_with_a_transient_pending_error() -> None:
    t = FakeTime()
    poll = PollPolicy(initial=1.0, factor=1.0, timeout=5.0, sleep=t.sleep, clock=t.clock)
    with pytest.raises(KsefApiError) as caught:
        poll.wait_for(lambda: None, operation="invoice processing", reference="R-1")
    assert caught.value.code == "ksef-pending"
    assert caught.value.transient
    assert caught.value.details["reference"] == "R-1"
    assert sum(t.sleeps) <= 5.0
