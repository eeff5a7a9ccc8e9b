"""Cancel tokens and progress callbacks accepted by every long-running service operation."""

from __future__ import annotations

import threading
from collections.abc import Callable

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.support.i18n import tr

#: Reports a short, user-readable description of the step now running.
Progress = Callable[[str], None]


def no_progress(_message: str) -> None:
    """A progress callback for callers that show none."""


class CancelledError(KsefDesktopError):
    """The person asked to stop; whatever the operation was doing is abandoned."""

    code = "cancelled"

    def __init__(self) -> None:
        super().__init__(tr("Cancelled."))


class CancelToken:
    """Set from the GUI thread, checked by the operation between its steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking at once on cancel; True when cancelled."""
        return self._event.wait(seconds)

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise CancelledError
