"""The printout's wording in each printout language: labels, kinds, methods, rates, number formats.

An invoice's wording is fixed by the printout language the person chose, not by
the language of the program's screens, so it lives here as two fixed tables
rather than going through the interface translation. Lookups are keyed by the
domain values (document kind, payment method, VAT rate code, copy kind), never
by a label text, which the interface translation may have changed. The KOD I
code and its label (the KSeF number or ``OFFLINE``) are the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

from ksef_desktop.domain.document import DocumentKind
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.printdata import CopyKind
from ksef_desktop.support.language import Language

NBSP = "\u00a0"


@dataclass(frozen=True)
class Wording:
    """Everything a printout says in one language, and how it writes numbers."""

    kinds: dict[DocumentKind, str]
    methods: dict[PaymentMethod, str]
    rates: dict[VatRate, str]
    margin: str  # the VAT summary row of a margin-scheme invoice
    copies: dict[CopyKind, str]
    group: str  # thousands separator
    point: str  # decimal separator
    number: str
    issue_date: str
    sale_date: str
    place: str
    ksef_number: str
    seller: str
    buyer: str
    columns_net: tuple[str, ...]
    columns_gross: tuple[str, ...]
    value_net: str
    value_gross: str
    before: str
    summary: str
    summary_columns: tuple[str, ...]
    total: str
    to_pay: str
    in_words: str
    words_language: str  # num2words' language code
    payment: str
    method_title: str
    due: str
    account_title: str
    bank: str
    paid_on: str
    notes: str
    qr_caption: str
    qr_offline: str
    page: str  # with {n}
    continued: str
    footer: str

    # --- domain values -------------------------------------------------------------

    def kind(self, kind: DocumentKind) -> str:
        return self.kinds[kind]

    def method(self, method: PaymentMethod | None, other: str = "") -> str:
        """A FA(3) payment method in this language; ``other`` is the document's own text."""
        return self.methods[method] if method is not None else other

    def rate(self, rate: VatRate | None) -> str:
        return self.rates[rate] if rate is not None else ""

    def summary_rate(self, rate: VatRate | None) -> str:
        """A VAT summary row's rate: no rate code means the margin scheme's row."""
        return self.rates[rate] if rate is not None else self.margin

    def copy(self, kind: CopyKind) -> str:
        return self.copies[kind]

    # --- numbers and dates ---------------------------------------------------------

    def _local(self, text: str) -> str:
        # Python writes "1,234.5"; swap in this language's separators in one pass.
        table: dict[str, str | int | None] = {",": self.group, ".": self.point}
        return text.translate(str.maketrans(table))

    def amount(self, value: Decimal | None, places: int = 2) -> str:
        """``1234.5`` → ``1 234,50`` (Polish) or ``1,234.50`` (English)."""
        if value is None:
            return ""
        return self._local(f"{value:,.{places}f}")

    def amount_in_words(self, value: Decimal, currency: str) -> str:
        """``1234.5, "PLN"`` → ``tysiąc dwieście trzydzieści cztery PLN 50/100``.

        Whole units in words, the currency by its code (no grammatical forms to get
        wrong for any currency), the fraction as hundredths, as Polish invoices write it.
        """
        cents = abs(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        whole = int(cents)
        words = num2words(whole, lang=self.words_language)
        sign = "minus " if value < 0 else ""  # a correction's refund, in both languages
        return f"{sign}{words} {currency} {int((cents - whole) * 100):02d}/100"

    def quantity(self, value: Decimal | None) -> str:
        """A quantity without trailing zeros (``2``, ``1,5`` / ``1.5``)."""
        if value is None:
            return ""
        normal = value.normalize()
        text = format(normal, "f") if normal == normal.to_integral() else format(normal, ",f")
        return self._local(text)

    def date(self, value: date) -> str:
        # ISO dates in both languages: unambiguous to Polish, British and American readers.
        return value.isoformat()

    @staticmethod
    def account(number: str) -> str:
        """An IBAN / NRB in groups of four, as printed on Polish invoices."""
        if number[:2].isdigit() and len(number) == 26:
            return number[:2] + " " + " ".join(number[i : i + 4] for i in range(2, 26, 4))
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


POLISH = Wording(
    kinds={
        DocumentKind.VAT: "Faktura VAT",
        DocumentKind.KOR: "Faktura korygująca",
        DocumentKind.ZAL: "Faktura zaliczkowa",
        DocumentKind.ROZ: "Faktura rozliczeniowa",
        DocumentKind.UPR: "Faktura uproszczona",
        DocumentKind.KOR_ZAL: "Korekta faktury zaliczkowej",
        DocumentKind.KOR_ROZ: "Korekta faktury rozliczeniowej",
    },
    methods={
        PaymentMethod.CASH: "gotówka",
        PaymentMethod.CARD: "karta",
        PaymentMethod.VOUCHER: "bon",
        PaymentMethod.CHEQUE: "czek",
        PaymentMethod.CREDIT: "kredyt",
        PaymentMethod.TRANSFER: "przelew",
        PaymentMethod.MOBILE: "płatność mobilna",
    },
    rates={
        VatRate.R23: "23%",
        VatRate.R22: "22%",
        VatRate.R8: "8%",
        VatRate.R7: "7%",
        VatRate.R5: "5%",
        VatRate.R4: "4%",
        VatRate.R3: "3%",
        VatRate.ZERO_KR: "0% (kraj)",
        VatRate.ZERO_WDT: "0% (WDT)",
        VatRate.ZERO_EX: "0% (eksport)",
        VatRate.ZW: "zw",
        VatRate.OO: "oo",
        VatRate.NP_I: "np",
        VatRate.NP_II: "np (art. 100)",
    },
    margin="marża",
    copies={CopyKind.ORIGINAL: "ORYGINAŁ", CopyKind.COPY: "KOPIA"},
    group=NBSP,
    point=",",
    number="nr",
    issue_date="Data wystawienia",
    sale_date="Data dostawy / wykonania usługi",
    place="Miejsce wystawienia",
    ksef_number="Numer KSeF",
    seller="Sprzedawca",
    buyer="Nabywca",
    columns_net=("Lp.", "Nazwa towaru lub usługi", "Ilość", "J.m.", "Cena netto", "Rabat", "VAT"),
    columns_gross=(
        "Lp.",
        "Nazwa towaru lub usługi",
        "Ilość",
        "J.m.",
        "Cena brutto",
        "Rabat",
        "VAT",
    ),
    value_net="Wartość netto",
    value_gross="Wartość brutto",
    before="przed korektą",
    summary="Podsumowanie według stawek VAT",
    summary_columns=("Stawka VAT", "Wartość netto", "Kwota VAT", "Wartość brutto"),
    total="Razem",
    to_pay="Do zapłaty",
    in_words="Słownie",
    words_language="pl",
    payment="Płatność",
    method_title="Sposób płatności",
    due="Termin płatności",
    account_title="Numer rachunku",
    bank="Bank",
    paid_on="Zapłacono",
    notes="Uwagi",
    qr_caption="Kod weryfikacyjny KSeF (KOD I)",
    qr_offline="Faktura wystawiona w trybie offline — numer KSeF zostanie nadany po wysłaniu.",
    page="Strona {n}",
    continued="ciąg dalszy",
    footer="Wizualizacja faktury wygenerowana przez ksef-desktop",
)

ENGLISH = Wording(
    kinds={
        DocumentKind.VAT: "VAT invoice",
        DocumentKind.KOR: "Correction invoice",
        DocumentKind.ZAL: "Advance invoice",
        DocumentKind.ROZ: "Settlement invoice",
        DocumentKind.UPR: "Simplified invoice",
        DocumentKind.KOR_ZAL: "Correction of an advance invoice",
        DocumentKind.KOR_ROZ: "Correction of a settlement invoice",
    },
    methods={
        PaymentMethod.CASH: "cash",
        PaymentMethod.CARD: "card",
        PaymentMethod.VOUCHER: "voucher",
        PaymentMethod.CHEQUE: "cheque",
        PaymentMethod.CREDIT: "credit",
        PaymentMethod.TRANSFER: "bank transfer",
        PaymentMethod.MOBILE: "mobile payment",
    },
    rates={
        VatRate.R23: "23%",
        VatRate.R22: "22%",
        VatRate.R8: "8%",
        VatRate.R7: "7%",
        VatRate.R5: "5%",
        VatRate.R4: "4%",
        VatRate.R3: "3%",
        VatRate.ZERO_KR: "0% (domestic)",
        VatRate.ZERO_WDT: "0% (intra-EU)",
        VatRate.ZERO_EX: "0% (export)",
        VatRate.ZW: "exempt",
        VatRate.OO: "reverse charge",
        VatRate.NP_I: "out of scope",
        VatRate.NP_II: "out of scope (art. 100)",
    },
    margin="margin scheme",
    copies={CopyKind.ORIGINAL: "ORIGINAL", CopyKind.COPY: "COPY"},
    group=",",
    point=".",
    number="No.",
    issue_date="Issue date",
    sale_date="Date of supply / service",
    place="Place of issue",
    ksef_number="KSeF number",
    seller="Seller",
    buyer="Buyer",
    columns_net=("No.", "Goods or service", "Qty", "Unit", "Net price", "Disc.", "VAT"),
    columns_gross=("No.", "Goods or service", "Qty", "Unit", "Gross price", "Disc.", "VAT"),
    value_net="Net value",
    value_gross="Gross value",
    before="before correction",
    summary="Summary by VAT rate",
    summary_columns=("VAT rate", "Net value", "VAT amount", "Gross value"),
    total="Total",
    to_pay="Amount due",
    in_words="In words",
    words_language="en",
    payment="Payment",
    method_title="Payment method",
    due="Due date",
    account_title="Account number",
    bank="Bank",
    paid_on="Paid on",
    notes="Notes",
    qr_caption="KSeF verification code (KOD I)",
    qr_offline="Invoice issued in offline mode — the KSeF number is assigned once it is sent.",
    page="Page {n}",
    continued="continued",
    footer="Invoice visualisation generated by ksef-desktop",
)

_BY_LANGUAGE = {Language.PL: POLISH, Language.EN: ENGLISH}


def wording(language: Language) -> Wording:
    """The printout wording for ``language``."""
    return _BY_LANGUAGE[language]


#: Each language by its own name, as language choosers list them (never translated).
NATIVE_NAMES: dict[Language, str] = {Language.PL: "Polski", Language.EN: "English"}
