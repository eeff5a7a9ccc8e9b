"""The print-approval wizard dialog against a real ksef-ws and ksef-sim on loopback."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ksef_desktop import fa3
from ksef_desktop.app import Session
from ksef_desktop.contract.api import DocumentState
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.domain.document import Document
from ksef_desktop.domain.lifecycle import Event, Status
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.parameters import KsefParameters
from ksef_desktop.services.printdata import Output
from ksef_desktop.services.wizard import Step
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.wizard.dialog import PrintWizardDialog
from tests.helpers.desktop_chain import GOOD_NIP, Chain, closed_port_url
from tests.helpers.sales_env import draft_invoice, snapshot
from tests.helpers.ws_env import erp_data
from tests.ui.conftest import close_when_idle
from tests.ui.wizard_pdf import SHOTS, keep_png, pdf_text, qr_texts

QR_HOST = "https://qr-test.ksef.mf.gov.pl/invoice"


def dated(month: int, **changes: object) -> Document:
    """A draft issued in ``month`` of 2026: each test its own number series on the shared chain."""
    day = date(2026, month, 2)
    return draft_invoice(issue_date=day, sale_date=day, **changes)


def connect(session: Session, chain: Chain, *, active: bool = True) -> None:
    info = session.services.authorization.generate(GOOD_NIP)
    chain.register(info.code)
    session.services.parameters.save(KsefParameters(active, chain.address, GOOD_NIP))


def offline(session: Session) -> None:
    session.services.authorization.generate(GOOD_NIP)
    session.services.parameters.save(KsefParameters(True, closed_port_url(), GOOD_NIP))


def kod_i(session: Session, doc_id: str, day: str) -> str:
    """The KOD I link computed here from the stored FA(3) XML, not by the code under test."""
    stored = session.documents.get(doc_id)
    xml = stored.fa3 or fa3.build(stored.content())  # before delivery: the locked content's XML
    digest = base64.urlsafe_b64encode(hashlib.sha256(xml).digest()).decode().rstrip("=")
    return f"{QR_HOST}/{GOOD_NIP}/{day}/{digest}"


@pytest.fixture
def open_wizard(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> Iterator[Callable[[str], PrintWizardDialog]]:
    opened: list[PrintWizardDialog] = []

    def opener(doc_id: str) -> PrintWizardDialog:
        dialog = PrintWizardDialog(session.services, runner, doc_id)
        opened.append(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.view is not None and not dialog.is_busy, timeout=10_000)
        return dialog

    yield opener
    for dialog in opened:
        close_when_idle(qtbot, dialog)


def child(dialog: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def shot(dialog: PrintWizardDialog, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(SHOTS) / f"{name}.png"))


def next_(qtbot: QtBot, dialog: PrintWizardDialog, *, timeout: int = 30_000) -> Step:
    """Click Next (Approve, Send, Save PDF...) and wait for the work behind it to end."""
    assert dialog.next_button.isEnabled(), dialog.next_button.text()
    with qtbot.waitSignal(dialog.page_shown, timeout=timeout) as shown:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=timeout)
    return Step(shown.args[0])


def to_pdf(dialog: PrintWizardDialog, path: Path) -> None:
    page = dialog.data_page
    page.output.set_value(Output.PDF)
    page.output.path.setText(str(path))


def printout(pdf: Path, qr: list[str], png: str | None = None) -> str:
    """The printed PDF's text, once its QR codes are ``qr``; kept as ``png`` under SHOTS."""
    assert qr_texts(pdf) == qr
    if png:
        keep_png(pdf, png)
    return pdf_text(pdf)


def test_the_whole_flow_ends_with_a_pdf_carrying_the_ksef_number_and_kod_i(
    qtbot: QtBot,
    session: Session,
    chain: Chain,
    open_wizard: Callable[[str], PrintWizardDialog],
    tmp_path: Path,
) -> None:
    connect(session, chain)
    doc_id = session.services.sales.register.create_draft(dated(1), register_kind="invoice")
    dialog = open_wizard(doc_id)
    assert dialog.current_page() is Step.DATA
    steps = child(dialog, QListWidget, "wizardSteps")
    assert steps.count() == 5
    assert not dialog.back_button.isEnabled()
    pdf = tmp_path / "faktura.pdf"
    to_pdf(dialog, pdf)
    shot(dialog, "1-data")

    assert next_(qtbot, dialog) is Step.VALIDATION
    assert "passes KSeF validation" in child(dialog, QLabel, "validationNotice").text()
    assert session.services.sales.register  # the draft is validated, not yet numbered
    shot(dialog, "2-validation")

    assert next_(qtbot, dialog) is Step.APPROVE
    assert "FV/2026/01/0001" in child(dialog, QLabel, "summary_number").text()
    assert child(dialog, QLabel, "summary_gross").text() == "346,25 PLN"
    assert dialog.next_button.text() == "&Approve"
    shot(dialog, "3-approve")

    assert next_(qtbot, dialog) is Step.SEND
    assert session.documents.get(doc_id).status is Status.APPROVED
    assert not dialog.back_button.isEnabled()  # approved: no way back to change it
    assert dialog.next_button.text() == "&Send to KSeF"
    assert next_(qtbot, dialog) is Step.SEND
    stored = session.documents.get(doc_id)
    assert stored.status is Status.ACCEPTED
    number = stored.meta.ksef_number
    assert number is not None
    assert number.startswith(GOOD_NIP + "-")
    assert child(dialog, QLabel, "ksefNumber").text() == f"KSeF number: {number}"
    assert "accepted" in child(dialog, QLabel, "sendHeadline").text()
    shot(dialog, "4-send")

    assert next_(qtbot, dialog) is Step.PRINT
    assert dialog.next_button.text() == "&Save PDF"
    shot(dialog, "5-print")
    with qtbot.waitSignal(dialog.finished_with) as finished:
        assert next_(qtbot, dialog) is Step.DONE
        assert str(pdf) in child(dialog, QLabel, "doneText").text()
        shot(dialog, "6-done")
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == [doc_id, "accepted"]
    assert session.documents.get(doc_id).meta.print_count == 1

    text = printout(pdf, [kod_i(session, doc_id, "02-01-2026")], "printout-accepted.png")
    assert "FV/2026/01/0001" in text
    assert number in text
    assert "Faktura VAT" in text


def test_a_validation_error_lists_the_problem_and_goes_to_its_field(
    qtbot: QtBot, session: Session, chain: Chain, open_wizard: Callable[[str], PrintWizardDialog]
) -> None:
    connect(session, chain)
    doc_id = session.services.sales.register.create_draft(dated(2), register_kind="invoice")
    before = snapshot(session.documents, doc_id)
    dialog = open_wizard(doc_id)
    child(dialog, QCheckBox, "due_date_set").setChecked(True)
    child(dialog, QDateEdit, "due_date").setDate(QDate(2051, 1, 1))  # beyond FA(3)'s dates

    assert next_(qtbot, dialog) is Step.VALIDATION
    tree = child(dialog, QTreeWidget, "problems")
    assert tree.topLevelItemCount() == 1
    item = tree.topLevelItem(0)
    assert (item.text(0), item.text(1)) == ("Error", "Due date")
    assert "2050-01-01" in item.text(2)
    assert "1 error" in child(dialog, QLabel, "validationNotice").text()
    assert not dialog.next_button.isEnabled()  # an error remains
    assert session.documents.get(doc_id).status is Status.DRAFT
    shot(dialog, "2-validation-error")

    tree.setFocus()
    with qtbot.waitSignal(dialog.page_shown) as shown:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert shown.args == ["data"]
    due = child(dialog, QDateEdit, "due_date")
    assert due.hasFocus()
    error = child(dialog, QLabel, "due_date_error")
    assert error.isVisible()
    assert "2050-01-01" in error.text()
    shot(dialog, "1-data-problem")

    due.setDate(QDate(2026, 2, 20))
    assert next_(qtbot, dialog) is Step.VALIDATION
    assert tree.topLevelItemCount() == 0
    assert dialog.next_button.isEnabled()
    assert next_(qtbot, dialog) is Step.APPROVE
    assert snapshot(session.documents, doc_id) != before  # the corrected due date was stored


def test_an_editor_problem_asks_the_editor_and_check_again_continues(
    qtbot: QtBot, session: Session, chain: Chain, open_wizard: Callable[[str], PrintWizardDialog]
) -> None:
    connect(session, chain)
    broken = dated(
        4, lines=(Line(1, name="bez stawki", quantity=Decimal(1), unit_price=Decimal(10)),)
    )
    register = session.services.sales.register
    doc_id = register.create_draft(broken, register_kind="invoice")
    dialog = open_wizard(doc_id)
    assert next_(qtbot, dialog) is Step.VALIDATION
    tree = child(dialog, QTreeWidget, "problems")
    assert not dialog.next_button.isEnabled()
    with qtbot.waitSignal(dialog.edit_requested) as asked:
        tree.itemActivated.emit(tree.topLevelItem(0), 0)
    assert asked.args == [doc_id, "lines[0].vat_rate"]
    assert "Line 1" in child(dialog, QLabel, "validationHint").text()
    # The editor corrects the line; Check again validates once more.
    fixed = replace(broken, lines=(replace(broken.lines[0], vat_rate=VatRate.R23),))
    register.save_draft(doc_id, recalculate(fixed))
    with qtbot.waitSignal(dialog.page_shown, timeout=10_000):
        qtbot.mouseClick(child(dialog, QWidget, "recheck"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_busy)
    assert dialog.current_page() is Step.VALIDATION
    assert dialog.next_button.isEnabled()


def test_ws_down_puts_the_document_in_awaiting_and_prints_offline(
    qtbot: QtBot,
    session: Session,
    open_wizard: Callable[[str], PrintWizardDialog],
    tmp_path: Path,
) -> None:
    offline(session)
    doc_id = session.services.sales.register.create_draft(dated(5), register_kind="invoice")
    dialog = open_wizard(doc_id)
    pdf = tmp_path / "offline.pdf"
    to_pdf(dialog, pdf)
    for expected in (Step.VALIDATION, Step.APPROVE, Step.SEND, Step.SEND):
        assert next_(qtbot, dialog) is expected
    stored = session.documents.get(doc_id)
    assert stored.status is Status.AWAITING
    headline = child(dialog, QLabel, "sendHeadline").text()
    assert "NOT sent" in headline
    assert "AWAITING DOCUMENTS" in headline
    outcome = child(dialog, QLabel, "sendOutcome").text()
    assert stored.meta.reason
    assert stored.meta.reason in outcome
    assert child(dialog, QLabel, "ksefNumber").text() == ""
    shot(dialog, "4-send-awaiting")
    assert next_(qtbot, dialog) is Step.PRINT
    assert next_(qtbot, dialog) is Step.DONE
    text = printout(pdf, [kod_i(session, doc_id, "02-05-2026")], "printout-offline.png")
    assert "OFFLINE" in text
    assert "FV/2026/05/0001" in text


def test_a_ksef_rejection_is_said_plainly_and_nothing_prints(
    qtbot: QtBot, session: Session, chain: Chain, open_wizard: Callable[[str], PrintWizardDialog]
) -> None:
    connect(session, chain)
    # Another system already used the number the wizard will give: KSeF answers 440.
    data = erp_data(9003, nip=GOOD_NIP)
    data.update(id="OTHER-ERP-9003", number="FV/2026/03/0001")
    data.pop("totals", None)
    with session.services.connection.client(chain.address) as client:
        taken = client.submit(ErpDocument.model_validate(data))
        qtbot.waitUntil(
            lambda: client.status(taken.id).state is DocumentState.ACCEPTED, timeout=30_000
        )
    doc_id = session.services.sales.register.create_draft(dated(3), register_kind="invoice")
    dialog = open_wizard(doc_id)
    for expected in (Step.VALIDATION, Step.APPROVE, Step.SEND, Step.SEND):
        assert next_(qtbot, dialog) is expected
    stored = session.documents.get(doc_id)
    assert (stored.status, stored.meta.ksef_code) == (Status.REJECTED, 440)
    assert "REJECTED" in child(dialog, QLabel, "sendHeadline").text()
    assert "440" in child(dialog, QLabel, "sendOutcome").text()
    assert not dialog.next_button.isEnabled()
    assert dialog.cancel_button.text() == "&Close"
    shot(dialog, "4-send-rejected")
    with qtbot.waitSignal(dialog.finished_with) as finished:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == [doc_id, "rejected"]
    assert session.documents.get(doc_id).meta.print_count == 0


def test_with_the_module_off_the_ksef_steps_are_skipped_and_there_is_no_qr(
    qtbot: QtBot,
    session: Session,
    chain: Chain,
    open_wizard: Callable[[str], PrintWizardDialog],
    tmp_path: Path,
) -> None:
    connect(session, chain, active=False)
    doc_id = session.services.sales.register.create_draft(dated(6), register_kind="invoice")
    dialog = open_wizard(doc_id)
    steps = child(dialog, QListWidget, "wizardSteps")
    assert [steps.item(i).text() for i in range(steps.count())] == ["1. Print data", "2. Print"]
    pdf = tmp_path / "inactive.pdf"
    to_pdf(dialog, pdf)
    assert next_(qtbot, dialog) is Step.PRINT
    stored = session.documents.get(doc_id)
    assert (stored.status, stored.meta.attempts) == (Status.APPROVED, 0)
    shot(dialog, "5-print-inactive")
    assert next_(qtbot, dialog) is Step.DONE
    text = printout(pdf, [])
    assert "FV/2026/06/0001" in text
    assert "OFFLINE" not in text
    assert "KOD I" not in text


@pytest.mark.parametrize("page", [Step.DATA, Step.VALIDATION, Step.APPROVE, Step.SEND, Step.PRINT])
def test_cancel_on_each_page_leaves_the_document_as_it_was(
    qtbot: QtBot, session: Session, open_wizard: Callable[[str], PrintWizardDialog], page: Step
) -> None:
    offline(session)
    doc_id = session.services.sales.register.create_draft(dated(7), register_kind="invoice")
    dialog = open_wizard(doc_id)
    while dialog.current_page() is not page:
        next_(qtbot, dialog)
    if page is Step.DATA:
        child(dialog, QCheckBox, "due_date_set").setChecked(False)  # edited, not stored
    before = snapshot(session.documents, doc_id)
    with qtbot.waitSignal(dialog.finished_with) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert snapshot(session.documents, doc_id) == before
    assert finished.args == [doc_id, session.documents.get(doc_id).status.value]
    assert not dialog.isVisible()


def test_back_returns_without_changing_the_document(
    qtbot: QtBot, session: Session, open_wizard: Callable[[str], PrintWizardDialog]
) -> None:
    offline(session)
    doc_id = session.services.sales.register.create_draft(dated(8), register_kind="invoice")
    dialog = open_wizard(doc_id)
    next_(qtbot, dialog)
    assert next_(qtbot, dialog) is Step.APPROVE
    before = snapshot(session.documents, doc_id)
    for expected in ("validation", "data"):
        with qtbot.waitSignal(dialog.page_shown) as shown:
            qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.is_busy)
        assert shown.args == [expected]
        assert snapshot(session.documents, doc_id) == before
    assert not dialog.back_button.isEnabled()


def test_printing_on_a_printer_records_the_print(
    qtbot: QtBot,
    session: Session,
    open_wizard: Callable[[str], PrintWizardDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offline(session)
    target = tmp_path / "printer.pdf"

    def printer_to_file(_parent: QWidget, on_chosen: Callable[[QPrinter], None]) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # stands in for a real printer
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        on_chosen(printer)

    monkeypatch.setattr(PrintWizardDialog, "choose_printer", staticmethod(printer_to_file))
    doc_id = session.services.sales.register.create_draft(dated(9), register_kind="invoice")
    dialog = open_wizard(doc_id)
    while dialog.current_page() is not Step.PRINT:
        next_(qtbot, dialog)
    assert dialog.next_button.text() == "&Print…"
    assert next_(qtbot, dialog) is Step.DONE
    assert session.documents.get(doc_id).meta.print_count == 1
    assert "FV/2026/09/0001" in pdf_text(target)


def test_stop_waiting_leaves_the_document_with_the_ws_and_printable_offline(
    qtbot: QtBot, session: Session, chain: Chain, open_wizard: Callable[[str], PrintWizardDialog]
) -> None:
    connect(session, chain)
    chain.sim.sim.add_faults("send_invoice:timeout@count=1;hold=2")
    try:
        doc_id = session.services.sales.register.create_draft(dated(10), register_kind="invoice")
        dialog = open_wizard(doc_id)
        while dialog.current_page() is not Step.SEND:
            next_(qtbot, dialog)
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        progress = child(dialog, QLabel, "sendProgress")
        qtbot.waitUntil(lambda: "Waiting" in progress.text(), timeout=20_000)
        assert child(dialog, QWidget, "stopWaiting").isVisible()
        shot(dialog, "4-send-waiting")
        qtbot.mouseClick(child(dialog, QWidget, "stopWaiting"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.is_busy, timeout=20_000)
        assert session.documents.get(doc_id).status is Status.SENT
        assert "not answered yet" in child(dialog, QLabel, "sendHeadline").text()
        assert "stopped waiting" in child(dialog, QLabel, "sendOutcome").text()
        assert dialog.next_button.isEnabled()  # handed over: it may be printed, marked OFFLINE
    finally:
        chain.sim.sim.clear_faults()


def test_a_rejected_document_does_not_open_and_says_why(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    offline(session)
    register = session.services.sales.register
    doc_id = register.create_draft(dated(11), register_kind="invoice")
    wizard = session.services.sales.open_wizard(doc_id)
    while wizard.current is not Step.SEND:
        wizard.next()
    session.documents.transition(
        doc_id, wizard.lifecycle, [Event.SEND, Event.REJECT], {"ksef_code": 440}
    )
    dialog = PrintWizardDialog(session.services, runner, doc_id)
    with qtbot.waitSignal(dialog.finished_with, timeout=10_000) as finished:
        dialog.show()
    assert finished.args == [doc_id, ""]
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "messageBox"]
    assert len(boxes) == 1
    assert "Reopen it from the register" in boxes[0].text()  # type: ignore[attr-defined]
    assert not dialog.isVisible()
    for box in boxes:
        box.close()
    dialog.close()
    dialog.deleteLater()


def test_a_reprint_opens_on_the_print_page_and_the_problem_list_is_a_valid_model(
    qtbot: QtBot,
    session: Session,
    open_wizard: Callable[[str], PrintWizardDialog],
    qtmodeltester: object,
    tmp_path: Path,
) -> None:
    offline(session)
    doc_id = session.services.sales.register.create_draft(dated(11), register_kind="invoice")
    dialog = open_wizard(doc_id)
    to_pdf(dialog, tmp_path)  # a folder: the file is named after the document number
    assert next_(qtbot, dialog) is Step.VALIDATION
    problems = child(dialog, QTreeWidget, "problems").model()
    qtmodeltester.check(problems, force_py=True)  # type: ignore[attr-defined]
    while dialog.current_page() is not Step.DONE:
        next_(qtbot, dialog)
    assert (tmp_path / "FV_2026_11_0001.pdf").is_file()
    again = open_wizard(doc_id)
    assert again.current_page() is Step.PRINT
    again.print_page.copy_kind.setCurrentIndex(1)
    again.print_page.output.set_value(Output.PDF)
    again.print_page.set_pdf_path(str(tmp_path / "kopia.pdf"))
    assert next_(qtbot, again) is Step.DONE
    assert "KOPIA" in pdf_text(tmp_path / "kopia.pdf")
    assert session.documents.get(doc_id).meta.print_count == 2
