"""Prints how fast FA(3) documents are built, validated and parsed, against lxml's bare XSD check.

Targets (from the issue):

1. build + validate of a typical 10-line invoice within 3x the floor, the time
   lxml alone needs to parse and XSD-validate the same pre-built XML bytes;
2. a 1,000-line invoice built and validated in under 20 ms.

Parse times are printed too (no target). The machine may be shared, so every
figure is the median of a round, and the quietest of several rounds is kept.
Run: ``python benchmarks/fa3_throughput.py [--rounds N]``.
"""

from __future__ import annotations

import argparse
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
FLOOR_FACTOR = 3.0
LARGE_LIMIT_MS = 20.0


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


def quiet_ms(action: Callable[[], object], calls: int, rounds: int) -> float:
    """Milliseconds per call: the median of each round, the lowest over the rounds."""
    action()  # warm caches (compiled schema, imports)
    best = float("inf")
    for _ in range(rounds):
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        best = min(best, statistics.median(times))
    return best * 1000


def measure(lines: int, calls: int, rounds: int) -> dict[str, float]:
    document = invoice(lines)
    xml = build(document)
    problems = validate(xml, today=TODAY)
    if problems:
        raise SystemExit(f"the benchmark invoice is not clean: {problems}")
    if build(parse(xml)) != xml:
        raise SystemExit("the benchmark invoice does not survive parse and build")
    schema = lxml_schema()
    tree = etree.fromstring(xml)

    def timed(action: Callable[[], object], share: int = 1) -> float:
        return quiet_ms(action, max(calls // share, 3), rounds)

    return {
        "kB of XML": len(xml) / 1000,
        "build": timed(lambda: build(document)),
        "validate": timed(lambda: validate(xml, today=TODAY)),
        "build+validate": timed(lambda: validate(build(document), today=TODAY)),
        "parse": timed(lambda: parse(xml), share=4),
        "lxml parse+XSD (floor)": timed(lambda: schema.validate(etree.fromstring(xml))),
        "lxml XSD of a parsed tree": timed(lambda: schema.validate(tree)),
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per figure (default 5)")
    rounds = parser.parse_args().rounds
    typical = measure(10, calls=200, rounds=rounds)
    large = measure(1000, calls=12, rounds=rounds)

    print(f"{'':28}{'10 lines':>12}{'1,000 lines':>14}")
    for key in typical:
        unit = "" if key.startswith("kB") else " ms"
        print(f"{key:28}{typical[key]:>9.3f}{unit:3}{large[key]:>11.3f}{unit:3}")

    floor = typical["lxml parse+XSD (floor)"]
    small = typical["build+validate"]
    budget = FLOOR_FACTOR * floor
    print()
    print(
        f"target 1  10-line build+validate {small:.3f} ms = {small / floor:.2f}x the floor "
        f"{floor:.3f} ms; budget {FLOOR_FACTOR:g}x = {budget:.3f} ms: {verdict(small <= budget)}"
    )
    big = large["build+validate"]
    print(
        f"target 2  1,000-line build+validate {big:.2f} ms; budget {LARGE_LIMIT_MS:g} ms: "
        f"{verdict(big < LARGE_LIMIT_MS)}"
    )
    print()
    for label, figures in (("10-line", typical), ("1,000-line", large)):
        ratio = figures["validate"] / figures["lxml parse+XSD (floor)"]
        print(f"{label} validate alone / floor: {ratio:.2f}x")


if __name__ == "__main__":
    main()
