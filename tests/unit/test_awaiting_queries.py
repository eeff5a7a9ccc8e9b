"""AWAITING DOCUMENTS queries: counts, filters, sort orders and pages, all answered by SQL."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.outbox import OUTBOX_MIGRATIONS, PART, OutboxRepository
from ksef_desktop.storage.outbox_query import (
    AwaitingFilter,
    ReasonKind,
    SortKey,
    order_by,
    page_query,
)
from ksef_desktop.storage.outbox_records import OutboxEntry, OutboxRecord, Reason
from ksef_desktop.storage.parts import migrate_part, part_version

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
BUYERS = [
    ("Hurtownia Budowlana Kowalski S.A.", "7740001454"),
    ("ŁÓDZKIE ZAKŁADY Sp. z o.o.", "5261040828"),
    ("Jan Nowak", ""),
    ("Zakład 100% Eko_Serwis", "1234563218"),
]
REASONS = [
    (Status.AWAITING, Reason(ReasonKind.TRANSIENT, "ws-unreachable", "No web service answers.")),
    (Status.SENT, Reason(ReasonKind.PENDING, "ws-queued", "Waiting for KSeF.")),
    (
        Status.REJECTED,
        Reason(
            ReasonKind.DATA,
            "ksef-440",
            "KSeF rejected the document.",
            ksef_code=440,
            ksef_description="Duplikat faktury",
        ),
    ),
    (Status.AWAITING, Reason(ReasonKind.SETUP, "ws-unknown-key", "Register the code.")),
]


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    db = Database(tmp_path / "store.sqlite3")
    yield OutboxRepository(db)
    db.close()


def _seed(outbox: OutboxRepository, count: int) -> list[OutboxRecord]:
    rng = random.Random(7)  # noqa: S311 - reproducible test data
    for i in range(count):
        buyer, nip = BUYERS[i % len(BUYERS)]
        state, reason = REASONS[(i // 3) % len(REASONS)]
        retry = (
            NOW + timedelta(minutes=rng.randint(1, 500))
            if reason.kind
            in (
                ReasonKind.TRANSIENT,
                ReasonKind.PENDING,
            )
            else None
        )
        outbox.put(
            OutboxEntry(
                f"doc-{i:04d}",
                f"FV/{rng.randint(1, 9999):04d}/{i}",
                date(2026, 1, 1) + timedelta(days=rng.randint(0, 330)),
                buyer,
                nip,
                Decimal(rng.randint(1, 10_000_000)).scaleb(-2),
            ),
            "{}",
            state=state,
            reason=reason,
            next_retry_at=retry,
            now=NOW,
            attempted=i % 5 != 0,
        )
    return outbox.rows(outbox.ids())


def test_counts_follow_every_filter(outbox: OutboxRepository) -> None:
    rows = _seed(outbox, 240)
    cases: list[tuple[AwaitingFilter, list[OutboxRecord]]] = [
        (AwaitingFilter(), rows),
        (
            AwaitingFilter(states=frozenset({Status.REJECTED})),
            [r for r in rows if r.state is Status.REJECTED],
        ),
        (
            AwaitingFilter(reasons=frozenset({ReasonKind.TRANSIENT, ReasonKind.SETUP})),
            [r for r in rows if r.reason.kind in (ReasonKind.TRANSIENT, ReasonKind.SETUP)],
        ),
        (
            AwaitingFilter(reason_codes=frozenset({"ksef-440"})),
            [r for r in rows if r.reason.ksef_code == 440],
        ),
        (
            AwaitingFilter(date_from=date(2026, 3, 1), date_to=date(2026, 5, 31)),
            [r for r in rows if date(2026, 3, 1) <= r.entry.issue_date <= date(2026, 5, 31)],
        ),
        # Polish capitals fold to lower case (SQLite's LIKE alone would not match these).
        (AwaitingFilter(buyer="łódzkie"), [r for r in rows if r.entry.buyer.startswith("ŁÓDZ")]),
        (
            AwaitingFilter(buyer="7740001454"),
            [r for r in rows if r.entry.buyer_nip == "7740001454"],
        ),
        # % and _ are literal characters, not wildcards.
        (AwaitingFilter(text="100% eko_"), [r for r in rows if "100%" in r.entry.buyer]),
        (AwaitingFilter(text="duplikat"), [r for r in rows if r.reason.ksef_code == 440]),
        (
            AwaitingFilter(states=frozenset({Status.AWAITING}), buyer="nowak"),
            [r for r in rows if r.state is Status.AWAITING and r.entry.buyer == "Jan Nowak"],
        ),
    ]
    for flt, expected in cases:
        assert expected, flt  # every case filters something real
        assert outbox.count(flt) == len(expected), flt
        assert set(outbox.ids(flt)) == {r.document_id for r in expected}, flt


def _key(sort: SortKey, record: OutboxRecord) -> object:
    return {
        SortKey.NUMBER: record.entry.number,
        SortKey.ISSUE_DATE: record.entry.issue_date,
        SortKey.GROSS: record.entry.gross,
        SortKey.STATUS: record.state.value,
        SortKey.REASON: record.reason.kind.value,
        SortKey.ATTEMPTS: record.attempts,
    }[sort]


@pytest.mark.parametrize(
    "sort",
    [
        SortKey.NUMBER,
        SortKey.ISSUE_DATE,
        SortKey.GROSS,
        SortKey.STATUS,
        SortKey.REASON,
        SortKey.ATTEMPTS,
    ],
)
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_and_paging(outbox: OutboxRepository, sort: SortKey, descending: bool) -> None:
    rows = {r.document_id: r for r in _seed(outbox, 120)}
    flt = AwaitingFilter(states=frozenset({Status.AWAITING, Status.SENT}))
    every = outbox.ids(flt, sort, descending=descending)
    keys = [_key(sort, rows[i]) for i in every]
    assert keys == sorted(keys, reverse=descending)  # type: ignore[type-var]
    pages = [
        outbox.ids(flt, sort, descending=descending, offset=offset, limit=25)
        for offset in range(0, len(every), 25)
    ]
    assert [i for page in pages for i in page] == every  # no overlap, nothing missing


def test_rows_come_back_in_the_asked_order_without_missing_ones(outbox: OutboxRepository) -> None:
    _seed(outbox, 10)
    asked = ["doc-0007", "gone", "doc-0002", "doc-0009"]
    assert [r.document_id for r in outbox.rows(asked)] == ["doc-0007", "doc-0002", "doc-0009"]
    record = outbox.rows(["doc-0007"])[0]
    assert record.entry.gross == record.entry.gross.quantize(Decimal("0.01"))


def test_listing_queries_use_the_indexes(outbox: OutboxRepository) -> None:
    _seed(outbox, 50)
    where, params = AwaitingFilter().where()
    for sort, index in [
        (SortKey.ISSUE_DATE, "outbox_issue_date"),
        (SortKey.GROSS, "outbox_gross"),
    ]:
        sql = f"SELECT document_id FROM outbox WHERE {where} {order_by(sort, True)}"  # noqa: S608
        plan = " ".join(
            str(r[3]) for r in outbox._db.query(f"EXPLAIN QUERY PLAN {sql} LIMIT 50", params)
        )
        assert index in plan
        assert "TEMP B-TREE" not in plan  # walks the index, no sort of every row


PLAN_FILTERS = [
    AwaitingFilter(states=frozenset({Status.REJECTED})),
    AwaitingFilter(states=frozenset({Status.AWAITING, Status.SENT})),
    AwaitingFilter(reasons=frozenset({ReasonKind.TRANSIENT})),
    AwaitingFilter(reason_codes=frozenset({"ksef-440"})),
    AwaitingFilter(date_from=date(2026, 3, 1), date_to=date(2026, 8, 31)),
    AwaitingFilter(states=frozenset({Status.AWAITING}), date_from=date(2026, 4, 1)),
    AwaitingFilter(buyer="ŁÓDZKIE"),
    AwaitingFilter(text="fv/"),
    AwaitingFilter(states=frozenset({Status.AWAITING}), buyer="nowak"),
]


def _page(
    outbox: OutboxRepository,
    flt: AwaitingFilter,
    sort: SortKey,
    desc: bool,
    *,
    share: float,
    offset: int,
) -> list[str]:
    tail, params = page_query(flt, sort, desc, visits=(offset + 20) / share)
    sql = f"SELECT document_id FROM outbox {tail} LIMIT 20 OFFSET ?"  # noqa: S608 - test SQL
    return [str(r[0]) for r in outbox._db.query(sql, [*params, offset])]


@pytest.mark.parametrize("flt", PLAN_FILTERS, ids=lambda f: repr(f)[15:60])
def test_every_query_plan_returns_the_same_pages(
    outbox: OutboxRepository, flt: AwaitingFilter
) -> None:
    _seed(outbox, 150)
    for sort in SortKey:
        for desc in (False, True):
            every = outbox.ids(flt, sort, descending=desc)
            assert every, (flt, sort)
            for offset in (0, 20, len(every) - 5):
                walked = _page(outbox, flt, sort, desc, share=1.0, offset=offset)
                sorted_ = _page(outbox, flt, sort, desc, share=1e-9, offset=offset)
                assert walked == sorted_ == every[offset : offset + 20], (flt, sort, desc)
                assert outbox.ids(flt, sort, descending=desc, offset=offset, limit=20) == walked


def _plan(outbox: OutboxRepository, tail: str, params: list[object]) -> str:
    sql = f"EXPLAIN QUERY PLAN SELECT document_id FROM outbox {tail} LIMIT 100"  # noqa: S608
    return " ".join(str(r[3]) for r in outbox._db.query(sql, params))


def test_the_plan_follows_how_much_the_filter_keeps(outbox: OutboxRepository) -> None:
    _seed(outbox, 50)
    rejected = AwaitingFilter(states=frozenset({Status.REJECTED}))
    # Most rows match: walk the sort index and stop after the page, no sort of every match.
    broad = _plan(outbox, *page_query(rejected, SortKey.ISSUE_DATE, True, visits=250))
    assert "outbox_issue_date" in broad
    assert "TEMP B-TREE" not in broad
    # Few rows match: read them by the filter's index and sort only those.
    narrow = _plan(outbox, *page_query(rejected, SortKey.ISSUE_DATE, True, visits=100_000))
    assert "outbox_state" in narrow
    # A substring search scans the narrow index on the folded text, not the table.
    search = page_query(AwaitingFilter(text="0421"), SortKey.NUMBER, False, visits=100)
    text = _plan(outbox, *search)
    assert "COVERING INDEX outbox_search" in text


def test_an_outbox_from_the_first_schema_gains_the_search_index(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    try:
        migrate_part(db, PART, OUTBOX_MIGRATIONS[:1])
        outbox = OutboxRepository(db)
        assert part_version(db, PART) == len(OUTBOX_MIGRATIONS) == 2
        indexes = {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "outbox_search" in indexes
        _seed(outbox, 8)
        assert outbox.count(AwaitingFilter(text="łódzkie zakłady")) == 2
    finally:
        db.close()


def test_the_outbox_part_migrates_once_and_refuses_a_newer_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    db = Database(path)
    OutboxRepository(db)
    OutboxRepository(db)  # a second open runs nothing again
    assert part_version(db, PART) == len(OUTBOX_MIGRATIONS)
    migrate_part(db, PART, (*OUTBOX_MIGRATIONS, "CREATE TABLE outbox_future (x INTEGER)"))
    db.close()
    db = Database(path)
    try:
        with pytest.raises(ConfigurationError) as info:
            OutboxRepository(db)
        assert info.value.code == "store-too-new"
    finally:
        db.close()
