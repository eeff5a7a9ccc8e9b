"""Printouts in Polish or English: wording, number formats, and the same KOD I in both."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ksef_desktop import fa3
from ksef_desktop.domain.document import Document, DocumentKind
from ksef_desktop.domain.lifecycle import Event
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.printdata import CopyKind
from ksef_desktop.services.printout import Printout
from ksef_desktop.services.wizard import Step
from ksef_desktop.support import i18n
from ksef_desktop.support.language import Language
from ksef_desktop.ui.printing.output import write_pdf
from ksef_desktop.ui.printing.wording import ENGLISH, POLISH
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env
from tests.ui.wizard_pdf import keep_png, pdf_text, qr_texts

KSEF_NUMBER = "5261040828-20261102-0123456789AB-5C"
NUMBER = "FV/2026/11/0001"


@pytest.fixture
def env(tmp_path: Path, qapp: QApplication) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)  # the WS is a closed port: documents end in AWAITING
    yield environment
    environment.close()


def shelving_invoice() -> Document:
    """The factories' invoice plus a line over a thousand, so amounts show their grouping."""
    base = draft_invoice()
    extra = Line(
        3,
        name="Regał magazynowy",
        quantity=Decimal("1.5"),
        unit="szt.",
        unit_price=Decimal("1234.50"),
        vat_rate=VatRate.R23,
    )
    return recalculate(replace(base, lines=(*base.lines, extra)))


def accepted_printout(
    env: SalesEnv, language: Language, copy_kind: CopyKind = CopyKind.ORIGINAL
) -> tuple[Printout, str]:
    """Through the wizard in ``language``, then accepted by KSeF with a known number and XML."""
    doc_id = env.draft(shelving_invoice())
    wizard = env.sales.open_wizard(doc_id)
    assert wizard.print_data.language is Language.PL  # nothing saved: Polish
    wizard.set_print_data(replace(wizard.print_data, language=language, copy_kind=copy_kind))
    while wizard.current is not Step.PRINT:
        if wizard.current is Step.SEND:
            wizard.send()
        wizard.next()
    stored = env.documents.get(doc_id)
    assert stored.fa3 is None  # the WS never answered: the locked content's XML is the one
    delivered = fa3.build(stored.content()).replace(b"ksef-desktop tests", b"as the WS built it")
    env.documents.set_fa3(doc_id, delivered)
    env.documents.transition(doc_id, env.lifecycle, [Event.ACCEPT], {"ksef_number": KSEF_NUMBER})
    digest = base64.urlsafe_b64encode(hashlib.sha256(delivered).digest()).decode().rstrip("=")
    link = f"https://qr-test.ksef.mf.gov.pl/invoice/5261040828/02-11-2026/{digest}"
    return wizard.printout(), link


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_an_english_printout_has_english_wording_and_english_numbers(
    env: SalesEnv, tmp_path: Path
) -> None:
    printout, link = accepted_printout(env, Language.EN)
    assert printout.language is Language.EN
    pdf = write_pdf(printout, tmp_path / "english.pdf")
    text = plain(pdf_text(pdf))
    for label in (
        "VAT invoice",
        f"No. {NUMBER}",
        "ORIGINAL",
        "Issue date: 2026-11-02",
        f"KSeF number: {KSEF_NUMBER}",
        "Seller",
        "Buyer",
        "Goods or service",
        "Net price",
        "Summary by VAT rate",
        "VAT amount",
        "Total",
        "Payment method: bank transfer",
        "Due date: 2026-11-16",
        "KSeF verification code (KOD I)",
        "Page 1",
    ):
        assert label in text, label
    assert "1,234.50" in text  # the unit price
    assert "1,851.75" in text  # 1.5 x 1,234.50, the line's net value
    assert "1.5" in text  # the quantity
    assert f"Amount due: {printout.gross:,.2f} PLN" in text
    words = ENGLISH.amount_in_words(printout.gross, "PLN")
    assert f"In words: {words}" in " ".join(text.split())  # (it may wrap)
    assert printout.gross > 1000
    for polish_word in ("Faktura", "Sprzedawca", "Nabywca", "Do zapłaty", "przelew", "Strona"):
        assert polish_word not in text, polish_word
    assert KSEF_NUMBER in text  # also the label under the code
    assert qr_texts(pdf) == [link]
    keep_png(pdf, "printout-english.png")


def test_a_polish_printout_keeps_its_polish_wording_and_the_same_kod_i(
    env: SalesEnv, tmp_path: Path
) -> None:
    printout, link = accepted_printout(env, Language.PL)
    pdf = write_pdf(printout, tmp_path / "polish.pdf")
    text = plain(pdf_text(pdf))
    for label in (
        "Faktura VAT",
        f"nr {NUMBER}",
        "ORYGINAŁ",
        "Data wystawienia: 2026-11-02",
        f"Numer KSeF: {KSEF_NUMBER}",
        "Sprzedawca",
        "Nabywca",
        "Nazwa towaru lub usługi",
        "Podsumowanie według stawek VAT",
        "Sposób płatności: przelew",
        "Kod weryfikacyjny KSeF (KOD I)",
        "Strona 1",
        "1 234,50",
        "1 851,75",
        "1,5",
    ):
        assert label in text, label
    assert "Do zapłaty: " + plain(POLISH.amount(printout.gross)) + " PLN" in text
    words = POLISH.amount_in_words(printout.gross, "PLN")
    assert f"Słownie: {words}" in " ".join(text.split())
    for english_word in ("Seller", "Buyer", "Amount due", "bank transfer", "Page 1"):
        assert english_word not in text, english_word
    assert qr_texts(pdf) == [link]
    keep_png(pdf, "printout-polish.png")


def test_the_printout_wording_does_not_follow_the_interface_language(
    env: SalesEnv, tmp_path: Path
) -> None:
    """A Polish interface translates the model's labels; an English printout stays English."""
    polish_screens = {
        "COPY": "KOPIA",
        "ORIGINAL": "ORYGINAŁ",
        "margin scheme": "procedura marży",
        "bank transfer": "przelew",
    }
    previous = i18n.install(lambda text: polish_screens.get(text, text))
    try:
        printout, _link = accepted_printout(env, Language.EN, CopyKind.COPY)
        assert printout.copy_label == "KOPIA"  # the interface label did change
        text = plain(pdf_text(write_pdf(printout, tmp_path / "copy.pdf")))
    finally:
        i18n.install(previous)
    assert "COPY" in text
    assert "KOPIA" not in text
    assert "Payment method: bank transfer" in text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234567.5"), "1,234,567.50"),
        (Decimal("0.05"), "0.05"),
        (Decimal("-12"), "-12.00"),
    ],
)
def test_amounts_are_written_the_english_way(value: Decimal, text: str) -> None:
    assert ENGLISH.amount(value) == text


def test_quantities_are_written_the_english_way() -> None:
    assert ENGLISH.quantity(Decimal("2.000")) == "2"
    assert ENGLISH.quantity(Decimal("1.5")) == "1.5"
    assert ENGLISH.quantity(Decimal("1234.25")) == "1,234.25"
    assert POLISH.quantity(Decimal("1234.25")) == "1\u00a0234,25"


def test_both_languages_word_every_kind_method_rate_and_copy() -> None:
    for wording in (POLISH, ENGLISH):
        assert all(wording.kind(kind) for kind in DocumentKind)
        assert all(wording.method(method) for method in PaymentMethod)
        assert all(wording.rate(rate) for rate in VatRate)
        assert all(wording.copy(kind) for kind in CopyKind)
    assert ENGLISH.method(None, "barter") == POLISH.method(None, "barter") == "barter"
    assert (POLISH.summary_rate(None), ENGLISH.summary_rate(None)) == ("marża", "margin scheme")
    assert (POLISH.kind(DocumentKind.KOR), ENGLISH.kind(DocumentKind.KOR)) == (
        "Faktura korygująca",
        "Correction invoice",
    )


@pytest.mark.parametrize(
    ("amount", "currency", "polish", "english"),
    [
        (
            "1234.50",
            "PLN",
            "tysiąc dwieście trzydzieści cztery PLN 50/100",
            "one thousand, two hundred and thirty-four PLN 50/100",
        ),
        ("22.05", "EUR", "dwadzieścia dwa EUR 05/100", "twenty-two EUR 05/100"),
        ("0.99", "PLN", "zero PLN 99/100", "zero PLN 99/100"),
        (
            "2500000",
            "PLN",
            "dwa miliony pięćset tysięcy PLN 00/100",
            "two million, five hundred thousand PLN 00/100",
        ),
        (
            "-615.40",
            "PLN",
            "minus sześćset piętnaście PLN 40/100",
            "minus six hundred and fifteen PLN 40/100",
        ),
    ],
)
def test_the_amount_due_in_words(amount: str, currency: str, polish: str, english: str) -> None:
    assert POLISH.amount_in_words(Decimal(amount), currency) == polish
    assert ENGLISH.amount_in_words(Decimal(amount), currency) == english
