"""Per-rate totals as Polish invoices compute them: VAT on the sum of each rate, not per line."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from ksef_desktop.domain.document import BucketTotal, Document, Totals
from ksef_desktop.domain.lines import Line, Pricing, priced
from ksef_desktop.domain.money import ExchangeRate, round_grosz
from ksef_desktop.domain.vat import BUCKET_ORDER, Bucket, VatRate

_ZERO = Decimal(0)


def _per_rate(lines: Iterable[Line], pricing: Pricing) -> dict[VatRate | None, Decimal]:
    sums: dict[VatRate | None, Decimal] = defaultdict(lambda: _ZERO)
    for line in lines:
        value = line.value(pricing)
        if value is not None:
            sums[line.vat_rate] += value
    return sums


def _rate_split(rate: VatRate, amount: Decimal, pricing: Pricing) -> tuple[Decimal, Decimal]:
    """(net, vat) of one rate's total; VAT rounded once on the total."""
    pct = rate.percent
    if pricing is Pricing.NET:
        return amount, round_grosz(amount * pct / 100)
    vat = round_grosz(amount * pct / (100 + pct))
    return amount - vat, vat


def _bucket_sums(
    lines: Iterable[Line], pricing: Pricing, margin: bool
) -> dict[Bucket, tuple[Decimal, Decimal]]:
    result: dict[Bucket, tuple[Decimal, Decimal]] = {}
    for rate, amount in _per_rate(lines, pricing).items():
        if rate is None:
            if not margin:
                continue
            bucket, net, vat = Bucket.MARGIN, amount, _ZERO
        else:
            bucket = rate.bucket
            net, vat = _rate_split(rate, amount, pricing)
        old_net, old_vat = result.get(bucket, (_ZERO, _ZERO))
        result[bucket] = (old_net + net, old_vat + vat)
    return result


def exchange_rate_of(lines: Iterable[Line]) -> ExchangeRate | None:
    """The one exchange rate the lines share, if they state any."""
    rates = {line.exchange_rate for line in lines if line.exchange_rate is not None}
    if len(rates) != 1:
        return None
    return ExchangeRate(rates.pop())


def compute_totals(
    lines: Iterable[Line],
    pricing: Pricing,
    *,
    margin: bool = False,
    foreign_currency: bool = False,
) -> Totals:
    """Totals of the lines; "before" rows of a correction count negatively.

    Each side of a correction is totalled on its own, so the difference equals
    what the two invoices said, roundings included.
    """
    all_lines = tuple(lines)
    after = _bucket_sums((ln for ln in all_lines if not ln.before), pricing, margin)
    before = _bucket_sums((ln for ln in all_lines if ln.before), pricing, margin)
    rate = exchange_rate_of(all_lines) if foreign_currency else None
    buckets: dict[Bucket, BucketTotal] = {}
    due = _ZERO
    for bucket in BUCKET_ORDER:
        if bucket not in after and bucket not in before:
            continue
        net_a, vat_a = after.get(bucket, (_ZERO, _ZERO))
        net_b, vat_b = before.get(bucket, (_ZERO, _ZERO))
        net, vat = net_a - net_b, vat_a - vat_b
        due += net + vat
        if bucket.has_vat:
            vat_pln = rate.to_pln(vat) if rate is not None else None
            buckets[bucket] = BucketTotal(net, vat, vat_pln)
        else:
            buckets[bucket] = BucketTotal(net)
    return Totals(buckets, due)


def recalculate(document: Document) -> Document:
    """The document with every line value and total derived from quantities and prices."""
    lines = tuple(priced(line, document.pricing) for line in document.lines)
    totals = compute_totals(
        lines,
        document.pricing,
        margin=document.annotations.margin is not None,
        foreign_currency=document.is_foreign_currency,
    )
    return replace(document, lines=lines, totals=totals)
