"""Metadata of the company's authorization keys (never the private key itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ksef_desktop.storage.db import Database


@dataclass(frozen=True)
class KeyRecord:
    """The public half of an authorization key and where its private half is kept."""

    key_id: str
    nip: str
    public_key: bytes
    backend: str
    created_at: datetime


class KeyRecordRepository:
    """At most one current key; replaced ones are kept, retired, for the audit trail."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def current(self) -> KeyRecord | None:
        rows = self._db.query(
            "SELECT * FROM auth_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1"
        )
        if not rows:
            return None
        row = rows[0]
        return KeyRecord(
            row["key_id"],
            row["nip"],
            bytes(row["public_key"]),
            row["backend"],
            datetime.fromisoformat(row["created_at"]),
        )

    def replace_current(self, record: KeyRecord) -> KeyRecord | None:
        """Make ``record`` the current key; returns the one it retired, if any."""
        previous = self.current()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE auth_keys SET retired_at = ? WHERE retired_at IS NULL",
                (record.created_at.isoformat(),),
            )
            conn.execute(
                "INSERT INTO auth_keys (key_id, nip, public_key, backend, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    record.key_id,
                    record.nip,
                    record.public_key,
                    record.backend,
                    record.created_at.isoformat(),
                ),
            )
        return previous
