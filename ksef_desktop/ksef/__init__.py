"""KSeF API 2.0 port over the ksef-client library (auth, sessions, UPO, reads, QR links)."""

from ksef_desktop.ksef.environments import DEMO, PROD, TEST, KsefEnvironment
from ksef_desktop.ksef.outcomes import InvoiceOutcome, SessionUpo
from ksef_desktop.ksef.port import KsefPort, PortSettings

__all__ = [
    "DEMO",
    "PROD",
    "TEST",
    "InvoiceOutcome",
    "KsefEnvironment",
    "KsefPort",
    "PortSettings",
    "SessionUpo",
]
