"""Token authentication, refresh before expiry, re-authentication and token faults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ksef_desktop.domain.errors import KsefApiError
from ksef_desktop.ksef import KsefPort
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.ksef_port_env import KSEF_TOKEN, SELLER_NIP, port_settings
from tests.helpers.ksef_xml import invoice_xml


@pytest.fixture
def sim() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER_NIP: KSEF_TOKEN}) as running:
        yield running


def sim_clock_port(sim: RunningSimulator) -> KsefPort:
    """A port whose idea of "now" is the simulator's (which tests move forward)."""
    return KsefPort(port_settings(sim.base_url, now=sim.sim.clock.now))


def test_authentication_is_a_connection_test(sim: RunningSimulator) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        port.authenticate()
        assert port.auth.authentications == 1
        assert KSEF_TOKEN not in repr(port.auth)
        assert KSEF_TOKEN not in repr(port.settings)


def test_access_token_is_refreshed_before_it_expires(sim: RunningSimulator) -> None:
    with sim_clock_port(sim) as port:
        assert port.send_invoice(invoice_xml(SELLER_NIP, "R/1")).accepted
        # Access tokens live 15 minutes; 14.5 minutes later the port refreshes first.
        sim.sim.advance_clock(14.5 * 60)
        assert port.send_invoice(invoice_xml(SELLER_NIP, "R/2")).accepted
        assert (port.auth.authentications, port.auth.refreshes) == (1, 1)


def test_expired_refresh_token_leads_to_a_new_authentication(sim: RunningSimulator) -> None:
    with sim_clock_port(sim) as port:
        assert port.send_invoice(invoice_xml(SELLER_NIP, "R/1")).accepted
        sim.sim.advance_clock(8 * 24 * 3600)
        outcome = port.send_invoice(invoice_xml(SELLER_NIP, "R/2"))
        assert outcome.accepted
        assert port.auth.authentications == 2
        # The old online session expired with the clock jump: a new one was opened.
        assert port.online.sessions_opened == 2


def test_access_token_expired_early_is_refreshed_after_401(sim: RunningSimulator) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        port.authenticate()
        sim.sim.add_faults("send_invoice:expire_token@count=1")
        assert port.send_invoice(invoice_xml(SELLER_NIP, "E/1")).accepted
        assert (port.auth.authentications, port.auth.refreshes) == (1, 1)
        assert sim.sim.invoice_count(SELLER_NIP) == 1


def test_revoked_authentication_is_replaced_by_a_new_one(sim: RunningSimulator) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        port.authenticate()
        sim.sim.add_faults("open_online:revoke_token@count=1")
        assert port.send_invoice(invoice_xml(SELLER_NIP, "V/1")).accepted
        # Refresh is refused for a revoked authentication, so the port authenticates again.
        assert port.auth.authentications == 2


def test_revoked_ksef_token_fails_with_ksef_reason(sim: RunningSimulator) -> None:
    sim.sim.revoke_ksef_token(SELLER_NIP)
    with KsefPort(port_settings(sim.base_url)) as port, pytest.raises(KsefApiError) as caught:
        port.send_invoice(invoice_xml(SELLER_NIP, "X/1"))
    assert caught.value.code == "ksef-auth-failed"
    assert caught.value.ksef_code == 450
    assert not caught.value.transient
    assert sim.sim.invoice_count(SELLER_NIP, accepted_only=False) == 0


def test_wrong_ksef_token_fails_without_retrying(sim: RunningSimulator) -> None:
    settings = port_settings(sim.base_url, token=KSEF_TOKEN.replace("ab", "cd"))
    with KsefPort(settings) as port, pytest.raises(KsefApiError) as caught:
        port.authenticate()
    assert caught.value.ksef_code == 450
    assert port.auth.authentications == 0


def test_secrets_never_reach_the_log(
    sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    with KsefPort(port_settings(sim.base_url)) as port:
        sim.sim.add_faults("send_invoice:expire_token@count=1")
        port.send_invoice(invoice_xml(SELLER_NIP, "L/1"))
        tokens = port.auth._tokens
        assert tokens is not None
        secrets = [KSEF_TOKEN, tokens.access, tokens.refresh]
        port.send_batch([invoice_xml(SELLER_NIP, "L/2")])
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "authentication" in text
    for secret in secrets:
        assert secret not in text
    assert "sig=" not in text


def test_ksef_token_revoked_mid_work_stops_with_ksef_reason(sim: RunningSimulator) -> None:
    with KsefPort(port_settings(sim.base_url)) as port:
        assert port.send_invoice(invoice_xml(SELLER_NIP, "K/1")).accepted
        sim.sim.add_faults("send_invoice:revoke_ksef_token@count=1")
        with pytest.raises(KsefApiError) as caught:
            port.send_invoice(invoice_xml(SELLER_NIP, "K/2"))
    # 401 -> refresh refused (21301) -> new authentication -> 450 from KSeF.
    assert caught.value.code == "ksef-auth-failed"
    assert caught.value.ksef_code == 450
    assert sim.sim.invoice_count(SELLER_NIP) == 1
