"""Backoff for automatic retries: exponential growth to a cap, jitter within its bounds."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksef_desktop.services.backoff import Backoff


def test_the_nominal_delay_doubles_up_to_the_cap() -> None:
    backoff = Backoff(base=30, factor=2, cap=600, jitter=0)
    assert [backoff.nominal(n) for n in range(1, 8)] == [30, 60, 120, 240, 480, 600, 600]
    assert backoff.nominal(10**6) == 600  # no overflow after a very long outage
    assert backoff.delay(3) == 120  # no jitter asked, none added


@given(
    attempt=st.integers(min_value=1, max_value=60),
    jitter=st.floats(min_value=0, max_value=0.9),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_jitter_stays_within_its_bounds(attempt: int, jitter: float, seed: int) -> None:
    backoff = Backoff(base=5, cap=3600, jitter=jitter, rng=random.Random(seed))  # noqa: S311
    nominal = backoff.nominal(attempt)
    delay = backoff.delay(attempt)
    assert nominal * (1 - jitter) - 1e-9 <= delay <= nominal * (1 + jitter) + 1e-9


def test_jitter_spreads_documents_that_failed_together() -> None:
    backoff = Backoff(base=60, jitter=0.2, rng=random.Random(5))  # noqa: S311
    delays = {round(backoff.delay(1), 3) for _ in range(50)}
    assert len(delays) > 40
    assert min(delays) < 60 < max(delays)


@pytest.mark.parametrize(
    "kwargs",
    [{"base": 0}, {"factor": 0.5}, {"base": 10, "cap": 5}, {"jitter": 1.0}, {"jitter": -0.1}],
)
def test_nonsense_settings_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"backoff|jitter"):
        Backoff(**kwargs)  # type: ignore[arg-type]
