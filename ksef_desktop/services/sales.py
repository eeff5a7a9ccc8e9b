"""The sales side of a session: register, customers, import and the print-approval wizard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ksef_desktop.domain.lifecycle import Lifecycle
from ksef_desktop.ksef.environments import TEST, KsefEnvironment
from ksef_desktop.services.connection import ClientSource
from ksef_desktop.services.customers import CustomerService
from ksef_desktop.services.importer import ImportService
from ksef_desktop.services.parameters import ParametersService
from ksef_desktop.services.printout import PrintoutService
from ksef_desktop.services.register import RegisterService, lifecycle_of
from ksef_desktop.services.sending import SendService, SendTiming, Unconfirmed
from ksef_desktop.services.wizard import PrintWizard, WizardServices, polish_printouts
from ksef_desktop.storage.customers import CustomerRepository
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.documents import DocumentRepository
from ksef_desktop.storage.register import RegisterQueries
from ksef_desktop.support.language import Language


@dataclass(frozen=True)
class SalesServices:
    register: RegisterService
    customers: CustomerService
    imports: ImportService
    wizard_services: WizardServices
    lifecycle: Callable[[], Lifecycle]

    def open_wizard(self, doc_id: str) -> PrintWizard:
        """A wizard over ``doc_id`` under the STATUS (ACTIVE) in force now."""
        return PrintWizard(self.wizard_services, doc_id, self.lifecycle())


def build_sales(
    db: Database,
    parameters: ParametersService,
    client: ClientSource,
    *,
    qr_environment: Callable[[], KsefEnvironment] = lambda: TEST,
    timing: SendTiming | None = None,
    on_unconfirmed: Unconfirmed | None = None,
    printout_language: Callable[[], Language] = polish_printouts,
) -> SalesServices:
    documents = DocumentRepository(db)
    lifecycle = lifecycle_of(parameters)
    register = RegisterService(documents, RegisterQueries(db), lifecycle)

    wizard = WizardServices(
        register,
        documents,
        SendService(documents, client, timing, on_unconfirmed),
        PrintoutService(qr_environment),
        printout_language,
    )
    return SalesServices(
        register,
        CustomerService(CustomerRepository(db)),
        ImportService(documents),
        wizard,
        lifecycle,
    )
