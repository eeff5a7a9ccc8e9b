"""The customer list the document editor picks buyers from (NIP, name, address, country)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.documents import now
from ksef_desktop.support.i18n import tr


@dataclass(frozen=True)
class CustomerRecord:
    """A stored customer; ``nip`` is the bare ten digits, None for a consumer or a foreigner."""

    id: int
    nip: str | None
    name: str
    line1: str
    line2: str | None
    country: str
    email: str | None


class DuplicateCustomerError(KsefDesktopError):
    code = "customer-duplicate"


def _record(row: sqlite3.Row) -> CustomerRecord:
    return CustomerRecord(
        row["id"],
        row["nip"],
        row["name"],
        row["line1"],
        row["line2"],
        row["country"],
        row["email"],
    )


class CustomerRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, record: CustomerRecord) -> int:
        """Insert (``id`` 0) or update a customer; returns its id."""
        values = (
            record.nip,
            record.name,
            record.line1,
            record.line2,
            record.country,
            record.email,
            now().isoformat(),
        )
        try:
            with self._db.transaction() as conn:
                if record.id == 0:
                    cursor = conn.execute(
                        "INSERT INTO customers (nip, name, line1, line2, country, email, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        values,
                    )
                    return int(cursor.lastrowid or 0)
                conn.execute(
                    "UPDATE customers SET nip = ?, name = ?, line1 = ?, line2 = ?, country = ?,"
                    " email = ?, updated_at = ? WHERE id = ?",
                    (*values, record.id),
                )
                return record.id
        except sqlite3.IntegrityError as exc:
            raise DuplicateCustomerError(
                tr("A customer with NIP {nip} is already on the list.").format(nip=record.nip),
                details={"nip": record.nip},
            ) from exc

    def get(self, customer_id: int) -> CustomerRecord | None:
        rows = self._db.query("SELECT * FROM customers WHERE id = ?", (customer_id,))
        return _record(rows[0]) if rows else None

    def by_nip(self, nip: str) -> CustomerRecord | None:
        rows = self._db.query("SELECT * FROM customers WHERE nip = ?", (nip,))
        return _record(rows[0]) if rows else None

    def search(self, text: str = "", limit: int = 50) -> list[CustomerRecord]:
        """Customers whose name or NIP contains ``text``, by name."""
        pattern = (
            "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        rows = self._db.query(
            "SELECT * FROM customers WHERE name LIKE ? ESCAPE '\\' OR nip LIKE ? ESCAPE '\\' "
            "ORDER BY name COLLATE NOCASE, id LIMIT ?",
            (pattern, pattern, limit),
        )
        return [_record(r) for r in rows]

    def delete(self, customer_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
