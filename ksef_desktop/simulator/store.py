"""The simulator's SQLite state (WAL, owner-only files) and its controllable clock."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

DB_NAME = "ksef-sim.sqlite3"
#: KSeF compares calendar days (issue date, acceptance) in Polish time.
WARSAW = ZoneInfo("Europe/Warsaw")
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ksef_tokens (
    token TEXT PRIMARY KEY, nip TEXT NOT NULL, reference TEXT NOT NULL,
    permissions TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS challenges (
    challenge TEXT PRIMARY KEY, timestamp_ms INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS auth_ops (
    ref TEXT PRIMARY KEY, nip TEXT NOT NULL, token_ref TEXT, started TEXT NOT NULL,
    status_code INTEGER NOT NULL, status_desc TEXT NOT NULL, details TEXT,
    permissions TEXT NOT NULL, redeemed INTEGER NOT NULL DEFAULT 0, last_refresh TEXT,
    refresh_valid_until TEXT, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS issued_tokens (
    jti TEXT PRIMARY KEY, kind TEXT NOT NULL, auth_ref TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'ok');
CREATE TABLE IF NOT EXISTS sessions (
    ref TEXT PRIMARY KEY, kind TEXT NOT NULL, nip TEXT NOT NULL, auth_ref TEXT NOT NULL,
    token_ref TEXT, sym_key BLOB, iv BLOB, form_code TEXT NOT NULL, created TEXT NOT NULL,
    updated TEXT NOT NULL, valid_until TEXT NOT NULL, closed_at TEXT,
    status_code INTEGER NOT NULL, batch TEXT, offline_mode INTEGER NOT NULL DEFAULT 0,
    upo_ready_at TEXT);
CREATE TABLE IF NOT EXISTS invoices (
    ref TEXT PRIMARY KEY, session_ref TEXT NOT NULL, ordinal INTEGER NOT NULL,
    ksef_number TEXT UNIQUE, invoice_number TEXT, invoice_hash TEXT NOT NULL,
    file_name TEXT, received_at TEXT NOT NULL, ready_at TEXT NOT NULL,
    status_code INTEGER NOT NULL, status_desc TEXT NOT NULL, details TEXT, extensions TEXT,
    seller_nip TEXT, dup_key TEXT, invoicing_mode TEXT, xml BLOB, meta TEXT, upo TEXT);
CREATE INDEX IF NOT EXISTS invoices_session ON invoices(session_ref, ordinal);
CREATE INDEX IF NOT EXISTS invoices_dup ON invoices(dup_key);
CREATE TABLE IF NOT EXISTS batch_parts (
    session_ref TEXT NOT NULL, ordinal INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (session_ref, ordinal));
CREATE TABLE IF NOT EXISTS session_upos (
    ref TEXT PRIMARY KEY, session_ref TEXT NOT NULL, page INTEGER NOT NULL, xml TEXT NOT NULL);
"""


class Clock:
    """UTC now, shifted by an offset that tests advance instead of sleeping."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += timedelta(seconds=seconds)


def _private_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    path.chmod(0o600)


class Store:
    """A single SQLite connection shared by the request threads under one lock."""

    def __init__(self, state_dir: Path | None) -> None:
        self.state_dir = state_dir
        if state_dir is None:
            target = ":memory:"
        else:
            state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            state_dir.chmod(0o700)
            db_path = state_dir / DB_NAME
            _private_file(db_path)
            target = str(db_path)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(target, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        if state_dir is not None:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        self._conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nothing else touches the database meanwhile."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def all(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    def run(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        with self._lock:
            return self._conn.execute(sql, params).rowcount

    def get_meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self.run("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)
