"""Prints how fast the AWAITING DOCUMENTS service layer answers with 100,000 documents.

Figures (service layer only; the Qt half will add its own on top):
first paint = count + first page of ids + the first 50 rows, on a freshly
opened store; filter = count + first page for a changed filter; resident
memory; and the structure model of a ~1 MB invoice (cold: XSD documentation
loaded on first use; warm: loaded). Targets for the whole feature: first paint
300 ms, filter 100 ms, memory 250 MB, viewer 1 s.
Run: ``python benchmarks/awaiting_browser.py [--documents N]``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

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


def bench_list(count: int, directory: Path) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        bench_list(args.documents, Path(directory))
    bench_viewer()


if __name__ == "__main__":
    main()
