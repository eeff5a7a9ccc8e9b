"""Property test: any valid recalculated document builds schema-valid FA(3) and round-trips."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ksef_desktop.domain.document import Annotations, Document, DocumentKind, MarginScheme
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import CorrectedInvoice, Correction
from ksef_desktop.domain.identifiers import (
    EU_VAT_PREFIXES,
    nip_checksum_ok,
    normalize_account,
)
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.domain.party import Party, TaxId
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.fa3 import build, parse
from tests.helpers import factories
from tests.helpers.fa3cases import assert_schema_valid

TEXT = st.text(alphabet="abcdefgąćęłńóśźż ABCXYZ0123456789-./", min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)


@st.composite
def nips(draw: st.DrawFn) -> str:
    """Nine digits the XSD pattern accepts, completed by the domain's checksum rule."""
    head = draw(st.from_regex(r"[1-9][1-9][0-9]{7}", fullmatch=True))
    digits = [head + str(d) for d in range(10) if nip_checksum_ok(head + str(d))]
    assume(digits)  # one head in eleven has no valid check digit
    return digits[0]


def _valid_account(bban: str, country: str | None) -> str:
    """The account with the check digits ``normalize_account`` accepts."""
    for check in range(100):
        candidate = f"{check:02d}{bban}" if country is None else f"{country}{check:02d}{bban}"
        try:
            return normalize_account(candidate)
        except InvalidValueError:
            continue
    raise AssertionError("no check digits found")  # pragma: no cover - mod 97 always has one


accounts = st.one_of(
    st.from_regex(r"[0-9]{24}", fullmatch=True).map(lambda bban: _valid_account(bban, None)),
    st.from_regex(r"[0-9]{18}", fullmatch=True).map(lambda bban: _valid_account(bban, "DE")),
)

buyers = st.one_of(
    nips().map(TaxId.nip),
    st.tuples(
        st.sampled_from(sorted(EU_VAT_PREFIXES - {"PL"})),
        st.from_regex(r"[0-9A-Z]{2,12}", fullmatch=True),
    ).map(lambda p: TaxId.eu_vat(*p)),
    st.tuples(TEXT, st.sampled_from([None, "US", "CH", "NO"])).map(lambda p: TaxId.foreign(*p)),
    st.just(TaxId.none()),
)

quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=3)
prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=4)


@st.composite
def lines(draw: st.DrawFn, margin: bool) -> tuple[Line, ...]:
    count = draw(st.integers(min_value=1, max_value=5))
    return tuple(
        Line(
            number=n,
            name=draw(TEXT),
            quantity=draw(quantities),
            unit=draw(st.sampled_from(["szt.", "kg", "h", "usł."])),
            unit_price=draw(prices),
            discount=draw(st.none() | st.decimals(min_value=0, max_value=1, places=2)),
            vat_rate=None if margin else draw(st.sampled_from(list(VatRate))),
        )
        for n in range(1, count + 1)
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    margin = draw(st.booleans()) and draw(st.booleans())
    pricing = Pricing.GROSS if margin else draw(st.sampled_from(list(Pricing)))
    items = draw(lines(margin))
    currency = draw(st.sampled_from(["PLN", "PLN", "EUR"]))
    if currency != "PLN":
        rate = draw(st.decimals(min_value=Decimal("0.5"), max_value=Decimal(10), places=4))
        items = tuple(replace(line, exchange_rate=rate) for line in items)
    due_dates = draw(st.lists(st.dates(date(2026, 1, 1), date(2027, 12, 31)), max_size=2))
    payment = Payment(
        method=draw(st.none() | st.sampled_from(list(PaymentMethod))),
        due=tuple(DueTerm(on=d) for d in due_dates),
        accounts=tuple(BankAccount(a) for a in draw(st.lists(accounts, max_size=2))),
    )
    doc = Document(
        kind=DocumentKind.VAT,
        number=draw(TEXT),
        issue_date=draw(st.dates(date(2026, 2, 1), date(2027, 12, 31))),
        seller=replace(factories.seller(), tax_id=TaxId.nip(draw(nips()))),
        buyer=Party(draw(buyers), name=draw(st.none() | TEXT)),
        lines=items,
        totals=factories.invoice().totals,
        currency=currency,
        pricing=pricing,
        sale_date=draw(st.none() | st.dates(date(2026, 1, 1), date(2027, 12, 31))),
        annotations=Annotations(margin=MarginScheme.USED_GOODS if margin else None),
        payment=payment if draw(st.booleans()) else None,
        generated_at=factories.GENERATED_AT,
    )
    if draw(st.booleans()):
        doc = _as_correction(doc, draw(st.decimals(min_value=0, max_value=2, places=2)))
    return recalculate(doc)


def _as_correction(doc: Document, factor: Decimal) -> Document:
    """A KOR listing each line before and after a price change by ``factor``."""
    before = tuple(replace(line, before=True) for line in doc.lines)
    after = tuple(
        replace(line, unit_price=(line.unit_price or Decimal(0)) * factor) for line in doc.lines
    )
    corrected = CorrectedInvoice("FV/1/2026", doc.issue_date, None)
    return replace(
        doc,
        kind=DocumentKind.KOR,
        lines=before + after,
        correction=Correction("korekta ceny", (corrected,)),
    )


@settings(max_examples=60, deadline=None)
@given(documents())
def test_any_valid_document_builds_schema_valid_xml_and_round_trips(doc: Document) -> None:
    xml = build(doc)
    assert_schema_valid(xml)
    again = parse(xml)
    assert again == doc
    assert build(again) == xml
