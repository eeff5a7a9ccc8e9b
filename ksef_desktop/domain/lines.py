"""Invoice lines (FaWiersz) and order lines (ZamowienieWiersz) with their computed values."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.money import round_grosz
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.support.i18n import tr


class Pricing(enum.StrEnum):
    """Whether unit prices are net (P_9A, P_11) or gross (P_9B, P_11A)."""

    NET = "net"
    GROSS = "gross"


@dataclass(frozen=True)
class Line:
    """One line of goods or services.

    ``net_value`` / ``gross_value`` are the amounts the document states (P_11 /
    P_11A); :func:`priced` computes them from quantity, price and discount, and a
    parsed document keeps what its XML said, so the validator can compare.
    """

    number: int
    name: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None  # net or gross, by the document's pricing
    discount: Decimal | None = None  # P_10: an amount not already in the price
    vat_rate: VatRate | None = None
    net_value: Decimal | None = None
    gross_value: Decimal | None = None
    vat_amount: Decimal | None = None  # P_11Vat, art. 106e(10) cases
    uu_id: str | None = None
    delivery_date: date | None = None  # P_6A
    index: str | None = None
    gtin: str | None = None
    pkwiu: str | None = None
    cn: str | None = None
    pkob: str | None = None
    oss_rate: Decimal | None = None  # P_12_XII
    annex15: bool = False  # P_12_Zal_15
    excise: Decimal | None = None
    gtu: str | None = None
    procedure: str | None = None
    exchange_rate: Decimal | None = None  # KursWaluty
    before: bool = False  # StanPrzed: a "before" row on a correction

    def __post_init__(self) -> None:
        if self.number < 1:
            raise InvalidValueError(tr("Line numbers start at 1."), field="lines")
        if self.quantity is not None and -self.quantity.as_tuple().exponent > 6:  # type: ignore[operator]
            raise InvalidValueError(
                tr("A quantity may have at most 6 decimal places."), field="quantity"
            )
        if self.unit_price is not None and -self.unit_price.as_tuple().exponent > 8:  # type: ignore[operator]
            raise InvalidValueError(
                tr("A unit price may have at most 8 decimal places."), field="unit_price"
            )

    def value(self, pricing: Pricing) -> Decimal | None:
        """The stated line value in the document's pricing method."""
        return self.net_value if pricing is Pricing.NET else self.gross_value


def line_value(quantity: Decimal, unit_price: Decimal, discount: Decimal | None) -> Decimal:
    """Quantity times price, less the discount, rounded to the grosz."""
    return round_grosz(quantity * unit_price - (discount or Decimal(0)))


def priced(line: Line, pricing: Pricing) -> Line:
    """The line with its value recomputed from quantity, price and discount.

    A line without a quantity or price (a simplified invoice may list just a
    name) keeps the value it states.
    """
    if line.quantity is None or line.unit_price is None:
        return line
    value = line_value(line.quantity, line.unit_price, line.discount)
    if pricing is Pricing.NET:
        if line.gross_value is None and _same(line.net_value, value):
            return line  # priced already (a copy would be equal, only slower)
        return replace(line, net_value=value, gross_value=None)
    if line.net_value is None and _same(line.gross_value, value):
        return line
    return replace(line, gross_value=value, net_value=None)


def _same(stated: Decimal | None, value: Decimal) -> bool:
    """Equal and written the same (2.5 and 2.50 are equal, but print differently)."""
    return stated is not None and stated == value and stated.as_tuple() == value.as_tuple()
