"""A real ksef-sim + ksef-ws pair on loopback for the desktop's tests, with helper companies."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ksef_desktop.demo import Company, start_ws_for
from ksef_desktop.simulator.server import RunningSimulator
from ksef_desktop.simulator.server import start_in_thread as start_simulator
from ksef_desktop.ws.server import RunningWs
from tests.helpers.tls import self_signed

GOOD_NIP = "5261040828"  # configured in ksef.ini, token known to the simulator
BAD_TOKEN_NIP = "7740001454"  # noqa: S105 - a NIP, not a secret  # configured, but its token is not one the simulator issued
UNCONFIGURED_NIP = "1234563218"  # a valid NIP with no [company] section
GOOD_TOKEN = "TEST-good-token|nip-5261040828"  # noqa: S105 - the simulator's test token


@dataclass
class Chain:
    sim: RunningSimulator
    ws: RunningWs

    @property
    def address(self) -> str:
        return self.ws.base_url

    def register(self, code: str) -> None:
        self.ws.service.registry.add(code)

    def revoke(self, key_id: str) -> None:
        self.ws.service.registry.revoke(key_id)


@contextmanager
def running_chain(root: Path) -> Iterator[Chain]:
    sim = start_simulator(tokens={GOOD_NIP: GOOD_TOKEN, BAD_TOKEN_NIP: "the-real-token"})
    try:
        ws = start_ws_for(
            root,
            {
                GOOD_NIP: Company(GOOD_NIP, sim.base_url, GOOD_TOKEN),
                BAD_TOKEN_NIP: Company(BAD_TOKEN_NIP, sim.base_url, "a-token-ksef-never-issued"),
            },
        )
        try:
            yield Chain(sim, ws)
        finally:
            ws.stop()
    finally:
        sim.stop()


def closed_port_url() -> str:
    """A loopback address where nothing listens (the port was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextmanager
def silent_server() -> Iterator[str]:
    """A loopback port that accepts connections but never answers (a hung service)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


@contextmanager
def untrusted_tls_server(directory: Path) -> Iterator[str]:
    """An HTTPS port whose certificate is self-signed: the client must refuse it."""
    import ssl
    import threading

    cert, key = self_signed(directory)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    stop = threading.Event()

    def serve() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(1)
            except OSError:
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        sock.close()
