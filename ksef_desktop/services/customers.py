"""The customer list as a service: NIP checked by the domain, records turned into buyers."""

from __future__ import annotations

from dataclasses import dataclass

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.domain.party import Address, Contact, Party, TaxId
from ksef_desktop.storage.customers import CustomerRecord, CustomerRepository
from ksef_desktop.support.i18n import tr

__all__ = ["CustomerInput", "CustomerRecord", "CustomerService"]


@dataclass(frozen=True)
class CustomerInput:
    """What the customer form submits; ``id`` 0 adds a new customer."""

    name: str
    line1: str
    nip: str = ""
    line2: str = ""
    country: str = "PL"
    email: str = ""
    id: int = 0


class CustomerService:
    def __init__(self, repository: CustomerRepository) -> None:
        self._repository = repository

    def save(self, data: CustomerInput) -> CustomerRecord:
        """Validate and store; raises :class:`InvalidValueError` naming the form field."""
        name = data.name.strip()
        if not name:
            raise InvalidValueError(tr("Enter the customer's name."), field="name")
        address = Address(data.country or "PL", data.line1, data.line2.strip() or None)
        nip = normalize_nip(data.nip) if data.nip.strip() else None
        if nip is not None and address.country != "PL":
            raise InvalidValueError(
                tr("A NIP identifies a Polish customer; the country must be PL."),
                field="country",
            )
        email = data.email.strip() or None
        if email is not None:
            Contact(email=email)  # the domain's e-mail check
        record = CustomerRecord(
            data.id, nip, name, address.line1, address.line2, address.country, email
        )
        customer_id = self._repository.save(record)
        return CustomerRecord(customer_id, *_fields(record))

    def search(self, text: str = "", limit: int = 50) -> list[CustomerRecord]:
        return self._repository.search(text, limit)

    def get(self, customer_id: int) -> CustomerRecord | None:
        return self._repository.get(customer_id)

    def by_nip(self, nip: str) -> CustomerRecord | None:
        return self._repository.by_nip(normalize_nip(nip))

    def delete(self, customer_id: int) -> None:
        self._repository.delete(customer_id)

    @staticmethod
    def buyer(record: CustomerRecord) -> Party:
        """The buyer the editor puts on a document for this customer."""
        tax_id = TaxId.nip(record.nip) if record.nip else TaxId.none()
        contacts = (Contact(email=record.email),) if record.email else ()
        return Party(
            tax_id,
            name=record.name,
            address=Address(record.country, record.line1, record.line2),
            contacts=contacts,
        )


def _fields(record: CustomerRecord) -> tuple[str | None, str, str, str | None, str, str | None]:
    return (record.nip, record.name, record.line1, record.line2, record.country, record.email)
