"""ksef-sim with --state: keys, tokens, sessions, invoices and UPOs survive a restart."""

from __future__ import annotations

import stat
from pathlib import Path

from ksef_desktop.simulator.server import start_in_thread
from ksef_desktop.simulator.store import DB_NAME
from tests.helpers.sim_client import SELLER, TOKEN, SimClient, invoice_xml


def test_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "sim-state"
    xml = invoice_xml()
    with start_in_thread(tokens={SELLER: TOKEN}, state_dir=state) as first:
        client = SimClient(first.base_url)
        client.login()
        session = client.open_online()
        ref = client.send_ok(session, xml)
        assert client.close_online(session).status_code == 204
        number = client.invoice_status(session.ref, ref)["ksefNumber"]
        upo = client.http.get(
            f"/sessions/{session.ref}/invoices/{ref}/upo", headers=client.bearer()
        )
        certificates = client.certificates()
        access, refresh = client.access, client.refresh
        client.close()

    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    for path in state.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert (state / DB_NAME).exists()

    # Restart on another port, without re-registering the token.
    with start_in_thread(tokens={}, state_dir=state) as second:
        client = SimClient(second.base_url)
        try:
            assert client.certificates() == certificates
            client.access, client.refresh = access, refresh
            assert client.session_status(session.ref)["status"]["code"] == 200
            assert client.invoice_status(session.ref, ref)["ksefNumber"] == number
            again = client.http.get(
                f"/sessions/{session.ref}/invoices/{ref}/upo", headers=client.bearer()
            )
            assert again.content == upo.content
            download = client.http.get(f"/invoices/ksef/{number}", headers=client.bearer())
            assert download.content == xml
            assert client.send_ok(client.open_online(), invoice_xml())
            # The registered KSeF token is remembered too.
            client.login()
            assert second.sim.invoice_count(SELLER) == 2
        finally:
            client.close()
