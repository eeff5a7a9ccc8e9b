"""Arithmetic the XSD cannot check: line values, per-rate totals P_13_x/P_14_x, and P_15."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from lxml import etree

from ksef_desktop.fa3.faview import (
    BUCKETS,
    GROSZ,
    RATES,
    TAXED,
    ZERO,
    FaView,
)
from ksef_desktop.fa3.problems import NS, Problem, Severity, element_path, problem_at
from ksef_desktop.support.i18n import tr

#: Kinds whose totals are not the sum of their lines: an advance invoice totals the
#: payment received, a settlement invoice what remains after the advances.
TOTALS_FROM_LINES_SKIPPED = frozenset({"ZAL", "KOR_ZAL", "ROZ", "KOR_ROZ"})

#: A line's row: the texts of these children, by slot (the builder and the
#: schema give each at most once per line).
_ROW: tuple[str, ...] = ("P_8B", "P_9A", "P_9B", "P_10", "P_11", "P_11A", "P_11Vat", "P_12")
_ROW += ("P_12_XII", "StanPrzed")
_Q, _P9A, _P9B, _DISCOUNT, _P11, _P11A, _LINE_VAT, _CODE, _OSS, _BEFORE = range(len(_ROW))
_SLOTS: dict[object, int] = {NS + name: slot for slot, name in enumerate(_ROW)}
#: P_11 and P_11A start as this marker, so that an empty element still counts as present.
_ABSENT = object()
_EMPTY_ROW: list[Any] = [None, None, None, None, _ABSENT, _ABSENT, None, None, None, None]
_LINE = NS + "FaWiersz"
_ITER_TAGS: tuple[str, ...] = (_LINE, *(NS + name for name in _ROW))
_PRICED = ((_P9A, _P11, "P_11"), (_P9B, _P11A, "P_11A"))


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


#: (bucket, percent) of each string rate key: the P_12 codes and "margin".
_RATE_OF: dict[str, tuple[str, Decimal]] = {**RATES, "margin": ("11", ZERO)}


def _rate_of(key: _RateKey) -> tuple[str, Decimal]:
    return ("5", key[1]) if isinstance(key, tuple) else _RATE_OF[key]


def _split(total: Decimal, pct: Decimal, gross: bool) -> tuple[Decimal, Decimal]:
    # round_grosz spelled out: this runs for every rate of every invoice.
    if gross:
        vat = (total * pct / (100 + pct)).quantize(GROSZ, ROUND_HALF_UP)
        return total - vat, vat
    return total, (total * pct / 100).quantize(GROSZ, ROUND_HALF_UP)


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
    slots = _SLOTS
    rows: list[list[Any]] = []
    row = _EMPTY_ROW.copy()  # children before the first line are read and ignored
    view.lines = lines = []
    for element in view.fa.iter(*_ITER_TAGS):
        slot = slots.get(element.tag)
        if slot is None:  # FaWiersz
            row = _EMPTY_ROW.copy()
            rows.append(row)
            lines.append(element)
        else:  # in schema-valid Fa these names occur only inside FaWiersz
            row[slot] = element.text
    gross = any(r[_P11A] is not _ABSENT for r in rows) and all(r[_P11] is _ABSENT for r in rows)
    after, before = _Side(), _Side()
    try:
        derivable = _sum_lines(view, rows, _P11A if gross else _P11, (after, before), problems)
    except InvalidOperation:  # only schema-valid amounts reach here; be safe anyway
        return None
    return (after, before, gross) if derivable and rows else None


def _check_line_value(
    line: etree._Element,
    row: list[Any],
    value_slot: int,
    value: Decimal | None,
    problems: list[Problem],
) -> None:
    """P_11 = P_8B × P_9A − P_10 (and P_11A with P_9B), rounded half-up to the grosz.

    Called only for a line with P_8B.
    """
    quantity_text, discount_text = row[_Q], row[_DISCOUNT]
    for price_slot, stated_slot, stated_tag in _PRICED:
        price_text, stated_text = row[price_slot], row[stated_slot]
        if price_text is None or stated_text is None or stated_text is _ABSENT:
            continue
        stated = value if stated_slot == value_slot else Decimal(stated_text)
        product = Decimal(quantity_text) * Decimal(price_text)
        if discount_text is not None:
            product -= Decimal(discount_text)
        expected = product.quantize(GROSZ, ROUND_HALF_UP)
        if expected != stated:
            problems.append(
                _line_value_problem(
                    line, stated_tag, Decimal(stated_text), expected, discount_text is not None
                )
            )


def _sum_lines(
    view: FaView,
    rows: list[list[Any]],
    value_slot: int,
    sides: tuple[_Side, _Side],
    problems: list[Problem],
) -> bool:
    """Add each line's value to its side and rate; False when a line cannot be placed."""
    after, before = sides
    derivable = True
    margin = view.margin
    rates = RATES
    for line, row in zip(view.lines, rows, strict=True):
        value_text = row[value_slot]
        value = None if value_text is None or value_text is _ABSENT else Decimal(value_text)
        if row[_Q] is not None:
            _check_line_value(line, row, value_slot, value, problems)
        code = row[_CODE]
        key: _RateKey | None
        if code is not None:
            code = code.strip()
            key = code if code in rates else None
        elif row[_OSS] is not None:
            key = ("XII", Decimal(row[_OSS]))
        else:
            key = "margin" if margin else None
        if key is None or value is None:
            derivable = False
            continue
        flag = row[_BEFORE]
        side = before if flag is not None and flag.strip() == "1" else after
        values = side.values
        values[key] = values.get(key, ZERO) + value
        vat_text = row[_LINE_VAT]
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
    usual = candidates[0]
    for bucket, net_name, vat_name in _TOTAL_NAMES:
        if bucket not in usual and net_name not in fields and vat_name not in fields:
            continue  # a rate the invoice does not use (most of them)
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
    fields = view.fields
    for name in _SUMMED:
        if name not in fields:
            continue  # absent: no amount (most of the two dozen totals are absent)
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
