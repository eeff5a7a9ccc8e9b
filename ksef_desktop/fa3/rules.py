"""Arithmetic the XSD cannot check: line values, per-rate totals P_13_x/P_14_x, and P_15."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from lxml import etree

from ksef_desktop.fa3.faview import (
    BUCKETS,
    GROSZ,
    RATES,
    TAXED,
    ZERO,
    FaView,
    round_grosz,
)
from ksef_desktop.fa3.problems import NS, Problem, Severity, element_path, problem_at
from ksef_desktop.support.i18n import tr

#: Kinds whose totals are not the sum of their lines: an advance invoice totals the
#: payment received, a settlement invoice what remains after the advances.
TOTALS_FROM_LINES_SKIPPED = frozenset({"ZAL", "KOR_ZAL", "ROZ", "KOR_ROZ"})

_LINE_TAGS = {
    NS + name: name
    for name in ("P_8B", "P_9A", "P_9B", "P_10", "P_11", "P_11A", "P_11Vat", "P_12", "P_12_XII")
}
_LINE_TAGS[NS + "StanPrzed"] = "StanPrzed"
_LINE = NS + "FaWiersz"
_PRICED = (("P_9A", "P_11"), ("P_9B", "P_11A"))


def _line_value_problem(
    line: etree._Element, tag: str, stated: Decimal, expected: Decimal, discounted: bool
) -> Problem:
    return problem_at(
        line.find(NS + tag),
        "line-value-mismatch",
        tr(
            "The line value {element} is {stated}, but quantity × unit price{less} gives "
            "{expected}. Correct the value, the quantity or the price."
        ).format(
            element=tag,
            stated=stated,
            expected=expected,
            less=tr(" − discount") if discounted else "",
        ),
    )


# A rate key is the P_12 code, ("XII", percent) for OSS lines, or "margin".
_RateKey = str | tuple[str, Decimal]


@dataclass
class _Side:
    """Per-rate sums of the lines on one side of a correction (or of an ordinary invoice)."""

    values: dict[_RateKey, Decimal] = field(default_factory=dict)
    line_vat: dict[_RateKey, Decimal] = field(default_factory=dict)
    all_line_vat: bool = True


def _rate_of(key: _RateKey) -> tuple[str, Decimal]:
    if key == "margin":
        return "11", ZERO
    if isinstance(key, tuple):
        return "5", key[1]
    return RATES[key]


def _split(total: Decimal, pct: Decimal, gross: bool) -> tuple[Decimal, Decimal]:
    if gross:
        vat = round_grosz(total * pct / (100 + pct))
        return total - vat, vat
    return total, round_grosz(total * pct / 100)


def _buckets(
    after: _Side, before: _Side, gross: bool, method: str
) -> dict[str, tuple[Decimal, Decimal]]:
    """Expected (net, VAT) per bucket, by one of three accepted computations.

    ``sides``: VAT on each side's per-rate sum, before rows subtracted;
    ``difference``: VAT on the per-rate difference; ``line-vat``: the lines' own P_11Vat.
    """
    result: dict[str, tuple[Decimal, Decimal]] = {}
    for key in {*after.values, *before.values}:
        bucket, pct = _rate_of(key)
        a, b = after.values.get(key, ZERO), before.values.get(key, ZERO)
        if method == "sides":
            net_a, vat_a = _split(a, pct, gross)
            # An ordinary invoice has no "before" rows: nothing to split.
            net_b, vat_b = _split(b, pct, gross) if key in before.values else (ZERO, ZERO)
            net, vat = net_a - net_b, vat_a - vat_b
        elif method == "difference":
            net, vat = _split(a - b, pct, gross)
        else:
            vat = after.line_vat.get(key, ZERO) - before.line_vat.get(key, ZERO)
            net = a - b - vat if gross else a - b
        old_net, old_vat = result.get(bucket, (ZERO, ZERO))
        result[bucket] = (old_net + net, old_vat + vat)
    return result


def _collect(view: FaView, problems: list[Problem]) -> tuple[_Side, _Side, bool] | None:
    """Per-rate sums of the lines (and line-value problems); None if totals can't be derived."""
    # This loop is the validator's hot path: lxml filters the tags in C, so only
    # the line elements and the few children the rules read become Python objects.
    tags = _LINE_TAGS
    rows: list[dict[str, str | None]] = []
    texts: dict[str, str | None] = {}
    view.lines = []
    for element in view.fa.iter(_LINE, *tags):
        tag = element.tag
        if tag == _LINE:
            texts = {}
            rows.append(texts)
            view.lines.append(element)
        else:  # in schema-valid Fa these names occur only inside FaWiersz
            texts[tags[tag]] = element.text  # type: ignore[index]
    gross = any("P_11A" in r for r in rows) and not any("P_11" in r for r in rows)
    value_tag = "P_11A" if gross else "P_11"
    after, before = _Side(), _Side()
    try:
        derivable = _sum_lines(view, rows, value_tag, (after, before), problems)
    except InvalidOperation:  # only schema-valid amounts reach here; be safe anyway
        return None
    return (after, before, gross) if derivable and rows else None


def _check_line_value(
    line: etree._Element,
    texts: dict[str, str | None],
    value_tag: str,
    value: Decimal | None,
    problems: list[Problem],
) -> None:
    """P_11 = P_8B × P_9A − P_10 (and P_11A with P_9B), rounded half-up to the grosz."""
    get = texts.get
    quantity_text, discount_text = get("P_8B"), get("P_10")
    if quantity_text is None:
        return
    for price_tag, stated_tag in _PRICED:
        price_text, stated_text = get(price_tag), get(stated_tag)
        if price_text is None or stated_text is None:
            continue
        stated = value if stated_tag == value_tag else Decimal(stated_text)
        product = Decimal(quantity_text) * Decimal(price_text)
        if discount_text is not None:
            product -= Decimal(discount_text)
        expected = round_grosz(product)
        if expected != stated:
            problems.append(
                _line_value_problem(
                    line, stated_tag, Decimal(stated_text), expected, discount_text is not None
                )
            )


def _rate_key(texts: dict[str, str | None], margin: bool) -> _RateKey | None:
    code = texts.get("P_12")
    if code is not None:
        code = code.strip()
        return code if code in RATES else None
    oss = texts.get("P_12_XII")
    if oss is not None:
        return ("XII", Decimal(oss))
    return "margin" if margin else None


def _sum_lines(
    view: FaView,
    rows: list[dict[str, str | None]],
    value_tag: str,
    sides: tuple[_Side, _Side],
    problems: list[Problem],
) -> bool:
    """Add each line's value to its side and rate; False when a line cannot be placed."""
    after, before = sides
    derivable = True
    margin = view.margin
    for line, texts in zip(view.lines, rows, strict=True):
        value_text = texts.get(value_tag)
        value = None if value_text is None else Decimal(value_text)
        if "P_8B" in texts:
            _check_line_value(line, texts, value_tag, value, problems)
        key = _rate_key(texts, margin)
        if key is None or value is None:
            derivable = False
            continue
        flag = texts.get("StanPrzed")
        side = before if flag is not None and flag.strip() == "1" else after
        side.values[key] = side.values.get(key, ZERO) + value
        vat_text = texts.get("P_11Vat")
        if vat_text is None:
            side.all_line_vat = False
        else:
            side.line_vat[key] = side.line_vat.get(key, ZERO) + Decimal(vat_text)
    return derivable


def _missing_path(view: FaView, name: str) -> tuple[etree._Element, str]:
    element = view.fields.get(name)
    if element is not None:
        return element, element_path(element)
    return view.fa, element_path(view.fa) + "/" + name


#: (bucket, its P_13_x name, its P_14_x name or None for a bucket without VAT), in order.
_TOTAL_NAMES = tuple((b, f"P_13_{b}", f"P_14_{b}" if b in TAXED else None) for b in BUCKETS)
#: Every total P_15 is the sum of.
_SUMMED = tuple(name for _, net, vat in _TOTAL_NAMES for name in (net, vat) if name is not None)


def _totals_problems(view: FaView, after: _Side, before: _Side, gross: bool) -> list[Problem]:
    methods = ["sides", "difference"]
    if after.all_line_vat and before.all_line_vat:
        methods.append("line-vat")
    # The usual computation first; the alternatives only when it disagrees.
    candidates = [_buckets(after, before, gross, methods[0])]
    problems: list[Problem] = []
    fields = view.fields
    for bucket, net_name, vat_name in _TOTAL_NAMES:
        for part, name in ((0, net_name), (1, vat_name)):
            if name is None:
                continue
            if name not in fields and (
                bucket not in candidates[0] or (bucket == "5" and part == 1)
            ):
                continue  # nothing stated, nothing expected; P_14_5 is optional (OSS)
            stated = view.amount(name) or ZERO
            expected = candidates[0].get(bucket, (ZERO, ZERO))[part]
            if stated == expected:
                continue
            if len(candidates) == 1:
                candidates += [_buckets(after, before, gross, m) for m in methods[1:]]
            if any(stated == c.get(bucket, (ZERO, ZERO))[part] for c in candidates[1:]):
                continue
            element, path = _missing_path(view, name)
            problems.append(
                problem_at(
                    element,
                    "totals-mismatch",
                    tr(
                        "{name} is {stated}, but the lines at this rate give {expected}. "
                        "Recalculate the totals from the lines."
                    ).format(name=name, stated=stated, expected=expected),
                    path=path,
                )
            )
    return problems


def _p15_problem(view: FaView) -> Problem | None:
    due_el = view.fields.get("P_15")
    due = view.amount("P_15")
    if due is None:
        return None
    total, taxed = ZERO, 0
    for name in _SUMMED:
        value = view.amount(name)
        if value is not None:
            total += value
            taxed += name.startswith("P_14_")
    difference = abs(due - total)
    if difference == ZERO:
        return None
    # Prices set gross and VAT computed per rate can leave the "intended" amount
    # due a grosz per rate away from net + VAT; the Ministry's own example 1 does
    # so. Such a difference is a warning; anything larger is an error.
    small = difference <= GROSZ * max(taxed, 1)
    return problem_at(
        due_el,
        "p15-mismatch",
        tr(
            "The amount due P_15 is {due}, but the net totals plus VAT (P_13_x + P_14_x) "
            "come to {total}. {advice}"
        ).format(
            due=due,
            total=total,
            advice=tr("Check that the difference is an intended rounding.")
            if small
            else tr("Correct P_15 or the totals."),
        ),
        severity=Severity.WARNING if small else Severity.ERROR,
    )


def amount_problems(view: FaView) -> list[Problem]:
    """Every arithmetic problem of an XSD-valid Fa element."""
    problems: list[Problem] = []
    collected = _collect(view, problems)
    if collected is not None and view.kind not in TOTALS_FROM_LINES_SKIPPED:
        problems.extend(_totals_problems(view, *collected))
    p15 = _p15_problem(view)
    if p15 is not None:
        problems.append(p15)
    return problems
