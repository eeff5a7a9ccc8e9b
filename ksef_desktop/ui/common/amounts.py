"""How every window writes amounts: Polish typography, the same in each table and form.

A non-breaking space between thousands and a comma before the grosze
(``1 234,50``). Columns of Polish złoty leave the currency out; another currency
keeps its code (``99,00 EUR``).
"""

from __future__ import annotations

from decimal import Decimal

THOUSANDS = "\u00a0"
DECIMAL = ","
NO_VALUE = "—"


def amount_text(value: Decimal | None) -> str:
    """``1234.5`` → ``1 234,50``; nothing for no value."""
    if value is None:
        return ""
    return f"{value:,.2f}".replace(",", THOUSANDS).replace(".", DECIMAL)


def money_text(value: Decimal | None, currency: str = "PLN") -> str:
    """An amount in a table column: złoty bare, another currency with its code."""
    if value is None:
        return NO_VALUE
    text = amount_text(value)
    return text if currency == "PLN" else f"{text} {currency}"


def decimal_text(value: Decimal | None) -> str:
    """A quantity or unit price as entered (all its places), with a decimal comma."""
    return f"{value or 0:f}".replace(".", DECIMAL)
