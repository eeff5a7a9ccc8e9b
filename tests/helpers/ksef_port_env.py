"""Settings that point a KsefPort at an in-process ksef-sim with tiny, recorded waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ksef_desktop.ksef import KsefEnvironment, PortSettings
from ksef_desktop.ksef.auth import utc_now
from ksef_desktop.ksef.retry import PollPolicy, RetryPolicy

SELLER_NIP = "5261040828"
KSEF_TOKEN = "20261125-EC-0000000001-0000000001-01|nip-5261040828|" + "ab" * 32


@dataclass
class Waits:
    """Records every wait the port asks for but sleeps at most a millisecond."""

    requested: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.requested.append(seconds)
        time.sleep(min(seconds, 0.001))


def port_settings(
    base_url: str,
    *,
    waits: Waits | None = None,
    token: str = KSEF_TOKEN,
    timeout_seconds: float = 5.0,
    max_attempts: int = 8,
    now: Callable[[], datetime] | None = None,
) -> PortSettings:
    sleep = (waits or Waits()).sleep
    return PortSettings(
        environment=KsefEnvironment.custom(base_url),
        nip=SELLER_NIP,
        ksef_token=token,
        retry=RetryPolicy(
            max_attempts=max_attempts, base_delay=0.001, max_delay=0.01, max_total=60, sleep=sleep
        ),
        poll=PollPolicy(initial=0.001, factor=1.5, max_interval=0.01, timeout=30, sleep=sleep),
        timeout_seconds=timeout_seconds,
        now=now or utc_now,
    )
