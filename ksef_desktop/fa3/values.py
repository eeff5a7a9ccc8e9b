"""Text forms of FA(3) values: amounts, prices, quantities, dates and flags, both directions."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation, getcontext
from typing import Any, TypeVar

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.support.i18n import tr

_E = TypeVar("_E", bound=enum.IntEnum)

_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")


def _plain(value: Decimal, min_places: int, max_places: int, max_int_digits: int) -> str:
    """``value`` without exponent, with ``min_places``..``max_places`` decimals.

    Trailing zeros beyond ``min_places`` are dropped, so the same number always
    gives the same text whatever precision the Decimal carried.
    """
    # String work on the exact digits is several times cheaper than normalize()
    # and quantize(), and this runs for every amount of every line. Most values
    # already have their final form, which str() gives when it uses no exponent;
    # that case is decided first, by string tests only: a text with a point is a
    # finite number, one of digits alone is a non-negative integer, and the
    # characters before the point (sign included) bound the integer digits.
    # Anything else (signed integers, zero with a sign...) takes the long way.
    text = str(value)
    point = text.find(".")
    if point < 0:
        if (
            not min_places
            and text.isdigit()
            and len(text) <= max_int_digits
            and len(text) <= getcontext().prec
        ):
            return text
    else:
        places = len(text) - point - 1
        if (
            min_places <= places <= max_places
            and (places == min_places or text[-1] != "0")
            and point <= max_int_digits
            and "E" not in text
            and value  # not zero, which may carry a sign to drop
            and len(text) <= getcontext().prec
        ):
            return text
    if not value.is_finite():
        raise InvalidValueError(tr("{value} is not a finite number.").format(value=value))
    if value.adjusted() >= max_int_digits:
        raise InvalidValueError(
            tr("{value} has more than {n} digits before the decimal point.").format(
                value=value, n=max_int_digits
            )
        )
    whole, _, fraction = f"{value.copy_abs():f}".partition(".")
    if len(whole) + len(fraction) > getcontext().prec:
        return _plain_in_context(value, min_places=min_places, max_places=max_places)
    fraction = fraction.rstrip("0")
    if len(fraction) > max_places:
        raise InvalidValueError(
            tr("{value} has more than {n} decimal places.").format(value=value, n=max_places)
        )
    if len(fraction) < min_places:
        fraction += "0" * (min_places - len(fraction))
    text = f"{whole}.{fraction}" if fraction else whole
    return "-" + text if value < 0 else text


def _plain_in_context(value: Decimal, *, min_places: int, max_places: int) -> str:
    """The same for a value of more digits than the decimal context's precision.

    normalize() rounds such a value to the context's precision before dropping
    trailing zeros; this keeps that (long-standing) behaviour for the rare value
    that needs it.
    """
    exponent = int(value.normalize().as_tuple().exponent)  # finite, so an int
    places = max(-exponent, min_places)
    if places > max_places:
        raise InvalidValueError(
            tr("{value} has more than {n} decimal places.").format(value=value, n=max_places)
        )
    text = f"{value.quantize(Decimal(1).scaleb(-places)).copy_abs():f}"
    negative = value < 0 and any(ch not in "0." for ch in text)
    return "-" + text if negative else text


def amount(value: Decimal) -> str:
    """TKwotowy: exactly two decimal places."""
    # The common case inline, a narrower form of _plain's first test: a point
    # third from the end means two places and no exponent, and 19 characters
    # hold at most 16 integer digits.
    text = str(value)
    if text[-3:-2] == "." and len(text) <= 19 and value and len(text) <= getcontext().prec:
        return text
    return _plain(value, 2, 2, 16)


def price(value: Decimal) -> str:
    """TKwotowy2: at least two and at most eight decimal places."""
    text = str(value)  # a whole-cent price inline, as amount() does
    if text[-3:-2] == "." and len(text) <= 17 and value and len(text) <= getcontext().prec:
        return text
    return _plain(value, 2, 8, 14)


def quantity(value: Decimal) -> str:
    """TIlosci (quantities, exchange rates): up to six decimal places, no trailing zeros."""
    text = str(value)  # a whole quantity inline: digits alone are a plain integer
    if text.isdigit() and len(text) <= 16 and len(text) <= getcontext().prec:
        return text
    return _plain(value, 0, 6, 16)


def percent(value: Decimal) -> str:
    """TProcentowy (Udzial, P_12_XII): up to six decimal places."""
    return _plain(value, 0, 6, 3)


def read_decimal(text: str) -> Decimal:
    cleaned = text.strip()
    if not _DECIMAL.fullmatch(cleaned):
        raise InvalidValueError(tr("{text!r} is not a plain decimal number.").format(text=text))
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise InvalidValueError(tr("{text!r} is not a number.").format(text=text)) from None


def read_date(text: str) -> date:
    cleaned = text.strip()
    if not _DATE.fullmatch(cleaned):
        raise InvalidValueError(tr("{text!r} is not a date (YYYY-MM-DD).").format(text=text))
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise InvalidValueError(tr("{text!r} is not a calendar date.").format(text=text)) from None


def write_datetime(value: datetime) -> str:
    """UTC with ``Z`` for an aware value; a naive value is written as it is, without a zone."""
    suffix = ""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
        suffix = "Z"
    spec = "microseconds" if value.microsecond else "seconds"
    return value.isoformat(timespec=spec) + suffix


def read_datetime(text: str) -> datetime:
    cleaned = text.strip()
    if not _DATETIME.fullmatch(cleaned):
        raise InvalidValueError(tr("{text!r} is not a date and time.").format(text=text))
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        raise InvalidValueError(
            tr("{text!r} is not a valid date and time.").format(text=text)
        ) from None


def read_int(text: str) -> int:
    cleaned = text.strip()
    if not re.fullmatch(r"-?\d{1,18}", cleaned):
        raise InvalidValueError(tr("{text!r} is not a whole number.").format(text=text))
    return int(cleaned)


def write_flag(value: bool) -> str | None:
    """TWybor1: the element holds 1 when set and is left out otherwise."""
    return "1" if value else None


def read_flag(text: str) -> bool:
    if text.strip() != "1":
        raise InvalidValueError(tr("{text!r}: this marker may only be 1.").format(text=text))
    return True


def write_yes_no(value: bool) -> str:
    """TWybor1_2: 1 for yes, 2 for no."""
    return "1" if value else "2"


def read_yes_no(text: str) -> bool:
    cleaned = text.strip()
    if cleaned not in ("1", "2"):
        raise InvalidValueError(tr("{text!r} is neither 1 (yes) nor 2 (no).").format(text=text))
    return cleaned == "1"


def read_vat_rate(text: str) -> VatRate:
    try:
        return VatRate(text.strip())
    except ValueError:
        raise InvalidValueError(
            tr("{text!r} is not a P_12 VAT rate code of FA(3).").format(text=text)
        ) from None


def read_int_enum(cls: type[_E], text: str) -> _E:
    try:
        return cls(read_int(text))
    except ValueError:
        raise InvalidValueError(
            tr("{text!r} is not one of the allowed codes ({codes}).").format(
                text=text, codes=", ".join(str(m.value) for m in cls)
            )
        ) from None


@dataclass(frozen=True)
class Codec:
    """How one kind of value becomes element text and back; ``write`` None leaves it out.

    ``plain``: what ``write`` returns (digits, dates, codes) never needs XML
    escaping or checking, so the builder can skip that for it.
    """

    write: Callable[[Any], str | None]
    read: Callable[[str], Any]
    plain: bool = True


TEXT = Codec(str, str, plain=False)
INT = Codec(str, read_int)
DATE = Codec(date.isoformat, read_date)
AMOUNT = Codec(amount, read_decimal)
PRICE = Codec(price, read_decimal)
QUANTITY = Codec(quantity, read_decimal)
PERCENT = Codec(percent, read_decimal)
FLAG = Codec(write_flag, read_flag)
YES_NO = Codec(write_yes_no, read_yes_no)
VAT_RATE = Codec(str, read_vat_rate)  # VatRate is a StrEnum: str() gives its code
