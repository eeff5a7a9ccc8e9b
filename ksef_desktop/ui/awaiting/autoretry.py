"""Drives the RetryScheduler from a QTimer: a tick on the runner at each wakeup, one at a time."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ksef_desktop.services.autoretry import RetryScheduler, TickReport
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.clock import Clock
from ksef_desktop.ui.common.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

#: The longest the timer sleeps before looking at the clock again: a wall clock
#: can jump (suspend, time zone, a test's manual clock) and new work may arrive.
MAX_WAIT_MS = 60_000

_Step = Callable[[CancelToken, Progress], Any]


class RetryDriver(QObject):
    """Owns the timer; the scheduler (Qt-free) decides what is due and whether to pause.

    Every scheduler call runs on the runner, one at a time (a small queue), so
    its state is never touched by two threads together and SQLite never blocks
    the GUI thread.
    """

    ticked = Signal(object)  # TickReport
    paused_changed = Signal(bool)  # True while the WS is unreachable
    wakeup_planned = Signal(object)  # datetime | None: when the next tick is due

    def __init__(
        self,
        scheduler: RetryScheduler,
        runner: TaskRunner,
        clock: Clock,
        parent: QObject | None = None,
        *,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._scheduler = scheduler
        self._runner = runner
        self._clock = clock
        self._max_wait_ms = max_wait_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._queue: list[tuple[str, _Step, Callable[[Any], None]]] = []
        self._task: Task[Any] | None = None
        self._running = False
        self._paused = scheduler.paused

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        self._running = True
        self.replan()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._queue.clear()
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._task = None

    # --- requests ----------------------------------------------------------------

    @Slot()
    def replan(self) -> None:
        """Look again at when the next tick is due (new documents, a change elsewhere)."""
        if any(name == "plan" for name, _, _ in self._queue):
            return
        self._enqueue("plan", lambda _c, _p: self._scheduler.next_wakeup(), self._on_planned)

    @Slot()
    def tick_now(self) -> None:
        self._timer.stop()
        if not any(name == "tick" for name, _, _ in self._queue):
            self._enqueue("tick", lambda c, _p: self._scheduler.tick(c), self._on_ticked)

    @Slot()
    def ws_lost(self) -> None:
        """Something else (the status-bar probe) found the WS unreachable: pause."""
        self._enqueue("ws lost", lambda _c, _p: self._scheduler.ws_lost(), self._after_state)

    @Slot()
    def ws_back(self) -> None:
        """The WS answers again: resume, making every transient failure due now."""
        self._enqueue("ws back", lambda _c, _p: self._scheduler.ws_back(), self._after_state)

    # --- the serial queue --------------------------------------------------------------

    def _enqueue(self, name: str, step: _Step, done: Callable[[Any], None]) -> None:
        if not self._running:
            return
        self._queue.append((name, step, done))
        self._next()

    def _next(self) -> None:
        if self._task is not None or not self._queue or not self._running:
            return
        name, step, done = self._queue.pop(0)
        self._task = self._runner.run(
            f"automatic retry: {name}",
            step,
            on_returned=done,
            on_errored=self._on_step_errored,
            on_finished=self._on_step_finished,
        )

    @Slot()
    def _on_step_finished(self) -> None:
        self._task = None
        self._next()

    @Slot(object)
    def _on_step_errored(self, exc: BaseException) -> None:
        # An unexpected failure must not stop automatic retries for good.
        log.warning("automatic retry step failed: %s", exc)
        self._arm(self._max_wait_ms)

    # --- results ----------------------------------------------------------------------

    def _after_state(self, _result: object) -> None:
        self._update_paused()
        self.replan()

    def _on_planned(self, wakeup: Any) -> None:
        self.wakeup_planned.emit(wakeup)
        if wakeup is None:
            self._arm(self._max_wait_ms)
            return
        delay = (wakeup - self._clock.now()).total_seconds() * 1000
        self._arm(int(min(max(delay, 0), self._max_wait_ms)))

    def _arm(self, milliseconds: int) -> None:
        if self._running:
            self._timer.start(milliseconds)

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.tick_now()

    def _on_ticked(self, report: TickReport) -> None:
        self._update_paused()
        self.ticked.emit(report)
        self.replan()

    def _update_paused(self) -> None:
        paused = self._scheduler.paused
        if paused != self._paused:
            self._paused = paused
            self.paused_changed.emit(paused)
