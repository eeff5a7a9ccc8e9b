"""WS client composition and the connection test, against real ksef-ws and ksef-sim (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ksef_desktop.contract.api import CheckId, CheckStatus, Problem, ProblemType
from ksef_desktop.contract.client import WsError
from ksef_desktop.services.authorization import AuthorizationService
from ksef_desktop.services.cancel import CancelledError, CancelToken
from ksef_desktop.services.connection import (
    ConnectionService,
    LocalCheck,
    default_client_factory,
    failure_line,
)
from ksef_desktop.services.keystore import FileKeyStore
from ksef_desktop.services.parameters import KsefParameters, ParametersService
from ksef_desktop.services.status import StatusService, WsState
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.documents import DocumentRepository
from ksef_desktop.storage.keys import KeyRecordRepository
from ksef_desktop.storage.parameters import ParametersRepository
from tests.helpers.desktop_chain import GOOD_NIP, Chain, closed_port_url, running_chain


@dataclass
class Desk:
    db: Database
    parameters: ParametersService
    authorization: AuthorizationService
    connection: ConnectionService
    status: StatusService


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    with running_chain(tmp_path_factory.mktemp("servers")) as running:
        yield running


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    db = Database(tmp_path / "store.sqlite3")
    parameters = ParametersService(ParametersRepository(db))
    authorization = AuthorizationService(KeyRecordRepository(db), [FileKeyStore(tmp_path / "k")])
    factory = default_client_factory(timeout=3.0)
    yield Desk(
        db,
        parameters,
        authorization,
        ConnectionService(authorization, factory),
        StatusService(parameters, DocumentRepository(db).count, factory),
    )
    db.close()


def test_the_client_reads_the_key_at_each_request(desk: Desk, chain: Chain) -> None:
    first = desk.authorization.generate(GOOD_NIP)
    chain.register(first.code)
    with desk.connection.client(chain.address) as client:
        assert client.connection_test().ok
        second = desk.authorization.generate(GOOD_NIP)  # same client object, new key
        with pytest.raises(WsError) as info:
            client.connection_test()
        assert info.value.problem is not None
        assert info.value.problem.code.value == "unknown-key"
        chain.register(second.code)
        assert client.connection_test().ok


def test_connection_test_reports_every_check_in_order(desk: Desk, chain: Chain) -> None:
    chain.register(desk.authorization.generate(GOOD_NIP).code)
    steps: list[str] = []
    report = desk.connection.test(chain.address, progress=steps.append)
    assert report.ok
    assert [c.id for c in report.checks[:3]] == [
        LocalCheck.ADDRESS,
        LocalCheck.AUTH_CODE,
        LocalCheck.SERVICE,
    ]
    assert [c.id for c in report.checks[3:]] == [c.value for c in CheckId]
    assert report.server is not None
    assert report.server.company_nip == GOOD_NIP
    assert len(steps) == 3


def test_without_a_key_the_test_stops_locally(desk: Desk, chain: Chain) -> None:
    report = desk.connection.test(chain.address)
    assert not report.ok
    assert report.checks[-1].id == LocalCheck.AUTH_CODE
    assert report.checks[-1].status is CheckStatus.FAILED
    assert report.checks[-1].hint is not None
    assert "GENERATE" in report.checks[-1].hint


def test_an_unreachable_address_is_a_failed_check(desk: Desk) -> None:
    desk.authorization.generate(GOOD_NIP)
    report = desk.connection.test(closed_port_url())
    failed = report.checks[-1]
    assert (failed.id, failed.status) == (LocalCheck.SERVICE, CheckStatus.FAILED)
    assert "No web service answers" in failed.message
    assert report.summary.startswith("Connection test failed at “Web service answers”")


def test_an_insecure_remote_address_fails_before_any_request(desk: Desk) -> None:
    report = desk.connection.test("http://ksef-ws.example.com")
    assert [(c.id, c.status) for c in report.checks] == [(LocalCheck.ADDRESS, CheckStatus.FAILED)]


def test_a_cancelled_test_stops_between_steps(desk: Desk, chain: Chain) -> None:
    desk.authorization.generate(GOOD_NIP)
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        desk.connection.test(chain.address, token)


def test_status_probe_and_snapshot(desk: Desk, chain: Chain) -> None:
    assert desk.status.probe().state is WsState.NOT_CONFIGURED
    desk.parameters.save(KsefParameters(True, chain.address, GOOD_NIP))
    probe = desk.status.probe()
    assert probe.state is WsState.CONNECTED
    assert probe.address == chain.address
    snapshot = desk.status.snapshot()
    assert snapshot.active
    assert snapshot.awaiting == 0
    desk.parameters.save(KsefParameters(True, closed_port_url(), GOOD_NIP))
    assert desk.status.probe().state is WsState.UNREACHABLE


@pytest.mark.parametrize(
    ("problem", "check", "words"),
    [
        (ProblemType.UNKNOWN_KEY, CheckId.KEY, "ksef-ws keys add"),
        (ProblemType.REVOKED_KEY, CheckId.KEY, "Generate a new one"),
        (ProblemType.UNSIGNED, CheckId.KEY, "GENERATE"),
        (ProblemType.BAD_SIGNATURE, CheckId.KEY, "own address"),
        (ProblemType.REPLAYED_NONCE, CheckId.KEY, "proxy"),
        (ProblemType.STALE_SIGNATURE, CheckId.CLOCK, "automatic time"),
        (ProblemType.COMPANY_NOT_CONFIGURED, CheckId.COMPANY, "ksef.ini"),
        (ProblemType.INTERNAL, LocalCheck.SERVICE, "log"),
    ],
)
def test_ws_problems_become_the_failed_check_they_concern(
    problem: ProblemType, check: str, words: str
) -> None:
    body = Problem(type=problem.uri, title="t", status=401, detail="The WS says no.", code=problem)
    line = failure_line(WsError("The WS says no. Hint.", status=401, problem=body), 3.0)
    assert (line.id, line.status, line.message) == (check, CheckStatus.FAILED, "The WS says no.")
    assert line.hint is not None
    assert words in line.hint
