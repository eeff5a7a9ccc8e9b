"""The printout's Polish wording: labels, document kinds, payment methods, VAT rates, amounts.

The invoice is a Polish document whatever language the program's screens use,
so its wording is fixed here rather than translated with the interface.
"""

from __future__ import annotations

from decimal import Decimal

from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.printdata import CopyKind

KINDS: dict[str, str] = {
    DocumentKind.VAT.label: "Faktura VAT",
    DocumentKind.KOR.label: "Faktura korygująca",
    DocumentKind.ZAL.label: "Faktura zaliczkowa",
    DocumentKind.ROZ.label: "Faktura rozliczeniowa",
    DocumentKind.UPR.label: "Faktura uproszczona",
    DocumentKind.KOR_ZAL.label: "Korekta faktury zaliczkowej",
    DocumentKind.KOR_ROZ.label: "Korekta faktury rozliczeniowej",
}
METHODS: dict[str, str] = {
    PaymentMethod.CASH.label: "gotówka",
    PaymentMethod.CARD.label: "karta",
    PaymentMethod.VOUCHER.label: "bon",
    PaymentMethod.CHEQUE.label: "czek",
    PaymentMethod.CREDIT.label: "kredyt",
    PaymentMethod.TRANSFER.label: "przelew",
    PaymentMethod.MOBILE.label: "płatność mobilna",
}
RATES: dict[str, str] = {
    VatRate.R23.label: "23%",
    VatRate.R22.label: "22%",
    VatRate.R8.label: "8%",
    VatRate.R7.label: "7%",
    VatRate.R5.label: "5%",
    VatRate.R4.label: "4%",
    VatRate.R3.label: "3%",
    VatRate.ZERO_KR.label: "0% (kraj)",
    VatRate.ZERO_WDT.label: "0% (WDT)",
    VatRate.ZERO_EX.label: "0% (eksport)",
    VatRate.ZW.label: "zw",
    VatRate.OO.label: "oo",
    VatRate.NP_I.label: "np",
    VatRate.NP_II.label: "np (art. 100)",
    "margin scheme": "marża",
}
COPIES: dict[str, str] = {CopyKind.ORIGINAL.label: "ORYGINAŁ", CopyKind.COPY.label: "KOPIA"}

NUMBER = "nr"
ISSUE_DATE = "Data wystawienia"
SALE_DATE = "Data dostawy / wykonania usługi"
PLACE = "Miejsce wystawienia"
KSEF_NUMBER = "Numer KSeF"
SELLER = "Sprzedawca"
BUYER = "Nabywca"
COLUMNS_NET = ("Lp.", "Nazwa towaru lub usługi", "Ilość", "J.m.", "Cena netto", "Rabat", "VAT")
COLUMNS_GROSS = ("Lp.", "Nazwa towaru lub usługi", "Ilość", "J.m.", "Cena brutto", "Rabat", "VAT")
VALUE_NET = "Wartość netto"
VALUE_GROSS = "Wartość brutto"
BEFORE = "przed korektą"
SUMMARY = "Podsumowanie według stawek VAT"
SUMMARY_COLUMNS = ("Stawka VAT", "Wartość netto", "Kwota VAT", "Wartość brutto")
TOTAL = "Razem"
TO_PAY = "Do zapłaty"
PAYMENT = "Płatność"
METHOD = "Sposób płatności"
DUE = "Termin płatności"
ACCOUNT = "Numer rachunku"
BANK = "Bank"
PAID_ON = "Zapłacono"
NOTES = "Uwagi"
QR_CAPTION = "Kod weryfikacyjny KSeF (KOD I)"
QR_OFFLINE = "Faktura wystawiona w trybie offline — numer KSeF zostanie nadany po wysłaniu."
PAGE = "Strona {n}"
CONTINUED = "ciąg dalszy"
FOOTER = "Wizualizacja faktury wygenerowana przez ksef-desktop"


def kind(label: str) -> str:
    return KINDS.get(label, label)


def method(label: str) -> str:
    return METHODS.get(label, label)


def rate(label: str) -> str:
    return RATES.get(label, label)


def copy_label(label: str) -> str:
    return COPIES.get(label, label)


def amount(value: Decimal | None, places: int = 2) -> str:
    """``1234.5`` → ``1 234,50``: Polish grouping and decimal comma."""
    if value is None:
        return ""
    text = f"{value:,.{places}f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def quantity(value: Decimal | None) -> str:
    """A quantity without trailing zeros (``2``, ``1,5``)."""
    if value is None:
        return ""
    normal = value.normalize()
    text = format(normal, "f") if normal == normal.to_integral() else format(normal, ",f")
    return text.replace(",", "\u00a0").replace(".", ",")


def account(number: str) -> str:
    """An IBAN / NRB in groups of four, as printed on Polish invoices."""
    if number[:2].isdigit() and len(number) == 26:
        return number[:2] + " " + " ".join(number[i : i + 4] for i in range(2, 26, 4))
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
