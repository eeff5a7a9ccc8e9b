"""Exponential backoff with bounded jitter for the outbox's automatic retries."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """``base * factor**(attempt-1)`` seconds, capped, then spread by up to ±``jitter``.

    Jitter keeps many desktops (or many documents) that failed together from
    all retrying in the same second when the service comes back.
    """

    base: float = 30.0
    factor: float = 2.0
    cap: float = 3600.0
    jitter: float = 0.2
    rng: random.Random = field(default_factory=random.Random)

    def __post_init__(self) -> None:
        if not (self.base > 0 and self.factor >= 1 and self.cap >= self.base):
            raise ValueError("backoff needs base > 0, factor >= 1 and cap >= base")
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter is a fraction in [0, 1)")

    def nominal(self, attempt: int) -> float:
        """The delay before retry number ``attempt`` (1 = after the first failure), unjittered."""
        exponent = max(0, attempt - 1)
        # Step by step, stopping at the cap, so a huge attempt count cannot overflow.
        delay = self.base
        for _ in range(exponent):
            delay *= self.factor
            if delay >= self.cap:
                return self.cap
        return min(delay, self.cap)

    def delay(self, attempt: int) -> float:
        nominal = self.nominal(attempt)
        spread = nominal * self.jitter
        return nominal - spread + 2 * spread * self.rng.random()
