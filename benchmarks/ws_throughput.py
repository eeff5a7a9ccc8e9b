"""Prints documents per second through ksef-ws to ksef-sim, against the protocol port alone.

Each figure is the time from handing over the first document to the moment
every document has its KSeF number, in both session modes:

* baseline immediate: ``parallel`` threads, each with its own KsefPort, send an
  FA(3) and close the session (one session per document), as ksef-ws does;
* baseline batch: ``parallel`` threads share one port and one online session;
* ksef-ws: a signed WsClient submits the ERP JSON in batches of 100 and polls
  the documents accepted since its last poll until every document has its
  number (the service builds and validates the FA(3), stores each document
  durably and sends it).

ksef-sim and ksef-ws run as their own processes (``ksef-sim``, ``ksef-ws serve``),
as deployed; the baseline port runs in this process. ksef-sim reports request
limits 100 times KSeF's production ones (``--rate-limit-scale``): both sides send
far more than production's 10 invoices a second, and ksef-ws paces its reads of
a session's invoice list by what KSeF reports.

A second baseline also maps, builds and validates the FA(3) in the sending
threads (work ksef-ws does and the bare port does not). Target: ksef-ws at
most 1.3x the baseline time. Run:
``python benchmarks/ws_throughput.py [documents] [repeat] [--modes immediate,batch]
[--intake-processes N] [--rate-limit-scale N]`` (best of ``repeat`` runs).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ksef_desktop.contract import authcode
from ksef_desktop.contract.api import DocumentState
from ksef_desktop.contract.client import WsClient
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.contract.mapping import to_document
from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.fa3 import build, validate
from ksef_desktop.ksef import KsefEnvironment, KsefPort
from ksef_desktop.ksef.retry import RetryPolicy
from ksef_desktop.ws import config
from ksef_desktop.ws.ksefgate import Tuning, port_settings
from ksef_desktop.ws.registry import KeyRegistry

NIP = "5261040828"
TOKEN = "benchmark-token-" + NIP
EXAMPLE = Path(__file__).resolve().parents[1] / "schemas" / "examples" / "invoice-vat.json"
PARALLEL = 4
#: ksef-sim's request limits, in multiples of KSeF's production ones.
RATE_LIMIT_SCALE = 100
#: How far back each poll looks beyond the previous one: ksef-ws stamps a change under
#: the write lock, so only a commit under way at the previous poll can carry an older
#: stamp, and its transaction lasts milliseconds. Should one slip through anyway, the
#: client asks for the stragglers' statuses after STALL without news.
POLL_MARGIN = dt.timedelta(seconds=0.05)
STALL = 2.0
TUNING = Tuning(poll_initial=0.02, retry=RetryPolicy(base_delay=0.05), timeout_seconds=30)


def erp(prefix: str, index: int) -> ErpDocument:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    today = dt.date.today().isoformat()
    data.update(id=f"{prefix}-{index}", number=f"{prefix}/{index}", issue_date=today)
    data["sale_date"] = today
    data["payment"]["due_date"] = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    return ErpDocument.model_validate(data)


def in_threads(
    work: list[ErpDocument], count: int, send: Callable[[int, ErpDocument], None]
) -> None:
    def run(worker: int) -> None:
        for position in range(worker, len(work), count):
            send(worker, work[position])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def fa3_of(document: ErpDocument) -> bytes:
    """What the ERP side would have to do without ksef-ws: map, build and validate."""
    xml = build(to_document(document))
    assert not [p for p in validate(xml) if p.is_error]
    return xml


def baseline(sim_url: str, mode: str, docs: list[ErpDocument], *, with_fa3: bool) -> float:
    ini = config.CompanyConfig(
        nip=NIP, environment=KsefEnvironment.parse(sim_url), ksef_token=TOKEN
    )
    ports = [KsefPort(port_settings(ini, TUNING)) for _ in range(PARALLEL)]
    if mode == "batch":
        ports = [ports[0]] * PARALLEL
    for port in dict.fromkeys(ports):
        port.authenticate()

    prebuilt = {} if with_fa3 else {d.id: fa3_of(d) for d in docs}

    def send(worker: int, document: ErpDocument) -> None:
        xml = fa3_of(document) if with_fa3 else prebuilt[document.id]
        outcome = ports[worker].send_invoice(xml)
        assert outcome.accepted, outcome
        if mode == "immediate":
            ports[worker].close_session()

    start = time.perf_counter()
    in_threads(docs, PARALLEL, send)
    elapsed = time.perf_counter() - start
    for port in dict.fromkeys(ports):
        port.close_session()
        port.close()
    return elapsed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.05)


def answers(url: str) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def running_ws(
    sim_url: str, mode: str, tmp: Path, intake_processes: int | None = None
) -> Iterator[WsClient]:
    """``ksef-ws serve`` as its own process, warmed up; yields a signed client."""
    tmp.mkdir(parents=True)
    token = tmp / "token"
    token.write_text(TOKEN, encoding="utf-8")
    token.chmod(0o600)
    ini = tmp / "ksef.ini"
    port = free_port()
    ini.write_text(
        f"[ws]\nlisten = 127.0.0.1:{port}\ndata_dir = {tmp / 'data'}\n"
        f"ksef_poll_seconds = {TUNING.poll_initial}\n"
        + ("" if intake_processes is None else f"intake_processes = {intake_processes}\n")
        + f"[company {NIP}]\nenvironment = {sim_url}\ntoken_file = {token}\n"
        f"session_mode = {mode}\nparallel_sends = {PARALLEL}\n",
        encoding="utf-8",
    )
    private, code = authcode.generate(NIP)
    registry = KeyRegistry(config.load(ini).data_dir)
    registry.add(code.text)
    registry.close()
    script = Path(sys.executable).parent / "ksef-ws"
    server = subprocess.Popen(  # noqa: S603 - our own console script
        [str(script), "serve", "--config", str(ini), "--log-level", "warning"]
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        with WsClient(base_url, lambda: (code.key_id, private), timeout=60) as client:

            def healthy() -> bool:
                try:
                    client.health()
                except KsefDesktopError:
                    return False
                return True

            wait_for(healthy, "ksef-ws")
            client.connection_test()  # warm up: authenticate once, as the baseline does
            _measure(client, [erp(f"warm-{mode}", i) for i in range(50)])  # starts the intake
            yield client
    finally:
        server.terminate()
        server.wait(30)


def _measure(client: WsClient, docs: list[ErpDocument]) -> float:
    """Submit in batches of 100, then poll what changed until every document is numbered.

    The client asks only for documents accepted since its previous poll (minus a
    margin for commits in flight), as an ERP following many documents should,
    rather than for the status of every document it still waits for.
    """
    waiting = {d.id for d in docs}
    start = time.perf_counter()
    since = dt.datetime.now(dt.UTC) - POLL_MARGIN
    for first in range(0, len(docs), 100):
        client.submit_many(docs[first : first + 100])
    news_at = time.monotonic()
    while True:
        polled_at = dt.datetime.now(dt.UTC)
        cursor = None
        before = len(waiting)
        while True:
            page = client.list(
                status=DocumentState.ACCEPTED, since=since.isoformat(), cursor=cursor, limit=1000
            )
            waiting -= {s.id for s in page.items if s.ksef_number}
            cursor = page.next_cursor
            if cursor is None:
                break
        if not waiting:
            return time.perf_counter() - start
        if len(waiting) < before:
            news_at = time.monotonic()
        elif time.monotonic() - news_at > STALL:
            stragglers = sorted(waiting)[:500]
            waiting -= {s.id for s in client.statuses(stragglers) if s.ksef_number}
            news_at = time.monotonic()
        since = polled_at - POLL_MARGIN
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("documents", nargs="?", type=int, default=300)
    parser.add_argument("repeat", nargs="?", type=int, default=3, help="best of this many runs")
    parser.add_argument("--modes", default="immediate,batch", help="session modes to measure")
    parser.add_argument(
        "--intake-processes",
        type=int,
        default=None,
        help="ksef.ini [ws] intake_processes (default: the service's own default)",
    )
    parser.add_argument(
        "--rate-limit-scale",
        type=int,
        default=RATE_LIMIT_SCALE,
        help="ksef-sim's request limits in multiples of production's (1: production's)",
    )
    args = parser.parse_args()
    count, repeat = args.documents, args.repeat
    print(
        f"{count} documents, {PARALLEL} parallel sends, ksef-sim on loopback (request limits "
        f"{args.rate_limit_scale}x production's), best of {repeat}"
    )
    sim_port = free_port()
    sim_url = f"http://127.0.0.1:{sim_port}"
    sim = subprocess.Popen(  # noqa: S603 - our own console script
        [
            str(Path(sys.executable).parent / "ksef-sim"),
            "--port",
            str(sim_port),
            "--token",
            f"{NIP}:{TOKEN}",
            "--rate-limit-scale",
            str(args.rate_limit_scale),
            "--log-level",
            "warning",
        ]
    )
    try:
        wait_for(lambda: answers(sim_url), "ksef-sim")
        with tempfile.TemporaryDirectory() as tmp:
            for mode in args.modes.split(","):
                _compare(sim_url, mode, count, Path(tmp), repeat, intake=args.intake_processes)
    finally:
        sim.terminate()
        sim.wait(30)


def _compare(
    sim_url: str, mode: str, count: int, tmp: Path, repeat: int, *, intake: int | None
) -> None:
    """Rounds alternate (port alone, port + FA(3), ksef-ws) so drift hits all three alike."""
    m = mode[0]
    base, built, ws = [], [], []
    with running_ws(sim_url, mode, tmp / mode, intake) as client:
        for r in range(repeat):
            base.append(
                baseline(sim_url, mode, [erp(f"B{m}{r}", i) for i in range(count)], with_fa3=False)
            )
            built.append(
                baseline(sim_url, mode, [erp(f"F{m}{r}", i) for i in range(count)], with_fa3=True)
            )
            ws.append(_measure(client, [erp(f"W{m}{r}", i) for i in range(count)]))
    pairs = sorted(w / b for w, b in zip(ws, base, strict=True))
    print(f"{mode}:")
    print(f"  port alone (XML prebuilt)   {count / min(base):7.1f} doc/s  {min(base):6.2f} s")
    print(f"  port + FA(3) build/validate {count / min(built):7.1f} doc/s  {min(built):6.2f} s")
    print(
        f"  ksef-ws                     {count / min(ws):7.1f} doc/s  {min(ws):6.2f} s   overhead "
        f"{min(ws) / min(base):4.2f}x vs port alone, {min(ws) / min(built):4.2f}x vs port + FA(3)"
    )
    print(
        "  round by round, ksef-ws / port alone: "
        + ", ".join(f"{p:.2f}x" for p in pairs)
        + f" (median {statistics.median(pairs):.2f}x)"
    )


if __name__ == "__main__":
    main()
