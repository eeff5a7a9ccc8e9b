"""uvicorn for ksef-ws: in a thread (tests, the desktop demo); make_server for serve."""

from __future__ import annotations

import logging
import threading
import time
from types import TracebackType

import uvicorn

from ksef_desktop.ws.app import create_app
from ksef_desktop.ws.config import WsConfig
from ksef_desktop.ws.ksefgate import Tuning
from ksef_desktop.ws.service import Service
from ksef_desktop.ws.sessions import Backoff

log = logging.getLogger(__name__)


def make_server(service: Service, log_level: str = "warning") -> uvicorn.Server:
    config = service.config
    settings = uvicorn.Config(
        create_app(service),
        host=config.host,
        port=config.port,
        log_level=log_level,
        lifespan="off",
        access_log=False,
        timeout_graceful_shutdown=5,
        ssl_certfile=str(config.tls_cert) if config.tls_cert else None,
        ssl_keyfile=str(config.tls_key) if config.tls_key else None,
    )
    return uvicorn.Server(settings)


class RunningWs:
    """A ksef-ws serving on ``base_url``; ``service`` gives tests the store and registry."""

    def __init__(self, service: Service, server: uvicorn.Server, thread: threading.Thread) -> None:
        self.service = service
        self._server = server
        self._thread = thread
        host, port = server.servers[0].sockets[0].getsockname()[:2]
        host_text = f"[{host}]" if ":" in str(host) else str(host)
        self.base_url = f"{service.config.scheme}://{host_text}:{port}"

    def stop(self, timeout: float = 15.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)
        self.service.stop()

    def __enter__(self) -> RunningWs:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_in_thread(
    config: WsConfig,
    *,
    tuning: Tuning | None = None,
    backoff: Backoff | None = None,
    startup_timeout: float = 15.0,
) -> RunningWs:
    """Start the worker and the HTTP server; returns once requests are accepted."""
    service = Service.build(config, tuning=tuning, backoff=backoff)
    server = make_server(service)
    thread = threading.Thread(target=server.run, name="ksef-ws", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            service.stop()
            raise RuntimeError(f"ksef-ws did not start on {config.host}:{config.port}")
        time.sleep(0.005)
    service.start()
    running = RunningWs(service, server, thread)
    log.info("ksef-ws listening on %s", running.base_url)
    return running
