"""ERP > SALES > INVOICES / RECEIPTS as a Qt-free service: ids-only paging, filters in SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.services.parameters import ParametersService
from ksef_desktop.storage.documents import DocumentRepository, StoredDocument
from ksef_desktop.storage.numbering import peek_number, series_of
from ksef_desktop.storage.register import RegisterFilter, RegisterQueries, RegisterRow, SortKey

__all__ = ["RegisterFilter", "RegisterRow", "RegisterService", "SortKey", "lifecycle_of"]

LifecycleSource = Callable[[], Lifecycle]


def lifecycle_of(parameters: ParametersService) -> LifecycleSource:
    """The transition table in force, read from STATUS (ACTIVE) at each call."""
    return lambda: Lifecycle(ksef_active=parameters.load().active)


class RegisterService:
    """Listing, reading, drafting and deleting documents; every state rule is the domain's."""

    def __init__(
        self,
        documents: DocumentRepository,
        queries: RegisterQueries,
        lifecycle: LifecycleSource,
    ) -> None:
        self._documents = documents
        self._queries = queries
        self._lifecycle = lifecycle

    # --- the list ------------------------------------------------------------

    def count(self, flt: RegisterFilter | None = None) -> int:
        return self._queries.count(flt or RegisterFilter())

    def ids(
        self,
        flt: RegisterFilter | None = None,
        *,
        sort: SortKey = SortKey.ISSUE_DATE,
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[str]:
        return self._queries.ids(
            flt or RegisterFilter(), sort=sort, descending=descending, offset=offset, limit=limit
        )

    def rows(self, ids: Sequence[str]) -> list[RegisterRow]:
        return self._queries.rows(ids)

    # --- one document --------------------------------------------------------

    def get(self, doc_id: str) -> StoredDocument:
        return self._documents.get(doc_id)

    def create_draft(self, document: Document, *, register_kind: str = "invoice") -> str:
        return self._documents.add(document, register_kind=register_kind)

    def save_draft(self, doc_id: str, document: Document) -> Status:
        """Store edited content; only a DRAFT or VALID document accepts it (it becomes DRAFT)."""
        return self._documents.save_content(doc_id, self._lifecycle(), document, Event.EDIT)

    def delete(self, doc_id: str) -> None:
        """Delete a draft; anything approved or sent is refused by the lifecycle."""
        self._documents.delete(doc_id)

    def reopen(self, doc_id: str) -> Status:
        """A REJECTED document back to DRAFT for correction (it keeps its number)."""
        return self._documents.transition(doc_id, self._lifecycle(), [Event.REOPEN])

    def can_delete(self, status: Status) -> bool:
        return status.deletable

    def can_print(self, status: Status) -> bool:
        return self._lifecycle().can_print(status)

    def number_preview(self, doc_id: str) -> str:
        """The number approval would give now (the document's own, when it came numbered)."""
        stored = self._documents.get(doc_id)
        document = stored.content()
        if document.number is not None:
            return document.number
        series = series_of(stored.meta.register_kind, document.kind)
        return peek_number(self._documents.db, series, document.issue_date)
