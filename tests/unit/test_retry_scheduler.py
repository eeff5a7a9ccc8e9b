"""Automatic retries on a controllable clock: paused while the WS is down, resumed after.

The WS and KSeF are a real ksef-ws and ksef-sim on loopback; only time is controlled.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.storage.outbox_query import ReasonKind
from tests.helpers.awaiting_env import Desk, make_desk
from tests.helpers.desktop_chain import Chain, closed_port_url, running_chain
from tests.helpers.ws_env import erp_doc, wait_until


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    with running_chain(tmp_path_factory.mktemp("servers")) as running:
        yield running


@pytest.fixture
def desk(tmp_path: Path, chain: Chain) -> Iterator[Desk]:
    made = make_desk(tmp_path, closed_port_url())
    chain.register(made.code())
    yield made
    made.db.close()


def _jump_to_wakeup(desk: Desk) -> None:
    wake = desk.scheduler.next_wakeup()
    assert wake is not None
    desk.clock.current = max(desk.clock.current, wake)


def test_nothing_due_means_nothing_sent(desk: Desk) -> None:
    report = desk.scheduler.tick()
    assert report.delivery is None
    assert not report.paused
    assert desk.scheduler.next_wakeup() is None


def test_retries_pause_while_the_ws_is_down_and_resume_when_it_returns(
    desk: Desk, chain: Chain
) -> None:
    ids = [erp_doc(7000 + i).id for i in range(3)]
    for i in range(3):
        desk.service.hold(erp_doc(7000 + i))
    assert desk.scheduler.tick().paused  # first try: nobody answers
    attempts = [r.attempts for r in desk.service.rows(ids)]
    assert attempts == [1, 1, 1]
    probes = []
    for _ in range(4):
        before = desk.clock.now()
        _jump_to_wakeup(desk)
        probes.append((desk.clock.now() - before).total_seconds())
        assert desk.scheduler.tick().paused
    assert probes == sorted(probes)  # the health probe backs off too
    assert [r.attempts for r in desk.service.rows(ids)] == [1, 1, 1]  # none spent while paused

    desk.point_at(chain.address)  # the service is back
    _jump_to_wakeup(desk)
    report = desk.scheduler.tick()
    assert report.resumed
    assert not desk.scheduler.paused
    assert report.delivery is not None
    assert report.delivery.pending + report.delivery.accepted == 3
    for row in desk.service.rows(ids):
        assert row.state is Status.SENT
        assert row.reason.kind is ReasonKind.PENDING
        assert row.attempts == 2

    def all_accepted() -> bool:
        _jump_to_wakeup(desk)
        desk.scheduler.tick()
        return desk.service.total() == 0

    wait_until(all_accepted, 30, "KSeF to accept the resent documents")
    assert desk.changes == sorted(desk.changes)  # the feed only moves forward


def test_a_probe_from_elsewhere_can_pause_and_resume(desk: Desk, chain: Chain) -> None:
    desk.point_at(chain.address)
    doc = erp_doc(7100)
    desk.service.hold(doc)
    desk.scheduler.ws_lost()
    assert desk.scheduler.tick().paused  # not probed yet: nothing is sent
    assert desk.service.rows([doc.id])[0].attempts == 0
    assert desk.scheduler.ws_back()
    report = desk.scheduler.tick()
    assert report.delivery is not None
    assert report.delivery.requested == 1
    assert not desk.scheduler.ws_back()  # already running
