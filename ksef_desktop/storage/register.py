"""The register list in SQL: filter, sort and page document ids, then fetch rows for those ids.

The lazy table model holds only ids (Anki's browser): ``ids`` answers one page
in the chosen order, ``rows`` the visible rows; nothing loads the whole table.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.storage.db import Database


class SortKey(enum.StrEnum):
    """Sortable columns; the value is the SQL expression (never user text)."""

    NUMBER = "number"
    ISSUE_DATE = "issue_date"
    BUYER = "buyer COLLATE NOCASE"
    BUYER_NIP = "buyer_nip"
    NET = "net_minor"
    VAT = "vat_minor"
    GROSS = "gross_minor"
    STATUS = "state"
    KSEF_NUMBER = "ksef_number"
    UPDATED = "updated_at"


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows; every field narrows the list (all are optional)."""

    text: str = ""  # number, buyer name, buyer NIP or KSeF number contains this
    register_kind: str | None = None  # "invoice" | "receipt"
    statuses: frozenset[Status] = field(default_factory=frozenset)
    date_from: date | None = None
    date_to: date | None = None
    buyer_nip: str | None = None
    gross_min: Decimal | None = None
    gross_max: Decimal | None = None


@dataclass(frozen=True)
class RegisterRow:
    """One line of ``ERP > SALES > INVOICES / RECEIPTS``."""

    id: str
    register_kind: str
    doc_kind: str
    number: str | None
    issue_date: date
    buyer: str
    buyer_nip: str | None
    currency: str
    net: Decimal | None
    vat: Decimal | None
    gross: Decimal
    status: Status
    ksef_number: str | None
    reason: str | None


def _where(flt: RegisterFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    text = flt.text.strip()
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        clauses.append(
            "(number LIKE ? ESCAPE '\\' OR buyer LIKE ? ESCAPE '\\' "
            "OR buyer_nip LIKE ? ESCAPE '\\' OR ksef_number LIKE ? ESCAPE '\\')"
        )
        params += [pattern] * 4
    if flt.register_kind is not None:
        clauses.append("kind = ?")
        params.append(flt.register_kind)
    if flt.statuses:
        ordered = sorted(s.value for s in flt.statuses)
        clauses.append(f"state IN ({', '.join('?' for _ in ordered)})")
        params += ordered
    if flt.date_from is not None:
        clauses.append("issue_date >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to is not None:
        clauses.append("issue_date <= ?")
        params.append(flt.date_to.isoformat())
    if flt.buyer_nip:
        clauses.append("buyer_nip = ?")
        params.append(flt.buyer_nip)
    if flt.gross_min is not None:
        clauses.append("gross_minor >= ?")
        params.append(int(flt.gross_min * 100))
    if flt.gross_max is not None:
        clauses.append("gross_minor <= ?")
        params.append(int(flt.gross_max * 100))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


class RegisterQueries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def count(self, flt: RegisterFilter) -> int:
        where, params = _where(flt)
        rows = self._db.query(f"SELECT COUNT(*) AS n FROM documents{where}", params)  # noqa: S608
        return int(rows[0]["n"])

    def ids(
        self,
        flt: RegisterFilter,
        *,
        sort: SortKey = SortKey.ISSUE_DATE,
        descending: bool = True,
        offset: int = 0,
        limit: int = 200,
    ) -> list[str]:
        """One page of ids; ties are broken by creation order so paging is stable."""
        where, params = _where(flt)
        direction = "DESC" if descending else "ASC"
        # NULLs (a draft's number) sort last whichever the direction.
        order = f"({sort.value.split()[0]} IS NULL), {sort.value} {direction}"
        sql = (
            f"SELECT id FROM documents{where} ORDER BY {order}, "  # noqa: S608 - fixed names
            f"created_at {direction}, id {direction} LIMIT ? OFFSET ?"
        )
        rows = self._db.query(sql, [*params, max(0, limit), max(0, offset)])
        return [str(r["id"]) for r in rows]

    def rows(self, ids: Sequence[str]) -> list[RegisterRow]:
        """The rows of ``ids`` in the same order (ids deleted meanwhile are skipped)."""
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        found = {
            r["id"]: r
            for r in self._db.query(
                f"SELECT id, kind, doc_kind, number, issue_date, buyer, buyer_nip, currency,"  # noqa: S608
                f" net_total, vat_total, gross_total, state, ksef_number, reason"
                f" FROM documents WHERE id IN ({marks})",
                list(ids),
            )
        }
        result = []
        for doc_id in ids:
            r = found.get(doc_id)
            if r is None:
                continue
            result.append(
                RegisterRow(
                    id=r["id"],
                    register_kind=r["kind"],
                    doc_kind=r["doc_kind"],
                    number=r["number"],
                    issue_date=date.fromisoformat(r["issue_date"]),
                    buyer=r["buyer"],
                    buyer_nip=r["buyer_nip"],
                    currency=r["currency"],
                    net=_decimal(r["net_total"]),
                    vat=_decimal(r["vat_total"]),
                    gross=Decimal(r["gross_total"]),
                    status=Status(r["state"]),
                    ksef_number=r["ksef_number"],
                    reason=r["reason"],
                )
            )
        return result
