"""kill -9 of ksef-ws at random moments while 500 documents are in flight, restarted 10 times.

ksef-ws runs as a real process (``ksef-ws serve``); the KSeF peer is a ksef-sim
with its state on disk. At the end every ERP id has exactly one KSeF number and
the simulator holds exactly 500 accepted invoices, none of them twice.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ksef_desktop.contract.api import DocumentState, DocumentStatus
from ksef_desktop.contract.client import WsClient
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.simulator.server import RunningSimulator
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws.cli import main as ws_cli
from tests.helpers.ws_env import (
    OTHER,
    SELLER,
    TOKENS,
    client_for,
    erp_doc,
    free_port,
    new_key,
    wait_until,
    write_ini,
)

DOCUMENTS_PER_COMPANY = 250  # 500 in all: SELLER in immediate mode, OTHER in batch mode
KILLS = 10
SEED = 20261125
SCRIPT = Path(sys.executable).parent / "ksef-ws"


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[RunningSimulator]:
    # KSeF's limits scaled to this test's rate, so batch mode reads most verdicts from
    # the session's invoice list (as it does on a test environment with raised limits).
    with start_sim(tokens=TOKENS, state_dir=tmp_path / "sim", rate_limit_scale=100) as running:
        yield running


class Service:
    """``ksef-ws serve`` as a child process, killed with SIGKILL."""

    def __init__(self, ini: Path, log: Path) -> None:
        self.ini = ini
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, probe: WsClient) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [str(SCRIPT), "serve", "--config", str(self.ini), "--log-level", "warning"],
                stdout=log,
                stderr=log,
            )
        wait_until(lambda: _healthy(probe), 60, "ksef-ws to answer")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()  # SIGKILL: no clean-up of any kind
        self.proc.wait(30)


def _healthy(client: WsClient) -> bool:
    try:
        client.health()
    except KsefDesktopError:
        return False
    return True


class Submitter(threading.Thread):
    """Submits documents in small batches until it runs out or the service dies."""

    def __init__(self, client: WsClient, docs: list[ErpDocument]) -> None:
        super().__init__(daemon=True)
        self.client = client
        self.docs = docs
        self.acknowledged: list[str] = []

    def run(self) -> None:
        for start in range(0, len(self.docs), 20):
            chunk = self.docs[start : start + 20]
            try:
                items = self.client.submit_many(chunk)
            except KsefDesktopError:
                return
            self.acknowledged += [i.id for i in items if isinstance(i, DocumentStatus)]


def _statuses(client: WsClient, ids: list[str]) -> list[DocumentStatus]:
    result: list[DocumentStatus] = []
    for start in range(0, len(ids), 250):
        result += client.statuses(ids[start : start + 250])
    return result


def test_kill_9_at_random_moments_loses_nothing_and_sends_nothing_twice(
    tmp_path: Path, sim: RunningSimulator
) -> None:
    rng = random.Random(SEED)  # noqa: S311 - reproducible kill moments, not crypto
    ini = write_ini(
        tmp_path / "ws",
        sim.base_url,
        {SELLER: "immediate", OTHER: "batch"},
        port=free_port(),
        extra_ws="ksef_poll_seconds = 0.02",
        extra_company="batch_window_minutes = 0.02\nbatch_max_documents = 60",
    )
    keys = {nip: new_key(nip) for nip in (SELLER, OTHER)}
    for _, code in keys.values():
        assert ws_cli(["keys", "add", code.text, "--config", str(ini)]) == 0
    base_url = "http://" + ini.read_text().split("listen = ")[1].split()[0]
    clients = {nip: client_for(base_url, *keys[nip]) for nip in keys}
    docs = {
        SELLER: [erp_doc(i) for i in range(DOCUMENTS_PER_COMPANY)],
        OTHER: [erp_doc(i, nip=OTHER, buyer=SELLER) for i in range(DOCUMENTS_PER_COMPANY)],
    }
    service = Service(ini, tmp_path / "ksef-ws.log")
    acknowledged: dict[str, set[str]] = {SELLER: set(), OTHER: set()}
    try:
        for round_number in range(KILLS):
            service.start(clients[SELLER])
            # Every id the service acknowledged before a crash must still be there.
            for nip, ids in acknowledged.items():
                assert len(_statuses(clients[nip], sorted(ids))) == len(ids)
            share = (round_number + 1) * DOCUMENTS_PER_COMPANY // KILLS
            submitters = [
                Submitter(
                    clients[nip], [d for d in docs[nip][:share] if d.id not in acknowledged[nip]]
                )
                for nip in (SELLER, OTHER)
            ]
            for submitter in submitters:
                submitter.start()
            time.sleep(rng.uniform(0.2, 1.5))  # the random moment of the crash
            service.kill()
            for nip, submitter in zip((SELLER, OTHER), submitters, strict=True):
                submitter.join(30)
                acknowledged[nip].update(submitter.acknowledged)
        service.start(clients[SELLER])
        for nip in (SELLER, OTHER):
            assert len(_statuses(clients[nip], sorted(acknowledged[nip]))) == len(
                acknowledged[nip]
            )
            for start in range(0, DOCUMENTS_PER_COMPANY, 100):
                clients[nip].submit_many(docs[nip][start : start + 100])

        def everything_accepted() -> bool:
            return all(
                all(
                    s.state is DocumentState.ACCEPTED
                    for s in _statuses(clients[nip], [d.id for d in docs[nip]])
                )
                for nip in (SELLER, OTHER)
            )

        wait_until(everything_accepted, 120, "all 500 documents accepted")
        final = {nip: _statuses(clients[nip], [d.id for d in docs[nip]]) for nip in docs}
    finally:
        if service.proc is not None and service.proc.poll() is None:
            service.kill()
        for client in clients.values():
            client.close()
    # The kills did land mid-delivery: some documents had to be taken up again.
    assert any(s.attempts > 1 for items in final.values() for s in items)
    numbers = [s.ksef_number for items in final.values() for s in items]
    assert len(numbers) == 2 * DOCUMENTS_PER_COMPANY
    assert None not in numbers
    assert len(set(numbers)) == len(numbers)  # one KSeF number per ERP id
    accepted = [i for i in sim.sim.invoices() if i["ksef_number"]]
    assert sim.sim.invoice_count() == 2 * DOCUMENTS_PER_COMPANY
    assert sorted(i["ksef_number"] for i in accepted) == sorted(numbers)  # type: ignore[type-var]
    seller_numbers = [(i["seller_nip"], i["invoice_number"]) for i in accepted]
    assert len(set(seller_numbers)) == len(seller_numbers)  # no invoice twice in KSeF


def _one_company(
    tmp_path: Path, sim: RunningSimulator, mode: str, extra_ws: str = "", extra_company: str = ""
) -> tuple[Service, WsClient]:
    """``ksef-ws serve`` (not started) for SELLER, its key registered, and a client."""
    ini = write_ini(
        tmp_path / "ws",
        sim.base_url,
        {SELLER: mode},
        port=free_port(),
        extra_ws=f"ksef_poll_seconds = 0.02\n{extra_ws}",
        extra_company=extra_company,
    )
    key, code = new_key(SELLER)
    assert ws_cli(["keys", "add", code.text, "--config", str(ini)]) == 0
    base_url = "http://" + ini.read_text().split("listen = ")[1].split()[0]
    return Service(ini, tmp_path / "ksef-ws.log"), client_for(base_url, key, code)


def test_sigterm_stops_the_service_cleanly_after_a_large_batch(
    tmp_path: Path, sim: RunningSimulator
) -> None:
    """SIGTERM (systemd's stop): delivery, intake processes and store shut down, exit 0."""
    service, client = _one_company(
        tmp_path, sim, "batch", "intake_processes = 1", "batch_window_minutes = 0.02"
    )
    with client:
        service.start(client)
        docs = [erp_doc(900 + i) for i in range(45)]  # large enough for the intake process
        assert all(isinstance(i, DocumentStatus) for i in client.submit_many(docs))
        assert service.proc is not None
        service.proc.terminate()
        assert service.proc.wait(60) == 0
    log = (tmp_path / "ksef-ws.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
    assert "leaked semaphore" not in log  # the intake process was shut down, not abandoned


def _delivery_processes(service_pid: int) -> list[int]:
    """The service's spawned children (before any large batch: the delivery process only)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue  # ended while we looked
        if parent == service_pid and b"spawn_main" in command:
            found.append(int(entry.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"  # ended, not yet reaped by its (dead) parent's successor


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_the_delivery_process_is_replaced_when_it_dies_and_dies_with_the_service(
    tmp_path: Path, sim: RunningSimulator
) -> None:
    service, client = _one_company(tmp_path, sim, "immediate")
    with client:
        service.start(client)
        assert service.proc is not None
        (first,) = _delivery_processes(service.proc.pid)
        os.kill(first, signal.SIGKILL)
        pid = service.proc.pid
        wait_until(lambda: _delivery_processes(pid) not in ([], [first]), 30, "a new delivery")
        (second,) = _delivery_processes(pid)
        # The new process delivers: a document submitted now gets its KSeF number.
        client.submit(erp_doc(950))

        def accepted() -> bool:
            return client.status(erp_doc(950).id).ksef_number is not None

        wait_until(accepted, 30, "the document to be accepted")
        assert client.health().status == "ok"
        service.kill()  # kill -9 of the service: its delivery process must not live on
        wait_until(lambda: _gone(second), 10, "the delivery process to end")
    log = (tmp_path / "ksef-ws.log").read_text(encoding="utf-8")
    assert "delivery process" in log
    assert "ended unexpectedly" in log
