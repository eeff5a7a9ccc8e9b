"""The sales-document register's minimal rows: enough to count and seed documents by state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.storage.db import Database


@dataclass(frozen=True)
class DocumentRow:
    id: str
    kind: str  # "invoice" | "receipt"
    number: str
    issue_date: date
    buyer: str
    gross_total: Decimal
    state: Status
    updated_at: datetime
    ksef_number: str | None = None
    reason: str | None = None


class DocumentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def count(self, state: Status | None = None) -> int:
        if state is None:
            rows = self._db.query("SELECT COUNT(*) AS n FROM documents")
        else:
            rows = self._db.query(
                "SELECT COUNT(*) AS n FROM documents WHERE state = ?", (state.value,)
            )
        return int(rows[0]["n"])

    def upsert(self, row: DocumentRow) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO documents (id, kind, number, issue_date, buyer, gross_total, state,"
                " ksef_number, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
                    row.state.value,
                    row.ksef_number,
                    row.reason,
                    row.updated_at.isoformat(),
                ),
            )
