"""How the register shows amounts, dates and statuses: Polish money, plain words, colours."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtGui import QColor

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.support.i18n import tr

#: Polish typography: a non-breaking space between thousands, a comma before the grosze.
THOUSANDS = "\u00a0"
DECIMAL = ","
NO_VALUE = "—"

STATUS_COLOURS: dict[Status, QColor] = {
    Status.DRAFT: QColor("#5f6368"),
    Status.VALID: QColor("#1a5fb4"),
    Status.APPROVED: QColor("#1a5fb4"),
    Status.SENT: QColor("#0b7285"),
    Status.ACCEPTED: QColor("#1b7f3b"),
    Status.AWAITING: QColor("#9a6700"),
    Status.REJECTED: QColor("#b00020"),
}


def money_text(amount: Decimal | None, currency: str = "PLN") -> str:
    """``1234.5`` → ``1 234,50``; a foreign currency keeps its code (``99,00 EUR``)."""
    if amount is None:
        return NO_VALUE
    text = f"{amount:,.2f}".replace(",", THOUSANDS).replace(".", DECIMAL)
    return text if currency == "PLN" else f"{text} {currency}"


def date_text(value: date) -> str:
    """ISO dates, as every other window of the application writes them."""
    return value.isoformat()


def status_text(status: Status) -> str:
    # The domain's label is English when it was imported before the catalog: look it up now.
    return tr(status.label)


def status_colour(status: Status) -> QColor:
    return STATUS_COLOURS[status]
