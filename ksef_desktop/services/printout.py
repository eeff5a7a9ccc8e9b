"""Step 5: the printout model, everything the print visualisation needs and no Qt.

The KOD I link is built from the FA(3) XML as the WS delivered it when the
register has it (its SHA-256 is what KSeF knows); before that, from the XML of
the locked content. It is labelled with the KSeF number, or ``OFFLINE``.
Beside the interface labels the model carries the domain values themselves
(document kind, copy kind, VAT rate codes, payment method) and the printout
language, so the visualisation words them in that language whatever the
language of the screens.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import segno

from ksef_desktop import fa3
from ksef_desktop.domain.document import Document, DocumentKind
from ksef_desktop.domain.lifecycle import Lifecycle
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.party import IdKind, Party
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.domain.totals import compute_totals
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.ksef.environments import KsefEnvironment
from ksef_desktop.ksef.qr import OFFLINE_LABEL, VerificationLinks
from ksef_desktop.services.printdata import CopyKind, Output, PrintData
from ksef_desktop.storage.documents import StoredDocument
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.language import Language


@dataclass(frozen=True)
class PrintParty:
    name: str
    tax_id: str  # "NIP 5261040828", an EU VAT number, or empty for a consumer
    address: tuple[str, ...]


@dataclass(frozen=True)
class PrintLine:
    number: int
    name: str
    quantity: Decimal | None
    unit: str
    unit_price: Decimal | None
    discount: Decimal | None
    vat_rate: str
    value: Decimal | None  # net or gross, by the document's pricing
    before: bool  # a correction's "before" row
    rate_code: VatRate | None = None


@dataclass(frozen=True)
class VatRow:
    rate: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    rate_code: VatRate | None = None  # None: the margin scheme's row


@dataclass(frozen=True)
class PrintPayment:
    method: str
    due_date: date | None
    bank_account: str | None
    bank_name: str | None
    paid_on: date | None
    method_code: PaymentMethod | None = None  # None: ``method`` is the document's own text


@dataclass(frozen=True)
class QrCode:
    """KOD I: the link, its label and the module matrix (True = dark) to paint."""

    link: str
    label: str
    matrix: tuple[tuple[bool, ...], ...]


@dataclass(frozen=True)
class Printout:
    title: str
    number: str
    copy_label: str
    copies: int
    output: Output
    issue_date: date
    sale_date: date | None
    place_of_issue: str | None
    seller: PrintParty
    buyer: PrintParty
    pricing: str
    currency: str
    lines: tuple[PrintLine, ...]
    vat_summary: tuple[VatRow, ...]
    net: Decimal
    vat: Decimal
    gross: Decimal
    payment: PrintPayment | None
    notes: tuple[str, ...]
    ksef_number: str | None
    qr: QrCode | None
    kind: DocumentKind = DocumentKind.VAT
    copy_kind: CopyKind = CopyKind.ORIGINAL
    language: Language = Language.PL


def _party(party: Party) -> PrintParty:
    tid = party.tax_id
    text = f"NIP {tid.value}" if tid.kind is IdKind.NIP else tid.display()
    address: tuple[str, ...] = ()
    if party.address is not None:
        a = party.address
        country = a.country if a.country != "PL" else None
        address = tuple(x for x in (a.line1, a.line2, country) if x)
    return PrintParty(party.name or "", text, address)


def _lines(document: Document) -> tuple[PrintLine, ...]:
    return tuple(
        PrintLine(
            number=ln.number,
            name=ln.name or "",
            quantity=ln.quantity,
            unit=ln.unit or "",
            unit_price=ln.unit_price,
            discount=ln.discount,
            vat_rate=ln.vat_rate.label if ln.vat_rate else "",
            value=ln.value(document.pricing),
            before=ln.before,
            rate_code=ln.vat_rate,
        )
        for ln in document.lines
    )


def vat_summary(document: Document) -> tuple[VatRow, ...]:
    """Net, VAT and gross per rate, each rate totalled the way the invoice totals are."""
    by_rate: dict[VatRate | None, list[Line]] = defaultdict(list)
    for line in document.lines:
        by_rate[line.vat_rate].append(line)
    margin = document.annotations.margin is not None
    rows = []
    for rate in [r for r in VatRate if r in by_rate] + ([None] if None in by_rate else []):
        totals = compute_totals(by_rate[rate], document.pricing, margin=margin)
        if not totals.buckets:
            continue
        label = rate.label if rate is not None else tr("margin scheme")
        rows.append(VatRow(label, totals.net, totals.vat, totals.due, rate))
    return tuple(rows)


def _payment(document: Document) -> PrintPayment | None:
    p = document.payment
    if p is None:
        return None
    method = p.method.label if p.method is not None else (p.other_method or "")
    due = next((t.on for t in p.due if t.on is not None), None)
    account = p.accounts[0] if p.accounts else None
    return PrintPayment(
        method,
        due,
        account.number if account else None,
        account.bank_name if account else None,
        p.paid_on,
        p.method,
    )


def _notes(document: Document) -> tuple[str, ...]:
    notes = list(document.footer.texts) if document.footer else []
    notes += [f"{info.key}: {info.value}" for info in document.additional_info]
    return tuple(notes)


def qr_matrix(link: str) -> tuple[tuple[bool, ...], ...]:
    code = segno.make(link, error="m", micro=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


class PrintoutService:
    """Builds printouts; the QR host follows the KSeF environment the WS delivers to."""

    def __init__(self, environment: Callable[[], KsefEnvironment]) -> None:
        self._environment = environment

    def build(
        self, stored: StoredDocument, lifecycle: Lifecycle, data: PrintData | None = None
    ) -> Printout:
        """The printout of an approved document; refused where printing is not allowed yet."""
        lifecycle.check_print(stored.status)
        document = stored.content()
        data = data or PrintData()
        qr = self._qr(stored, document) if lifecycle.ksef_active else None
        return Printout(
            title=document.kind.label,
            number=document.number or "",
            copy_label=data.copy_kind.label,
            copies=data.copies,
            output=data.output,
            issue_date=document.issue_date,
            sale_date=document.sale_date,
            place_of_issue=document.place_of_issue,
            seller=_party(document.seller),
            buyer=_party(document.buyer),
            pricing=document.pricing.value,
            currency=document.currency,
            lines=_lines(document),
            vat_summary=vat_summary(document),
            net=document.totals.net,
            vat=document.totals.vat,
            gross=document.totals.due,
            payment=_payment(document),
            notes=_notes(document),
            ksef_number=stored.meta.ksef_number,
            qr=qr,
            kind=document.kind,
            copy_kind=data.copy_kind,
            language=data.language,
        )

    def _qr(self, stored: StoredDocument, document: Document) -> QrCode | None:
        seller_nip = document.seller.nip
        if seller_nip is None:
            return None
        xml = stored.fa3 or fa3.build(document)
        links = VerificationLinks(self._environment())
        link = links.invoice_link(seller_nip, document.issue_date, xml)
        label = stored.meta.ksef_number or OFFLINE_LABEL
        return QrCode(link, label, qr_matrix(link))
