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
    # Passed positionally: a keyword argument doubles the cost of this hot call.
    return value.quantize(GROSZ, ROUND_HALF_UP)


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
    #: Podmiot1K and Podmiot2K (the parties as the corrected invoice named them).
    corrected_parties: list[etree._Element] = field(default_factory=list)
    #: DaneFaKorygowanej, the invoices a correction corrects.
    corrected_invoices: list[etree._Element] = field(default_factory=list)
    _amounts: dict[str, Decimal | None] = field(default_factory=dict, init=False, repr=False)

    def amount(self, name: str) -> Decimal | None:
        """The decimal value of the field ``name`` (see :func:`amount`), read once."""
        amounts = self._amounts
        if name in amounts:
            return amounts[name]
        element = self.fields.get(name)
        value = amounts[name] = None if element is None else number(element.text)
        return value


#: Fa's children the rules read, by qualified tag (a comment's "tag" is a function).
_VIEW_NAMES: dict[object, str] = {
    NS + name: name
    for name in (
        "P_1",
        "OkresFa",
        *(f"P_13_{b}" for b in BUCKETS),
        *(f"P_14_{b}" for b in BUCKETS),
        *(f"P_14_{b}W" for b in BUCKETS),
        "P_15",
        "Adnotacje",
        "RodzajFaktury",
        "Podmiot1K",
        "Podmiot2K",
        "DaneFaKorygowanej",
    )
}
_CORRECTED_PARTIES = frozenset({"Podmiot1K", "Podmiot2K"})
_MARGIN = NS + "PMarzy"
_MARGIN_MARKER = NS + "P_PMarzy"


def first_child(parent: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child ``tag``; lxml compares the tags in C, so other children stay unread."""
    return None if parent is None else next(parent.iterchildren(tag), None)


def fa_view(fa: etree._Element) -> FaView:
    view = FaView(fa)
    fields = view.fields
    # One plain pass over Fa's children. lxml's tag matchers cost more than this
    # for a typical invoice, and with thousands of lines it stays linear.
    for child in fa:
        name = _VIEW_NAMES.get(child.tag)
        if name is None:
            continue
        if name in _CORRECTED_PARTIES:
            view.corrected_parties.append(child)
        elif name == "DaneFaKorygowanej":
            view.corrected_invoices.append(child)
        elif name not in fields:
            fields[name] = child
    kind = fields.get("RodzajFaktury")
    view.kind = (kind.text or "").strip() if kind is not None else ""
    marker = first_child(first_child(fields.get("Adnotacje"), _MARGIN), _MARGIN_MARKER)
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
