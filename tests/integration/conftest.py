"""Fixtures of the integration tests: a ksef-sim on loopback shared by a module's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ksef_desktop.ksef import KsefPort
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.ksef_port_env import KSEF_TOKEN, SELLER_NIP, port_settings


@pytest.fixture(scope="module")
def shared_sim() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER_NIP: KSEF_TOKEN}) as running:
        yield running


@pytest.fixture
def sim(shared_sim: RunningSimulator) -> RunningSimulator:
    """One simulator per module (fast); every test starts without faults."""
    shared_sim.sim.clear_faults()
    shared_sim.sim.faults.log.clear()
    return shared_sim


@pytest.fixture
def port(sim: RunningSimulator) -> Iterator[KsefPort]:
    """A KsefPort talking to the test's simulator, with tiny recorded waits."""
    with KsefPort(port_settings(sim.base_url)) as opened:
        yield opened
