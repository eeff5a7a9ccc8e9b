"""An AwaitingService on a real SQLite file, a controllable clock and a switchable WS address."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from ksef_desktop.contract.client import WsClient
from ksef_desktop.services.authorization import AuthorizationService
from ksef_desktop.services.autoretry import RetryScheduler
from ksef_desktop.services.awaiting import AwaitingService
from ksef_desktop.services.backoff import Backoff
from ksef_desktop.services.changes import ChangeFeed
from ksef_desktop.services.connection import ConnectionService, default_client_factory
from ksef_desktop.services.keystore import FileKeyStore
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.keys import KeyRecordRepository
from ksef_desktop.storage.outbox import OutboxRepository
from tests.helpers.desktop_chain import GOOD_NIP
from tests.helpers.manual_clock import ManualClock


@dataclass
class Desk:
    db: Database
    outbox: OutboxRepository
    service: AwaitingService
    scheduler: RetryScheduler
    clock: ManualClock
    authorization: AuthorizationService
    address: list[str] = field(default_factory=list)  # [current WS address]
    changes: list[int] = field(default_factory=list)  # versions the change feed announced

    def point_at(self, address: str) -> None:
        self.address[:] = [address]

    def code(self) -> str:
        info = self.authorization.current()
        assert info is not None
        return info.code


def make_desk(directory: Path, address: str) -> Desk:
    db = Database(directory / "store.sqlite3")
    authorization = AuthorizationService(
        KeyRecordRepository(db), [FileKeyStore(directory / "keys")]
    )
    authorization.generate(GOOD_NIP)
    connection = ConnectionService(authorization, default_client_factory(timeout=5.0))
    holder = [address]

    def clients() -> WsClient:
        return connection.client(holder[0])

    clock = ManualClock()
    outbox = OutboxRepository(db)
    feed = ChangeFeed()
    service = AwaitingService(
        outbox,
        clients,
        clock=clock,
        backoff=Backoff(base=30, cap=600, jitter=0.2, rng=random.Random(1)),  # noqa: S311 - reproducible jitter
        poll=Backoff(base=5, cap=60, jitter=0.2, rng=random.Random(2)),  # noqa: S311
        changes=feed,
    )
    scheduler = RetryScheduler(service, probe=Backoff(base=10, cap=60, rng=random.Random(3)))  # noqa: S311
    desk = Desk(db, outbox, service, scheduler, clock, authorization, holder)
    feed.subscribe(desk.changes.append)
    return desk
