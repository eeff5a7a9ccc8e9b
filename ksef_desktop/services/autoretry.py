"""Automatic outbox delivery: due retries with backoff, paused while the WS is unreachable."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.awaiting import AwaitingService
from ksef_desktop.services.awaiting_reasons import is_unreachable
from ksef_desktop.services.backoff import Backoff
from ksef_desktop.services.cancel import CancelToken
from ksef_desktop.services.delivery import DeliveryReport

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TickReport:
    """What one tick did; ``delivery`` is None when nothing was due or retries are paused."""

    paused: bool
    resumed: bool = False
    delivery: DeliveryReport | None = None
    error: str | None = None


class RetryScheduler:
    """Owns no thread or timer: the UI calls :meth:`tick` (on a worker) when ``next_wakeup`` comes.

    While the WS is unreachable nothing is sent and attempts do not grow; the
    scheduler only probes the WS's health, with its own backoff, and when the
    WS answers again every transient failure becomes due at once.
    """

    def __init__(self, service: AwaitingService, *, probe: Backoff | None = None) -> None:
        self._service = service
        self._clock = service.clock
        self._probe = probe or Backoff(base=5.0, cap=120.0)
        self._paused_since: datetime | None = None
        self._probes = 0
        self._next_probe: datetime | None = None

    @property
    def paused(self) -> bool:
        return self._paused_since is not None

    def ws_lost(self) -> None:
        """Pause (something else, e.g. the status-bar probe, found the WS unreachable)."""
        if self._paused_since is None:
            now = self._clock.now()
            self._paused_since = now
            self._probes = 0
            self._next_probe = now + timedelta(seconds=self._probe.delay(1))
            log.info("automatic retries paused: the WS is unreachable")

    def ws_back(self) -> bool:
        """Resume and make every transient failure due now; False if not paused."""
        if self._paused_since is None:
            return False
        self._paused_since = None
        self._next_probe = None
        self._service.bring_forward()
        log.info("automatic retries resumed: the WS answers again")
        return True

    def next_wakeup(self) -> datetime | None:
        """When a tick has work: the next probe while paused, else the earliest due document."""
        if self._paused_since is not None:
            return self._next_probe
        return self._service.next_due()

    def tick(self, cancel: CancelToken | None = None) -> TickReport:
        now = self._clock.now()
        resumed = False
        if self._paused_since is not None:
            if self._next_probe is not None and now < self._next_probe:
                return TickReport(paused=True)
            if not self._service.ws_reachable():
                self._probes += 1
                delay = self._probe.delay(self._probes + 1)
                self._next_probe = now + timedelta(seconds=delay)
                return TickReport(paused=True)
            resumed = self.ws_back()
        due = self._service.next_due()
        if due is None or due > now:
            return TickReport(paused=False, resumed=resumed)
        try:
            report = self._service.retry_due(cancel=cancel)
        except KsefDesktopError as exc:  # e.g. no WS address configured
            if is_unreachable(exc):
                self.ws_lost()
            return TickReport(paused=self.paused, resumed=resumed, error=exc.message)
        if report.ws_unreachable:
            self.ws_lost()
        return TickReport(paused=self.paused, resumed=resumed, delivery=report)
