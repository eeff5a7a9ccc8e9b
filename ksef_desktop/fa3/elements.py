"""Element names of FA(3) and the domain attributes they hold, shared by build and parse.

Flat structures (lines, addresses, accounts, registers...) are described once as
ordered tables of :class:`Field`; the builder writes them in table order, which
is the schema order, and the parser reads them back with the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from ksef_desktop.domain.lines import Pricing
from ksef_desktop.domain.vat import Bucket
from ksef_desktop.fa3 import values as v
from ksef_desktop.fa3.catalog import FA3_NAMESPACE

NS = "{" + FA3_NAMESPACE + "}"
ROOT = "Faktura"
FORM_CODE = "FA"
SYSTEM_CODE = "FA (3)"
SCHEMA_VERSION = "1-0E"
FORM_VARIANT = "3"
FA2_NAMESPACE = "http://crd.gov.pl/wzor/2023/06/29/12648/"


@dataclass(frozen=True)
class Field:
    """One element of a flat structure: its tag, the attribute it maps to and its codec.

    ``pricing`` restricts an invoice-line field to documents priced that way
    (P_9A for net, P_9B for gross prices).
    """

    tag: str
    attr: str
    codec: v.Codec
    pricing: Pricing | None = None


def net_tag(bucket: Bucket) -> str:
    return f"P_13_{bucket.value}"


def vat_tag(bucket: Bucket) -> str:
    return f"P_14_{bucket.value}"


def vat_pln_tag(bucket: Bucket) -> str:
    return f"P_14_{bucket.value}W"


#: Buckets whose VAT amount must be stated (P_14_5 of the OSS group is optional).
VAT_REQUIRED = frozenset({Bucket.BASIC, Bucket.REDUCED_1, Bucket.REDUCED_2, Bucket.TAXI})
#: Buckets with a P_14_xW (VAT converted to PLN) element.
VAT_PLN_ALLOWED = VAT_REQUIRED

ADDRESS = (
    Field("KodKraju", "country", v.TEXT),
    Field("AdresL1", "line1", v.TEXT),
    Field("AdresL2", "line2", v.TEXT),
    Field("GLN", "gln", v.TEXT),
)

CONTACT = (
    Field("Email", "email", v.TEXT),
    Field("Telefon", "phone", v.TEXT),
)

#: FaWiersz, in schema order.
INVOICE_LINE = (
    Field("NrWierszaFa", "number", v.INT),
    Field("UU_ID", "uu_id", v.TEXT),
    Field("P_6A", "delivery_date", v.DATE),
    Field("P_7", "name", v.TEXT),
    Field("Indeks", "index", v.TEXT),
    Field("GTIN", "gtin", v.TEXT),
    Field("PKWiU", "pkwiu", v.TEXT),
    Field("CN", "cn", v.TEXT),
    Field("PKOB", "pkob", v.TEXT),
    Field("P_8A", "unit", v.TEXT),
    Field("P_8B", "quantity", v.QUANTITY),
    Field("P_9A", "unit_price", v.PRICE, Pricing.NET),
    Field("P_9B", "unit_price", v.PRICE, Pricing.GROSS),
    Field("P_10", "discount", v.PRICE),
    Field("P_11", "net_value", v.AMOUNT),
    Field("P_11A", "gross_value", v.AMOUNT),
    Field("P_11Vat", "vat_amount", v.AMOUNT),
    Field("P_12", "vat_rate", v.VAT_RATE),
    Field("P_12_XII", "oss_rate", v.PERCENT),
    Field("P_12_Zal_15", "annex15", v.FLAG),
    Field("KwotaAkcyzy", "excise", v.AMOUNT),
    Field("GTU", "gtu", v.TEXT),
    Field("Procedura", "procedure", v.TEXT),
    Field("KursWaluty", "exchange_rate", v.QUANTITY),
    Field("StanPrzed", "before", v.FLAG),
)

#: ZamowienieWiersz, in schema order: net prices only, no discount or per-line date.
ORDER_LINE = (
    Field("NrWierszaZam", "number", v.INT),
    Field("UU_IDZ", "uu_id", v.TEXT),
    Field("P_7Z", "name", v.TEXT),
    Field("IndeksZ", "index", v.TEXT),
    Field("GTINZ", "gtin", v.TEXT),
    Field("PKWiUZ", "pkwiu", v.TEXT),
    Field("CNZ", "cn", v.TEXT),
    Field("PKOBZ", "pkob", v.TEXT),
    Field("P_8AZ", "unit", v.TEXT),
    Field("P_8BZ", "quantity", v.QUANTITY),
    Field("P_9AZ", "unit_price", v.PRICE),
    Field("P_11NettoZ", "net_value", v.AMOUNT),
    Field("P_11VatZ", "vat_amount", v.AMOUNT),
    Field("P_12Z", "vat_rate", v.VAT_RATE),
    Field("P_12Z_XII", "oss_rate", v.PERCENT),
    Field("P_12Z_Zal_15", "annex15", v.FLAG),
    Field("GTUZ", "gtu", v.TEXT),
    Field("ProceduraZ", "procedure", v.TEXT),
    Field("KwotaAkcyzyZ", "excise", v.AMOUNT),
    Field("StanPrzedZ", "before", v.FLAG),
)

BANK_ACCOUNT = (
    Field("NrRB", "number", v.TEXT),
    Field("SWIFT", "swift", v.TEXT),
    Field("RachunekWlasnyBanku", "own_bank_account", v.INT),
    Field("NazwaBanku", "bank_name", v.TEXT),
    Field("OpisRachunku", "description", v.TEXT),
)

REGISTER = (
    Field("PelnaNazwa", "full_name", v.TEXT),
    Field("KRS", "krs", v.TEXT),
    Field("REGON", "regon", v.TEXT),
    Field("BDO", "bdo", v.TEXT),
)

CHARGE = (
    Field("Kwota", "amount", v.AMOUNT),
    Field("Powod", "reason", v.TEXT),
)

ADVANCE_PART = (
    Field("P_6Z", "on", v.DATE),
    Field("P_15Z", "amount", v.AMOUNT),
    Field("KursWalutyZW", "rate", v.QUANTITY),
)

ADDITIONAL_INFO = (
    Field("NrWiersza", "line_number", v.INT),
    Field("Klucz", "key", v.TEXT),
    Field("Wartosc", "value", v.TEXT),
)

CORRECTED_INVOICE_HEAD = (
    Field("DataWystFaKorygowanej", "issue_date", v.DATE),
    Field("NrFaKorygowanej", "number", v.TEXT),
)
