"""Picking the buyer from the customer list (ERP > SALES > CUSTOMERS, opened as a picker)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ksef_desktop.services.bundle import Services
from ksef_desktop.services.customers import CustomerRecord
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.customers import CustomerPicker

OnPicked = Callable[[CustomerRecord], None]


def open_picker(
    services: Services, runner: TaskRunner, parent: QWidget, on_picked: OnPicked
) -> QWidget:
    """Open the customer list as a picker; ``on_picked`` runs only when one is chosen."""

    def answered(record: CustomerRecord | None) -> None:
        if record is not None:  # None: the person cancelled
            on_picked(record)

    return CustomerPicker.pick(services, runner, parent, answered)
