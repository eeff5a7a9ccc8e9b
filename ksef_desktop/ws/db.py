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

import enum
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

_BUSY_MS = 30_000


class _Now(enum.Enum):
    NOW = "now"


#: In a statement's parameters: the time of the transaction that writes it.
NOW = _Now.NOW
Statement = tuple[str, Sequence[object]]


def execute_all(conn: sqlite3.Connection, statements: Sequence[Statement], stamp: str) -> None:
    """Run ``statements`` with every ``NOW`` parameter replaced by ``stamp``."""
    for sql, params in statements:
        conn.execute(sql, [stamp if p is NOW else p for p in params])


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


class GroupWriter:
    """Records committed by one thread of their own, as many to a transaction as wait.

    The threads that send to KSeF hand over what they learnt (a reference, a KSeF
    number) and go on with the next document instead of queueing for the write
    lock, one commit each. The records use the fast writer: like its other
    commits, one the process did not live to write is learnt again from KSeF
    (the document is still "sending", so it is reconciled, not resent). A failed
    transaction is tried again with the same records, so a locked or full disk
    delays them but loses none while the process lives.
    """

    def __init__(
        self,
        db: Database,
        stamp: Callable[[], str],
        *,
        max_group: int = 500,
        gather: float = 0.01,
    ) -> None:
        self._db = db
        self._gather = gather
        self._stamp = stamp
        self._max_group = max_group
        self._cond = threading.Condition()
        self._waiting: list[Sequence[Statement]] = []
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None  # started by the first record

    def put(self, statements: Sequence[Statement]) -> None:
        with self._cond:
            if self._closed:
                raise RuntimeError("the store is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ws-records", daemon=True)
                self._thread.start()
            self._waiting.append(statements)
            if len(self._waiting) == 1:
                self._cond.notify_all()  # the writer waits only when nothing is waiting

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every record handed over so far is committed; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._waiting and not self._busy, timeout)

    def close(self, timeout: float = 30.0) -> None:
        if not self.flush(timeout):
            log.error("records of %s were not written in time; a restart learns them again "
                      "from KSeF", self._db.path)  # fmt: skip
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        delay = 0.5
        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._waiting) or self._closed)
                if not self._closed and self._gather:
                    # Let the records of the next few milliseconds join this transaction.
                    self._cond.wait(self._gather)
                if self._closed:
                    self._waiting.clear()
                    self._cond.notify_all()
                    return
                group = self._waiting[: self._max_group]
                del self._waiting[: self._max_group]
                self._busy = True
            try:
                with self._db.transaction(durable=False) as conn:
                    stamp = self._stamp()
                    for statements in group:
                        execute_all(conn, statements, stamp)
            except sqlite3.Error:
                log.exception("writing %d record(s) failed; trying again", len(group))
                with self._cond:
                    self._waiting[:0] = group
                    self._busy = False
                time.sleep(delay)
                delay = min(5.0, delay * 2)
                continue
            delay = 0.5
            with self._cond:
                self._busy = False
                self._cond.notify_all()
