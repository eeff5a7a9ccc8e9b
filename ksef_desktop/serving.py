"""uvicorn in a background thread: how ksef-sim and ksef-ws run inside tests and the demo."""

from __future__ import annotations

import abc
import logging
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn

log = logging.getLogger(__name__)


class ThreadedServer:
    """A started uvicorn server on its own daemon thread, with the port it bound."""

    def __init__(self, server: uvicorn.Server, name: str, startup_timeout: float = 15.0) -> None:
        self.name = name
        self._server = server
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                config = server.config
                raise RuntimeError(f"{name} did not start on {config.host}:{config.port}")
            time.sleep(0.005)
        host, port = server.servers[0].sockets[0].getsockname()[:2]
        self.host = str(host)
        self.port = int(port)

    def _run(self) -> None:
        # uvicorn ends a failed start-up (e.g. a busy port) with sys.exit; in a thread
        # that only means "not started", which the constructor reports itself.
        try:
            self._server.run()
        except SystemExit as exc:
            log.error("%s stopped during start-up (exit status %s)", self.name, exc.code)

    def url(self, scheme: str = "http") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}"

    def stop(self, timeout: float = 10.0) -> None:
        """Ask uvicorn to finish and wait for the thread."""
        self._server.should_exit = True
        self._thread.join(timeout)


class RunningServer(abc.ABC):
    """A handle on a server started in-process; leaving a ``with`` block stops it."""

    @abc.abstractmethod
    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving, wait for the thread and release what the server holds."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
