"""The service's durable queue: documents, their KSeF outcomes, sessions and UPOs (SQLite WAL)."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ksef_desktop.contract.api import DocumentState, DocumentStatus
from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws.db import NOW, Database, GroupWriter, Statement, execute_all

STORE_FILE = "documents.sqlite"
_MIGRATIONS = [
    """
    CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        nip TEXT NOT NULL,
        id TEXT NOT NULL,
        number TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        body TEXT NOT NULL,
        fa3 BLOB NOT NULL,
        invoice_hash TEXT NOT NULL,
        session_mode TEXT NOT NULL,
        state TEXT NOT NULL,
        maybe_sent INTEGER NOT NULL DEFAULT 0,
        ksef_number TEXT,
        ksef_reference TEXT,
        session_reference TEXT,
        ksef_code INTEGER,
        ksef_description TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        accepted_at TEXT,
        UNIQUE (nip, id)
    );
    CREATE INDEX documents_due ON documents(nip, state, next_attempt_at);
    CREATE TABLE sessions (
        ref TEXT PRIMARY KEY,
        nip TEXT NOT NULL,
        mode TEXT NOT NULL,
        state TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        ksef_code INTEGER,
        ksef_description TEXT
    );
    CREATE TABLE upo_pages (
        session_ref TEXT NOT NULL,
        page INTEGER NOT NULL,
        xml BLOB NOT NULL,
        PRIMARY KEY (session_ref, page)
    )
    """,
    # An ERP following its documents asks for those changed since its last look: without
    # this index every such poll read all of a company's documents.
    """
    CREATE INDEX documents_changed ON documents(nip, updated_at)
    """,
]
_UPO_AVAILABLE = (
    "EXISTS (SELECT 1 FROM upo_pages u WHERE u.session_ref = d.session_reference) AS upo_available"
)
_STATUS_SQL = f"SELECT d.*, {_UPO_AVAILABLE} FROM documents d"  # noqa: S608 - constant text
#: Only what a status needs: polling many ids must not read every body and FA(3).
_STATUS_ONLY_SQL = f"""
    SELECT d.seq, d.id, d.number, d.state, d.content_sha256, d.session_mode, d.ksef_number,
           d.ksef_reference, d.session_reference, d.ksef_code, d.ksef_description, d.error,
           d.attempts, d.next_attempt_at, d.received_at, d.updated_at, d.accepted_at,
           {_UPO_AVAILABLE}
    FROM documents d
"""  # noqa: S608 - constant text, no input


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class Submission(enum.Enum):
    CREATED = "created"
    SAME = "same"
    REPLACED = "replaced"


class ConflictError(KsefDesktopError):
    """Different content for an ERP id whose first content may already be in KSeF."""

    code = "conflict"


@dataclass(frozen=True)
class NewDocument:
    nip: str
    id: str
    number: str
    content_sha256: str
    body: str
    fa3: bytes
    invoice_hash: str
    session_mode: str


@dataclass(frozen=True)
class StoredDocument:
    seq: int
    nip: str
    id: str
    number: str
    state: DocumentState
    fa3: bytes
    invoice_hash: str
    session_mode: str
    maybe_sent: bool
    ksef_number: str | None
    ksef_reference: str | None
    session_reference: str | None
    attempts: int
    status: DocumentStatus
    #: The session the claim recorded this document as going to (see ``claim_due``).
    marked_session: str | None = None


def _status(row: sqlite3.Row) -> DocumentStatus:
    return DocumentStatus(
        id=row["id"],
        number=row["number"],
        state=DocumentState(row["state"]),
        content_sha256=row["content_sha256"],
        session_mode=row["session_mode"],
        ksef_number=row["ksef_number"],
        ksef_reference=row["ksef_reference"],
        session_reference=row["session_reference"],
        ksef_code=row["ksef_code"],
        ksef_description=row["ksef_description"],
        error=row["error"],
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        received_at=row["received_at"],
        updated_at=row["updated_at"],
        accepted_at=row["accepted_at"],
        upo_available=bool(row["upo_available"]),
    )


def _stored(row: sqlite3.Row) -> StoredDocument:
    return StoredDocument(
        seq=row["seq"],
        nip=row["nip"],
        id=row["id"],
        number=row["number"],
        state=DocumentState(row["state"]),
        fa3=bytes(row["fa3"]),
        invoice_hash=row["invoice_hash"],
        session_mode=row["session_mode"],
        maybe_sent=bool(row["maybe_sent"]),
        ksef_number=row["ksef_number"],
        ksef_reference=row["ksef_reference"],
        session_reference=row["session_reference"],
        attempts=row["attempts"],
        status=_status(row),
    )


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(str(seq).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The position a cursor stands for; ValueError for anything we did not hand out."""
    text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    if not text.isdigit():
        raise ValueError(cursor)
    return int(text)


class DocumentStore:
    """Documents per company (NIP); every write is one committed transaction."""

    def __init__(self, data_dir: Path) -> None:
        self.db = Database(data_dir / STORE_FILE, _MIGRATIONS)
        self._records = GroupWriter(self.db, now_iso)

    def close(self) -> None:
        self._records.close()
        self.db.close()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until the records written ``later`` are committed."""
        return self._records.flush(timeout)

    def _write(self, statements: Sequence[Statement], *, later: bool = False) -> None:
        """Commit ``statements`` (fast writer) now, or with the next group when ``later``."""
        if later:
            self._records.put(statements)
            return
        with self.db.transaction(durable=False) as conn:
            execute_all(conn, statements, now_iso())

    # -- the API side ----------------------------------------------------------

    def submit(self, doc: NewDocument) -> tuple[StoredDocument, Submission]:
        """Store ``doc`` (idempotent on nip+id); raises ConflictError when it cannot replace."""
        result = self.submit_many([doc])[0]
        if isinstance(result, ConflictError):
            raise result
        return result

    def submit_many(
        self, docs: Sequence[NewDocument]
    ) -> list[tuple[StoredDocument, Submission] | ConflictError]:
        """Store several documents in one committed transaction (one fsync)."""
        results: list[tuple[StoredDocument, Submission] | ConflictError] = []
        with self.db.transaction() as conn:
            stamp = now_iso()  # taken under the write lock: stamps follow commit order
            for doc in docs:
                try:
                    results.append(_submit_in(conn, doc, stamp))
                except ConflictError as exc:
                    results.append(exc)
        return results

    def get(self, nip: str, doc_id: str) -> StoredDocument | None:
        rows = self.db.query(_STATUS_SQL + " WHERE d.nip = ? AND d.id = ?", (nip, doc_id))
        return _stored(rows[0]) if rows else None

    def statuses(self, nip: str, ids: Sequence[str]) -> list[DocumentStatus]:
        """The statuses of ``ids`` (in that order, each once); unknown ids are left out."""
        found = {}
        for start in range(0, len(ids), 400):
            chunk = list(ids[start : start + 400])
            marks = ",".join("?" * len(chunk))
            rows = self.db.query(
                _STATUS_ONLY_SQL + f" WHERE d.nip = ? AND d.id IN ({marks})",
                [nip, *chunk],
            )
            found.update({row["id"]: _status(row) for row in rows})
        return [found[i] for i in dict.fromkeys(ids) if i in found]

    def page(
        self,
        nip: str,
        *,
        state: DocumentState | None,
        since: str | None,
        after: int,
        limit: int,
    ) -> tuple[list[DocumentStatus], int | None]:
        """Statuses in submission order after position ``after``, and the next position."""
        sql = _STATUS_ONLY_SQL + " WHERE d.nip = ? AND d.seq > ?"
        params: list[object] = [nip, after]
        if state is not None:
            sql += " AND d.state = ?"
            params.append(state.value)
        if since is not None:
            sql += " AND d.updated_at >= ?"
            params.append(since)
        rows = self.db.query(sql + " ORDER BY d.seq LIMIT ?", [*params, limit + 1])
        items = [_status(r) for r in rows[:limit]]
        return items, (rows[limit - 1]["seq"] if len(rows) > limit else None)

    def fa3(self, nip: str, doc_id: str) -> bytes | None:
        rows = self.db.query("SELECT fa3 FROM documents WHERE nip = ? AND id = ?", (nip, doc_id))
        return bytes(rows[0]["fa3"]) if rows else None

    def upo(self, session_ref: str, ksef_number: str | None) -> bytes | None:
        """The UPO page of a session that names ``ksef_number`` (or its first page)."""
        rows = self.db.query(
            "SELECT xml FROM upo_pages WHERE session_ref = ? ORDER BY page", (session_ref,)
        )
        pages = [bytes(r["xml"]) for r in rows]
        if ksef_number:
            for page in pages:
                if ksef_number.encode() in page:
                    return page
        return pages[0] if pages else None

    # -- the worker side ----------------------------------------------------------
    # Progress records skip the fsync: if a power cut undoes one, the document is
    # sent again and KSeF's 440 duplicate answer (same content) gives back the
    # original KSeF number, so nothing is sent twice into the register.

    def recover(self) -> int:
        """After a restart: whatever was being sent becomes due now (and is reconciled first)."""
        with self.db.transaction(durable=False) as conn:
            stamp = now_iso()
            return conn.execute(
                "UPDATE documents SET state=?, next_attempt_at=?, updated_at=? WHERE state=?",
                (DocumentState.AWAITING.value, stamp, stamp, DocumentState.SENDING.value),
            ).rowcount

    def claim_due(
        self, nip: str, limit: int, *, session: tuple[str, str] | None = None
    ) -> list[StoredDocument]:
        """Due documents of ``nip``, now marked SENDING (so nobody else takes them).

        ``session`` (reference, mode): the session they are about to be sent to.
        Documents with no earlier send to reconcile are recorded as going there in
        this same transaction (what :meth:`mark_sending` does one by one); their
        ``marked_session`` says so, and a sender that finds its session unchanged
        need not record it again.
        """
        with self.db.transaction(durable=False) as conn:
            stamp = now_iso()
            rows = conn.execute(
                "SELECT seq, maybe_sent FROM documents WHERE nip = ? AND state IN (?, ?)"
                " AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?",
                (nip, DocumentState.QUEUED.value, DocumentState.AWAITING.value, stamp, limit),
            ).fetchall()
            fresh = {r["seq"] for r in rows if not r["maybe_sent"]} if session else set()
            if fresh and session is not None:
                conn.execute(
                    "INSERT OR IGNORE INTO sessions(ref, nip, mode, state, opened_at)"
                    " VALUES (?, ?, ?, 'open', ?)",
                    (session[0], nip, session[1], stamp),
                )
            for row in rows:
                conn.execute(
                    "UPDATE documents SET state=?, attempts=attempts+1, next_attempt_at=NULL,"
                    " updated_at=? WHERE seq=?",
                    (DocumentState.SENDING.value, stamp, row["seq"]),
                )
                if row["seq"] in fresh and session is not None:
                    conn.execute(
                        "UPDATE documents SET maybe_sent=1, session_reference=?,"
                        " ksef_reference=NULL WHERE seq=?",
                        (session[0], row["seq"]),
                    )
            claimed = []
            for row in rows:
                doc = _stored(
                    conn.execute(_STATUS_SQL + " WHERE d.seq = ?", (row["seq"],)).fetchone()
                )
                if row["seq"] in fresh and session is not None:
                    doc = dataclasses.replace(doc, maybe_sent=False, marked_session=session[0])
                claimed.append(doc)
            return claimed

    def unclaim(self, docs: Sequence[StoredDocument]) -> None:
        """Claimed documents that were not sent after all: due again, as before the claim.

        The attempt is given back, and a session the claim recorded is forgotten (the
        document never left, so there is nothing to reconcile).
        """
        if not docs:
            return
        with self.db.transaction(durable=False) as conn:
            stamp = now_iso()
            for doc in docs:
                conn.execute(
                    "UPDATE documents SET state=CASE WHEN attempts > 1 THEN ? ELSE ? END,"
                    " attempts=max(0, attempts-1), next_attempt_at=?, updated_at=?"
                    " WHERE seq=? AND state=?",
                    (DocumentState.AWAITING.value, DocumentState.QUEUED.value, stamp, stamp,
                     doc.seq, DocumentState.SENDING.value),
                )  # fmt: skip
                if doc.marked_session is not None:
                    conn.execute(
                        "UPDATE documents SET maybe_sent=0, session_reference=NULL"
                        " WHERE seq=? AND session_reference=?",
                        (doc.seq, doc.marked_session),
                    )

    def next_due(self, nip: str) -> str | None:
        rows = self.db.query(
            "SELECT min(next_attempt_at) FROM documents WHERE nip = ? AND state IN (?, ?)",
            (nip, DocumentState.QUEUED.value, DocumentState.AWAITING.value),
        )
        value = rows[0][0]
        return str(value) if value is not None else None

    def _update(
        self, seq: int, sql: str, params: Sequence[object], *, later: bool = False
    ) -> None:
        update = f"UPDATE documents SET {sql}, updated_at=? WHERE seq=?"  # noqa: S608 - fixed text
        self._write([(update, [*params, NOW, seq])], later=later)

    def mark_sending(self, seq: int, session_ref: str, mode: str, opened_at: str) -> None:
        """Committed before the invoice leaves: from now on a resend needs reconciling."""
        with self.db.transaction(durable=False) as conn:
            conn.execute(
                "INSERT OR IGNORE INTO sessions(ref, nip, mode, state, opened_at)"
                " SELECT ?, nip, ?, 'open', ? FROM documents WHERE seq = ?",
                (session_ref, mode, opened_at, seq),
            )
            conn.execute(
                "UPDATE documents SET maybe_sent=1, session_reference=?, ksef_reference=NULL,"
                " updated_at=? WHERE seq=?",
                (session_ref, now_iso(), seq),
            )

    def set_reference(
        self, seq: int, session_ref: str, reference: str, mode: str, *, later: bool = False
    ) -> None:
        """KSeF's reference of the sent invoice (``later``: see :class:`GroupWriter`)."""
        self._write(
            [
                (
                    "INSERT OR IGNORE INTO sessions(ref, nip, mode, state, opened_at)"
                    " SELECT ?, nip, ?, 'open', ? FROM documents WHERE seq = ?",
                    (session_ref, mode, NOW, seq),
                ),
                (
                    "UPDATE documents SET session_reference=?, ksef_reference=?, updated_at=?"
                    " WHERE seq=?",
                    (session_ref, reference, NOW, seq),
                ),
            ],
            later=later,
        )

    def accept(
        self,
        seq: int,
        number: str,
        *,
        reference: str | None,
        session_ref: str | None,
        code: int,
        description: str,
        later: bool = False,
    ) -> None:
        """KSeF's number; ``later`` hands the record to the group writer and returns at once."""
        self._update(
            seq,
            "state=?, ksef_number=?, ksef_reference=coalesce(?, ksef_reference),"
            " session_reference=coalesce(?, session_reference), ksef_code=?,"
            " ksef_description=?, error=NULL, next_attempt_at=NULL, accepted_at=?",
            [
                DocumentState.ACCEPTED.value,
                number,
                reference,
                session_ref,
                code,
                description,
                NOW,
            ],
            later=later,
        )

    def reject(self, seq: int, code: int | None, description: str | None, error: str) -> None:
        self._update(
            seq,
            "state=?, ksef_code=?, ksef_description=?, error=?, next_attempt_at=NULL,"
            " maybe_sent=0",
            [DocumentState.REJECTED.value, code, description, error],
        )

    def defer(self, seq: int, error: str, next_at: str, code: int | None = None) -> None:
        self._update(
            seq,
            "state=?, error=?, next_attempt_at=?, ksef_code=coalesce(?, ksef_code)",
            [DocumentState.AWAITING.value, error, next_at, code],
        )

    def forget_send(self, seq: int) -> None:
        """Reconciliation proved KSeF never got the invoice: a plain send is safe again."""
        self._update(seq, "maybe_sent=0, ksef_reference=NULL, session_reference=NULL", [])

    # -- sessions -------------------------------------------------------------------

    def open_sessions(self, nip: str) -> list[sqlite3.Row]:
        return self.db.query(
            "SELECT s.*, (SELECT count(*) FROM documents d WHERE d.session_reference = s.ref)"
            " AS documents FROM sessions s WHERE s.nip = ? AND s.state = 'open'"
            " ORDER BY s.opened_at",
            (nip,),
        )

    def session_closed(
        self, ref: str, code: int, description: str, pages: Sequence[bytes]
    ) -> None:
        with self.db.transaction(durable=False) as conn:
            for number, page in enumerate(pages, start=1):
                conn.execute(
                    "INSERT OR REPLACE INTO upo_pages(session_ref, page, xml) VALUES (?,?,?)",
                    (ref, number, page),
                )
            conn.execute(
                "UPDATE sessions SET state='closed', closed_at=?, ksef_code=?,"
                " ksef_description=? WHERE ref=?",
                (now_iso(), code, description, ref),
            )

    # -- tests and diagnostics ----------------------------------------------------------

    def counts(self) -> dict[str, int]:
        rows = self.db.query("SELECT state, count(*) AS n FROM documents GROUP BY state")
        return {r["state"]: r["n"] for r in rows}

    def snapshot(self) -> list[tuple[object, ...]]:
        """What was submitted (not the delivery progress, which the worker changes)."""
        rows = self.db.query(
            "SELECT seq, nip, id, content_sha256, body, fa3, received_at FROM documents"
            " ORDER BY seq"
        )
        return [tuple(r) for r in rows]


def _submit_in(
    conn: sqlite3.Connection, doc: NewDocument, stamp: str
) -> tuple[StoredDocument, Submission]:
    row = conn.execute(
        "SELECT * FROM documents WHERE nip = ? AND id = ?", (doc.nip, doc.id)
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO documents(nip, id, number, content_sha256, body, fa3,"
            " invoice_hash, session_mode, state, next_attempt_at, received_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.nip, doc.id, doc.number, doc.content_sha256, doc.body, doc.fa3,
             doc.invoice_hash, doc.session_mode, DocumentState.QUEUED.value, stamp,
             stamp, stamp),
        )  # fmt: skip
        outcome = Submission.CREATED
    elif row["content_sha256"] == doc.content_sha256:
        outcome = Submission.SAME
    else:
        _check_replaceable(row)
        conn.execute(
            "UPDATE documents SET number=?, content_sha256=?, body=?, fa3=?,"
            " invoice_hash=?, session_mode=?, state=?, maybe_sent=0, ksef_number=NULL,"
            " ksef_reference=NULL, session_reference=NULL, ksef_code=NULL,"
            " ksef_description=NULL, error=NULL, attempts=0, next_attempt_at=?,"
            " received_at=?, updated_at=? WHERE seq=?",
            (doc.number, doc.content_sha256, doc.body, doc.fa3, doc.invoice_hash,
             doc.session_mode, DocumentState.QUEUED.value, stamp, stamp, stamp, row["seq"]),
        )  # fmt: skip
        outcome = Submission.REPLACED
    found = conn.execute(
        _STATUS_SQL + " WHERE d.nip = ? AND d.id = ?", (doc.nip, doc.id)
    ).fetchone()
    return _stored(found), outcome


def _check_replaceable(row: sqlite3.Row) -> None:
    """New content may replace old only while KSeF certainly does not hold the old one."""
    state = DocumentState(row["state"])
    if state is DocumentState.REJECTED:
        return
    if state in (DocumentState.QUEUED, DocumentState.AWAITING) and not row["maybe_sent"]:
        return
    if state is DocumentState.ACCEPTED:
        message = tr(
            "Document {id} was already accepted by KSeF as {number} with different content; "
            "an accepted invoice cannot change. Issue a correction (KOR) under a new id."
        ).format(id=row["id"], number=row["ksef_number"])
    else:
        message = tr(
            "Document {id} is being delivered to KSeF with different content ({state}); it "
            "cannot be replaced until KSeF decides. Check its status and resubmit if KSeF "
            "rejects it."
        ).format(id=row["id"], state=row["state"])
    raise ConflictError(message, details={"id": row["id"], "state": row["state"]})
