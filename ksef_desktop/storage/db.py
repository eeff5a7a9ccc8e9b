"""Opening the desktop database: WAL mode, foreign keys and forward-only schema migrations."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

DB_FILE = "ksef-desktop.sqlite3"

#: Each entry moves the schema one version forward; entry ``i`` produces version ``i + 1``.
#: Never edit a released entry: append a new one instead.
MIGRATIONS: tuple[str, ...] = (
    # 1: KSEF > PARAMETERS values, authorization-key metadata, the document register's
    #    minimal columns (enough to count AWAITING DOCUMENTS; issue 6 extends it).
    """
    CREATE TABLE parameters (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE auth_keys (
        key_id      TEXT PRIMARY KEY,
        nip         TEXT NOT NULL,
        public_key  BLOB NOT NULL,
        backend     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        retired_at  TEXT
    );
    CREATE TABLE documents (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('invoice', 'receipt')),
        number      TEXT NOT NULL,
        issue_date  TEXT NOT NULL,
        buyer       TEXT NOT NULL,
        gross_total TEXT NOT NULL,
        state       TEXT NOT NULL,
        ksef_number TEXT,
        reason      TEXT,
        updated_at  TEXT NOT NULL
    );
    CREATE INDEX documents_state ON documents (state);
    """,
    # 2: issue 6 -- the full register. A draft has no number yet, so the table is
    #    rebuilt (SQLite cannot drop NOT NULL); rows from schema 1 keep their values
    #    and are marked source 'legacy' (they have no stored content). Amounts are
    #    kept as text (exact) and as integer grosze (for SQL sorting and filtering).
    #    The numbering counter and the customer list are new.
    """
    CREATE TABLE documents_v2 (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('invoice', 'receipt')),
        doc_kind     TEXT NOT NULL DEFAULT 'VAT',
        number       TEXT,
        issue_date   TEXT NOT NULL,
        buyer        TEXT NOT NULL,
        buyer_nip    TEXT,
        currency     TEXT NOT NULL DEFAULT 'PLN',
        net_total    TEXT,
        vat_total    TEXT,
        gross_total  TEXT NOT NULL,
        net_minor    INTEGER,
        vat_minor    INTEGER,
        gross_minor  INTEGER NOT NULL,
        state        TEXT NOT NULL,
        ksef_number  TEXT,
        ksef_code    INTEGER,
        reason       TEXT,
        attempts     INTEGER NOT NULL DEFAULT 0,
        erp_id       TEXT UNIQUE,
        source       TEXT NOT NULL DEFAULT 'desktop',
        content      TEXT,
        fa3          BLOB,
        print_count  INTEGER NOT NULL DEFAULT 0,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        approved_at  TEXT,
        sent_at      TEXT,
        printed_at   TEXT
    );
    INSERT INTO documents_v2 (id, kind, number, issue_date, buyer, gross_total, gross_minor,
        state, ksef_number, reason, erp_id, source, created_at, updated_at)
    SELECT id, kind, number, issue_date, buyer, gross_total,
        CAST(ROUND(CAST(gross_total AS REAL) * 100) AS INTEGER),
        state, ksef_number, reason, id, 'legacy', updated_at, updated_at
    FROM documents;
    DROP TABLE documents;
    ALTER TABLE documents_v2 RENAME TO documents;
    CREATE INDEX documents_state ON documents (state);
    CREATE INDEX documents_issue_date ON documents (issue_date);
    CREATE INDEX documents_buyer_nip ON documents (buyer_nip);
    CREATE UNIQUE INDEX documents_number ON documents (number) WHERE number IS NOT NULL;
    CREATE TABLE numbering (
        series  TEXT NOT NULL,
        period  TEXT NOT NULL,
        last    INTEGER NOT NULL,
        PRIMARY KEY (series, period)
    );
    CREATE TABLE customers (
        id        INTEGER PRIMARY KEY,
        nip       TEXT UNIQUE,
        name      TEXT NOT NULL,
        line1     TEXT NOT NULL,
        line2     TEXT,
        country   TEXT NOT NULL DEFAULT 'PL',
        email     TEXT,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX customers_name ON customers (name COLLATE NOCASE);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


class Database:
    """One SQLite file shared by the repositories; safe to use from worker threads.

    A single connection guarded by a lock keeps the desktop simple: the work is
    small and infrequent, and WAL lets another process (a backup) read meanwhile.
    """

    def __init__(self, path: Path, migrations: Sequence[str] = MIGRATIONS) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA busy_timeout=5000")
        path.chmod(0o600)
        self._migrate(migrations)

    @property
    def version(self) -> int:
        with self._lock:
            row = self._conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _migrate(self, migrations: Sequence[str]) -> None:
        current = self.version
        if current > len(migrations):
            raise ConfigurationError(
                tr(
                    "The data file {path} was written by a newer version of ksef-desktop "
                    "(schema {found}, this program knows {known}). Update the program."
                ).format(path=self.path, found=current, known=len(migrations)),
                code="store-too-new",
            )
        for version in range(current, len(migrations)):
            with self.transaction() as conn:
                # executescript would commit on its own; run the statements one by one
                # so the schema change and the version bump land atomically.
                for statement in _statements(migrations[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            log.info("desktop store %s migrated to schema %d", self.path, version + 1)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            cursor = self._conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return list(cursor.fetchall())

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def open_database(data_dir: Path) -> Database:
    return Database(data_dir / DB_FILE)
