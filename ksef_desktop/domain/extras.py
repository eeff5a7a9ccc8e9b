"""The less common parts of an invoice: corrections, advances, orders, settlement, footer,
attachments and transaction terms."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.lines import Line
from ksef_desktop.support.i18n import tr


class CorrectionType(enum.IntEnum):
    """TypKorekty: when the correction takes effect."""

    ORIGINAL_DATE = 1
    CORRECTION_DATE = 2
    OTHER_DATE = 3


@dataclass(frozen=True)
class CorrectedInvoice:
    """DaneFaKorygowanej: the invoice a correction refers to."""

    number: str
    issue_date: date
    ksef_number: str | None = None  # None: issued outside KSeF (NrKSeFN)


@dataclass(frozen=True)
class Correction:
    reason: str | None
    corrected: tuple[CorrectedInvoice, ...]
    type: CorrectionType | None = None
    period: str | None = None  # OkresFaKorygowanej
    corrected_number: str | None = None  # NrFaKorygowany: the right number
    amount_before: Decimal | None = None  # P_15ZK (KOR_ZAL, KOR_ROZ)
    rate_before: Decimal | None = None  # KursWalutyZK

    def __post_init__(self) -> None:
        if not self.corrected:
            raise InvalidValueError(
                tr("A correction must name the invoice it corrects."), field="corrected"
            )


@dataclass(frozen=True)
class AdvancePart:
    """ZaliczkaCzesciowa: one advance payment documented by the invoice."""

    on: date
    amount: Decimal
    rate: Decimal | None = None


@dataclass(frozen=True)
class AdvanceInvoiceRef:
    """FakturaZaliczkowa: an advance invoice a settlement (ROZ) invoice accounts for."""

    ksef_number: str | None = None
    number: str | None = None  # only for one issued outside KSeF

    def __post_init__(self) -> None:
        if (self.ksef_number is None) == (self.number is None):
            raise InvalidValueError(
                tr("An advance invoice is named by its KSeF number or, outside KSeF, its number."),
                field="advance_invoices",
            )


@dataclass(frozen=True)
class AdditionalInfo:
    """DodatkowyOpis: a free key/value pair, optionally tied to a line."""

    key: str
    value: str
    line_number: int | None = None


@dataclass(frozen=True)
class Order:
    """Zamowienie: the order an advance (ZAL) invoice is paid against."""

    value: Decimal
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Charge:
    amount: Decimal
    reason: str


@dataclass(frozen=True)
class Settlement:
    """Rozliczenie: extra charges and deductions and the resulting amount."""

    charges: tuple[Charge, ...] = ()
    charges_total: Decimal | None = None
    deductions: tuple[Charge, ...] = ()
    deductions_total: Decimal | None = None
    to_pay: Decimal | None = None
    to_settle: Decimal | None = None


@dataclass(frozen=True)
class DatedReference:
    on: date | None
    number: str | None


@dataclass(frozen=True)
class TransactionTerms:
    """WarunkiTransakcji without transport (which we do not model)."""

    contracts: tuple[DatedReference, ...] = ()
    orders: tuple[DatedReference, ...] = ()
    batch_numbers: tuple[str, ...] = ()
    delivery_terms: str | None = None
    contract_rate: Decimal | None = None
    contract_currency: str | None = None
    intermediary: bool = False


@dataclass(frozen=True)
class Register:
    full_name: str | None = None
    krs: str | None = None
    regon: str | None = None
    bdo: str | None = None


@dataclass(frozen=True)
class Footer:
    """Stopka: up to three free texts and the company's register numbers."""

    texts: tuple[str, ...] = ()
    registers: tuple[Register, ...] = ()


class ColumnType(enum.StrEnum):
    DATE = "date"
    DATETIME = "datetime"
    DEC = "dec"
    INT = "int"
    TIME = "time"
    TXT = "txt"


@dataclass(frozen=True)
class Table:
    columns: tuple[tuple[ColumnType, str], ...]
    rows: tuple[tuple[str, ...], ...]
    metadata: tuple[tuple[str, str], ...] = ()
    description: str | None = None
    sums: tuple[str, ...] | None = None


@dataclass(frozen=True)
class DataBlock:
    metadata: tuple[tuple[str, str], ...]
    header: str | None = None
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """Zalacznik: structured data blocks (accepted by KSeF in batch sessions only)."""

    blocks: tuple[DataBlock, ...]
