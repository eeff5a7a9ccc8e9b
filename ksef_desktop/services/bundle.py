"""The services one desktop session uses, built by the composition root and handed to windows."""

from __future__ import annotations

from dataclasses import dataclass

from ksef_desktop.services.authorization import AuthorizationService
from ksef_desktop.services.awaiting import AwaitingService
from ksef_desktop.services.connection import ConnectionService
from ksef_desktop.services.parameters import ParametersService
from ksef_desktop.services.sales import SalesServices
from ksef_desktop.services.status import StatusService


@dataclass(frozen=True)
class Services:
    parameters: ParametersService
    authorization: AuthorizationService
    connection: ConnectionService
    status: StatusService
    sales: SalesServices  # register, customers, import, print-approval wizard
    awaiting: AwaitingService  # the outbox: AWAITING DOCUMENTS, resend, automatic retry
