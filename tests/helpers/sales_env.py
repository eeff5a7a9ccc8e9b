"""A desktop store with the sales services over it, for register, wizard and printout tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ksef_desktop.contract.client import WsClient
from ksef_desktop.domain.document import Document
from ksef_desktop.domain.lifecycle import Lifecycle, Status
from ksef_desktop.services.connection import ClientSource
from ksef_desktop.services.parameters import KsefParameters, ParametersService
from ksef_desktop.services.sales import SalesServices, build_sales
from ksef_desktop.services.sending import SendTiming, Unconfirmed
from ksef_desktop.storage import codec
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.documents import DocumentRepository
from ksef_desktop.storage.parameters import ParametersRepository
from tests.helpers import factories
from tests.helpers.desktop_chain import closed_port_url

FAST = SendTiming(poll_interval=0.02, wait_seconds=30)


def draft_invoice(**changes: object) -> Document:
    """The factories' invoice as a desktop draft: no number, no generation time yet."""
    return replace(factories.invoice(), number=None, generated_at=None, **changes)  # type: ignore[arg-type]


@dataclass
class SalesEnv:
    db: Database
    parameters: ParametersService
    sales: SalesServices
    documents: DocumentRepository

    def draft(self, document: Document | None = None, register_kind: str = "invoice") -> str:
        return self.sales.register.create_draft(
            document or draft_invoice(), register_kind=register_kind
        )

    def status(self, doc_id: str) -> Status:
        return self.documents.get(doc_id).status

    def set_active(self, active: bool) -> None:
        current = self.parameters.load()
        self.parameters.save(replace(current, active=active))

    @property
    def lifecycle(self) -> Lifecycle:
        return self.sales.lifecycle()

    def close(self) -> None:
        self.db.close()


def make_env(
    tmp_path: Path,
    *,
    active: bool = True,
    client: ClientSource | None = None,
    ws_address: str | None = None,
    on_unconfirmed: Unconfirmed | None = None,
) -> SalesEnv:
    db = Database(tmp_path / "store.sqlite3")
    parameters = ParametersService(ParametersRepository(db))
    address = ws_address or closed_port_url()
    parameters.save(KsefParameters(active, address, factories.SELLER_NIP))
    source = client or (lambda: WsClient(address, None, timeout=5))
    sales = build_sales(db, parameters, source, timing=FAST, on_unconfirmed=on_unconfirmed)
    return SalesEnv(db, parameters, sales, DocumentRepository(db))


def snapshot(documents: DocumentRepository, doc_id: str) -> tuple[object, ...]:
    """Everything a wizard step could change about a stored document, for before/after checks."""
    stored = documents.get(doc_id)
    meta = stored.meta
    content = codec.encode(stored.document) if stored.document else None
    return (meta.status, meta.number, meta.attempts, meta.print_count, meta.reason, content)
