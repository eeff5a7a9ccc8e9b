"""Prints how fast AWAITING DOCUMENTS answers with 100,000 documents: services, then the window.

Service layer: first paint = count + first page of ids + the first 50 rows, on
a freshly opened store; filter = count + first page for a changed filter;
resident memory; and the structure model of a ~1 MB invoice (cold: XSD
documentation loaded on first use; warm: loaded).
Window (Qt, offscreen): first paint = from constructing AwaitingWindow on a
freshly opened store to the first frame with rows rendered; filter = from the
filter bar's debounced emission (the debounce itself is not counted) to the
next rendered frame; a jump to row 50,000 (its page read on the runner); the
longest the GUI thread was busy in one go; resident memory.
Targets for the whole feature: first paint 300 ms, filter 100 ms, memory
250 MB, viewer 1 s.
Run: ``python benchmarks/awaiting_browser.py [--documents N] [--no-qt]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.helpers

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.fa3 import build
from ksef_desktop.services.structure import StructureModel, build_structure
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.outbox import OutboxRepository
from ksef_desktop.storage.outbox_query import AwaitingFilter, ReasonKind, SortKey
from ksef_desktop.storage.outbox_records import Held, OutboxEntry, Reason
from tests.helpers import factories
from tests.helpers.ws_env import erp_doc

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
PAGE = 100
FIRST_ROWS = 50
BUYERS = [f"Kontrahent {i} Sp. z o.o." for i in range(2000)] + ["Łódzkie Zakłady Ślusarskie"]
REASONS = [
    (Status.AWAITING, Reason(ReasonKind.TRANSIENT, "ws-unreachable", "No web service answers.")),
    (Status.SENT, Reason(ReasonKind.PENDING, "ws-queued", "Waiting for KSeF.")),
    (
        Status.REJECTED,
        Reason(ReasonKind.DATA, "ksef-440", "KSeF rejected it.", 440, "Duplikat faktury"),
    ),
    (
        Status.REJECTED,
        Reason(ReasonKind.DATA, "ksef-450", "KSeF rejected it.", 450, "Błąd semantyki"),
    ),
    (Status.AWAITING, Reason(ReasonKind.SETUP, "ws-unknown-key", "Register the code.")),
]


def _items(count: int, payload: str) -> Iterator[Held]:
    rng = random.Random(1)  # noqa: S311 - reproducible test data
    for i in range(count):
        state, reason = REASONS[rng.randrange(len(REASONS))]
        retry = NOW + timedelta(seconds=rng.randint(1, 86400))
        buyer = BUYERS[rng.randrange(len(BUYERS))]
        yield Held(
            OutboxEntry(
                f"ERP-{i:07d}",
                f"FV/{i % 12 + 1:02d}/2026/{i:06d}",
                date(2026, 1, 1) + timedelta(days=rng.randrange(330)),
                buyer,
                f"{rng.randrange(10**9, 10**10)}",
                Decimal(rng.randrange(100, 10**8)).scaleb(-2),
            ),
            payload,
            state,
            reason,
            retry if reason.kind in (ReasonKind.TRANSIENT, ReasonKind.PENDING) else None,
            attempted=True,
        )


def _ms(action: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """(first, median of the rest) in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times[1:] or times)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _paint(outbox: OutboxRepository, flt: AwaitingFilter, sort: SortKey, desc: bool) -> int:
    total = outbox.count(flt)
    ids = outbox.ids(flt, sort, descending=desc, limit=PAGE)
    outbox.rows(ids[:FIRST_ROWS])
    return total


def bench_list(count: int, directory: Path) -> Path:
    path = directory / "bench.sqlite3"
    db = Database(path)
    payload = erp_doc(1).model_dump_json()
    started = time.perf_counter()
    OutboxRepository(db).put_many(_items(count, payload), NOW)
    print(
        f"seeded {count:,} awaiting documents in {time.perf_counter() - started:.1f} s "
        f"({path.stat().st_size / 2**20:.0f} MB file)"
    )
    db.close()

    started = time.perf_counter()
    db = Database(path)  # a fresh open, as when the window is first shown
    outbox = OutboxRepository(db)
    total = _paint(outbox, AwaitingFilter(), SortKey.ISSUE_DATE, True)
    cold = (time.perf_counter() - started) * 1000
    print(f"first paint, store just opened: {cold:7.1f} ms ({total:,} documents)")
    first, median = _ms(lambda: _paint(outbox, AwaitingFilter(), SortKey.ISSUE_DATE, True))
    print(f"first paint (count + {PAGE} ids + {FIRST_ROWS} rows): median {median:6.1f} ms")

    filters: list[tuple[str, AwaitingFilter, SortKey, bool]] = [
        ("status = rejected", AwaitingFilter(states=frozenset({Status.REJECTED})),
         SortKey.ISSUE_DATE, True),
        ("reason = transient", AwaitingFilter(reasons=frozenset({ReasonKind.TRANSIENT})),
         SortKey.NEXT_RETRY, False),
        ("KSeF code 440", AwaitingFilter(reason_codes=frozenset({"ksef-440"})),
         SortKey.NUMBER, False),
        ("one month", AwaitingFilter(date_from=date(2026, 6, 1), date_to=date(2026, 6, 30)),
         SortKey.GROSS, True),
        ("buyer 'łódzkie'", AwaitingFilter(buyer="łódzkie"), SortKey.BUYER, False),
        ("text '/2026/0421'", AwaitingFilter(text="/2026/0421"), SortKey.ISSUE_DATE, True),
        ("status + month + buyer", AwaitingFilter(
            states=frozenset({Status.AWAITING}), date_from=date(2026, 3, 1),
            date_to=date(2026, 5, 31), buyer="kontrahent 1"), SortKey.ATTEMPTS, True),
        ("no filter, sort by gross", AwaitingFilter(), SortKey.GROSS, True),
    ]  # fmt: skip
    for name, flt, sort, desc in filters:
        matched = outbox.count(flt)
        first, median = _ms(lambda f=flt, s=sort, d=desc: _paint(outbox, f, s, d))  # type: ignore[misc]
        print(
            f"filter {name:28s} {matched:7,} rows  first {first:6.1f} ms  median {median:6.1f} ms"
        )
    _, every = _ms(lambda: outbox.ids(AwaitingFilter(), SortKey.BUYER), repeat=3)
    print(f"every id in buyer order (select all):      median {every:6.1f} ms")
    _, deep = _ms(lambda: outbox.ids(AwaitingFilter(), SortKey.NUMBER, offset=90_000, limit=PAGE))
    print(f"page at offset 90,000:                     median {deep:6.1f} ms")
    print(f"resident memory after the list figures: {_rss_mb():.0f} MB")
    db.close()
    return path


def _first_screen(model: StructureModel) -> None:
    """What the first paint of the tree needs: the labels of about 60 visible nodes."""
    for index in range(min(60, len(model.nodes))):
        model.label(index)


def bench_viewer() -> None:
    lines = 100
    xml = build(factories.invoice(lines=lines))
    lines = int(lines * 1_000_000 / len(xml))  # scale to just under KSeF's 1 MB limit
    xml = build(factories.invoice(lines=lines))
    day = factories.GENERATED_AT.date()
    cold, _ = _ms(lambda: _first_screen(build_structure(xml, today=day)), repeat=1)
    first, median = _ms(lambda: build_structure(xml, today=day), repeat=4)
    model = build_structure(xml, today=day)
    search, _ = _ms(lambda: model.search("towar 4321"), repeat=3)
    labels, _ = _ms(lambda: [model.label(i) for i in range(len(model.nodes))], repeat=2)
    _, tree_median = _ms(lambda: build_structure(xml, check=False), repeat=4)
    print(
        f"structure of a {len(xml) / 1e6:.2f} MB invoice ({lines:,} lines, "
        f"{len(model.nodes):,} elements):"
    )
    print(f"  cold: build + first screen of labels (XSD docs loaded on first use) {cold:7.1f} ms")
    print(f"  warm, with validation (first run {first:.1f} ms)          {median:7.1f} ms")
    print(f"  warm, tree only                                  {tree_median:7.1f} ms")
    print(f"  search over names, labels and values             {search:7.1f} ms")
    print(f"  every label                                      {labels:7.1f} ms")
    print(f"resident memory at the end: {_rss_mb():.0f} MB")


class _Stalls:
    """The longest stretch the GUI thread spent without returning to the event loop."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(0)  # runs whenever the loop is idle
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest


def _wait(signal: Any, timeout_ms: int = 30_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def _no_ws() -> Any:
    raise RuntimeError("the benchmark has no web service")


def _window_filters(window: Any, stalls: _Stalls) -> None:
    bar = window.filters
    cases: list[tuple[str, Callable[[], object]]] = [
        ("status = rejected", lambda: bar.choose(state=Status.REJECTED)),
        ("reason = transient", lambda: bar.choose(kind=ReasonKind.TRANSIENT)),
        ("buyer 'łódzkie'", lambda: bar.buyer.setText("łódzkie")),
        ("text '/2026/0421'", lambda: bar.text.setText("/2026/0421")),
        ("one month", lambda: bar.set_dates(date(2026, 6, 1), date(2026, 6, 30))),
    ]
    for name, apply in cases:
        bar.clear()
        bar.flush()
        if window.model.loading:
            _wait(window.list_refreshed)
        apply()
        stalls.start()
        started = time.perf_counter()
        bar.flush()  # the debounce is a deliberate pause after typing, not counted
        if window.model.loading:
            _wait(window.model.loaded)
        window.grab()
        took = (time.perf_counter() - started) * 1000
        print(
            f"window filter {name:22s} {window.model.rowCount():7,} rows  {took:7.1f} ms "
            f"(longest GUI stall {stalls.stop():.1f} ms)"
        )


def _window_jump(window: Any, stalls: _Stalls, row: int) -> None:
    stalls.start()
    started = time.perf_counter()
    window.table.scrollTo(window.model.index(row, 0))
    window.grab()  # asks for the rows: their page is read on the runner
    while window.model.record(row) is None:
        _wait(window.model.page_loaded)
    window.grab()
    took = (time.perf_counter() - started) * 1000
    print(
        f"window jump to row {row:,} and render it: {took:7.1f} ms "
        f"(longest GUI stall {stalls.stop():.1f} ms)"
    )


def bench_window(path: Path) -> None:
    """The Qt window over the seeded store: first paint, filters, a deep jump, memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ksef_desktop.services.autoretry import RetryScheduler
    from ksef_desktop.services.awaiting import AwaitingService
    from ksef_desktop.services.bundle import Services
    from ksef_desktop.ui.awaiting.autoretry import RetryDriver
    from ksef_desktop.ui.awaiting.window import AwaitingWindow
    from ksef_desktop.ui.common.tasks import TaskRunner
    from tests.helpers.manual_clock import ManualClock

    app = QApplication.instance() or QApplication([])
    before = _rss_mb()
    started = time.perf_counter()
    db = Database(path)  # a fresh open, as when the window is first shown
    # The clock stands at the seeding time: no retry is due, the driver only plans.
    service = AwaitingService(OutboxRepository(db), _no_ws, clock=ManualClock(NOW))
    services = cast(Services, SimpleNamespace(awaiting=service))  # the window uses .awaiting
    runner = TaskRunner()
    driver = RetryDriver(RetryScheduler(service), runner, service.clock)
    stalls = _Stalls()
    stalls.start()
    window = AwaitingWindow(services, runner, driver=driver)
    window.show()
    _wait(window.model.loaded)
    window.grab()  # renders the visible rows now (the first page came with the count)
    first_paint = (time.perf_counter() - started) * 1000
    print(
        f"window first paint, store just opened: {first_paint:7.1f} ms "
        f"({window.model.rowCount():,} rows; longest GUI stall {stalls.stop():.1f} ms)"
    )
    _window_jump(window, stalls, min(50_000, window.model.rowCount() - 1))
    rows = list(range(window.model.rowCount()))
    started = time.perf_counter()
    selected = window.model.rows_reader(rows)()  # what "select all + resend" resolves
    took = (time.perf_counter() - started) * 1000
    print(f"ids of {len(selected):,} selected rows (runs on the runner): {took:7.1f} ms")
    _window_filters(window, stalls)
    print(
        f"resident memory with the window open: {_rss_mb():.0f} MB "
        f"(+{_rss_mb() - before:.0f} MB for Qt and the window)"
    )
    window.shutdown()
    driver.stop()
    window.close()
    window.deleteLater()
    runner.shutdown()
    app.processEvents()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--no-qt", action="store_true", help="service-layer figures only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = bench_list(args.documents, Path(directory))
        if not args.no_qt:
            bench_window(path)
    bench_viewer()


if __name__ == "__main__":
    main()
