"""What the editor needs from the register, read off the GUI thread: the document and choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ksef_desktop.domain.document import Document, DocumentKind, Totals
from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.domain.identifiers import is_valid_nip
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.domain.party import Party, TaxId
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.register import RegisterFilter, RegisterRow
from ksef_desktop.support.i18n import tr

#: Invoices a correction may refer to: KSeF has (or is about to have) them.
CORRECTABLE = frozenset({Status.ACCEPTED, Status.SENT})


@dataclass(frozen=True)
class Loaded:
    document: Document
    status: Status
    number_text: str
    reason: str | None
    candidates: list[RegisterRow]


@dataclass(frozen=True)
class Original:
    """The invoice picked for correcting."""

    document: Document
    ksef_number: str | None


def _seller(services: Services) -> Party:
    """The company: the seller of the latest document with the COMPANY NIP, else the NIP alone."""
    nip = services.parameters.load().company_nip
    register = services.sales.register
    for doc_id in register.ids(limit=20):
        document = register.get(doc_id).document
        if document is not None and document.seller.nip and document.seller.nip == nip:
            return document.seller
    return Party(TaxId.nip(nip) if is_valid_nip(nip) else TaxId.none())


def new_document(services: Services, today: date) -> Document:
    return Document(
        kind=DocumentKind.VAT,
        number=None,
        issue_date=today,
        seller=_seller(services),
        buyer=Party(TaxId.none()),
        lines=(),
        totals=Totals({}, Decimal(0)),
        sale_date=today,
    )


def candidates(services: Services, exclude: str | None) -> list[RegisterRow]:
    register = services.sales.register
    flt = RegisterFilter(statuses=CORRECTABLE)
    return [r for r in register.rows(register.ids(flt, limit=500)) if r.id != exclude]


def load(services: Services, doc_id: str | None, today: date) -> Loaded:
    register = services.sales.register
    if doc_id is None:
        return Loaded(
            new_document(services, today),
            Status.DRAFT,
            tr("assigned at approval"),
            None,
            candidates(services, None),
        )
    stored = register.get(doc_id)
    document = stored.content()
    number = stored.meta.number or document.number
    if number is None:
        try:
            preview = register.number_preview(doc_id)
        except KsefDesktopError:
            preview = "?"
        number_text = tr("assigned at approval (now it would be {number})").format(number=preview)
    else:
        number_text = number
    return Loaded(
        document, stored.status, number_text, stored.meta.reason, candidates(services, doc_id)
    )


def original(services: Services, doc_id: str) -> Original:
    stored = services.sales.register.get(doc_id)
    return Original(stored.content(), stored.meta.ksef_number)
