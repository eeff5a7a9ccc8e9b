"""Invoices per second through KsefPort vs. ksef-client's own workflows, against ksef-sim.

Run: ``.venv/bin/python benchmarks/ksef_send.py [--online 100] [--batch 1000] [--repeat 3]``.
Both sides do the same work: authenticate, open a session, send, and wait until every
invoice has its KSeF number (batch: also close, wait for processing and fetch the UPO).
Prints the best of ``--repeat`` runs and the port/baseline time ratio (target ≤ 1.2).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ksef_client import KsefClient, KsefClientOptions
from ksef_client import http as ksef_http
from ksef_client.models import PublicKeyCertificateUsage
from ksef_client.services.workflows import (
    AuthCoordinator,
    BatchSessionWorkflow,
    OnlineSessionWorkflow,
)
from ksef_client.utils.zip_utils import build_zip

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ksef_desktop.ksef import KsefEnvironment, KsefPort, PortSettings
from ksef_desktop.ksef.outcomes import FA3
from ksef_desktop.ksef.retry import PollPolicy, RetryPolicy
from ksef_desktop.simulator.server import start_in_thread
from tests.helpers.ksef_xml import invoice_xml

NIP = "5261040828"
TOKEN = "20261125-EC-0000000001-0000000001-01|nip-5261040828|" + "ab" * 32
POLL = 0.001


def allow_loopback_uploads() -> None:
    """Let ksef-client's own batch workflow upload to the simulator on loopback.

    ksef-client refuses pre-signed URLs on loopback (an SSRF guard for the real
    service). The benchmark must stay on loopback, so for the baseline the guard
    is switched off here; it is a URL check, not part of the work measured.
    """
    ksef_http._validate_presigned_url_security = lambda options, url: None  # type: ignore[assignment]


def port_run(base_url: str, xmls: list[bytes], batch: bool) -> None:
    settings = PortSettings(
        environment=KsefEnvironment.custom(base_url),
        nip=NIP,
        ksef_token=TOKEN,
        retry=RetryPolicy(base_delay=POLL),
        poll=PollPolicy(initial=POLL, factor=1.0, max_interval=POLL),
    )
    with KsefPort(settings) as port:
        if batch:
            result = port.send_batch(xmls)
            outcomes = list(result.outcomes)
            assert result.upo.pages
        else:
            outcomes = port.send_invoices(xmls)
    assert all(o.accepted for o in outcomes)


def baseline_run(base_url: str, xmls: list[bytes], batch: bool) -> None:
    options = KsefClientOptions(
        base_url=base_url,
        base_qr_url="https://qr-test.ksef.mf.gov.pl",
        strict_presigned_url_validation=False,
        allow_private_network_presigned_urls=True,
        verify_ssl=False,  # plain http, as the port does for it: no CA bundle to load
    )
    with KsefClient(options) as client:
        token_cert = client.security.get_public_key_certificate(
            PublicKeyCertificateUsage.KSEFTOKENENCRYPTION
        )
        auth = AuthCoordinator(client.auth).authenticate_with_ksef_token(
            token=TOKEN,
            public_certificate=token_cert.certificate,
            public_key_id=token_cert.public_key_id,
            context_identifier_type="Nip",
            context_identifier_value=NIP,
            poll_interval_seconds=POLL,
        )
        access = auth.access_token
        key_cert = client.security.get_public_key_certificate(
            PublicKeyCertificateUsage.SYMMETRICKEYENCRYPTION
        )
        if batch:
            files = {f"invoice-{n:05d}.xml": xml for n, xml in enumerate(xmls, start=1)}
            reference = BatchSessionWorkflow(
                client.sessions, client.http_client
            ).open_upload_and_close(
                form_code=FA3,
                zip_bytes=build_zip(files),
                public_certificate=key_cert.certificate,
                public_key_id=key_cert.public_key_id,
                access_token=access,
                parallelism=4,
            )
            while True:
                status = client.sessions.get_session_status(reference, access_token=access)
                if status.status.code not in (100, 150, 170) and status.upo:
                    break
                time.sleep(POLL)
            numbers, cont = [], None
            while True:
                page = client.sessions.get_session_invoices(
                    reference, page_size=1000, continuation_token=cont, access_token=access
                )
                numbers += [item.ksef_number for item in page.invoices]
                cont = page.continuation_token
                if not cont:
                    break
            for upo_page in status.upo.pages:
                client.sessions.get_session_upo(
                    reference, upo_page.reference_number, access_token=access
                )
        else:
            session = OnlineSessionWorkflow(client.sessions).open_session(
                form_code=FA3,
                public_certificate=key_cert.certificate,
                public_key_id=key_cert.public_key_id,
                access_token=access,
            )
            refs = [session.send_invoice(xml).reference_number for xml in xmls]
            numbers = []
            for ref in refs:
                while True:
                    state = session.get_invoice_status(ref)
                    if state.status.code not in (100, 150):
                        numbers.append(state.ksef_number)
                        break
                    time.sleep(POLL)
    assert len({n for n in numbers if n}) == len(xmls)


def compare(base_url: str, name: str, count: int, batch: bool, repeat: int) -> tuple[float, float]:
    """Best time of the port and of the baseline, alternating runs so drift hits both."""
    times: dict[str, list[float]] = {"port": [], "baseline": []}
    runners: dict[str, Callable[[str, list[bytes], bool], None]] = {
        "port": port_run,
        "baseline": baseline_run,
    }
    for attempt in range(repeat):
        order = ("port", "baseline") if attempt % 2 == 0 else ("baseline", "port")
        for side in order:
            xmls = [invoice_xml(NIP, f"{side}-{name}/{attempt}/{n}") for n in range(count)]
            start = time.perf_counter()
            runners[side](base_url, xmls, batch)
            times[side].append(time.perf_counter() - start)
    return min(times["port"]), min(times["baseline"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--online", type=int, default=100)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    allow_loopback_uploads()
    with start_in_thread(tokens={NIP: TOKEN}, host="127.0.0.1") as sim:
        print(f"ksef-sim at {sim.base_url}; best of {args.repeat} runs")
        print(f"{'scenario':<18}{'port inv/s':>12}{'baseline inv/s':>16}{'ratio':>8}  target")
        for name, count, batch in (("online", args.online, False), ("batch", args.batch, True)):
            ours, base = compare(sim.base_url, name, count, batch, args.repeat)
            ratio = ours / base
            verdict = "ok" if ratio <= 1.2 else "MISSED"
            print(
                f"{name + f' ({count})':<18}{count / ours:>12.1f}{count / base:>16.1f}"
                f"{ratio:>8.2f}  <= 1.20 {verdict}"
            )


if __name__ == "__main__":
    main()
