"""A sales document: its FA(3) kind, annotations, per-bucket totals and content."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import (
    AdditionalInfo,
    AdvanceInvoiceRef,
    AdvancePart,
    Attachment,
    Correction,
    Footer,
    Order,
    Settlement,
    TransactionTerms,
)
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.domain.money import PLN, check_currency
from ksef_desktop.domain.party import Party, ThirdParty
from ksef_desktop.domain.payment import Payment
from ksef_desktop.domain.vat import Bucket
from ksef_desktop.support.i18n import tr


class DocumentKind(enum.StrEnum):
    """RodzajFaktury."""

    VAT = "VAT"
    KOR = "KOR"
    ZAL = "ZAL"
    ROZ = "ROZ"
    UPR = "UPR"
    KOR_ZAL = "KOR_ZAL"
    KOR_ROZ = "KOR_ROZ"

    @property
    def is_correction(self) -> bool:
        return self in (DocumentKind.KOR, DocumentKind.KOR_ZAL, DocumentKind.KOR_ROZ)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    DocumentKind.VAT: tr("VAT invoice"),
    DocumentKind.KOR: tr("correction invoice"),
    DocumentKind.ZAL: tr("advance invoice"),
    DocumentKind.ROZ: tr("settlement invoice"),
    DocumentKind.UPR: tr("simplified invoice"),
    DocumentKind.KOR_ZAL: tr("correction of an advance invoice"),
    DocumentKind.KOR_ROZ: tr("correction of a settlement invoice"),
}


class ExemptionBasis(enum.StrEnum):
    """Which legal basis of an exempt supply is cited (P_19A / P_19B / P_19C)."""

    POLISH_ACT = "A"
    EU_DIRECTIVE = "B"
    OTHER = "C"


class MarginScheme(enum.StrEnum):
    """P_PMarzy_*: which margin scheme applies."""

    TRAVEL = "2"
    USED_GOODS = "3_1"
    ART = "3_2"
    ANTIQUES = "3_3"


@dataclass(frozen=True)
class Annotations:
    """Adnotacje; the defaults are those of a plain domestic invoice."""

    cash_accounting: bool = False  # P_16
    self_billing: bool = False  # P_17
    reverse_charge: bool = False  # P_18
    split_payment: bool = False  # P_18A
    exemption: tuple[ExemptionBasis, str] | None = None  # P_19 + basis text
    triangular: bool = False  # P_23
    margin: MarginScheme | None = None


@dataclass(frozen=True)
class BucketTotal:
    net: Decimal
    vat: Decimal | None = None
    vat_pln: Decimal | None = None  # P_14_xW on foreign-currency invoices


@dataclass(frozen=True)
class Totals:
    """Per-bucket totals (P_13_x, P_14_x, P_14_xW) and the amount due (P_15)."""

    buckets: Mapping[Bucket, BucketTotal]
    due: Decimal

    @property
    def net(self) -> Decimal:
        return sum((b.net for b in self.buckets.values()), Decimal(0))

    @property
    def vat(self) -> Decimal:
        return sum((b.vat or Decimal(0) for b in self.buckets.values()), Decimal(0))


@dataclass(frozen=True)
class Document:
    """The content of one sales document, as it is (or will be) in FA(3).

    Amounts are stated values; :func:`ksef_desktop.domain.totals.recalculate`
    derives them from the lines, and the FA(3) validator checks a parsed
    document's amounts against its lines.
    """

    kind: DocumentKind
    number: str | None
    issue_date: date
    seller: Party
    buyer: Party
    lines: tuple[Line, ...]
    totals: Totals
    currency: str = PLN
    pricing: Pricing = Pricing.NET
    place_of_issue: str | None = None
    sale_date: date | None = None  # P_6
    period: tuple[date, date] | None = None  # OkresFa
    third_parties: tuple[ThirdParty, ...] = ()
    annotations: Annotations = field(default_factory=Annotations)
    payment: Payment | None = None
    correction: Correction | None = None
    advance_rate: Decimal | None = None  # KursWalutyZ
    advance_parts: tuple[AdvancePart, ...] = ()
    advance_invoices: tuple[AdvanceInvoiceRef, ...] = ()
    order: Order | None = None
    settlement: Settlement | None = None
    terms: TransactionTerms | None = None
    footer: Footer | None = None
    attachment: Attachment | None = None
    additional_info: tuple[AdditionalInfo, ...] = ()
    dispatch_notes: tuple[str, ...] = ()  # WZ
    receipt_based: bool = False  # FP
    related_parties: bool = False  # TP
    excise_refund: bool = False  # ZwrotAkcyzy
    generated_at: datetime | None = None  # DataWytworzeniaFa, fixed at approval
    system_info: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency", check_currency(self.currency))
        if self.sale_date is not None and self.period is not None:
            raise InvalidValueError(
                tr("Give either one sale date or a billing period, not both."), field="sale_date"
            )
        if self.period is not None and self.period[0] > self.period[1]:
            raise InvalidValueError(
                tr("The billing period ends before it starts."), field="period"
            )
        if self.kind.is_correction and self.correction is None:
            raise InvalidValueError(
                tr("A correction must say which invoice it corrects and why."),
                field="correction",
            )
        if not self.kind.is_correction and self.correction is not None:
            raise InvalidValueError(
                tr("Only a correction document carries correction data."), field="correction"
            )

    @property
    def gross(self) -> Decimal:
        return self.totals.due

    @property
    def is_foreign_currency(self) -> bool:
        return self.currency != PLN
