"""KSeF's request limits: what a group of endpoints allows, and how much of it is left.

KSeF counts requests per context in sliding windows of a second, a minute and
an hour at once; going over any of them earns a 429 and a block that grows with
repeated violations (notes §8.1). ``GET /rate-limits`` says what is in force.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ksef_client.models import EffectiveApiRateLimitValues

_WINDOWS = (1.0, 60.0, 3600.0)


@dataclass(frozen=True)
class RateLimit:
    """Requests allowed per second, minute and hour; 0 or less: no limit in that window."""

    per_second: int
    per_minute: int
    per_hour: int

    @classmethod
    def of(cls, values: EffectiveApiRateLimitValues) -> RateLimit:
        return cls(values.per_second, values.per_minute, values.per_hour)

    def counts(self) -> tuple[int, int, int]:
        return (self.per_second, self.per_minute, self.per_hour)


#: ``sessionInvoiceList`` (GET /sessions/{ref}/invoices) in production, as published.
SESSION_INVOICE_LIST = RateLimit(10, 20, 200)


class RateBudget:
    """The requests of one limit group a client may still make now (thread-safe)."""

    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._made: list[float] = []  # when each request went, oldest first
        self.limit = limit

    def allows(self, requests: int = 1) -> bool:
        """Whether ``requests`` more would stay within every window."""
        limited = self._limited()
        if not limited:
            return True
        now = self._clock()
        with self._lock:
            for window, allowed in limited:
                recent = len(self._made) - bisect.bisect_right(self._made, now - window)
                if recent + requests > allowed:
                    return False
            return True

    def spend(self, requests: int = 1) -> None:
        """Count ``requests`` made now."""
        limited = self._limited()
        if not limited:
            return
        now = self._clock()
        horizon = max(window for window, _ in limited)
        with self._lock:
            self._made.extend([now] * requests)
            old = bisect.bisect_right(self._made, now - horizon)
            if old > len(self._made) // 2:  # forget in bulk, not one at a time
                del self._made[:old]

    def _limited(self) -> list[tuple[float, int]]:
        return [(w, n) for w, n in zip(_WINDOWS, self.limit.counts(), strict=True) if n > 0]
