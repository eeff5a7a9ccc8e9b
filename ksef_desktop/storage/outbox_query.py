"""The AWAITING DOCUMENTS filter and sort orders, turned into SQL over the indexed outbox table."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from ksef_desktop.domain.lifecycle import Status


class ReasonKind(enum.StrEnum):
    """Why a document is still in the outbox, and so who moves it on."""

    TRANSIENT = "transient"  # network, WS down, KSeF 5xx/429: retried automatically
    PENDING = "pending"  # the WS has it; KSeF has not answered yet: polled automatically
    DATA = "data"  # KSeF or the WS refused the content: a person corrects it
    SETUP = "setup"  # key, company or configuration: an administrator acts


class SortKey(enum.StrEnum):
    NUMBER = "number"
    ISSUE_DATE = "issue_date"
    BUYER = "buyer"
    GROSS = "gross"
    STATUS = "status"
    REASON = "reason"
    ATTEMPTS = "attempts"
    LAST_ATTEMPT = "last_attempt"
    NEXT_RETRY = "next_retry"


#: Each sort key is one indexed column; ties fall back to the rowid, which every
#: index carries, so the order is total and pages never overlap.
SORT_COLUMNS: dict[SortKey, str] = {
    SortKey.NUMBER: "number",
    SortKey.ISSUE_DATE: "issue_date",
    SortKey.BUYER: "buyer_key",
    SortKey.GROSS: "gross_grosze",
    SortKey.STATUS: "state",
    SortKey.REASON: "reason_kind",
    SortKey.ATTEMPTS: "attempts",
    SortKey.LAST_ATTEMPT: "last_attempt_at",
    SortKey.NEXT_RETRY: "next_retry_at",
}


@dataclass(frozen=True)
class AwaitingFilter:
    """What the person narrowed the list to; empty fields do not filter."""

    states: frozenset[Status] = frozenset()
    reasons: frozenset[ReasonKind] = frozenset()
    reason_codes: frozenset[str] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    buyer: str = ""  # part of the buyer's name or NIP
    text: str = ""  # part of the number, buyer, NIP, reason or KSeF description

    @property
    def searches_text(self) -> bool:
        return bool(fold(self.buyer) or fold(self.text))

    def where(self) -> tuple[str, list[object]]:
        """A WHERE clause (``1`` when nothing filters) and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        for column, values in (
            ("state", sorted(s.value for s in self.states)),
            ("reason_kind", sorted(r.value for r in self.reasons)),
            ("reason_code", sorted(self.reason_codes)),
        ):
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                params += values
        if self.date_from is not None:
            clauses.append("issue_date >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            clauses.append("issue_date <= ?")
            params.append(self.date_to.isoformat())
        for column, text in (("buyer_key", self.buyer), ("search_text", self.text)):
            needle = fold(text)
            if needle:
                clauses.append(f"{column} LIKE ? ESCAPE '\\'")
                params.append(f"%{_escape_like(needle)}%")
        return (" AND ".join(clauses) or "1"), params


def fold(text: str) -> str:
    """Case- and space-insensitive form; SQLite's LIKE folds only ASCII, so Ł/ł are folded here."""
    return " ".join(text.casefold().split())


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_by(sort: SortKey, descending: bool, *, scan: bool = False) -> str:
    """The ORDER BY of a page; ``scan`` when the filter has a substring search.

    Normally SQLite walks the sort column's index and stops after one page. A
    ``LIKE '%...%'`` cannot use an index and SQLite cannot guess how few rows it
    matches: walking the index would then visit every row in random order, so
    ``+column`` turns the index off and one sequential scan feeds a top-N sort.
    """
    direction = "DESC" if descending else "ASC"
    plus = "+" if scan else ""
    return f"ORDER BY {plus}{SORT_COLUMNS[sort]} {direction}, rowid {direction}"
