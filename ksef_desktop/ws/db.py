"""SQLite connections of the service: WAL, versioned schema, durable and fast writers, a reader.

A database has three connections, each with its own lock:

* the durable writer (``synchronous=FULL`` by default): a 202 promises the document
  survives a crash of the machine, not only of the process;
* the fast writer (``synchronous=NORMAL``): records that can be rebuilt by asking KSeF
  again; its commits survive a crash of the process (WAL), only a power cut may undo them;
* the reader: in WAL mode readers see every committed write and never wait for writers.

Separate connections keep each transaction to BEGIN, its statements and COMMIT (no
switching of ``synchronous`` per transaction), and keep status queries from queueing
behind writes. SQLite itself serialises the two writers (``BEGIN IMMEDIATE`` with a
busy timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

_BUSY_MS = 30_000


class _Connection:
    """One sqlite3 connection shared by threads under a lock."""

    def __init__(self, path: Path, synchronous: str) -> None:
        self.conn = sqlite3.connect(
            path, check_same_thread=False, isolation_level=None, timeout=_BUSY_MS / 1000
        )
        self.conn.row_factory = sqlite3.Row
        self.lock = threading.RLock()
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute(f"PRAGMA synchronous={synchronous}")
        self.conn.execute(f"PRAGMA busy_timeout={_BUSY_MS}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            self.conn.close()


class Database:
    """Durable writer, fast writer and reader over one file; ``PRAGMA user_version`` migrations."""

    def __init__(
        self, path: Path, migrations: Sequence[str], *, synchronous: str = "FULL"
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = path
        self._durable = _Connection(path, synchronous)
        with self._durable.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(migrations[version:], start=version + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        self._fast = _Connection(path, "NORMAL")
        self._reader = _Connection(path, "NORMAL")
        path.chmod(0o600)

    def transaction(self, *, durable: bool = True) -> AbstractContextManager[sqlite3.Connection]:
        """An immediate (write-locked) transaction, committed on success.

        ``durable=False`` commits without an fsync (see the module docstring).
        """
        return (self._durable if durable else self._fast).transaction()

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        reader = self._reader
        with reader.lock:
            return list(reader.conn.execute(sql, params).fetchall())

    def close(self) -> None:
        for connection in (self._reader, self._fast, self._durable):
            connection.close()
