"""Every fault ksef-sim can inject ends in exactly one accepted invoice, or a clear error."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest

from ksef_desktop.domain.errors import KsefApiError, TransportError
from ksef_desktop.ksef import KsefPort
from ksef_desktop.simulator.server import RunningSimulator
from tests.helpers.ksef_port_env import SELLER_NIP, Waits, port_settings
from tests.helpers.ksef_xml import invoice_xml

# "timeout" holds the request briefly, then the connection drops without an answer.
FAULT_KINDS = ["429", "500", "503", "timeout@hold=0.02", "lost", "lost500"]
ENDPOINTS = [
    "challenge",
    "ksef_token",
    "auth_status",
    "redeem",
    "public_keys",
    "open_online",
    "send_invoice",
    "invoice_status",
    "session_invoices",
]


@pytest.fixture
def number(request: pytest.FixtureRequest) -> str:
    """An invoice number (P_2) unique to the running test."""
    return f"F/{request.node.name}"


def fault(endpoint: str, kind: str, count: int = 1) -> str:
    name, _, opts = kind.partition("@")
    extra = f";{opts}" if opts else ""
    return f"{endpoint}:{name}@count={count}{extra}"


def rows(sim: RunningSimulator, number: str) -> list[dict[str, object]]:
    return [row for row in sim.sim.invoices(SELLER_NIP) if row["invoice_number"] == number]


def assert_single_copy(sim: RunningSimulator, number: str) -> None:
    """KSeF holds exactly one copy of the invoice, and it has a KSeF number."""
    [row] = rows(sim, number)
    assert row["ksef_number"]


@pytest.mark.parametrize("kind", FAULT_KINDS)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_online_send_survives_fault(
    sim: RunningSimulator, number: str, endpoint: str, kind: str
) -> None:
    if endpoint == "session_invoices":
        # The session's invoice list is only read to resolve a lost send.
        sim.sim.add_faults("send_invoice:lost@count=1")
    sim.sim.add_faults(fault(endpoint, kind))
    with KsefPort(port_settings(sim.base_url)) as port:
        outcome = port.send_invoice(invoice_xml(SELLER_NIP, number))
    assert endpoint in {name for name, _ in sim.sim.faults.log}, "the fault did not fire"
    assert outcome.accepted, outcome
    assert not outcome.duplicate
    assert_single_copy(sim, number)


@pytest.mark.parametrize("kind", ["lost", "lost500"])
def test_lost_answer_after_commit_is_found_not_resent(
    sim: RunningSimulator, number: str, kind: str
) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        port.authenticate()
        sim.sim.add_faults(f"send_invoice:{kind}@count=1")
        outcome = port.send_invoice(invoice_xml(SELLER_NIP, number))
    assert outcome.accepted
    assert not outcome.duplicate
    assert [row["ksef_number"] for row in rows(sim, number)] == [outcome.ksef_number]


def test_retry_after_of_429_is_honoured(sim: RunningSimulator, number: str) -> None:
    waits = Waits()
    with KsefPort(port_settings(sim.base_url, waits=waits)) as port:
        port.authenticate()
        sim.sim.add_faults("send_invoice:429@count=2;retry_after=3")
        assert port.send_invoice(invoice_xml(SELLER_NIP, number)).accepted
    assert sum(1 for w in waits.requested if w >= 3.0) == 2


def test_persistent_server_error_gives_up_after_bounded_attempts(
    sim: RunningSimulator, number: str
) -> None:
    with KsefPort(port_settings(sim.base_url, max_attempts=4)) as port:
        port.authenticate()
        sim.sim.add_faults("send_invoice:503@count=100")
        with pytest.raises(KsefApiError) as caught:
            port.send_invoice(invoice_xml(SELLER_NIP, number))
    assert caught.value.transient
    assert caught.value.http_status == 503
    assert [kind for _, kind in sim.sim.faults.log] == ["503"] * 4
    assert rows(sim, number) == []


def test_read_timeout_then_success_sends_once(sim: RunningSimulator, number: str) -> None:
    with KsefPort(port_settings(sim.base_url, timeout_seconds=0.3)) as port:
        port.authenticate()
        sim.sim.add_faults("send_invoice:lost@count=1,invoice_status:timeout@count=1;hold=1")
        outcome = port.send_invoice(invoice_xml(SELLER_NIP, number))
    assert outcome.accepted
    assert_single_copy(sim, number)


def test_expired_session_is_replaced(sim: RunningSimulator, number: str) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        first = port.send_invoice(invoice_xml(SELLER_NIP, number + "a"))
        sim.sim.add_faults("send_invoice:expire_session@count=1")
        second = port.send_invoice(invoice_xml(SELLER_NIP, number + "b"))
    assert first.accepted
    assert second.accepted
    assert first.session_reference != second.session_reference
    assert port.online.sessions_opened == 2
    assert_single_copy(sim, number + "a")
    assert_single_copy(sim, number + "b")


@pytest.mark.parametrize("kind", ["lost", "503", "lost500"])
def test_lost_close_still_returns_the_session_upo(
    sim: RunningSimulator, number: str, kind: str
) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        outcome = port.send_invoice(invoice_xml(SELLER_NIP, number))
        sim.sim.add_faults(f"close_online:{kind}@count=1,session_status:500@count=1")
        upo = port.close_session()
    assert upo is not None
    assert upo.status_code == 200
    assert outcome.ksef_number is not None
    assert outcome.ksef_number.encode() in b"".join(upo.pages)


@pytest.mark.parametrize("endpoint", ["download", "query_metadata", "invoice_upo", "session_upo"])
def test_reads_retry_transient_failures(sim: RunningSimulator, number: str, endpoint: str) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        xml = invoice_xml(SELLER_NIP, number)
        outcome = port.send_invoice(xml)
        assert outcome.ksef_number is not None
        sim.sim.add_faults(f"{endpoint}:503@count=1,{endpoint}:429@count=1")
        if endpoint == "download":
            assert port.download_invoice(outcome.ksef_number) == xml
        elif endpoint == "query_metadata":
            found = port.query_invoices(date_from=datetime.now(UTC).date())
            assert outcome.ksef_number in {row.ksef_number for row in found}
        elif endpoint == "invoice_upo":
            assert outcome.ksef_number.encode() in port.invoice_upo(outcome)
        else:
            upo = port.close_session()
            assert upo is not None
            assert upo.pages
    assert len(sim.sim.faults.log) == 2


def test_connection_refused_is_a_transport_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port_number = probe.getsockname()[1]
    # Nothing listens on the port any more: every attempt is refused.
    settings = port_settings(f"http://127.0.0.1:{port_number}", max_attempts=3)
    with KsefPort(settings) as port, pytest.raises(TransportError) as caught:
        port.authenticate()
    assert caught.value.details["delivered"] == "no"
    assert caught.value.transient
