"""The one task runner: service calls on a QThreadPool, results delivered as signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ksef_desktop.services.cancel import CancelledError, CancelToken, Progress

log = logging.getLogger(__name__)
T = TypeVar("T")

#: A service call: receives the cancel token and a progress callback.
Operation = Callable[[CancelToken, Progress], T]


class TaskSignals(QObject):
    """Lives in the GUI thread; the worker emits, so connected slots run in the GUI thread."""

    returned = Signal(object)
    errored = Signal(object)
    progress = Signal(str)
    finished = Signal()


class Task(Generic[T]):
    """A running operation. ``cancel()`` stops waiting: nothing it returns is delivered."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.token = CancelToken()
        self.signals = TaskSignals()
        self.done = False
        # Both kept alive by the task until the GUI thread has seen it finish.
        self.delivery: QObject | None = None
        self.runnable: QRunnable | None = None

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable, Generic[T]):
    def __init__(self, task: Task[T], operation: Operation[T]) -> None:
        super().__init__()
        # Python owns the runnable (the task keeps it) until the GUI thread sees it finish.
        self.setAutoDelete(False)
        self._task = task
        self._operation = operation

    def run(self) -> None:
        task = self._task
        signals = task.signals
        try:
            result = self._operation(task.token, signals.progress.emit)
        except CancelledError:
            log.debug("task %s cancelled", task.name)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI's error display
            if not task.cancelled:
                signals.errored.emit(exc)
        else:
            if not task.cancelled:
                signals.returned.emit(result)
        finally:
            signals.finished.emit()


class _Delivery(QObject):
    """A GUI-thread receiver, so the worker's emissions are queued to the GUI thread."""

    def __init__(
        self,
        runner: TaskRunner,
        task: Task[Any],
        *,
        on_returned: Callable[[Any], None] | None,
        on_errored: Callable[[BaseException], None] | None,
        on_progress: Callable[[str], None] | None,
        on_finished: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self._runner = runner
        self._task = task
        self._returned = on_returned
        self._errored = on_errored
        self._progress = on_progress
        self._finished = on_finished

    @Slot(object)
    def on_returned(self, value: object) -> None:
        if not self._task.cancelled and self._returned is not None:
            self._returned(value)

    @Slot(object)
    def on_errored(self, exc: BaseException) -> None:
        if self._task.cancelled:
            return
        if self._errored is not None:
            self._errored(exc)
        else:
            self._runner.task_failed.emit(exc)

    @Slot(str)
    def on_progress(self, text: str) -> None:
        if not self._task.cancelled and self._progress is not None:
            self._progress(text)

    @Slot()
    def on_finished(self) -> None:
        self._task.done = True
        self._runner.forget(self._task)
        if self._finished is not None:
            self._finished()


class TaskRunner(QObject):
    """Runs operations off the GUI thread; the GUI never waits on disk or network.

    Callbacks are invoked on the GUI thread and skipped once the task is
    cancelled, so a late answer from a slow server cannot overwrite newer state.
    """

    task_failed = Signal(object)  # an error no caller handled; the error display shows it
    task_done = Signal()  # any task ended (tests wait on it)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task[Any]] = set()

    @property
    def active(self) -> int:
        return len(self._running)

    def run(
        self,
        name: str,
        operation: Operation[T],
        *,
        on_returned: Callable[[T], None] | None = None,
        on_errored: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[str], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Task[T]:
        task: Task[T] = Task(name)
        delivery = _Delivery(
            self,
            task,
            on_returned=on_returned,
            on_errored=on_errored,
            on_progress=on_progress,
            on_finished=on_finished,
        )
        task.signals.returned.connect(delivery.on_returned)
        task.signals.errored.connect(delivery.on_errored)
        task.signals.progress.connect(delivery.on_progress)
        task.signals.finished.connect(delivery.on_finished)
        task.delivery = delivery
        self._running.add(task)
        task.runnable = _Runnable(task, operation)
        self._pool.start(task.runnable)
        return task

    def forget(self, task: Task[Any]) -> None:
        self._running.discard(task)
        task.delivery = None
        task.runnable = None
        self.task_done.emit()

    def shutdown(self, wait_ms: int = 3000) -> bool:
        """Cancel everything and wait a little for the threads; True when all ended."""
        for task in list(self._running):
            task.cancel()
        self._pool.clear()
        return self._pool.waitForDone(wait_ms)
