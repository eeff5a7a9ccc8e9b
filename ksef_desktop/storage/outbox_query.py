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

    @property
    def only_searches_text(self) -> bool:
        return self.searches_text and not (
            self.states or self.reasons or self.reason_codes or self.date_from or self.date_to
        )

    def where(
        self, *, walk: str | None = None, text_by_rowid: bool = False
    ) -> tuple[str, list[object]]:
        """A WHERE clause (``1`` when nothing filters) and its parameters.

        ``walk`` names the sort column whose index the page query walks: the other
        columns get a unary ``+`` so SQLite tests them row by row instead of
        choosing their index. ``text_by_rowid`` turns each substring search into a
        rowid set read from the narrow index on the searched column (a scan of
        that index instead of the wide table).
        """
        clauses: list[str] = []
        params: list[object] = []

        def col(column: str) -> str:
            return f"+{column}" if walk is not None and column != walk else column

        for column, values in (
            ("state", sorted(s.value for s in self.states)),
            ("reason_kind", sorted(r.value for r in self.reasons)),
            ("reason_code", sorted(self.reason_codes)),
        ):
            if values:
                clauses.append(f"{col(column)} IN ({','.join('?' * len(values))})")
                params += values
        if self.date_from is not None:
            clauses.append(f"{col('issue_date')} >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            clauses.append(f"{col('issue_date')} <= ?")
            params.append(self.date_to.isoformat())
        for column, text in (("buyer_key", self.buyer), ("search_text", self.text)):
            needle = fold(text)
            if needle:
                like = f"{column} LIKE ? ESCAPE '\\'"
                if text_by_rowid:
                    like = f"rowid IN (SELECT rowid FROM outbox WHERE {like})"  # noqa: S608
                clauses.append(like)
                params.append(f"%{_escape_like(needle)}%")
        return (" AND ".join(clauses) or "1"), params


def fold(text: str) -> str:
    """Case- and space-insensitive form; SQLite's LIKE folds only ASCII, so Ł/ł are folded here."""
    return " ".join(text.casefold().split())


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_by(sort: SortKey, descending: bool, *, scan: bool = False) -> str:
    """The ORDER BY of a page; ``scan`` turns the sort column's index off.

    Walking the sort column's index stops after one page, but only pays when the
    filter lets through a good share of the rows it visits (see ``page_query``);
    otherwise ``+column`` makes SQLite read the matches (by the filter's index or
    one sequential scan) and sort just those.
    """
    direction = "DESC" if descending else "ASC"
    plus = "+" if scan else ""
    return f"ORDER BY {plus}{SORT_COLUMNS[sort]} {direction}, rowid {direction}"


#: Walking the sort index is chosen while it should visit at most this many rows
#: to fill the asked page; past that, reading the matches and sorting them is cheaper.
WALK_BUDGET = 3000
NULLABLE_SORTS = frozenset({SortKey.LAST_ATTEMPT, SortKey.NEXT_RETRY})


def page_query(
    flt: AwaitingFilter, sort: SortKey, descending: bool, *, visits: float
) -> tuple[str, list[object]]:
    """``WHERE ... ORDER BY ...`` for one page of ids.

    ``visits`` estimates how many rows walking the sort index would visit to
    reach the end of the page (offset + limit divided by the share of rows the
    filter keeps). SQLite has no statistics about our data, so the plan is
    chosen here: walk the sort index when that is few rows, else read the
    matches through their own index and sort them. A substring search reads its
    matches from the narrow index on the searched column. Every plan returns
    the same rows in the same order.
    """
    if flt.searches_text:
        where, params = flt.where(text_by_rowid=flt.only_searches_text)
        return f"WHERE {where} {order_by(sort, descending, scan=True)}", params
    # Ascending, SQLite puts NULLs first: the walk would visit every row without a
    # retry (mostly rows the filter drops) before the first match.
    nulls_first = sort in NULLABLE_SORTS and not descending
    if where_is_empty(flt) or (visits <= WALK_BUDGET and not nulls_first):
        where, params = flt.where(walk=SORT_COLUMNS[sort])
        return f"WHERE {where} {order_by(sort, descending)}", params
    where, params = flt.where()
    return f"WHERE {where} {order_by(sort, descending, scan=True)}", params


def where_is_empty(flt: AwaitingFilter) -> bool:
    return flt.where()[0] == "1"
