"""Run the simulator with uvicorn in a background thread (tests, the desktop demo)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

import uvicorn

from ksef_desktop.serving import RunningServer, ThreadedServer
from ksef_desktop.simulator.app import create_app
from ksef_desktop.simulator.core import Lifetimes, Simulator

log = logging.getLogger(__name__)


class RunningSimulator(RunningServer):
    """A simulator serving HTTP on ``base_url``; ``sim`` is its state for tests."""

    def __init__(self, sim: Simulator, server: ThreadedServer) -> None:
        self.sim = sim
        self._server = server
        self.host = server.host
        self.port = server.port
        self.base_url = server.url()
        self.api_url = self.base_url + "/v2"

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving, wait for the thread, close the state store."""
        self._server.stop(timeout)
        self.sim.close()


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
    rate_limit_scale: int = 1,
) -> RunningSimulator:
    """Start a simulator on ``host:port`` (0 = a free port) and return once it accepts requests."""
    sim = Simulator(
        state_dir=state_dir,
        tokens=tokens,
        faults=faults,
        processing_delay=processing_delay,
        seed=seed,
        lifetimes=lifetimes,
        rate_limit_scale=rate_limit_scale,
    )
    try:
        server = ThreadedServer(make_server(sim, host, port), "ksef-sim", startup_timeout)
    except RuntimeError:
        sim.close()
        raise
    running = RunningSimulator(sim, server)
    log.info("ksef-sim listening on %s", running.base_url)
    return running
