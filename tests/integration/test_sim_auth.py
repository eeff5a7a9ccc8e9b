"""ksef-sim authentication over real HTTP: certificates, challenge, KSeF token, tokens' life."""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Iterator

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from ksef_client import openapi_models as m

from ksef_desktop.simulator.core import Lifetimes
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.sim_client import (
    OTHER_SELLER,
    OTHER_TOKEN,
    SELLER,
    TOKEN,
    SimClient,
    invoice_xml,
)

READ_ONLY_NIP = "1111111111"
READ_ONLY_TOKEN = "read-only-token"  # noqa: S105 -- a test token


@pytest.fixture(scope="module")
def running() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER: TOKEN, OTHER_SELLER: OTHER_TOKEN}) as run:
        run.sim.register_token(READ_ONLY_NIP, READ_ONLY_TOKEN, permissions=["InvoiceRead"])
        yield run


@pytest.fixture
def client(running: RunningSimulator) -> Iterator[SimClient]:
    c = SimClient(running.base_url)
    yield c
    c.close()


def test_public_key_certificates(client: SimClient) -> None:
    response = client.http.get("/security/public-key-certificates")
    assert response.status_code == 200
    items = [m.PublicKeyCertificate.from_dict(item) for item in response.json()]
    usages = {usage.value for item in items for usage in item.usage}
    assert usages == {"KsefTokenEncryption", "SymmetricKeyEncryption"}
    assert len({item.public_key_id for item in items}) == 2
    for item in items:
        der = base64.b64decode(item.certificate)
        cert = x509.load_der_x509_certificate(der)
        spki = cert.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        assert item.public_key_id == base64.b64encode(hashlib.sha256(spki).digest()).decode()
        assert item.certificate_id == base64.b64encode(hashlib.sha256(der).digest()).decode()
        assert cert.public_key().key_size == 2048  # type: ignore[union-attr]


def test_challenge_shape(client: SimClient) -> None:
    response = client.http.post("/auth/challenge")
    assert response.status_code == 200
    body = m.AuthenticationChallengeResponse.from_dict(response.json())
    assert len(body.challenge) == 36
    assert "-CR-" in body.challenge
    assert body.client_ip == "127.0.0.1"


def test_full_ksef_token_flow(client: SimClient) -> None:
    init = client.start_auth(SELLER, TOKEN)
    m.AuthenticationInitResponse.from_dict(init)
    assert "-AU-" in init["referenceNumber"]
    status = m.AuthenticationOperationStatusResponse.from_dict(client.auth_status(init))
    assert status.status.code == 200
    assert status.authentication_method_info.category.value == "Token"
    redeem = client.http.post(
        "/auth/token/redeem", headers=client.bearer(init["authenticationToken"]["token"])
    )
    assert redeem.status_code == 200
    tokens = m.AuthenticationTokensResponse.from_dict(redeem.json())
    assert tokens.access_token.token.count(".") == 2
    again = client.http.post(
        "/auth/token/redeem", headers=client.bearer(init["authenticationToken"]["token"])
    )
    assert again.status_code == 400
    assert again.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21301
    assert client.auth_status(init)["isTokenRedeemed"] is True


@pytest.mark.parametrize(
    ("token", "shift", "detail"),
    [("no-such-token", 0, "Nieprawidłowy token."), (TOKEN, 1, "Nieprawidłowy czas tokena.")],
)
def test_bad_token_or_timestamp_ends_with_450(
    client: SimClient, token: str, shift: int, detail: str
) -> None:
    init = client.start_auth(SELLER, token, stamp_shift=shift)
    status = client.auth_status(init)
    assert status["status"]["code"] == 450
    assert status["status"]["details"] == [detail]
    redeem = client.http.post(
        "/auth/token/redeem", headers=client.bearer(init["authenticationToken"]["token"])
    )
    assert redeem.status_code == 400


def test_token_of_another_company_has_no_permissions_in_this_context(client: SimClient) -> None:
    status = client.auth_status(client.start_auth(SELLER, OTHER_TOKEN))
    assert status["status"]["code"] == 415


def test_challenge_is_single_use(client: SimClient) -> None:
    challenge = client.http.post("/auth/challenge").json()
    plain = f"{TOKEN}|{challenge['timestampMs']}".encode()
    from tests.helpers.sim_client import b64, oaep

    body = {
        "challenge": challenge["challenge"],
        "contextIdentifier": {"type": "Nip", "value": SELLER},
        "encryptedToken": b64(oaep(client.public_key("KsefTokenEncryption"), plain)),
    }
    assert client.http.post("/auth/ksef-token", json=body).status_code == 202
    replay = client.http.post("/auth/ksef-token", json=body)
    assert replay.status_code == 400
    assert replay.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21111


def test_unknown_public_key_id_is_21470(client: SimClient) -> None:
    challenge = client.http.post("/auth/challenge").json()
    body = {
        "challenge": challenge["challenge"],
        "contextIdentifier": {"type": "Nip", "value": SELLER},
        "encryptedToken": base64.b64encode(b"x" * 256).decode(),
        "publicKeyId": base64.b64encode(b"\0" * 32).decode(),
    }
    response = client.http.post(
        "/auth/ksef-token", json=body, headers={"X-Error-Format": "problem-details"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = m.BadRequestProblemDetails.from_dict(response.json())
    assert problem.errors[0].code == 21470


def test_missing_and_garbage_tokens_are_401_problem_json(client: SimClient) -> None:
    for headers in ({}, {"Authorization": "Bearer a.b.c"}):
        response = client.http.post("/sessions/online", json={}, headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"].startswith("application/problem+json")
        m.UnauthorizedProblemDetails.from_dict(response.json())


def test_refresh_and_expiry(client: SimClient, running: RunningSimulator) -> None:
    client.login()
    assert client.open_online()
    running.sim.advance_clock(901)
    expired = client.http.post("/sessions/online", json={}, headers=client.bearer())
    assert expired.status_code == 401
    assert expired.json()["detail"] == "Token wygasł."
    refreshed = client.http.post("/auth/token/refresh", headers=client.bearer(client.refresh))
    assert refreshed.status_code == 200
    body = m.AuthenticationTokenRefreshResponse.from_dict(refreshed.json())
    assert "refreshToken" not in refreshed.json()
    client.access = body.access_token.token
    assert client.open_online()
    # An access token is not a refresh token, and vice versa.
    wrong = client.http.post("/auth/token/refresh", headers=client.bearer(client.access))
    assert wrong.status_code == 401
    running.sim.advance_clock(7 * 24 * 3600)
    late = client.http.post("/auth/token/refresh", headers=client.bearer(client.refresh))
    assert late.status_code == 401


def test_revoked_authentication_cannot_refresh(
    client: SimClient, running: RunningSimulator
) -> None:
    client.login(OTHER_SELLER, OTHER_TOKEN)
    running.sim.revoke_authentications(OTHER_SELLER)
    assert (
        client.http.post("/sessions/online", json={}, headers=client.bearer()).status_code == 401
    )
    refresh = client.http.post("/auth/token/refresh", headers=client.bearer(client.refresh))
    assert refresh.status_code == 400
    assert refresh.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21301
    client.login(OTHER_SELLER, OTHER_TOKEN)
    assert client.open_online()


def test_missing_permission_is_403(client: SimClient) -> None:
    client.login(READ_ONLY_NIP, READ_ONLY_TOKEN)
    response = client.http.post("/sessions/online", json={}, headers=client.bearer())
    assert response.status_code == 403
    problem = m.ForbiddenProblemDetails.from_dict(response.json())
    assert problem.reason_code == "missing-permissions"


def test_context_must_be_a_nip(client: SimClient) -> None:
    challenge = client.http.post("/auth/challenge").json()
    for context in ({"type": "Pesel", "value": "90010112345"}, {"type": "Nip", "value": "12"}):
        body = {
            "challenge": challenge["challenge"],
            "contextIdentifier": context,
            "encryptedToken": base64.b64encode(b"x" * 256).decode(),
        }
        response = client.http.post("/auth/ksef-token", json=body)
        assert response.status_code == 400
        assert response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21405


def test_expire_access_tokens_handle(client: SimClient, running: RunningSimulator) -> None:
    client.login()
    session = client.open_online()
    running.sim.expire_access_tokens()
    response = client.http.get(f"/sessions/{session.ref}", headers=client.bearer())
    assert response.status_code == 401
    refreshed = client.http.post("/auth/token/refresh", headers=client.bearer(client.refresh))
    client.access = refreshed.json()["accessToken"]["token"]
    assert client.session_status(session.ref)["status"]["code"] == 100


def test_short_lifetimes_for_tests() -> None:
    with start_in_thread(tokens={SELLER: TOKEN}, lifetimes=Lifetimes(access=5)) as run:
        c = SimClient(run.base_url)
        try:
            c.login()
            assert c.open_online()
            run.sim.advance_clock(6)
            assert c.http.post("/sessions/online", json={}, headers=c.bearer()).status_code == 401
        finally:
            c.close()


def test_malformed_json_is_21405(client: SimClient) -> None:
    response = client.http.post(
        "/auth/ksef-token", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    body = m.ExceptionResponse.from_dict(response.json())
    assert body.exception is not None
    assert body.exception.exception_detail_list is not None
    assert body.exception.exception_detail_list[0].exception_code == 21405


def test_register_token_checks_the_nip(running: RunningSimulator) -> None:
    from ksef_desktop.domain.errors import InvalidValueError

    with pytest.raises(InvalidValueError):
        running.sim.register_token("1234567890", "t")
    assert isinstance(
        httpx.get(running.api_url + "/security/public-key-certificates").json(), list
    )


def test_logs_carry_no_secrets(client: SimClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.login()
    session = client.open_online()
    client.send_ok(session, invoice_xml())
    assert "authentication" in caplog.text
    for secret in (TOKEN, client.access, client.refresh):
        assert secret not in caplog.text
