"""Gap-free document numbers per series and month (FV/2026/11/0001), taken inside a transaction."""

from __future__ import annotations

import sqlite3
from datetime import date

from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.storage.db import Database

#: The series prefix of each FA(3) kind; receipts have a series of their own.
INVOICE_SERIES: dict[DocumentKind, str] = {
    DocumentKind.VAT: "FV",
    DocumentKind.KOR: "FK",
    DocumentKind.ZAL: "FZ",
    DocumentKind.ROZ: "FR",
    DocumentKind.UPR: "FU",
    DocumentKind.KOR_ZAL: "FKZ",
    DocumentKind.KOR_ROZ: "FKR",
}
RECEIPT_SERIES = "PAR"


def series_of(register_kind: str, kind: DocumentKind) -> str:
    return RECEIPT_SERIES if register_kind == "receipt" else INVOICE_SERIES[kind]


def period_of(issue_date: date) -> str:
    """The month a number belongs to: that of the issue date."""
    return f"{issue_date.year:04d}-{issue_date.month:02d}"


def format_number(series: str, issue_date: date, counter: int) -> str:
    return f"{series}/{issue_date.year:04d}/{issue_date.month:02d}/{counter:04d}"


def take_number(conn: sqlite3.Connection, series: str, issue_date: date) -> str:
    """The next number of ``series`` for the issue date's month.

    Must run inside the caller's write transaction (``BEGIN IMMEDIATE``): the
    counter moves only if that transaction commits, so a failed approval leaves
    no gap, and a second writer waits for the lock instead of reading the same
    value.
    """
    period = period_of(issue_date)
    row = conn.execute(
        "INSERT INTO numbering (series, period, last) VALUES (?, ?, 1) "
        "ON CONFLICT (series, period) DO UPDATE SET last = last + 1 RETURNING last",
        (series, period),
    ).fetchone()
    return format_number(series, issue_date, int(row[0]))


def peek_number(db: Database, series: str, issue_date: date) -> str:
    """The number the next approval in this series and month would take (not reserved)."""
    rows = db.query(
        "SELECT last FROM numbering WHERE series = ? AND period = ?",
        (series, period_of(issue_date)),
    )
    last = int(rows[0]["last"]) if rows else 0
    return format_number(series, issue_date, last + 1)
