"""The sales-document register's rows: content, state, numbers, send outcome; every write checked.

Each state change runs the lifecycle check and the write in one ``BEGIN
IMMEDIATE`` transaction, so two windows (or two programs on the same file)
cannot both approve, delete or send the same document.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import DocumentLockedError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.numbering import series_of, take_number
from ksef_desktop.storage.records import (
    DocumentMeta,
    DocumentNotFoundError,
    DocumentRow,
    DuplicateDocumentError,
    StoredDocument,
    minor,
    now,
    read_row,
    summary_columns,
)
from ksef_desktop.support.i18n import tr

__all__ = [
    "DocumentMeta",
    "DocumentNotFoundError",
    "DocumentRepository",
    "DocumentRow",
    "DuplicateDocumentError",
    "StoredDocument",
    "now",
]


class DocumentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def db(self) -> Database:
        return self._db

    # --- reading -------------------------------------------------------------

    def count(self, state: Status | None = None) -> int:
        if state is None:
            rows = self._db.query("SELECT COUNT(*) AS n FROM documents")
        else:
            rows = self._db.query(
                "SELECT COUNT(*) AS n FROM documents WHERE state = ?", (state.value,)
            )
        return int(rows[0]["n"])

    def get(self, doc_id: str) -> StoredDocument:
        rows = self._db.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise _not_found(doc_id)
        return read_row(rows[0])

    def find_erp_id(self, erp_id: str) -> str | None:
        rows = self._db.query("SELECT id FROM documents WHERE erp_id = ?", (erp_id,))
        return str(rows[0]["id"]) if rows else None

    # --- writing -------------------------------------------------------------

    def add(
        self,
        document: Document,
        *,
        register_kind: str = "invoice",
        source: str = "desktop",
        erp_id: str | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> str:
        """Store a new DRAFT; returns its id, which is also its ERP id.

        One id for both keeps the register, the WS and the outbox on one key; an
        imported document keeps the id its ERP gave it.
        """
        doc_id = erp_id or uuid.uuid4().hex
        stamp = now().isoformat()
        columns = {
            **summary_columns(document),
            "id": doc_id,
            "kind": register_kind,
            "state": Status.DRAFT.value,
            "erp_id": doc_id,
            "source": source,
            "created_at": stamp,
            "updated_at": stamp,
        }
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO documents ({names}) VALUES ({marks})"  # noqa: S608 - fixed names
        try:
            if conn is not None:
                conn.execute(sql, list(columns.values()))
            else:
                with self._db.transaction() as own:
                    own.execute(sql, list(columns.values()))
        except sqlite3.IntegrityError as exc:
            raise DuplicateDocumentError(
                tr("The register already holds a document with number {number}.").format(
                    number=document.number
                )
                if "documents.number" in str(exc)
                else tr("The register already holds a document with ERP id {id}.").format(
                    id=erp_id
                ),
                details={"number": document.number, "erp_id": erp_id},
            ) from exc
        return doc_id

    def transition(
        self,
        doc_id: str,
        lifecycle: Lifecycle,
        events: Iterable[Event],
        changes: Mapping[str, Any] | None = None,
    ) -> Status:
        """Apply ``events`` in order and write ``changes``, all or nothing."""
        with self._db.transaction() as conn:
            state = self._state(conn, doc_id)
            for event in events:
                state = lifecycle.next(state, event)
            self._update(conn, doc_id, {**(changes or {}), "state": state.value})
        return state

    def save_content(
        self, doc_id: str, lifecycle: Lifecycle, document: Document, event: Event = Event.EDIT
    ) -> Status:
        """New content for an editable document (EDIT), or the validated content (VALIDATE)."""
        with self._db.transaction() as conn:
            state = self._state(conn, doc_id)
            if not state.editable:
                raise DocumentLockedError(
                    tr("The document is {state}; its content can no longer change.").format(
                        state=state.label
                    ),
                    details={"state": state.value},
                )
            state = lifecycle.next(state, event)
            self._update(conn, doc_id, {**summary_columns(document), "state": state.value})
        return state

    def approve(
        self, doc_id: str, lifecycle: Lifecycle, document: Document, generated_at: datetime
    ) -> Document:
        """Number (unless the document came numbered), lock and mark APPROVED, atomically."""
        with self._db.transaction() as conn:
            state = lifecycle.next(self._state(conn, doc_id), Event.APPROVE)
            register_kind = conn.execute(
                "SELECT kind FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()[0]
            number = document.number
            if number is None:
                series = series_of(register_kind, document.kind)
                number = take_number(conn, series, document.issue_date)
            locked = replace(document, number=number, generated_at=generated_at)
            changes = {
                **summary_columns(locked),
                "state": state.value,
                "approved_at": now().isoformat(),
            }
            try:
                self._update(conn, doc_id, changes)
            except sqlite3.IntegrityError as exc:
                raise DuplicateDocumentError(
                    tr("The number {number} is already used by another document.").format(
                        number=number
                    )
                ) from exc
        return locked

    def delete(self, doc_id: str) -> None:
        with self._db.transaction() as conn:
            state = self._state(conn, doc_id)
            if not state.deletable:
                raise DocumentLockedError(
                    tr("Only a draft can be deleted; this document is {state}.").format(
                        state=state.label
                    ),
                    code="document-not-deletable",
                    details={"state": state.value},
                )
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def record_print(self, doc_id: str, lifecycle: Lifecycle) -> None:
        with self._db.transaction() as conn:
            lifecycle.check_print(self._state(conn, doc_id))
            conn.execute(
                "UPDATE documents SET print_count = print_count + 1, printed_at = ?, "
                "updated_at = ? WHERE id = ?",
                (now().isoformat(), now().isoformat(), doc_id),
            )

    def set_fa3(self, doc_id: str, xml: bytes) -> None:
        """Keep the FA(3) XML as delivered (its SHA-256 is what KOD I links to)."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE documents SET fa3 = ? WHERE id = ?", (xml, doc_id))

    def upsert(self, row: DocumentRow) -> None:
        """Record a row without content (kept for the schema-1 callers and tests)."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO documents (id, kind, number, issue_date, buyer, gross_total,"
                " gross_minor, state, ksef_number, reason, erp_id, source, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'legacy', ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET state = excluded.state,"
                " ksef_number = excluded.ksef_number, reason = excluded.reason,"
                " updated_at = excluded.updated_at",
                (
                    row.id,
                    row.kind,
                    row.number,
                    row.issue_date.isoformat(),
                    row.buyer,
                    str(row.gross_total),
                    minor(row.gross_total),
                    row.state.value,
                    row.ksef_number,
                    row.reason,
                    row.id,
                    row.updated_at.isoformat(),
                    row.updated_at.isoformat(),
                ),
            )

    # --- helpers -------------------------------------------------------------

    @staticmethod
    def _state(conn: sqlite3.Connection, doc_id: str) -> Status:
        row = conn.execute("SELECT state FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise _not_found(doc_id)
        return Status(row[0])

    @staticmethod
    def _update(conn: sqlite3.Connection, doc_id: str, changes: Mapping[str, Any]) -> None:
        values = {**changes, "updated_at": now().isoformat()}
        assignments = ", ".join(f"{name} = ?" for name in values)
        conn.execute(
            f"UPDATE documents SET {assignments} WHERE id = ?",  # noqa: S608 - names are ours
            [*values.values(), doc_id],
        )


def _not_found(doc_id: str) -> DocumentNotFoundError:
    return DocumentNotFoundError(
        tr("Document {id} is not in the register (deleted meanwhile?).").format(id=doc_id),
        details={"id": doc_id},
    )
