"""ksef-sim fault injection over real HTTP: every kind, by count, by rate, at runtime."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from ksef_client import openapi_models as m

from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.sim_client import SELLER, TOKEN, SimClient, invoice_xml


@pytest.fixture(scope="module")
def running() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER: TOKEN}, seed=1) as run:
        yield run


@pytest.fixture
def client(running: RunningSimulator) -> Iterator[SimClient]:
    running.sim.clear_faults()
    c = SimClient(running.base_url, timeout=5)
    c.login()
    yield c
    c.close()
    running.sim.clear_faults()


def test_faults_given_at_start_apply() -> None:
    with start_in_thread(tokens={}, faults="public_keys:503@count=1") as run:
        first = httpx.get(run.api_url + "/security/public-key-certificates")
        second = httpx.get(run.api_url + "/security/public-key-certificates")
    assert (first.status_code, second.status_code) == (503, 200)


def test_429_with_retry_after_in_both_formats(
    client: SimClient, running: RunningSimulator
) -> None:
    running.sim.add_faults("open_online:429@count=2;retry_after=7")
    legacy = client.http.post("/sessions/online", json={}, headers=client.bearer())
    assert legacy.status_code == 429
    assert legacy.headers["Retry-After"] == "7"
    assert legacy.json()["status"]["code"] == 429
    problem = client.http.post(
        "/sessions/online",
        json={},
        headers=client.bearer() | {"X-Error-Format": "problem-details"},
    )
    assert problem.status_code == 429
    m.TooManyRequestsProblemDetails.from_dict(problem.json())
    assert client.open_online()


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_process_nothing(
    client: SimClient, running: RunningSimulator, status: int
) -> None:
    session = client.open_online()
    before = running.sim.invoice_count(SELLER)
    running.sim.add_faults(f"send_invoice:{status}")
    response = client.send(session, invoice_xml())
    assert response.status_code == status
    detail = response.json()["exception"]["exceptionDetailList"][0]
    assert detail["exceptionCode"] == status
    assert running.sim.invoice_count(SELLER) == before


def test_timeout_holds_then_drops_without_processing(
    client: SimClient, running: RunningSimulator
) -> None:
    session = client.open_online()
    before = running.sim.invoice_count(SELLER)
    running.sim.add_faults("send_invoice:timeout@hold=0.6")
    with (
        httpx.Client(base_url=running.api_url, timeout=0.2) as impatient,
        pytest.raises(httpx.ReadTimeout),
    ):
        impatient.post(
            f"/sessions/online/{session.ref}/invoices",
            json=client.send_request(session, invoice_xml()),
            headers=client.bearer(),
        )
    assert running.sim.invoice_count(SELLER) == before
    assert running.sim.faults.log[-1] == ("send_invoice", "timeout")


def test_lost_response_after_commit(client: SimClient, running: RunningSimulator) -> None:
    session = client.open_online()
    before = running.sim.invoice_count(SELLER)
    running.sim.add_faults("send_invoice:lost")
    with pytest.raises(httpx.RemoteProtocolError):
        client.send(session, invoice_xml(number="LOST/1/" + session.ref[-8:]))
    assert running.sim.invoice_count(SELLER) == before + 1
    stored = running.sim.invoices(SELLER)[-1]
    assert stored["invoice_number"] == "LOST/1/" + session.ref[-8:]
    # A blind resend is recognised as a duplicate of the committed invoice.
    again = client.send_ok(session, invoice_xml(number="LOST/1/" + session.ref[-8:]))
    status = client.invoice_status(session.ref, again)["status"]
    assert status["code"] == 440
    assert status["extensions"]["originalKsefNumber"] == stored["ksef_number"]


def test_lost500_commits_and_answers_500(client: SimClient, running: RunningSimulator) -> None:
    running.sim.add_faults("open_online:lost500")
    before = len(running.sim.store.all("SELECT ref FROM sessions"))
    response = client.http.post(
        "/sessions/online",
        json={
            "formCode": {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"},
            "encryption": client.encryption(b"k" * 32, b"i" * 16),
        },
        headers=client.bearer(),
    )
    assert response.status_code == 500
    assert len(running.sim.store.all("SELECT ref FROM sessions")) == before + 1


def test_expire_token_then_refresh(client: SimClient, running: RunningSimulator) -> None:
    running.sim.add_faults("session_status:expire_token")
    session = client.open_online()
    response = client.http.get(f"/sessions/{session.ref}", headers=client.bearer())
    assert response.status_code == 401
    assert client.http.get(f"/sessions/{session.ref}", headers=client.bearer()).status_code == 401
    refreshed = client.http.post("/auth/token/refresh", headers=client.bearer(client.refresh))
    client.access = refreshed.json()["accessToken"]["token"]
    assert client.session_status(session.ref)["status"]["code"] == 100


def test_revoke_token_needs_a_new_authentication(
    client: SimClient, running: RunningSimulator
) -> None:
    running.sim.add_faults("open_online:revoke_token")
    assert (
        client.http.post("/sessions/online", json={}, headers=client.bearer()).status_code == 401
    )
    refresh = client.http.post("/auth/token/refresh", headers=client.bearer(client.refresh))
    assert refresh.status_code == 400
    client.login()
    assert client.open_online()


def test_revoked_ksef_token_fails_authentication(running: RunningSimulator) -> None:
    nip, token = "5252248481", "token-to-revoke"
    running.sim.register_token(nip, token)
    c = SimClient(running.base_url)
    try:
        c.login(nip, token)
        running.sim.add_faults("open_online:revoke_ksef_token")
        assert c.http.post("/sessions/online", json={}, headers=c.bearer()).status_code == 401
        status = c.auth_status(c.start_auth(nip, token))
        assert status["status"]["code"] == 450
        assert status["status"]["details"] == ["Token unieważniony."]
    finally:
        c.close()


def test_expire_session(client: SimClient, running: RunningSimulator) -> None:
    session = client.open_online()
    client.send_ok(session, invoice_xml())
    running.sim.add_faults("send_invoice:expire_session")
    response = client.send(session, invoice_xml())
    assert response.status_code == 400
    assert response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21180
    assert client.session_status(session.ref)["status"]["code"] == 200


def test_rate_faults_are_reproducible(client: SimClient, running: RunningSimulator) -> None:
    def run_pattern() -> list[int]:
        running.sim.clear_faults()
        running.sim.add_faults("public_keys:503@rate=0.5,seed=3")
        return [
            client.http.get("/security/public-key-certificates").status_code for _ in range(12)
        ]

    first = run_pattern()
    assert first == run_pattern()
    assert set(first) == {200, 503}
