"""The ERP document as it travels to the WS: JSON models and their mapping to the domain.

Amounts, prices, quantities and rates are JSON strings so that no ERP or
JSON library turns ``2.675`` into a binary float on the way. Unknown fields
are refused, so a misspelt field name is an error rather than a silent loss.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

AMOUNT_PATTERN = r"^-?(0|[1-9]\d{0,15})(\.\d{1,2})?$"
PRICE_PATTERN = r"^-?(0|[1-9]\d{0,13})(\.\d{1,8})?$"
QUANTITY_PATTERN = r"^-?(0|[1-9]\d{0,15})(\.\d{1,6})?$"

Amount = Annotated[str, StringConstraints(pattern=AMOUNT_PATTERN)]
Price = Annotated[str, StringConstraints(pattern=PRICE_PATTERN)]
Quantity = Annotated[str, StringConstraints(pattern=QUANTITY_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=512, strip_whitespace=True)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class AddressIn(_Model):
    country: Country = "PL"
    line1: LongText
    line2: LongText | None = None


class BuyerIdKind(enum.StrEnum):
    NIP = "nip"
    EU_VAT = "eu_vat"
    FOREIGN = "foreign"
    NONE = "none"


class PartyIn(_Model):
    name: LongText
    address: AddressIn | None = None
    email: Annotated[str, StringConstraints(min_length=3, max_length=255)] | None = None
    phone: Annotated[str, StringConstraints(min_length=1, max_length=16)] | None = None


class SellerIn(PartyIn):
    nip: Annotated[str, StringConstraints(min_length=10, max_length=20)]
    address: AddressIn


class BuyerIn(PartyIn):
    id_kind: BuyerIdKind = BuyerIdKind.NIP
    nip: Annotated[str, StringConstraints(max_length=20)] | None = None
    eu_vat_country: Country | None = None
    eu_vat_number: Annotated[str, StringConstraints(max_length=14)] | None = None
    foreign_id: Annotated[str, StringConstraints(min_length=1, max_length=50)] | None = None
    foreign_country: Country | None = None
    customer_number: Text | None = None


class LineIn(_Model):
    number: int | None = Field(
        None, ge=1, description="Line number; a correction's before and after rows share one."
    )
    name: LongText
    quantity: Quantity
    unit: Text = "szt."
    unit_price: Price = Field(description="Net or gross by the document's 'pricing'.")
    discount: Amount | None = Field(None, description="An amount not already in the price.")
    vat_rate: Literal[
        "23", "22", "8", "7", "5", "4", "3",
        "0 KR", "0 WDT", "0 EX", "zw", "oo", "np I", "np II",
    ]  # fmt: skip
    gtu: Annotated[str, StringConstraints(pattern=r"^GTU_(0[1-9]|1[0-3])$")] | None = None
    pkwiu: Annotated[str, StringConstraints(max_length=50)] | None = None
    cn: Annotated[str, StringConstraints(max_length=50)] | None = None
    index: Annotated[str, StringConstraints(max_length=50)] | None = None
    before: bool = Field(False, description="A 'before' row of a correction (StanPrzed).")


class PaymentMethodIn(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    VOUCHER = "voucher"
    CHEQUE = "cheque"
    CREDIT = "credit"
    TRANSFER = "transfer"
    MOBILE = "mobile"


class PaymentIn(_Model):
    method: PaymentMethodIn
    due_date: date | None = None
    bank_account: Annotated[str, StringConstraints(min_length=10, max_length=40)] | None = None
    bank_name: Text | None = None
    paid_on: date | None = None


class CorrectedIn(_Model):
    number: Text
    issue_date: date
    ksef_number: Annotated[str, StringConstraints(min_length=35, max_length=36)] | None = None


class CorrectionIn(_Model):
    reason: LongText
    type: Literal[1, 2, 3] | None = None
    corrected: list[CorrectedIn] = Field(min_length=1, max_length=100)


class AdvanceInvoiceIn(_Model):
    """An advance invoice a settlement (ROZ) invoice settles (FA(3) FakturaZaliczkowa)."""

    ksef_number: Annotated[str, StringConstraints(min_length=35, max_length=36)] | None = Field(
        None, description="Its KSeF number."
    )
    number: Text | None = Field(None, description="Its number, when it was issued outside KSeF.")

    @model_validator(mode="after")
    def _one_of(self) -> AdvanceInvoiceIn:
        if (self.ksef_number is None) == (self.number is None):
            raise ValueError("give either ksef_number or (issued outside KSeF) number")
        return self


class TotalsIn(_Model):
    """What the ERP computed; the WS recomputes and refuses a document that disagrees."""

    net: Amount
    vat: Amount
    gross: Amount


class DocumentKindIn(enum.StrEnum):
    VAT = "VAT"
    KOR = "KOR"
    ZAL = "ZAL"
    ROZ = "ROZ"
    UPR = "UPR"


class ErpDocument(_Model):
    """One sales document from the ERP (version 1 of the contract)."""

    schema_version: Literal[1] = 1
    id: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        description="The ERP's own document id; submissions are idempotent on it."
    )
    kind: DocumentKindIn = DocumentKindIn.VAT
    number: Text
    issue_date: date
    place_of_issue: Text | None = None
    sale_date: date | None = None
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "PLN"
    exchange_rate: Quantity | None = None
    pricing: Literal["net", "gross"] = "net"
    seller: SellerIn
    buyer: BuyerIn
    lines: list[LineIn] = Field(min_length=1, max_length=10000)
    payment: PaymentIn | None = None
    correction: CorrectionIn | None = None
    advance_invoices: list[AdvanceInvoiceIn] | None = Field(
        None,
        min_length=1,
        max_length=100,
        description="ROZ: the advance invoices it settles.",
    )
    split_payment: bool = False
    cash_accounting: bool = False
    reverse_charge: bool = False
    exemption_basis: LongText | None = Field(
        None, description="Legal basis of an exempt ('zw') supply (P_19A)."
    )
    notes: list[Annotated[str, StringConstraints(min_length=1, max_length=3500)]] = Field(
        default_factory=list, max_length=3
    )
    totals: TotalsIn | None = None


def amount(text: str) -> Decimal:
    return Decimal(text)
