"""A change feed for live views: a version that grows with every outbox change, plus callbacks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

Listener = Callable[[int], None]


class ChangeFeed:
    """Lists compare ``version`` with the one they loaded; listeners hear each bump.

    Listeners run on the thread that made the change (often a worker): the Qt
    side forwards them through a queued signal, never touching widgets here.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = 0
        self._listeners: list[Listener] = []

    @property
    def version(self) -> int:
        return self._version

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(version)`` after each change; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def bump(self) -> int:
        with self._lock:
            self._version += 1
            version = self._version
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(version)
            except Exception:  # one broken view must not stop the others or the operation
                log.exception("a change listener failed")
        return version
