"""Prints how fast FA(3) documents are built, validated and parsed, against lxml's bare XSD check.

Targets (from the issue): build + validate of a typical 10-line invoice within
3x the time lxml alone needs to XSD-validate the same XML, and a 1,000-line
invoice built and validated in under 20 ms. Run: ``python benchmarks/fa3_throughput.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

from lxml import etree

from ksef_desktop.domain.document import Document, DocumentKind, Totals
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.party import Address, Party, TaxId
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.fa3 import build, parse, validate
from ksef_desktop.fa3.schema import lxml_schema

TODAY = date(2026, 11, 25)
_RATES = (VatRate.R23, VatRate.R8, VatRate.R5, VatRate.ZW)


def invoice(lines: int) -> Document:
    """A domestic invoice with ``lines`` priced lines over four VAT rates."""
    items = tuple(
        Line(
            number=i,
            name=f"Towar numer {i} z katalogu",
            quantity=Decimal(i % 7 + 1),
            unit="szt.",
            unit_price=Decimal("19.99") + Decimal(i) / 100,
            vat_rate=_RATES[i % len(_RATES)],
        )
        for i in range(1, lines + 1)
    )
    doc = Document(
        kind=DocumentKind.VAT,
        number=f"FV/2026/11/{lines:04d}",
        issue_date=date(2026, 11, 2),
        seller=Party(
            TaxId.nip("5261040828"),
            name="Cairo Software Sp. z o.o.",
            address=Address("PL", "ul. Prosta 51", "00-838 Warszawa"),
        ),
        buyer=Party(
            TaxId.nip("7740001454"),
            name="Hurtownia Budowlana Kowalski S.A.",
            address=Address("PL", "ul. Długa 7", "87-100 Toruń"),
        ),
        lines=items,
        totals=Totals({}, Decimal(0)),
        sale_date=date(2026, 11, 2),
        payment=Payment(
            method=PaymentMethod.TRANSFER,
            due=(DueTerm(on=date(2026, 11, 16)),),
            accounts=(BankAccount.checked("61 1090 1014 0000 0712 1981 2874"),),
        ),
        generated_at=datetime(2026, 11, 2, 9, 30, tzinfo=UTC),
        system_info="ksef-desktop benchmark",
    )
    return recalculate(doc)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches (compiled schema, imports)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(lines: int, repeat: int) -> dict[str, float]:
    document = invoice(lines)
    xml = build(document)
    problems = validate(xml, today=TODAY)
    if any(p.is_error for p in problems):
        raise SystemExit(f"the benchmark invoice is not valid: {problems}")
    schema = lxml_schema()
    tree = etree.fromstring(xml)
    return {
        "bytes": float(len(xml)),
        "build": median_ms(lambda: build(document), repeat),
        "validate": median_ms(lambda: validate(xml, today=TODAY), repeat),
        "build+validate": median_ms(lambda: validate(build(document), today=TODAY), repeat),
        "parse": median_ms(lambda: parse(xml), repeat),
        "lxml xsd (parsed tree)": median_ms(lambda: schema.validate(tree), repeat),
        "lxml parse+xsd": median_ms(lambda: schema.validate(etree.fromstring(xml)), repeat),
    }


def main() -> None:
    typical = measure(10, repeat=300)
    large = measure(1000, repeat=40)
    print(f"{'':24}{'10 lines':>12}{'1,000 lines':>14}")
    for key in typical:
        unit = "" if key == "bytes" else " ms"
        print(f"{key:24}{typical[key]:>9.3f}{unit:3}{large[key]:>11.3f}{unit:3}")
    floor = typical["lxml parse+xsd"]
    ratio = typical["build+validate"] / floor
    print()
    print(
        f"typical build+validate / lxml parse+XSD floor: {ratio:.2f}x "
        f"(target <= 3x: {'met' if ratio <= 3 else 'NOT met'})"
    )
    ratio_tree = typical["build+validate"] / typical["lxml xsd (parsed tree)"]
    print(f"typical build+validate / lxml XSD of a parsed tree: {ratio_tree:.2f}x")
    for label, figures in (("typical", typical), ("1,000-line", large)):
        share = figures["validate"] / figures["lxml parse+xsd"]
        print(f"{label} validate alone / lxml parse+XSD floor: {share:.2f}x")
    big = large["build+validate"]
    print(
        f"1,000-line build+validate: {big:.2f} ms "
        f"(target < 20 ms: {'met' if big < 20 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
