"""Every request-signature failure is refused with 401 and its stable problem type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ksef_desktop.contract import authcode
from ksef_desktop.contract.api import API_PREFIX, Problem, ProblemType
from ksef_desktop.contract.client import WsClient, WsError
from ksef_desktop.contract.signing import sign_request
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws import config
from ksef_desktop.ws.cli import main as ws_cli
from ksef_desktop.ws.server import RunningWs, start_in_thread
from tests.helpers.ws_env import FAST, SELLER, TOKENS, client_for, erp_doc, new_key, write_ini


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningWs, Path]]:
    tmp = tmp_path_factory.mktemp("wssig")
    with start_sim(tokens=TOKENS) as sim:
        ini = write_ini(tmp, sim.base_url, {SELLER: "immediate"})
        with start_in_thread(config.load(ini), tuning=FAST) as running:
            yield running, ini


def _registered(ini: Path) -> tuple[Ed25519PrivateKey, authcode.AuthorizationCode]:
    key, code = new_key(SELLER)
    assert ws_cli(["keys", "add", code.text, "--config", str(ini)]) == 0
    return key, code


def _signed(
    url: str,
    key: Ed25519PrivateKey,
    code: authcode.AuthorizationCode,
    body: bytes = b"{}",
    **kw: object,
) -> httpx.Request:
    request = httpx.Request(
        "POST", url, content=body, headers={"Content-Type": "application/json"}
    )
    sign_request(request, key_id=code.key_id, private_key=key, **kw)  # type: ignore[arg-type]
    return request


def _problem(response: httpx.Response) -> Problem:
    assert response.headers["content-type"].startswith("application/problem+json")
    return Problem.model_validate(response.json())


def test_unsigned_request(ws: tuple[RunningWs, Path]) -> None:
    with WsClient(ws[0].base_url, None) as anonymous, pytest.raises(WsError) as info:
        anonymous.connection_test()
    assert info.value.status == 401
    assert info.value.problem_type is ProblemType.UNSIGNED


def test_unknown_key(ws: tuple[RunningWs, Path]) -> None:
    key, code = new_key(SELLER)  # never registered
    with client_for(ws[0].base_url, key, code) as client, pytest.raises(WsError) as info:
        client.submit(erp_doc(1))
    assert info.value.status == 401
    assert info.value.problem_type is ProblemType.UNKNOWN_KEY
    assert "ksef-ws keys add" in info.value.message  # the client's hint


def test_revoked_key_is_refused_at_once(ws: tuple[RunningWs, Path]) -> None:
    running, ini = ws
    key, code = _registered(ini)
    with client_for(running.base_url, key, code) as client:
        assert client.connection_test().checks[0].status.value == "ok"
        assert ws_cli(["keys", "revoke", code.key_id, "--config", str(ini)]) == 0
        with pytest.raises(WsError) as info:
            client.connection_test()
    assert info.value.status == 401
    assert info.value.problem_type is ProblemType.REVOKED_KEY


def test_wrong_digest(ws: tuple[RunningWs, Path]) -> None:
    running, ini = ws
    key, code = _registered(ini)
    request = _signed(running.base_url + API_PREFIX + "/connection-test", key, code)
    headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
    tampered = httpx.Request("POST", request.url, headers=headers, content=b'{"x":1}')
    with httpx.Client() as http:
        response = http.send(tampered)
    assert response.status_code == 401
    assert _problem(response).code is ProblemType.DIGEST_MISMATCH


def test_bad_signature_when_the_target_is_rewritten(ws: tuple[RunningWs, Path]) -> None:
    running, ini = ws
    key, code = _registered(ini)
    request = _signed(running.base_url + API_PREFIX + "/documents/validate", key, code)
    moved = httpx.Request(
        "POST",
        running.base_url + API_PREFIX + "/connection-test",
        headers=dict(request.headers.items()),
        content=request.content,
    )
    with httpx.Client() as http:
        response = http.send(moved)
    assert response.status_code == 401
    assert _problem(response).code is ProblemType.BAD_SIGNATURE


def test_stale_created(ws: tuple[RunningWs, Path]) -> None:
    running, ini = ws
    key, code = _registered(ini)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=400)
    request = _signed(running.base_url + API_PREFIX + "/connection-test", key, code, created=old)
    with httpx.Client() as http:
        response = http.send(request)
    assert response.status_code == 401
    assert _problem(response).code is ProblemType.STALE_SIGNATURE


def test_replayed_nonce(ws: tuple[RunningWs, Path]) -> None:
    running, ini = ws
    key, code = _registered(ini)
    request = _signed(
        running.base_url + API_PREFIX + "/documents/status",
        key,
        code,
        body=b'{"ids": ["nothing"]}',
    )
    with httpx.Client() as http:
        first = http.send(request)
        replay = http.send(request)
    assert first.status_code == 200
    assert replay.status_code == 401
    assert _problem(replay).code is ProblemType.REPLAYED_NONCE


def test_company_not_configured_is_403(ws: tuple[RunningWs, Path]) -> None:
    running, ini = ws
    key, code = new_key("1234563218")
    assert ws_cli(["keys", "add", code.text, "--config", str(ini)]) == 0
    with client_for(running.base_url, key, code) as client, pytest.raises(WsError) as info:
        client.submit(erp_doc(2, nip="1234563218"))
    assert info.value.status == 403
    assert info.value.problem_type is ProblemType.COMPANY_NOT_CONFIGURED
