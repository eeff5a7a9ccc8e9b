"""The demo environment: ksef-sim and ksef-ws in-process, a demo company, its key registered."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ksef_desktop.contract.client import WsClient
from ksef_desktop.demo.seed import DEMO_CUSTOMERS, seed
from ksef_desktop.services.authorization import AuthorizationService
from ksef_desktop.services.awaiting import AwaitingService
from ksef_desktop.services.keystore import FileKeyStore
from ksef_desktop.services.parameters import KsefParameters, ParametersService
from ksef_desktop.simulator.server import RunningSimulator
from ksef_desktop.simulator.server import start_in_thread as start_simulator
from ksef_desktop.storage.customers import CustomerRecord, CustomerRepository
from ksef_desktop.storage.db import open_database
from ksef_desktop.storage.documents import DocumentRepository
from ksef_desktop.storage.keys import KeyRecordRepository
from ksef_desktop.storage.outbox import OutboxRepository
from ksef_desktop.storage.parameters import ParametersRepository
from ksef_desktop.support.paths import AppDirs
from ksef_desktop.ws import config as ws_config
from ksef_desktop.ws.server import RunningWs
from ksef_desktop.ws.server import start_in_thread as start_ws

log = logging.getLogger(__name__)

DEMO_NIP = "5261040828"


@dataclass(frozen=True)
class Company:
    """A ``[company NIP]`` section: the KSeF base URL and the company's KSeF token."""

    nip: str
    ksef_url: str
    token: str = field(repr=False)
    session_mode: str = "immediate"


def write_ksef_ini(path: Path, data_dir: Path, companies: Mapping[str, Company]) -> Path:
    """A real ``ksef.ini`` listening on a free loopback port, tokens in 0600 files."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["[ws]", "listen = 127.0.0.1:0", f"data_dir = {data_dir}", "ksef_poll_seconds = 0.05"]
    for nip, company in companies.items():
        token_file = path.parent / f"{nip}.token"
        token_file.unlink(missing_ok=True)
        fd = os.open(token_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(company.token)
        lines += [
            "",
            f"[company {nip}]",
            f"environment = {company.ksef_url}",
            f"token_file = {token_file}",
            f"session_mode = {company.session_mode}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_ws_for(root: Path, companies: Mapping[str, Company]) -> RunningWs:
    """ksef-ws on a free loopback port with its own data directory under ``root``."""
    ini = write_ksef_ini(root / "ksef.ini", root / "data", companies)
    return start_ws(ws_config.load(ini))


@dataclass
class DemoEnvironment:
    sim: RunningSimulator
    ws: RunningWs
    nip: str

    @property
    def ws_address(self) -> str:
        return self.ws.base_url

    def make_ksef_unavailable(self) -> None:
        """KSeF answers 503 to the next invoices: about a minute of ksef-ws retries.

        The late demo invoice waits through those retries (the AWAITING DOCUMENTS
        browser has something to show), then KSeF takes it and everything sent later.
        """
        self.sim.sim.add_faults(f"send_invoice:503@count={OUTAGE_SENDS}")

    def stop(self) -> None:
        # Lift the fault first so the WS worker is not stuck in KSeF retries when stopping.
        self.sim.sim.clear_faults()
        self.ws.stop()
        self.sim.stop()


#: Invoice sends KSeF refuses after the demo's seeding: ksef-ws tries 6 times per attempt
#: (about 15 s) and defers between attempts, so the outage lasts about a minute.
OUTAGE_SENDS = 24


def _demo_token(root: Path) -> str:
    """The demo company's KSeF token, kept across restarts of the same demo."""
    path = root / "demo-ksef.token"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    token = f"DEMO-{secrets.token_hex(16)}|nip-{DEMO_NIP}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token)
    return token


def start_demo(dirs: AppDirs) -> DemoEnvironment:
    """Start both servers, then point the desktop's store at them with a registered key.

    Ports are new on every start, so the WS address is written each time; the
    key and the WS registry persist in the demo directory until ``--reset``.
    """
    root = dirs.data / "servers"
    token = _demo_token(root)
    sim = start_simulator(tokens={DEMO_NIP: token}, state_dir=root / "sim")
    try:
        ws = start_ws_for(root / "ws", {DEMO_NIP: Company(DEMO_NIP, sim.base_url, token)})
    except BaseException:
        sim.stop()
        raise
    env = DemoEnvironment(sim, ws, DEMO_NIP)
    try:
        _configure_desktop(dirs, env)
    except BaseException:
        env.stop()
        raise
    log.info("demo: ksef-sim at %s, ksef-ws at %s", sim.base_url, ws.base_url)
    return env


def _configure_desktop(dirs: AppDirs, env: DemoEnvironment) -> None:
    db = open_database(dirs.ensure().data)
    try:
        parameters = ParametersService(ParametersRepository(db))
        parameters.save(
            KsefParameters(active=True, ws_address=env.ws_address, company_nip=env.nip)
        )
        authorization = AuthorizationService(
            KeyRecordRepository(db), [FileKeyStore(dirs.data / "keys")]
        )
        info = authorization.current()
        if info is None or info.nip != env.nip:
            info = authorization.generate(env.nip)
        env.ws.service.registry.add(info.code)  # what the operator's `ksef-ws keys add` does
        with WsClient(env.ws_address, authorization.signing_key, timeout=10.0) as client:
            awaiting = AwaitingService(OutboxRepository(db), lambda: client)
            added = seed(
                client,
                DocumentRepository(db),
                env.nip,
                env.make_ksef_unavailable,
                awaiting.hold,
            )
        if added:
            customers = CustomerRepository(db)
            for nip, name, line1, line2 in DEMO_CUSTOMERS:
                customers.save(CustomerRecord(0, nip, name, line1, line2, "PL", None))
        log.info("demo: %d sample documents recorded", added)
    finally:
        db.close()
