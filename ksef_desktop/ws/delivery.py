"""The delivery worker in a process of its own (what ``ksef-ws serve`` runs).

Sending to KSeF is mostly Python work: HTTP, JSON, encryption, the queue's
records. In the process that also answers the API, the senders and the request
threads share one interpreter lock, so a busy API slows delivery and a busy
delivery slows the API. ``ksef-ws serve`` therefore runs the worker in a child
process over the same SQLite store (WAL: both processes read and write it);
the service process tells it which company has new documents.

The child ends with the service, even after a ``kill -9``: it reads its
instructions from a pipe whose other end only the service holds, and the pipe's
end of file comes the moment the service is gone. Everything it does is in the
store, so dying there is no worse than the service dying. If the child itself
dies, the service starts a new one (which resumes and reconciles, as after a
restart) and reports "degraded" on /health meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from ksef_desktop.support.logs import log_to_stderr
from ksef_desktop.ws.config import WsConfig
from ksef_desktop.ws.ksefgate import Tuning
from ksef_desktop.ws.sessions import Backoff
from ksef_desktop.ws.store import DocumentStore
from ksef_desktop.ws.worker import Worker

log = logging.getLogger(__name__)

#: How often the service looks whether the delivery process is still there.
_SUPERVISE_SECONDS = 1.0
#: How long a stop waits for the child to finish its sends before it is ended.
_STOP_SECONDS = 15.0
#: A child that dies sooner than this after its start is restarted after a growing delay.
_QUICK_DEATH_SECONDS = 10.0
_MAX_RESTART_DELAY = 60.0
_LOG_FORMAT = "%(asctime)s %(levelname)s %(processName)s %(name)s: %(message)s"


class DeliveryProcess:
    """Runs a :class:`Worker` in a child process; same ``start/stop/notify/alive``."""

    def __init__(
        self, config: WsConfig, tuning: Tuning, backoff: Backoff, log_level: str = "warning"
    ) -> None:
        self._args: tuple[Any, ...] = (config, tuning, backoff, log_level.upper())
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._process: Any = None
        self._pipe: Connection | None = None
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._started_at = 0.0
        self.restarts = 0

    def start(self) -> None:
        self._spawn()
        self._supervisor = threading.Thread(
            target=self._supervise, name="ws-delivery-supervisor", daemon=True
        )
        self._supervisor.start()

    def _spawn(self) -> None:
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_child_main, args=(*self._args, reader), name="ksef-ws-delivery"
        )
        process.start()
        reader.close()  # only the child reads: its end of file is the service's exit
        with self._lock:
            self._process, self._pipe = process, writer
            self._started_at = time.monotonic()
        log.info("delivery process %d started", process.pid)

    def _supervise(self) -> None:
        quick_failures = 0
        while not self._stopping.wait(_SUPERVISE_SECONDS):
            with self._lock:
                process = self._process
            if process is None or process.is_alive() or self._stopping.is_set():
                continue
            # One that keeps dying at once (a broken disk, say) is started less and less often.
            lived = time.monotonic() - self._started_at
            quick_failures = quick_failures + 1 if lived < _QUICK_DEATH_SECONDS else 0
            delay = min(_MAX_RESTART_DELAY, 2.0**quick_failures - 1)
            log.error(
                "the delivery process %s ended unexpectedly (exit code %s); starting another%s",
                process.pid,
                process.exitcode,
                f" in {delay:.0f} s" if delay >= 1 else "",
            )
            if self._stopping.wait(delay):
                return
            self.restarts += 1
            try:
                self._spawn()
            except OSError:
                log.exception("cannot start the delivery process; trying again")

    def notify(self, nip: str) -> None:
        """Tell the worker ``nip`` has new documents.

        Lost while the child is being replaced, which does no harm: a new worker
        claims everything due when it starts.
        """
        with self._lock:
            if self._pipe is None:
                return
            with contextlib.suppress(OSError):
                self._pipe.send(nip)

    def alive(self) -> bool:
        with self._lock:
            return self._process is not None and self._process.is_alive()

    def stop(self) -> None:
        """Ask the child to finish the sends under way and stop; end it if it does not."""
        self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.join()
        with self._lock:
            process, pipe = self._process, self._pipe
            self._process = self._pipe = None
        if process is None or pipe is None:
            return
        with contextlib.suppress(OSError):
            pipe.send(None)
        pipe.close()
        process.join(_STOP_SECONDS)
        if process.is_alive():
            log.warning("the delivery process did not stop in time; ending it")
            process.kill()
            process.join()


def _child_main(
    config: WsConfig, tuning: Tuning, backoff: Backoff, log_level: str, pipe: Connection
) -> None:
    """The delivery process: the worker, fed with company NIPs until told to stop."""
    log_to_stderr(log_level, _LOG_FORMAT)
    store = DocumentStore(config.data_dir)
    worker = Worker(config.companies, store, tuning, backoff)
    worker.start()
    stopping = threading.Event()
    threading.Thread(target=_watch_worker, args=(worker, stopping), daemon=True).start()
    while True:
        try:
            message = pipe.recv()
        except (EOFError, OSError):
            # The service is gone without a word (killed): stop at once, as it did.
            os._exit(0)
        if message is None:
            break
        worker.notify(message)
    stopping.set()
    worker.stop()
    store.close()


def _watch_worker(worker: Worker, stopping: threading.Event) -> None:
    """A worker thread that died cannot be restarted in place: the service starts a new child."""
    while worker.alive() or stopping.is_set():
        if stopping.wait(_SUPERVISE_SECONDS):
            return
    logging.getLogger(__name__).error("a delivery thread ended; restarting the delivery process")
    os._exit(3)
