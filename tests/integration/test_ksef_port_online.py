"""Online sessions through KsefPort against ksef-sim over loopback HTTP."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from ksef_desktop.domain.errors import TransportError
from ksef_desktop.ksef import KsefPort
from ksef_desktop.ksef.invoices import require_ksef_number
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.ksef_port_env import KSEF_TOKEN, SELLER_NIP, Waits, port_settings
from tests.helpers.ksef_xml import invoice_xml


@pytest.fixture
def sim() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER_NIP: KSEF_TOKEN}) as running:
        yield running


def test_one_invoice_gets_a_ksef_number_upo_and_can_be_downloaded(
    sim: RunningSimulator, port: KsefPort
) -> None:
    xml = invoice_xml(SELLER_NIP, "ON/1")
    outcome = port.send_invoice(xml)

    assert outcome.accepted, outcome
    assert outcome.status_code == 200
    assert outcome.ksef_number is not None
    require_ksef_number(outcome.ksef_number)
    assert outcome.ksef_number.startswith(SELLER_NIP + "-")
    assert outcome.invoice_hash == base64.b64encode(hashlib.sha256(xml).digest()).decode()
    [stored] = sim.sim.invoices(SELLER_NIP)
    assert stored["ksef_number"] == outcome.ksef_number

    upo = port.invoice_upo(outcome)
    assert outcome.ksef_number.encode() in upo
    assert b"Potwierdzenie" in upo
    assert port.download_invoice(outcome.ksef_number) == xml


def test_session_is_reused_and_its_upo_lists_every_invoice(port: KsefPort) -> None:
    outcomes = [port.send_invoice(invoice_xml(SELLER_NIP, f"ON/{n}")) for n in range(3)]
    assert {o.session_reference for o in outcomes} == {outcomes[0].session_reference}
    assert port.online.sessions_opened == 1

    upo = port.close_session()
    assert upo is not None
    assert upo.session_reference == outcomes[0].session_reference
    assert upo.status_code == 200
    text = b"".join(upo.pages).decode()
    for outcome in outcomes:
        assert outcome.ksef_number
        assert outcome.ksef_number in text

    after = port.send_invoice(invoice_xml(SELLER_NIP, "ON/after-close"))
    assert after.accepted
    assert after.session_reference != outcomes[0].session_reference
    assert port.online.sessions_opened == 2


def test_close_without_a_session_returns_nothing(port: KsefPort) -> None:
    assert port.close_session() is None


def test_send_invoices_returns_outcomes_in_input_order(port: KsefPort) -> None:
    xmls = [invoice_xml(SELLER_NIP, f"ORD/{n}") for n in range(5)]
    outcomes = port.send_invoices(xmls)
    assert [o.invoice_hash for o in outcomes] == [
        base64.b64encode(hashlib.sha256(x).digest()).decode() for x in xmls
    ]
    assert all(o.accepted for o in outcomes)


def test_invalid_invoice_reports_ksef_status_and_reason(
    sim: RunningSimulator, port: KsefPort
) -> None:
    broken = invoice_xml(SELLER_NIP, "BAD/1").replace(b"<P_15>2051</P_15>", b"<P_15>abc</P_15>")
    outcome = port.send_invoice(broken)
    assert not outcome.accepted
    assert outcome.status_code == 450
    assert outcome.description
    assert outcome.ksef_number is None
    assert sim.sim.invoice_count(SELLER_NIP) == 0


def test_same_number_with_other_content_is_a_duplicate_for_a_person(port: KsefPort) -> None:
    first = port.send_invoice(invoice_xml(SELLER_NIP, "DUP/1"))
    other = invoice_xml(SELLER_NIP, "DUP/1").replace(b"<P_1M>Warszawa", b"<P_1M>Krak\xc3\xb3w")
    second = port.send_invoice(other)
    assert first.accepted
    assert not second.accepted
    assert second.status_code == 440
    assert f"originalKsefNumber={first.ksef_number}" in second.details


def test_resending_the_same_invoice_returns_the_original_number(sim: RunningSimulator) -> None:
    xml = invoice_xml(SELLER_NIP, "AGAIN/1")
    with KsefPort(port_settings(sim.base_url)) as first_port:
        first = first_port.send_invoice(xml)
    # A second process (e.g. after a crash) does not know the first one succeeded.
    with KsefPort(port_settings(sim.base_url)) as second_port:
        again = second_port.send_invoice(xml)
    assert again.accepted
    assert again.duplicate
    assert again.status_code == 440
    assert again.ksef_number == first.ksef_number
    assert sim.sim.invoice_count(SELLER_NIP) == 1


def test_metadata_query_finds_sent_invoices(port: KsefPort) -> None:
    sent = {port.send_invoice(invoice_xml(SELLER_NIP, f"META/{n}")).ksef_number for n in range(2)}
    today = datetime.now(UTC).date()
    rows = port.query_invoices(date_from=today, date_to=today)
    assert sent <= {row.ksef_number for row in rows}
    assert {row.invoice_number for row in rows if row.ksef_number in sent} == {"META/0", "META/1"}
    assert all(row.seller_nip == SELLER_NIP for row in rows)


def test_kod_i_link_of_a_sent_invoice(port: KsefPort) -> None:
    xml = invoice_xml(SELLER_NIP, "QR/1")
    port.send_invoice(xml)
    day = datetime.now(UTC).date()
    link = port.invoice_link(SELLER_NIP, day, xml)
    assert re.fullmatch(
        rf"https://qr-test\.ksef\.mf\.gov\.pl/invoice/{SELLER_NIP}/"
        rf"{day:%d-%m-%Y}/[A-Za-z0-9_-]{{43}}",
        link,
    )


def test_port_polls_until_ksef_has_processed_the_invoice(sim: RunningSimulator) -> None:
    waits = Waits()
    sim.sim.processing_delay = 0.05
    with KsefPort(port_settings(sim.base_url, waits=waits)) as port:
        outcome = port.send_invoice(invoice_xml(SELLER_NIP, "SLOW/1"))
    assert outcome.accepted
    assert outcome.ksef_number
    # It saw "processing" (150) first and polled with growing, bounded intervals.
    assert len(waits.requested) >= 2
    assert waits.requested == sorted(waits.requested)
    assert max(waits.requested) <= 0.01


def test_after_a_crash_the_port_finds_what_ksef_did(sim: RunningSimulator) -> None:
    xml = invoice_xml(SELLER_NIP, "CRASH/1")
    # One attempt only: the lost answer surfaces as an error, like a process dying.
    with KsefPort(port_settings(sim.base_url, max_attempts=1)) as first:
        session = first.online.current().reference
        sim.sim.add_faults("send_invoice:lost@count=1")
        with pytest.raises(TransportError):
            first.send_invoice(xml)
    with KsefPort(port_settings(sim.base_url)) as second:
        found = second.find_invoice(session, xml)
        never_sent = second.find_invoice(session, invoice_xml(SELLER_NIP, "CRASH/2"))
    assert found is not None
    assert found.accepted
    assert [row["ksef_number"] for row in sim.sim.invoices(SELLER_NIP)] == [found.ksef_number]
    assert never_sent is None
