"""The running service's parts, built from a checked ``ksef.ini``: registry, store, worker."""

from __future__ import annotations

from dataclasses import dataclass, field

from ksef_desktop.ksef.retry import RetryPolicy
from ksef_desktop.ws.config import WsConfig
from ksef_desktop.ws.delivery import DeliveryProcess
from ksef_desktop.ws.intake import warm_up
from ksef_desktop.ws.intake_pool import Intake
from ksef_desktop.ws.ksefgate import Tuning
from ksef_desktop.ws.registry import KeyRegistry
from ksef_desktop.ws.sessions import Backoff
from ksef_desktop.ws.store import DocumentStore
from ksef_desktop.ws.worker import Worker


@dataclass
class Service:
    config: WsConfig
    registry: KeyRegistry
    store: DocumentStore
    #: Sends to KSeF: in this process (tests, the desktop demo) or in its own (serve).
    worker: Worker | DeliveryProcess
    tuning: Tuning = field(default_factory=Tuning)
    intake: Intake = field(default_factory=lambda: Intake(0))

    @classmethod
    def build(
        cls,
        config: WsConfig,
        *,
        tuning: Tuning | None = None,
        backoff: Backoff | None = None,
        delivery_process: bool = False,
        log_level: str = "warning",
    ) -> Service:
        """The service's parts; ``delivery_process`` runs the worker in a child process."""
        config.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        tuning = tuning or Tuning(poll_initial=config.ksef_poll_seconds, retry=RetryPolicy())
        registry = KeyRegistry(config.data_dir)
        store = DocumentStore(config.data_dir)
        backoff = backoff or Backoff(
            base=config.retry_base_seconds,
            cap=config.retry_max_seconds,
            permanent=min(300.0, config.retry_max_seconds),
        )
        worker: Worker | DeliveryProcess
        if delivery_process:
            worker = DeliveryProcess(config, tuning, backoff, log_level)
        else:
            worker = Worker(config.companies, store, tuning, backoff)
        return cls(config, registry, store, worker, tuning, Intake(config.intake_processes))

    def start(self) -> None:
        warm_up()
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()
        self.intake.close()
        self.store.close()
        self.registry.close()
