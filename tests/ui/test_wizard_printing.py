"""The invoice visualisation as a PDF: Polish wording, long documents over pages, KOD I."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QApplication

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.extras import Footer
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.printdata import CopyKind, PrintData
from ksef_desktop.services.printout import Printout
from ksef_desktop.services.wizard import Step
from ksef_desktop.ui.printing.output import PrintOutputError, write_pdf
from ksef_desktop.ui.printing.wording import POLISH
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env
from tests.ui.wizard_pdf import keep_png, pdf_text, qr_texts


@pytest.fixture
def env(tmp_path: Path, qapp: QApplication) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)  # the WS is a closed port: documents end in AWAITING
    yield environment
    environment.close()


def printout_of(env: SalesEnv, document: Document, data: PrintData | None = None) -> Printout:
    wizard = env.sales.open_wizard(env.draft(document))
    if data is not None:
        wizard.set_print_data(replace(wizard.print_data, copy_kind=data.copy_kind))
    while wizard.current is not Step.PRINT:
        if wizard.current is Step.SEND:
            wizard.send()
        wizard.next()
    return wizard.printout()


def long_invoice() -> Document:
    lines = tuple(
        Line(
            number=i,
            name=f"Pozycja {i:02d} — materiał budowlany o długiej nazwie, która się zawija",
            quantity=Decimal(i),
            unit="kg",
            unit_price=Decimal("1234.5"),
            vat_rate=(VatRate.R23, VatRate.R8, VatRate.ZW)[i % 3],
        )
        for i in range(1, 61)
    )
    footer = Footer(texts=("Dziękujemy za zakupy.",))
    return recalculate(replace(draft_invoice(), lines=lines, footer=footer))


def test_a_long_invoice_runs_over_pages_with_every_line_and_the_qr_at_the_end(
    env: SalesEnv, tmp_path: Path
) -> None:
    printout = printout_of(env, long_invoice())
    pdf = write_pdf(printout, tmp_path / "long.pdf")
    document = pdfium.PdfDocument(pdf)
    pages = len(document)
    document.close()
    assert pages >= 2
    text = pdf_text(pdf)
    for i in range(1, 61):
        assert f"Pozycja {i:02d}" in text
    assert text.count("Nazwa towaru lub usługi") == pages  # the heading repeats on each page
    assert f"Strona {pages}" in text
    assert text.count("nr FV/2026/11/0001") == pages  # every page names its document
    assert "Dziękujemy za zakupy." in text
    due = f"Do zapłaty: {POLISH.amount(printout.gross)} PLN"
    assert due.replace("\u00a0", " ") in text.replace("\u00a0", " ")
    assert "zw" in text
    assert printout.qr is not None
    assert qr_texts(pdf) == [printout.qr.link]
    keep_png(pdf, "printout-long-page1.png")


def test_a_copy_is_marked_kopia(env: SalesEnv, tmp_path: Path) -> None:
    printout = printout_of(env, draft_invoice(), PrintData(copy_kind=CopyKind.COPY))
    text = pdf_text(write_pdf(printout, tmp_path / "copy"))  # ".pdf" is added
    assert "KOPIA" in text
    assert "ORYGINAŁ" not in text
    assert (tmp_path / "copy.pdf").is_file()


def test_a_missing_folder_is_a_plain_error_and_nothing_is_written(
    env: SalesEnv, tmp_path: Path
) -> None:
    printout = printout_of(env, draft_invoice())
    with pytest.raises(PrintOutputError) as raised:
        write_pdf(printout, tmp_path / "nowhere" / "x.pdf")
    assert raised.value.code == "pdf-folder"
    assert "does not exist" in raised.value.message
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234567.5"), "1\u00a0234\u00a0567,50"),
        (Decimal("0.05"), "0,05"),
        (Decimal("-12"), "-12,00"),
    ],
)
def test_amounts_are_written_the_polish_way(value: Decimal, text: str) -> None:
    assert POLISH.amount(value) == text


def test_quantities_and_accounts_are_written_the_polish_way() -> None:
    assert POLISH.quantity(Decimal("2.000")) == "2"
    assert POLISH.quantity(Decimal("1.5")) == "1,5"
    assert POLISH.account("61109010140000071219812874") == "61 1090 1014 0000 0712 1981 2874"
