"""Amounts as Decimal, rounded to the grosz half-up, and the currency fields FA(3) needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.support.i18n import tr

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")
PLN = "PLN"

_CURRENCY = re.compile(r"[A-Z]{3}")


def round_grosz(value: Decimal) -> Decimal:
    """Round to two decimal places, half away from zero (the Polish rule)."""
    return value.quantize(GROSZ, rounding=ROUND_HALF_UP)


def to_decimal(value: Decimal | int | str, *, field: str | None = None) -> Decimal:
    """A finite Decimal from user or file input; ``,`` is accepted as decimal separator."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise InvalidValueError(
                tr("{value!r} is not a number.").format(value=value), field=field
            ) from None
    else:
        raise InvalidValueError(tr("{value!r} is not a number.").format(value=value), field=field)
    if not result.is_finite():
        raise InvalidValueError(tr("The amount must be a finite number."), field=field)
    return result


def check_currency(code: str) -> str:
    """An ISO 4217 alphabetic code in capitals (the FA(3) XSD checks the list)."""
    code = code.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise InvalidValueError(
            tr("{code!r} is not a currency code such as PLN or EUR.").format(code=code),
            field="currency",
        )
    return code


@dataclass(frozen=True)
class ExchangeRate:
    """A rate of one unit of foreign currency in PLN (up to 6 decimals, as FA(3) allows)."""

    rate: Decimal

    def __post_init__(self) -> None:
        if self.rate <= 0:
            raise InvalidValueError(tr("The exchange rate must be positive."), field="rate")
        if -self.rate.as_tuple().exponent > 6:  # type: ignore[operator]
            raise InvalidValueError(
                tr("The exchange rate may have at most 6 decimal places."), field="rate"
            )

    def to_pln(self, amount: Decimal) -> Decimal:
        return round_grosz(amount * self.rate)


@dataclass(frozen=True)
class RateDate:
    """An exchange rate together with the date of the table it was taken from."""

    rate: ExchangeRate
    on: date
