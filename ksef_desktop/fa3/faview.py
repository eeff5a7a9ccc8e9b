"""A one-pass view of an FA(3) Fa element for the business rules, and the VAT rate table."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from lxml import etree

from ksef_desktop.domain.vat import BUCKET_ORDER, VatRate
from ksef_desktop.fa3.problems import NS

GROSZ = Decimal("0.01")
ZERO = Decimal(0)

#: P_12 code -> (bucket suffix of P_13_x/P_14_x, percent), from the domain's rate table.
RATES: dict[str, tuple[str, Decimal]] = {r.value: (r.bucket.value, r.percent) for r in VatRate}
BUCKETS = tuple(b.value for b in BUCKET_ORDER)
TAXED = frozenset(b.value for b in BUCKET_ORDER if b.has_vat)


def round_grosz(value: Decimal) -> Decimal:
    return value.quantize(GROSZ, rounding=ROUND_HALF_UP)


def amount(element: etree._Element | None) -> Decimal | None:
    """The element's decimal value, or None when absent or not a finite number."""
    return None if element is None else number(element.text)


@dataclass
class FaView:
    """What the rules need from Fa's own children (``fields``: the first of each name)."""

    fa: etree._Element
    kind: str = ""
    fields: dict[str, etree._Element] = field(default_factory=dict)
    lines: list[etree._Element] = field(default_factory=list)  # filled by _collect
    margin: bool = False


_VIEW_TAGS = tuple(
    NS + name
    for name in (
        "P_1",
        "OkresFa",
        *(f"P_13_{b}" for b in BUCKETS),
        *(f"P_14_{b}" for b in BUCKETS),
        *(f"P_14_{b}W" for b in BUCKETS),
        "P_15",
        "Adnotacje",
        "RodzajFaktury",
    )
)


def fa_view(fa: etree._Element) -> FaView:
    view = FaView(fa)
    # lxml picks the few wanted children in C, skipping the (many) lines.
    for child in fa.iterchildren(*_VIEW_TAGS):
        view.fields.setdefault(str(child.tag)[len(NS) :], child)
    kind = view.fields.get("RodzajFaktury")
    view.kind = (kind.text or "").strip() if kind is not None else ""
    notes = view.fields.get("Adnotacje")
    margin = next(notes.iterchildren(NS + "PMarzy"), None) if notes is not None else None
    marker = next(margin.iterchildren(NS + "P_PMarzy"), None) if margin is not None else None
    view.margin = marker is not None and (marker.text or "").strip() == "1"
    return view


def number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text)  # surrounding whitespace is accepted, as in xsd:decimal
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
