"""The outbox: every document KSeF has not confirmed, with its reason, attempts and next retry."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.outbox_query import (
    AwaitingFilter,
    ReasonKind,
    SortKey,
    fold,
    page_query,
    where_is_empty,
)
from ksef_desktop.storage.outbox_records import (
    Held,
    OutboxEntry,
    OutboxRecord,
    Outcome,
    Reason,
    stamp,
)
from ksef_desktop.storage.parts import migrate_part

PART = "outbox"

#: The outbox's own schema steps (see storage.parts). Listing columns are copied
#: from the document when it enters the outbox: they are fixed by approval, and
#: having them here lets every filter and sort run on one indexed table. The
#: payload (the document as sent) lives apart so that list scans stay narrow.
OUTBOX_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE outbox (
        document_id      TEXT NOT NULL UNIQUE,
        number           TEXT NOT NULL,
        issue_date       TEXT NOT NULL,
        buyer            TEXT NOT NULL,
        buyer_nip        TEXT NOT NULL,
        buyer_key        TEXT NOT NULL,
        gross_grosze     INTEGER NOT NULL,
        currency         TEXT NOT NULL,
        state            TEXT NOT NULL,
        reason_kind      TEXT NOT NULL,
        reason_code      TEXT NOT NULL,
        message          TEXT NOT NULL,
        ksef_code        INTEGER,
        ksef_description TEXT,
        transport_error  TEXT,
        at_ws            INTEGER NOT NULL DEFAULT 0,
        attempts         INTEGER NOT NULL DEFAULT 0,
        checks           INTEGER NOT NULL DEFAULT 0,
        last_attempt_at  TEXT,
        next_retry_at    TEXT,
        search_text      TEXT NOT NULL
    );
    CREATE TABLE outbox_payloads (
        document_id TEXT PRIMARY KEY,
        payload     TEXT NOT NULL,
        fa3         BLOB
    );
    CREATE INDEX outbox_number ON outbox (number);
    CREATE INDEX outbox_issue_date ON outbox (issue_date);
    CREATE INDEX outbox_buyer ON outbox (buyer_key);
    CREATE INDEX outbox_gross ON outbox (gross_grosze);
    CREATE INDEX outbox_state ON outbox (state);
    CREATE INDEX outbox_reason ON outbox (reason_kind, reason_code);
    CREATE INDEX outbox_attempts ON outbox (attempts);
    CREATE INDEX outbox_last_attempt ON outbox (last_attempt_at);
    CREATE INDEX outbox_next_retry ON outbox (next_retry_at)
    """,
    # 2: a narrow index on the folded search text, so a free-text search (and its
    #    count) scans this index instead of every wide row of the table.
    """
    CREATE INDEX outbox_search ON outbox (search_text)
    """,
)


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _search_text(entry: OutboxEntry, reason: Reason) -> str:
    parts = [entry.number, entry.buyer, entry.buyer_nip, reason.message, reason.code]
    parts += [reason.ksef_description or "", reason.transport_error or ""]
    if reason.ksef_code is not None:
        parts.append(str(reason.ksef_code))
    return fold(" ".join(parts))


_ROW_SQL = (
    "SELECT document_id, number, issue_date, buyer, buyer_nip, gross_grosze, currency, state,"
    " reason_kind, reason_code, message, ksef_code, ksef_description, transport_error,"
    " at_ws, attempts, checks, last_attempt_at, next_retry_at FROM outbox"
)
_CHUNK = 500  # stays under SQLite's bound-parameter limit with room to spare


def _record(row: sqlite3.Row) -> OutboxRecord:
    entry = OutboxEntry(
        row["document_id"],
        row["number"],
        date.fromisoformat(row["issue_date"]),
        row["buyer"],
        row["buyer_nip"],
        Decimal(row["gross_grosze"]).scaleb(-2),
        row["currency"],
    )
    reason = Reason(
        ReasonKind(row["reason_kind"]),
        row["reason_code"],
        row["message"],
        row["ksef_code"],
        row["ksef_description"],
        row["transport_error"],
    )
    return OutboxRecord(
        entry,
        Status(row["state"]),
        reason,
        row["attempts"],
        _time(row["last_attempt_at"]),
        _time(row["next_retry_at"]),
        bool(row["at_ws"]),
        row["checks"],
    )


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


class OutboxRepository:
    """The outbox table; every write also mirrors the state into the document register."""

    def __init__(self, db: Database) -> None:
        self._db = db
        migrate_part(db, PART, OUTBOX_MIGRATIONS)

    # --- reads for the ids-only list -------------------------------------------

    def count(self, flt: AwaitingFilter | None = None) -> int:
        where, params = (flt or AwaitingFilter()).where()
        sql = f"SELECT COUNT(*) FROM outbox WHERE {where}"  # noqa: S608 - fixed clauses, bound values
        return int(self._db.query(sql, params)[0][0])

    def ids(
        self,
        flt: AwaitingFilter | None = None,
        sort: SortKey = SortKey.ISSUE_DATE,
        *,
        descending: bool = False,
        offset: int = 0,
        limit: int = -1,
        matched: int | None = None,
    ) -> list[str]:
        """Document ids in display order; ``limit=-1`` means every matching id.

        ``matched`` (the filter's count, when the caller has it) saves counting
        again to choose the query plan.
        """
        flt = flt or AwaitingFilter()
        share = 1.0
        if not flt.searches_text and not where_is_empty(flt):
            total = self.count()
            if limit >= 0 and matched is not None and 2 * offset > matched:
                matched = None  # a page read from the end needs today's count, not a hint
            matched = self.count(flt) if matched is None else matched
            if limit >= 0 and 2 * offset > matched:
                return self._from_the_end(flt, sort, descending, offset, limit, matched, total)
            share = matched / total if total else 1.0
        reach = offset + limit if limit >= 0 else math.inf
        visits = reach / share if share else math.inf  # nothing matches: never walk
        return self._page(flt, sort, descending, offset, limit, visits)

    def _from_the_end(  # noqa: PLR0917 - one page's whole description
        self,
        flt: AwaitingFilter,
        sort: SortKey,
        descending: bool,
        offset: int,
        limit: int,
        matched: int,
        total: int,
    ) -> list[str]:
        """A page in the far half, read as a near page of the reversed order.

        The order is total (ties by rowid) and NULLs sort first ascending and last
        descending, so the reversed order is exactly the same list backwards.
        """
        end = min(offset + limit, matched)
        if end <= offset:
            return []
        back = matched - end  # rows after the page
        reach = back + end - offset
        share = matched / total if total else 1.0
        ids = self._page(flt, sort, not descending, back, end - offset, reach / share)
        return ids[::-1]

    def _page(  # noqa: PLR0917 - one page's whole description
        self,
        flt: AwaitingFilter,
        sort: SortKey,
        descending: bool,
        offset: int,
        limit: int,
        visits: float,
    ) -> list[str]:
        tail, params = page_query(flt, sort, descending, visits=visits)
        sql = f"SELECT document_id FROM outbox {tail} LIMIT ? OFFSET ?"  # noqa: S608 - fixed clauses, bound values
        rows = self._db.query(sql, [*params, limit, offset])
        return [str(r[0]) for r in rows]

    def rows(self, ids: Sequence[str]) -> list[OutboxRecord]:
        """The rows of ``ids`` in that order; ids no longer in the outbox are left out."""
        found: dict[str, OutboxRecord] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for row in self._db.query(f"{_ROW_SQL} WHERE document_id IN ({marks})", chunk):
                record = _record(row)
                found[record.document_id] = record
        return [found[i] for i in ids if i in found]

    def payloads(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            sql = "SELECT document_id, payload FROM outbox_payloads WHERE document_id IN "
            sql += f"({marks})"
            found.update({str(r[0]): str(r[1]) for r in self._db.query(sql, chunk)})
        return found

    def fa3(self, document_id: str) -> bytes | None:
        rows = self._db.query(
            "SELECT fa3 FROM outbox_payloads WHERE document_id = ?", (document_id,)
        )
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def due(self, now: datetime, *, at_ws: bool, limit: int) -> list[str]:
        """Documents whose automatic retry (or status check) time has come, earliest first."""
        rows = self._db.query(
            "SELECT document_id FROM outbox WHERE next_retry_at <= ? AND at_ws = ?"
            " AND reason_kind IN (?, ?) ORDER BY next_retry_at LIMIT ?",
            (stamp(now), int(at_ws), ReasonKind.TRANSIENT, ReasonKind.PENDING, limit),
        )
        return [str(r[0]) for r in rows]

    def next_due(self) -> datetime | None:
        rows = self._db.query("SELECT MIN(next_retry_at) FROM outbox")
        return _time(rows[0][0])

    # --- writes -----------------------------------------------------------------

    def put(
        self,
        entry: OutboxEntry,
        payload: str,
        *,
        state: Status,
        reason: Reason,
        next_retry_at: datetime | None,
        now: datetime,
        attempted: bool = False,
        at_ws: bool = False,
    ) -> None:
        """Add (or replace) a document in the outbox with the reason it is there."""
        self.put_many([Held(entry, payload, state, reason, next_retry_at, attempted, at_ws)], now)

    def put_many(self, items: Iterable[Held], now: datetime) -> int:
        """Add (or replace) many documents in one transaction; returns how many."""
        count = 0
        with self._db.transaction() as conn:
            for item in items:
                _insert(conn, item, now)
                count += 1
        return count

    def apply(self, outcomes: Sequence[Outcome], now: datetime) -> None:
        """Record the outcomes of one batch in one transaction."""
        if not outcomes:
            return
        entries = {r.document_id: r.entry for r in self.rows([o.document_id for o in outcomes])}
        with self._db.transaction() as conn:
            for outcome in outcomes:
                entry = entries.get(outcome.document_id)
                if entry is None:
                    continue  # reopened or confirmed meanwhile
                reason = outcome.reason
                if reason is None:
                    _remove(conn, outcome.document_id)
                    _mirror(
                        conn,
                        outcome.document_id,
                        outcome.state,
                        now,
                        ksef_number=outcome.ksef_number,
                    )
                    continue
                conn.execute(
                    "UPDATE outbox SET state = ?, reason_kind = ?, reason_code = ?, message = ?,"
                    " ksef_code = ?, ksef_description = ?, transport_error = ?, at_ws = ?,"
                    " attempts = attempts + ?, checks = CASE WHEN ? THEN 0 ELSE checks + 1 END,"
                    " last_attempt_at = coalesce(?, last_attempt_at), next_retry_at = ?,"
                    " search_text = ? WHERE document_id = ?",
                    (
                        outcome.state.value,
                        reason.kind.value,
                        reason.code,
                        reason.message,
                        reason.ksef_code,
                        reason.ksef_description,
                        reason.transport_error,
                        int(outcome.at_ws),
                        int(outcome.attempted),
                        int(outcome.attempted),
                        stamp(now) if outcome.attempted else None,
                        stamp(outcome.next_retry_at) if outcome.next_retry_at else None,
                        _search_text(entry, reason),
                        outcome.document_id,
                    ),
                )
                _mirror(conn, outcome.document_id, outcome.state, now, reason=reason.message)

    def set_fa3(self, document_id: str, xml: bytes) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE outbox_payloads SET fa3 = ? WHERE document_id = ?", (xml, document_id)
            )

    def make_due(self, now: datetime, kind: ReasonKind) -> int:
        """Bring every retry of ``kind`` forward to ``now`` (the WS is back)."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE outbox SET next_retry_at = ? WHERE reason_kind = ?"
                " AND (next_retry_at IS NULL OR next_retry_at > ?)",
                (stamp(now), kind.value, stamp(now)),
            )
            return cursor.rowcount

    def release(self, document_id: str, state: Status, now: datetime) -> None:
        """Take a document out of the outbox (reopened for editing) and set its state."""
        with self._db.transaction() as conn:
            _remove(conn, document_id)
            _mirror(conn, document_id, state, now)


def _insert(conn: sqlite3.Connection, item: Held, now: datetime) -> None:
    entry, reason = item.entry, item.reason
    conn.execute("DELETE FROM outbox WHERE document_id = ?", (entry.document_id,))
    conn.execute(
        "INSERT INTO outbox (document_id, number, issue_date, buyer, buyer_nip,"
        " buyer_key, gross_grosze, currency, state, reason_kind, reason_code, message,"
        " ksef_code, ksef_description, transport_error, at_ws, attempts, last_attempt_at,"
        " next_retry_at, search_text)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.document_id,
            entry.number,
            entry.issue_date.isoformat(),
            entry.buyer,
            entry.buyer_nip,
            fold(f"{entry.buyer} {entry.buyer_nip}"),
            int(entry.gross.scaleb(2)),
            entry.currency,
            item.state.value,
            reason.kind.value,
            reason.code,
            reason.message,
            reason.ksef_code,
            reason.ksef_description,
            reason.transport_error,
            int(item.at_ws),
            int(item.attempted),
            stamp(now) if item.attempted else None,
            stamp(item.next_retry_at) if item.next_retry_at else None,
            _search_text(entry, reason),
        ),
    )
    conn.execute(
        "INSERT INTO outbox_payloads (document_id, payload) VALUES (?, ?)"
        " ON CONFLICT (document_id) DO UPDATE SET payload = excluded.payload, fa3 = NULL",
        (entry.document_id, item.payload),
    )
    _mirror(conn, entry.document_id, item.state, now, reason=reason.message)


def _remove(conn: sqlite3.Connection, document_id: str) -> None:
    conn.execute("DELETE FROM outbox WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM outbox_payloads WHERE document_id = ?", (document_id,))


def _mirror(
    conn: sqlite3.Connection,
    document_id: str,
    state: Status,
    now: datetime,
    *,
    ksef_number: str | None = None,
    reason: str | None = None,
) -> None:
    """Keep the register's state column (what the status bar counts) in step with the outbox."""
    conn.execute(
        "UPDATE documents SET state = ?, ksef_number = coalesce(?, ksef_number), reason = ?,"
        " updated_at = ? WHERE id = ?",
        (state.value, ksef_number, reason, now.isoformat(), document_id),
    )
