"""The register in SQLite: migration from schema 1, filters and sorting in SQL, paging, delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ksef_desktop.domain.errors import DocumentLockedError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.domain.party import Address, Party, TaxId
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.services.register import RegisterFilter, SortKey
from ksef_desktop.storage.db import MIGRATIONS, Database
from ksef_desktop.storage.documents import DocumentRepository, DocumentRow
from ksef_desktop.storage.register import RegisterQueries
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env

ACTIVE = Lifecycle(ksef_active=True)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def _buyer(name: str, nip: str | None) -> Party:
    tax_id = TaxId.nip(nip) if nip else TaxId.none()
    return Party(tax_id, name=name, address=Address("PL", "ul. Krótka 1"))


def _seed(env: SalesEnv) -> dict[str, str]:
    """Five documents with different buyers, dates, amounts and states."""
    ids = {
        "kowalski": env.draft(draft_invoice(buyer=_buyer("Kowalski S.A.", "7740001454"))),
        "nowak": env.draft(
            draft_invoice(buyer=_buyer("Anna Nowak", None), issue_date=date(2026, 10, 5))
        ),
        "wisla": env.draft(draft_invoice(buyer=_buyer("Hurtownia Wisła", "1234563218"))),
        "receipt": env.draft(draft_invoice(buyer=_buyer("Klient", None)), register_kind="receipt"),
    }
    big = draft_invoice(buyer=_buyer("Kowalski S.A.", "7740001454"))
    big = replace(big, lines=tuple(replace(ln, quantity=Decimal(100)) for ln in big.lines))
    ids["big"] = env.draft(recalculate(big))
    env.documents.save_content(
        ids["wisla"], ACTIVE, env.documents.get(ids["wisla"]).content(), Event.VALIDATE
    )
    env.documents.approve(
        ids["wisla"], ACTIVE, env.documents.get(ids["wisla"]).content(), datetime.now(UTC)
    )
    return ids


def test_schema_1_rows_survive_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = Database(path, MIGRATIONS[:1])
    with old.transaction() as conn:
        conn.execute(
            "INSERT INTO documents VALUES ('A1', 'invoice', 'FV/1', '2026-11-02', 'Buyer',"
            " '123.45', 'awaiting', NULL, 'WS down', '2026-11-02T12:00:00')"
        )
    old.close()
    db = Database(path)
    try:
        stored = DocumentRepository(db).get("A1")
        assert stored.status is Status.AWAITING
        assert stored.meta.reason == "WS down"
        assert stored.meta.source == "legacy"
        assert stored.document is None
        with pytest.raises(DocumentLockedError):
            stored.content()
        row = RegisterQueries(db).rows(["A1"])[0]
        assert (row.number, row.gross, row.buyer) == ("FV/1", Decimal("123.45"), "Buyer")
        assert RegisterQueries(db).count(RegisterFilter(gross_min=Decimal("123.45"))) == 1
    finally:
        db.close()


def test_rows_without_content_can_still_be_recorded(env: SalesEnv) -> None:
    env.documents.upsert(
        DocumentRow(
            "X",
            "invoice",
            "FV/X",
            date(2026, 11, 2),
            "B",
            Decimal("1.00"),
            Status.AWAITING,
            datetime(2026, 11, 2, tzinfo=UTC),
        )
    )
    assert env.documents.count(Status.AWAITING) == 1


def test_text_search_matches_number_buyer_nip_and_is_literal(env: SalesEnv) -> None:
    ids = _seed(env)
    register = env.sales.register
    assert set(register.ids(RegisterFilter(text="kowalski"))) == {ids["kowalski"], ids["big"]}
    assert register.ids(RegisterFilter(text="123456")) == [ids["wisla"]]
    assert register.ids(RegisterFilter(text="FV/2026/11/0001")) == [ids["wisla"]]
    assert register.ids(RegisterFilter(text="%")) == []  # a wildcard is just a character


def test_filters_combine_in_sql(env: SalesEnv) -> None:
    ids = _seed(env)
    register = env.sales.register
    assert register.ids(RegisterFilter(register_kind="receipt")) == [ids["receipt"]]
    assert register.ids(RegisterFilter(statuses=frozenset({Status.APPROVED}))) == [ids["wisla"]]
    october = RegisterFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))
    assert register.ids(october) == [ids["nowak"]]
    assert register.count(RegisterFilter(buyer_nip="7740001454")) == 2
    assert register.ids(RegisterFilter(gross_min=Decimal(1000))) == [ids["big"]]
    both = RegisterFilter(buyer_nip="7740001454", gross_max=Decimal(1000))
    assert register.ids(both) == [ids["kowalski"]]
    assert register.count() == 5


def test_sorting_and_paging_by_ids(env: SalesEnv) -> None:
    ids = _seed(env)
    register = env.sales.register
    by_gross = register.ids(sort=SortKey.GROSS, descending=True)
    grosses = [row.gross for row in register.rows(by_gross)]
    assert grosses == sorted(grosses, reverse=True)
    assert by_gross[0] == ids["big"]
    pages = [
        register.ids(sort=SortKey.BUYER, descending=False, offset=o, limit=2) for o in (0, 2, 4)
    ]
    assert [len(p) for p in pages] == [2, 2, 1]
    flat = [i for page in pages for i in page]
    assert flat == register.ids(sort=SortKey.BUYER, descending=False)
    names = [row.buyer.lower() for row in register.rows(flat)]
    assert names == sorted(names)
    numbered = register.ids(sort=SortKey.NUMBER, descending=False)
    assert numbered[0] == ids["wisla"]  # the only numbered one; drafts (no number) last


def test_rows_come_back_in_the_order_asked_and_skip_deleted_ids(env: SalesEnv) -> None:
    ids = _seed(env)
    order = [ids["nowak"], ids["kowalski"], "gone", ids["receipt"]]
    rows = env.sales.register.rows(order)
    assert [r.id for r in rows] == [ids["nowak"], ids["kowalski"], ids["receipt"]]
    row = rows[1]
    assert (row.buyer_nip, row.net, row.vat, row.gross) == (
        "7740001454",
        Decimal("306.50"),
        Decimal("39.75"),
        Decimal("346.25"),
    )
    assert row.status is Status.DRAFT
    assert row.number is None


def test_only_drafts_can_be_deleted(env: SalesEnv) -> None:
    ids = _seed(env)
    register = env.sales.register
    register.delete(ids["nowak"])
    assert register.count() == 4
    with pytest.raises(DocumentLockedError) as info:
        register.delete(ids["wisla"])
    assert info.value.code == "document-not-deletable"
    assert env.status(ids["wisla"]) is Status.APPROVED


def test_locked_content_cannot_be_saved(env: SalesEnv) -> None:
    ids = _seed(env)
    before = env.documents.get(ids["wisla"])
    with pytest.raises(DocumentLockedError):
        env.sales.register.save_draft(ids["wisla"], draft_invoice())
    assert env.documents.get(ids["wisla"]).document == before.document


def test_the_number_index_refuses_a_duplicate_number(env: SalesEnv) -> None:
    ids = _seed(env)
    with pytest.raises(sqlite3.IntegrityError), env.db.transaction() as conn:
        conn.execute(
            "UPDATE documents SET number = 'FV/2026/11/0001' WHERE id = ?", (ids["nowak"],)
        )
