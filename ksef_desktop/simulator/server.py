"""Run the simulator with uvicorn in a background thread (tests, the desktop demo)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

import uvicorn

from ksef_desktop.simulator.app import create_app
from ksef_desktop.simulator.core import Lifetimes, Simulator

log = logging.getLogger(__name__)


class RunningSimulator:
    """A simulator serving HTTP on ``base_url``; ``sim`` is its state for tests."""

    def __init__(self, sim: Simulator, server: uvicorn.Server, thread: threading.Thread) -> None:
        self.sim = sim
        self._server = server
        self._thread = thread
        sockets = server.servers[0].sockets
        host, port = sockets[0].getsockname()[:2]
        self.host = str(host)
        self.port = int(port)
        self.base_url = f"http://{self.host}:{self.port}"
        self.api_url = self.base_url + "/v2"

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving, wait for the thread, close the state store."""
        self._server.should_exit = True
        self._thread.join(timeout)
        self.sim.close()

    def __enter__(self) -> RunningSimulator:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def make_server(
    sim: Simulator, host: str, port: int, log_level: str = "warning"
) -> uvicorn.Server:
    config = uvicorn.Config(
        create_app(sim),
        host=host,
        port=port,
        log_level=log_level,
        lifespan="off",
        access_log=False,
        timeout_graceful_shutdown=1,
    )
    return uvicorn.Server(config)


def _serve(server: uvicorn.Server) -> None:
    # uvicorn ends a failed start-up (e.g. a busy port) with sys.exit; in a thread that
    # only means "not started", which start_in_thread reports itself.
    try:
        server.run()
    except SystemExit as exc:
        log.error("ksef-sim stopped during start-up (exit status %s)", exc.code)


def start_in_thread(
    *,
    tokens: Mapping[str, str],
    state_dir: Path | None = None,
    faults: str | None = None,
    processing_delay: float = 0.0,
    host: str = "127.0.0.1",
    port: int = 0,
    seed: int | None = None,
    lifetimes: Lifetimes | None = None,
    startup_timeout: float = 15.0,
) -> RunningSimulator:
    """Start a simulator on ``host:port`` (0 = a free port) and return once it accepts requests."""
    sim = Simulator(
        state_dir=state_dir,
        tokens=tokens,
        faults=faults,
        processing_delay=processing_delay,
        seed=seed,
        lifetimes=lifetimes,
    )
    server = make_server(sim, host, port)
    thread = threading.Thread(target=_serve, args=(server,), name="ksef-sim", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sim.close()
            raise RuntimeError(f"ksef-sim did not start on {host}:{port}")
        time.sleep(0.005)
    running = RunningSimulator(sim, server, thread)
    log.info("ksef-sim listening on %s", running.base_url)
    return running
