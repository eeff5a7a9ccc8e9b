"""How the register shows dates and statuses: plain words, colours (amounts: ui.common.amounts)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.support.i18n import tr

STATUS_COLOURS: dict[Status, QColor] = {
    Status.DRAFT: QColor("#5f6368"),
    Status.VALID: QColor("#1a5fb4"),
    Status.APPROVED: QColor("#1a5fb4"),
    Status.SENT: QColor("#0b7285"),
    Status.ACCEPTED: QColor("#1b7f3b"),
    Status.AWAITING: QColor("#9a6700"),
    Status.REJECTED: QColor("#b00020"),
}


def date_text(value: date) -> str:
    """ISO dates, as every other window of the application writes them."""
    return value.isoformat()


def status_text(status: Status) -> str:
    # The domain's label is English when it was imported before the catalog: look it up now.
    return tr(status.label)


def status_colour(status: Status) -> QColor:
    return STATUS_COLOURS[status]
