"""uvicorn for ksef-ws: in a thread (tests, the desktop demo); make_server for serve."""

from __future__ import annotations

import logging

import uvicorn

from ksef_desktop.serving import RunningServer, ThreadedServer
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


class RunningWs(RunningServer):
    """A ksef-ws serving on ``base_url``; ``service`` gives tests the store and registry."""

    def __init__(self, service: Service, server: ThreadedServer) -> None:
        self.service = service
        self._server = server
        self.base_url = server.url(service.config.scheme)

    def stop(self, timeout: float = 15.0) -> None:
        self._server.stop(timeout)
        self.service.stop()


def start_in_thread(
    config: WsConfig,
    *,
    tuning: Tuning | None = None,
    backoff: Backoff | None = None,
    startup_timeout: float = 15.0,
) -> RunningWs:
    """Start the worker and the HTTP server; returns once requests are accepted."""
    service = Service.build(config, tuning=tuning, backoff=backoff)
    try:
        server = ThreadedServer(make_server(service), "ksef-ws", startup_timeout)
    except RuntimeError:
        service.stop()
        raise
    service.start()
    running = RunningWs(service, server)
    log.info("ksef-ws listening on %s", running.base_url)
    return running
