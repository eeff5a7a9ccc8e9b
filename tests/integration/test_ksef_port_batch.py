"""Batch sessions through KsefPort against ksef-sim: parts, outcomes, UPO and faults."""

from __future__ import annotations

import pytest

from ksef_desktop.ksef import KsefPort
from ksef_desktop.ksef.invoices import require_ksef_number
from ksef_desktop.simulator.server import RunningSimulator
from tests.helpers.ksef_port_env import SELLER_NIP, port_settings
from tests.helpers.ksef_xml import invoice_xml


@pytest.fixture
def prefix(request: pytest.FixtureRequest) -> str:
    return f"B/{request.node.name}/"


def batch(prefix: str, count: int) -> list[bytes]:
    return [invoice_xml(SELLER_NIP, f"{prefix}{n}") for n in range(count)]


def stored(sim: RunningSimulator, prefix: str) -> list[dict[str, object]]:
    return [
        row
        for row in sim.sim.invoices(SELLER_NIP)
        if str(row["invoice_number"]).startswith(prefix)
    ]


def test_batch_in_several_parts_gets_every_number_and_the_upo(
    sim: RunningSimulator, prefix: str
) -> None:
    xmls = batch(prefix, 30)
    with KsefPort(port_settings(sim.base_url)) as port:
        # A tiny part size forces the ZIP to be split into several encrypted parts.
        result = port.send_batch(xmls, max_part_size=4096, parallelism=3)
    assert result.upo.status_code == 200
    assert [o.accepted for o in result.outcomes] == [True] * 30
    numbers = [o.ksef_number for o in result.outcomes]
    assert len(set(numbers)) == 30
    for number in numbers:
        assert number is not None
        require_ksef_number(number)
    upo_text = b"".join(result.upo.pages).decode()
    assert all(number in upo_text for number in numbers if number)
    assert sorted(str(row["ksef_number"]) for row in stored(sim, prefix)) == sorted(
        n for n in numbers if n
    )
    # Outcomes come back in input order: the i-th outcome belongs to the i-th XML.
    with KsefPort(port_settings(sim.base_url)) as port:
        assert port.download_invoice(numbers[7] or "") == xmls[7]


def test_batch_reports_each_invoice_separately(sim: RunningSimulator, prefix: str) -> None:
    good = invoice_xml(SELLER_NIP, prefix + "good")
    broken = invoice_xml(SELLER_NIP, prefix + "bad").replace(b"<P_15>2051", b"<P_15>x")
    with KsefPort(port_settings(sim.base_url)) as port:
        earlier = port.send_invoice(invoice_xml(SELLER_NIP, prefix + "dup"))
        resent = invoice_xml(SELLER_NIP, prefix + "dup")
        result = port.send_batch([good, broken, resent])
    first, second, third = result.outcomes
    assert first.accepted
    assert first.ksef_number
    assert not second.accepted
    assert second.status_code == 450
    assert second.description
    # The same invoice sent again in a batch is recognised and keeps its number.
    assert third.accepted
    assert third.duplicate
    assert third.ksef_number == earlier.ksef_number


@pytest.mark.parametrize(
    "spec",
    [
        "open_batch:lost@count=1",
        "open_batch:429@count=1",
        "upload_part:503@count=2",
        "upload_part:timeout@count=1;hold=0.02",
        "upload_part:lost@count=1",
        "close_batch:lost@count=1",
        "close_batch:500@count=1",
        "close_batch:lost500@count=1",
        "session_status:503@count=2",
        "session_invoices:429@count=1",
        "session_upo:500@count=1",
    ],
)
def test_batch_survives_fault(sim: RunningSimulator, prefix: str, spec: str) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        port.authenticate()
        sim.sim.add_faults(spec)
        result = port.send_batch(batch(prefix, 6), max_part_size=2048)
    assert sim.sim.faults.log, "the fault did not fire"
    assert all(o.accepted and not o.duplicate for o in result.outcomes), result.outcomes
    assert len(stored(sim, prefix)) == 6
    assert result.upo.pages
