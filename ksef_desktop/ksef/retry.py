"""Bounded retry with exponential backoff and jitter, and bounded status polling."""

from __future__ import annotations

import logging
import random as _random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

T = TypeVar("T")

Sleep = Callable[[float], None]
Clock = Callable[[], float]


def is_transient(error: Exception) -> bool:
    """Worth another attempt: network trouble, 429, 5xx (never a data rejection)."""
    if isinstance(error, TransportError):
        return True
    return isinstance(error, KsefApiError) and error.transient


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long a transient failure is retried.

    ``sleep``, ``clock`` and ``rand`` are injectable so tests run with tiny
    delays and can check every wait that would have happened.
    """

    max_attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0
    #: Give up when the next wait would end later than this after the first try.
    max_total: float = 120.0
    #: Fraction of each backoff step that is randomised (0 = none, 1 = full jitter).
    jitter: float = 0.5
    sleep: Sleep = field(default=time.sleep, repr=False, compare=False)
    clock: Clock = field(default=time.monotonic, repr=False, compare=False)
    rand: Callable[[], float] = field(default=_random.random, repr=False, compare=False)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """The wait after failed attempt number ``attempt`` (1-based)."""
        step = min(self.max_delay, self.base_delay * (2.0 ** (attempt - 1)))
        wait = step * (1.0 - self.jitter * self.rand())
        # The server's Retry-After is a floor: waiting less only earns another 429.
        if retry_after is not None:
            wait = max(wait, retry_after)
        return wait

    def run(
        self,
        fn: Callable[[], T],
        *,
        operation: str,
        retry_if: Callable[[Exception], bool] = is_transient,
    ) -> T:
        """Call ``fn`` until it succeeds, fails permanently or the budget is spent."""
        start = self.clock()
        attempt = 0
        while True:
            attempt += 1
            try:
                return fn()
            except (KsefApiError, TransportError) as error:
                if not retry_if(error) or attempt >= self.max_attempts:
                    raise
                retry_after = error.retry_after if isinstance(error, KsefApiError) else None
                wait = self.delay(attempt, retry_after)
                if self.clock() - start + wait > self.max_total:
                    raise
                log.info(
                    "%s failed (%s), attempt %d; retrying in %.3f s",
                    operation,
                    error.code,
                    attempt,
                    wait,
                )
                self.sleep(wait)


@dataclass(frozen=True)
class PollPolicy:
    """Polling of an asynchronous KSeF status: growing interval, hard time limit."""

    initial: float = 0.5
    factor: float = 1.5
    max_interval: float = 5.0
    timeout: float = 300.0
    sleep: Sleep = field(default=time.sleep, repr=False, compare=False)
    clock: Clock = field(default=time.monotonic, repr=False, compare=False)

    def wait_for(self, check: Callable[[], T | None], *, operation: str, reference: str) -> T:
        """Call ``check`` until it returns a value; raise a transient error on timeout."""
        start = self.clock()
        interval = self.initial
        while True:
            result = check()
            if result is not None:
                return result
            if self.out_of_time(self.clock() - start, interval):
                raise self.timed_out(operation, reference)
            self.sleep(interval)
            interval = self.next_interval(interval)

    def out_of_time(self, elapsed: float, interval: float) -> bool:
        """Whether another look, ``interval`` from now, would pass the time limit."""
        return elapsed + interval > self.timeout

    def next_interval(self, interval: float) -> float:
        return min(self.max_interval, interval * self.factor)

    @staticmethod
    def timed_out(operation: str, reference: str) -> KsefApiError:
        """The transient error of a status KSeF did not settle within the time limit."""
        return KsefApiError(
            tr("KSeF has not finished {operation} yet ({reference}).").format(
                operation=operation, reference=reference
            ),
            transient=True,
            code="ksef-pending",
            details={"operation": operation, "reference": reference},
        )
