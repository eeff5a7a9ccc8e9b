"""A client's budget of requests under KSeF's per-second, per-minute and per-hour limits."""

from __future__ import annotations

from ksef_desktop.ksef.limits import RateBudget, RateLimit


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_window_holds_its_own_count() -> None:
    clock = _Clock()
    budget = RateBudget(RateLimit(per_second=10, per_minute=20, per_hour=30), clock)
    budget.spend(10)
    assert not budget.allows()  # ten in this second already
    clock.now += 1.0
    assert budget.allows(10)
    budget.spend(10)
    assert not budget.allows()  # twenty in this minute
    clock.now += 59.5
    assert budget.allows(10)  # the first ten are 60.5 s old: out of the minute window
    assert not budget.allows(11)  # the second ten (59.5 s) are not
    clock.now += 1.0
    assert budget.allows(10)  # the minute is empty; the hour holds twenty
    assert not budget.allows(11)
    budget.spend(10)
    assert not budget.allows()  # thirty in this hour
    clock.now += 3600.0
    assert budget.allows(10)


def test_no_limit_in_a_window_means_only_the_others_count() -> None:
    clock = _Clock()
    budget = RateBudget(RateLimit(per_second=2, per_minute=-1, per_hour=-1), clock)
    for _ in range(100):
        assert budget.allows(2)
        budget.spend(2)
        assert not budget.allows()
        clock.now += 1.0
    unlimited = RateBudget(RateLimit(-1, -1, -1), clock)
    unlimited.spend(10_000)
    assert unlimited.allows(10_000)


def test_a_new_limit_applies_to_what_was_already_spent() -> None:
    clock = _Clock()
    budget = RateBudget(RateLimit(100, 100, 100), clock)
    budget.spend(5)
    budget.limit = RateLimit(5, 5, 5)  # KSeF lowered the limits
    assert not budget.allows()
