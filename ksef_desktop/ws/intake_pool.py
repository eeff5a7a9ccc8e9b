"""FA(3) preparation of large submissions in worker processes (``[ws] intake_processes``).

Mapping, building and validating an FA(3) is pure Python CPU work. In a request
thread it competes for the interpreter lock with the threads that send to KSeF,
so a large batch slows delivery down while it is being checked. A pool of
processes does that work on the other cores; the service process only parses,
stores and sends. Single documents and small batches stay in the request thread,
where a round trip to another process would cost more than it saves.

The pool starts on the first large batch (spawned, not forked: the service has
threads). Its processes hold no state and write nothing, and each one ends as
soon as the service process is gone, even after a ``kill -9``.
"""

from __future__ import annotations

import base64
import concurrent.futures as cf
import hashlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator, Sequence

from ksef_desktop.contract.api import Problem
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.ws.intake import prepare, refuse_invalid, warm_up
from ksef_desktop.ws.problems import ProblemError
from ksef_desktop.ws.store import NewDocument

log = logging.getLogger(__name__)

#: Documents per unit of work; also the group committed (one fsync) at a time.
GROUP = 20
#: Batches smaller than this are prepared in the request thread.
POOL_THRESHOLD = 2 * GROUP

Prepared = NewDocument | Problem


def new_document(nip: str, session_mode: str, erp: ErpDocument, prefix: str) -> NewDocument:
    """The stored form of ``erp``; raises ProblemError when it cannot be accepted."""
    prepared = prepare(erp, nip, prefix)
    refuse_invalid(prepared, prefix)
    return NewDocument(
        nip=nip,
        id=erp.id,
        number=erp.number,
        content_sha256=prepared.content_sha256,
        body=prepared.canonical,
        fa3=prepared.fa3,
        invoice_hash=base64.b64encode(hashlib.sha256(prepared.fa3).digest()).decode("ascii"),
        session_mode=session_mode,
    )


def prepare_group(
    nip: str, session_mode: str, items: Sequence[tuple[ErpDocument, str]]
) -> list[Prepared]:
    """Each item's NewDocument or the problem refusing it (a Problem pickles; errors may not)."""
    out: list[Prepared] = []
    for erp, prefix in items:
        try:
            out.append(new_document(nip, session_mode, erp, prefix))
        except ProblemError as exc:
            out.append(exc.problem)
    return out


def _orphan_watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)  # the service is gone: nobody will read what this process prepares


def _start_worker(parent: int) -> None:
    """Pool-process initializer: compile the schema now, and die with the service."""
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True).start()
    warm_up()


class Intake:
    """Prepares submitted documents, in the calling thread or in a process pool."""

    def __init__(self, processes: int) -> None:
        self.processes = max(0, processes)
        self._pool: cf.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        """Whether the pool's processes have been started (by a large batch)."""
        return self._pool is not None

    def _executor(self) -> cf.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                log.info("starting %d intake process(es)", self.processes)
                self._pool = cf.ProcessPoolExecutor(
                    self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(os.getpid(),),
                )
            return self._pool

    def groups(
        self, nip: str, session_mode: str, items: Sequence[tuple[ErpDocument, str]]
    ) -> Iterator[list[Prepared]]:
        """Prepared documents in order, ``GROUP`` at a time, as soon as each group is ready."""
        chunks = [items[i : i + GROUP] for i in range(0, len(items), GROUP)]
        if self.processes == 0 or len(items) < POOL_THRESHOLD:
            for chunk in chunks:
                yield prepare_group(nip, session_mode, chunk)
            return
        try:
            futures = [
                self._executor().submit(prepare_group, nip, session_mode, list(chunk))
                for chunk in chunks
            ]
        except (RuntimeError, OSError) as exc:  # cannot start processes: do it here
            log.warning("intake processes unavailable (%s); preparing in-process", exc)
            for chunk in chunks:
                yield prepare_group(nip, session_mode, chunk)
            return
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                yield future.result()
            except cf.process.BrokenProcessPool:
                # A pool process died (killed, out of memory): start afresh next time and
                # finish this batch here, so the caller still gets every answer.
                log.warning("an intake process died; preparing the rest in-process")
                self._reset()
                yield prepare_group(nip, session_mode, chunk)

    def _reset(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            log.info("intake processes stopped")
