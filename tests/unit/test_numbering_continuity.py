"""Numbers at approval: continuous per series and month, never shared, never skipped."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ksef_desktop.domain.document import Document, DocumentKind
from ksef_desktop.domain.errors import IllegalTransitionError
from ksef_desktop.domain.extras import CorrectedInvoice, Correction
from ksef_desktop.domain.lifecycle import Event, Lifecycle
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.documents import DocumentRepository, DuplicateDocumentError
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env

ACTIVE = Lifecycle(ksef_active=True)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def _approve(repo: DocumentRepository, doc_id: str) -> str:
    document = repo.get(doc_id).content()
    repo.save_content(doc_id, ACTIVE, document, Event.VALIDATE)
    number = repo.approve(doc_id, ACTIVE, document, NOW).number
    assert number is not None
    return number


def _correction(issue: date) -> Document:
    return draft_invoice(
        kind=DocumentKind.KOR,
        issue_date=issue,
        correction=Correction("rabat", (CorrectedInvoice("FV/2026/10/0001", date(2026, 10, 1)),)),
    )


def test_numbers_run_on_per_kind_and_month(env: SalesEnv) -> None:
    nov = [env.draft() for _ in range(3)]
    october = env.draft(draft_invoice(issue_date=date(2026, 10, 30)))
    kor = env.draft(_correction(date(2026, 11, 3)))
    receipt = env.draft(register_kind="receipt")
    got = [_approve(env.documents, i) for i in (nov[0], october, kor, nov[1], receipt, nov[2])]
    assert got == [
        "FV/2026/11/0001",
        "FV/2026/10/0001",
        "FK/2026/11/0001",
        "FV/2026/11/0002",
        "PAR/2026/11/0001",
        "FV/2026/11/0003",
    ]
    stored = env.documents.get(nov[1]).content()
    assert stored.number == "FV/2026/11/0002"
    assert stored.generated_at == NOW  # fixed at approval


def test_the_preview_is_the_number_approval_gives(env: SalesEnv) -> None:
    first, second = env.draft(), env.draft()
    assert env.sales.register.number_preview(second) == "FV/2026/11/0001"
    _approve(env.documents, first)
    assert env.sales.register.number_preview(second) == "FV/2026/11/0002"
    assert _approve(env.documents, second) == "FV/2026/11/0002"


def test_a_refused_approval_takes_no_number(env: SalesEnv) -> None:
    draft = env.draft()  # still DRAFT: the active lifecycle approves only VALID documents
    with pytest.raises(IllegalTransitionError):
        env.documents.approve(draft, ACTIVE, env.documents.get(draft).content(), NOW)
    assert env.documents.get(draft).meta.number is None
    assert _approve(env.documents, env.draft()) == "FV/2026/11/0001"  # no gap


def test_a_numbered_import_keeps_its_number_and_a_clash_is_refused(env: SalesEnv) -> None:
    numbered = env.draft(replace(draft_invoice(), number="EXT/77"))
    assert _approve(env.documents, numbered) == "EXT/77"
    with pytest.raises(DuplicateDocumentError):
        env.draft(replace(draft_invoice(), number="EXT/77"))


def test_concurrent_approvals_from_two_connections_never_share_a_number(tmp_path: Path) -> None:
    env = make_env(tmp_path)
    ids = [env.draft() for _ in range(20)]
    for doc_id in ids:
        env.documents.save_content(
            doc_id, ACTIVE, env.documents.get(doc_id).content(), Event.VALIDATE
        )
    env.close()
    # Two programs on one file: separate connections, each approving its half.
    dbs = [Database(tmp_path / "store.sqlite3") for _ in range(2)]
    numbers: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def work(db: Database, mine: list[str]) -> None:
        repo = DocumentRepository(db)
        start.wait()
        for doc_id in mine:
            number = repo.approve(doc_id, ACTIVE, repo.get(doc_id).content(), NOW).number
            with lock:
                numbers.append(str(number))

    threads = [
        threading.Thread(target=work, args=(dbs[0], ids[0::2])),
        threading.Thread(target=work, args=(dbs[1], ids[1::2])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db in dbs:
        db.close()
    assert sorted(numbers) == [f"FV/2026/11/{n:04d}" for n in range(1, 21)]
