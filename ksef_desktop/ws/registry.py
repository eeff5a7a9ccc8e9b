"""The key registry (authorization codes the operator registered) and the seen-nonce store."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ksef_desktop.contract.authcode import AuthorizationCode
from ksef_desktop.contract.signing import MAX_SKEW_SECONDS, KeyStatus, RegisteredKey
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws.db import Database

REGISTRY_FILE = "registry.sqlite"
_MIGRATIONS = [
    """
    CREATE TABLE keys (
        key_id TEXT PRIMARY KEY,
        nip TEXT NOT NULL,
        public_key BLOB NOT NULL,
        status TEXT NOT NULL,
        added_at TEXT NOT NULL,
        revoked_at TEXT
    );
    CREATE TABLE nonces (
        key_id TEXT NOT NULL,
        nonce TEXT NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (key_id, nonce)
    ) WITHOUT ROWID;
    CREATE INDEX nonces_created ON nonces(created)
    """
]
#: A nonce older than this can never pass the ``created`` check again, so it may go.
NONCE_RETENTION_SECONDS = 2 * MAX_SKEW_SECONDS + 60
_PRUNE_EVERY = 500


@dataclass(frozen=True)
class KeyRecord:
    key_id: str
    nip: str
    status: KeyStatus
    added_at: str
    revoked_at: str | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class KeyRegistry:
    """Keys by id (with status) and nonces seen in the last minutes; safe across processes."""

    def __init__(self, data_dir: Path) -> None:
        # NORMAL: a nonce lost to a power cut (not a process crash) only reopens a 5-minute window.
        self.db = Database(data_dir / REGISTRY_FILE, _MIGRATIONS, synchronous="NORMAL")
        self._inserts = 0
        self._lock = threading.Lock()

    def close(self) -> None:
        self.db.close()

    def add(self, code_text: str) -> tuple[KeyRecord, bool]:
        """Register an authorization code; returns the record and whether it is new."""
        code = AuthorizationCode.parse(code_text)
        with self.db.transaction() as conn:
            row = conn.execute("SELECT * FROM keys WHERE key_id = ?", (code.key_id,)).fetchone()
            if row is not None:
                if row["status"] == KeyStatus.REVOKED.value:
                    raise InvalidValueError(
                        tr(
                            "The key {key_id} was revoked and cannot be registered again; "
                            "generate a new authorization code."
                        ).format(key_id=code.key_id),
                        field="authorization_code",
                        code="key-revoked",
                    )
                return _record(row), False
            conn.execute(
                "INSERT INTO keys(key_id, nip, public_key, status, added_at) VALUES (?,?,?,?,?)",
                (code.key_id, code.nip, code.public_key, KeyStatus.ACTIVE.value, _now()),
            )
            row = conn.execute("SELECT * FROM keys WHERE key_id = ?", (code.key_id,)).fetchone()
        return _record(row), True

    def revoke(self, key_id: str) -> KeyRecord:
        with self.db.transaction() as conn:
            row = conn.execute("SELECT * FROM keys WHERE key_id = ?", (key_id,)).fetchone()
            if row is None:
                raise InvalidValueError(
                    tr("No key {key_id} is registered.").format(key_id=key_id),
                    field="key_id",
                    code="key-unknown",
                )
            if row["status"] != KeyStatus.REVOKED.value:
                conn.execute(
                    "UPDATE keys SET status = ?, revoked_at = ? WHERE key_id = ?",
                    (KeyStatus.REVOKED.value, _now(), key_id),
                )
            row = conn.execute("SELECT * FROM keys WHERE key_id = ?", (key_id,)).fetchone()
        return _record(row)

    def list(self) -> list[KeyRecord]:
        return [_record(r) for r in self.db.query("SELECT * FROM keys ORDER BY added_at, key_id")]

    def lookup(self, key_id: str) -> RegisteredKey | None:
        """Read on every request, so a revocation from ``ksef-ws keys`` applies at once."""
        rows = self.db.query("SELECT * FROM keys WHERE key_id = ?", (key_id,))
        if not rows:
            return None
        row = rows[0]
        code = AuthorizationCode(row["nip"], bytes(row["public_key"]))
        return RegisteredKey(
            key_id=key_id,
            public_key=code.verification_key(),
            status=KeyStatus(row["status"]),
            nip=row["nip"],
        )

    def remember_nonce(self, key_id: str, nonce: str, created: int) -> bool:
        """Store the nonce; False when this key used it before (a replay)."""
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO nonces(key_id, nonce, created) VALUES (?,?,?)",
                (key_id, nonce, created),
            )
            fresh = cursor.rowcount == 1
        with self._lock:
            self._inserts += 1
            due = self._inserts % _PRUNE_EVERY == 0
        if due:
            self.prune_nonces()
        return fresh

    def prune_nonces(self, now: float | None = None) -> int:
        limit = int((now if now is not None else time.time()) - NONCE_RETENTION_SECONDS)
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM nonces WHERE created < ?", (limit,)).rowcount

    def nonce_count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM nonces")[0][0])


def _record(row: sqlite3.Row) -> KeyRecord:
    return KeyRecord(
        key_id=row["key_id"],
        nip=row["nip"],
        status=KeyStatus(row["status"]),
        added_at=row["added_at"],
        revoked_at=row["revoked_at"],
    )
