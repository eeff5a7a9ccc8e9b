"""The print-approval wizard without Qt: steps, back and next, cancel, failures, print guard."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ksef_desktop.contract.api import DocumentStatus
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.domain.errors import (
    DocumentLockedError,
    IllegalTransitionError,
    KsefDesktopError,
)
from ksef_desktop.domain.lifecycle import Event, Status
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.payment import PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.fa3 import Problem, Severity
from ksef_desktop.services.cancel import CancelledError, CancelToken
from ksef_desktop.services.printdata import PrintData, PrintField
from ksef_desktop.services.validation import FixPlace
from ksef_desktop.services.wizard import PrintWizard, Step, WizardError
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env, snapshot

ACCOUNT = "61 1090 1014 0000 0712 1981 2874"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def wizard_at(env: SalesEnv, doc_id: str, step: Step) -> PrintWizard:
    wizard = env.sales.open_wizard(doc_id)
    while wizard.current is not step:
        if wizard.current is Step.SEND:
            wizard.send()
        wizard.next()
    return wizard


def test_a_draft_starts_on_print_data_prefilled_from_the_document(env: SalesEnv) -> None:
    wizard = env.sales.open_wizard(env.draft())
    assert wizard.steps == (Step.DATA, Step.VALIDATION, Step.APPROVE, Step.SEND, Step.PRINT)
    assert wizard.current is Step.DATA
    data = wizard.print_data
    assert (data.method, data.due_date) == (PaymentMethod.TRANSFER, date(2026, 11, 16))
    assert data.bank_account == ACCOUNT.replace(" ", "")
    assert wizard.can_next()
    assert not wizard.can_back()


def test_print_data_is_checked_before_next(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard = env.sales.open_wizard(doc_id)
    before = snapshot(env.documents, doc_id)
    errors = wizard.set_print_data(PrintData(PaymentMethod.TRANSFER, None, "", copies=0))
    assert set(errors) == {PrintField.BANK_ACCOUNT, PrintField.COPIES}
    assert not wizard.can_next()
    with pytest.raises(WizardError):
        wizard.next()
    bad_account = PrintData(PaymentMethod.TRANSFER, None, "61 1090 1014 0000 0712 1981 2875")
    assert PrintField.BANK_ACCOUNT in wizard.set_print_data(bad_account)
    early_due = PrintData(PaymentMethod.CASH, date(2026, 11, 1))
    assert set(wizard.set_print_data(early_due)) == {PrintField.DUE_DATE}
    assert wizard.set_print_data(PrintData(PaymentMethod.CASH)) == {}  # cash needs no account
    assert snapshot(env.documents, doc_id) == before  # nothing is stored before Next


def test_the_whole_flow_step_by_step(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard = env.sales.open_wizard(doc_id)
    wizard.set_print_data(PrintData(PaymentMethod.CARD, date(2026, 11, 20), copies=2))

    assert wizard.next() is Step.VALIDATION
    assert env.status(doc_id) is Status.DRAFT
    assert wizard.problems == ()
    saved = env.documents.get(doc_id).content().payment
    assert saved is not None
    assert (saved.method, saved.accounts) == (PaymentMethod.CARD, ())

    assert wizard.next() is Step.APPROVE
    assert env.status(doc_id) is Status.VALID
    summary = wizard.summary()
    assert (summary.number, summary.numbered) == ("FV/2026/11/0001", False)
    assert (summary.gross, summary.payment_method) == (Decimal("346.25"), "card")

    assert wizard.next() is Step.SEND
    assert env.status(doc_id) is Status.APPROVED
    assert wizard.summary().numbered
    assert not wizard.can_back()
    assert not wizard.can_next()  # nothing prints before the send was attempted
    with pytest.raises(WizardError):
        wizard.next()

    result = wizard.send()  # the WS address is a closed port
    assert result.status is Status.AWAITING
    assert "No web service answers" in (result.reason or "")
    assert "AWAITING DOCUMENTS" in result.message
    assert wizard.can_next()

    assert wizard.next() is Step.PRINT
    printout = wizard.printout()
    assert printout.number == "FV/2026/11/0001"
    assert printout.copies == 2
    wizard.printed()
    assert wizard.current is Step.DONE
    assert env.documents.get(doc_id).meta.print_count == 1


def test_back_returns_through_the_unlocked_steps(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard = wizard_at(env, doc_id, Step.APPROVE)
    assert wizard.back() is Step.VALIDATION
    assert wizard.back() is Step.DATA
    with pytest.raises(WizardError):
        wizard.back()
    wizard.set_print_data(PrintData(PaymentMethod.CASH))
    assert wizard.next() is Step.VALIDATION
    assert env.status(doc_id) is Status.DRAFT  # edited after validation: validated again
    assert wizard.next() is Step.APPROVE


def test_a_validation_failure_returns_to_the_data_step(env: SalesEnv) -> None:
    broken = draft_invoice(
        lines=(Line(1, name="bez stawki", quantity=Decimal(1), unit_price=Decimal(10)),)
    )
    doc_id = env.draft(broken)
    wizard = env.sales.open_wizard(doc_id)
    assert wizard.next() is Step.DATA
    errors = [p for p in wizard.problems if p.is_error]
    assert errors
    assert "error" in wizard.notice
    target = wizard.go_to(errors[0])
    assert target.place is FixPlace.EDITOR
    assert target.field == "lines[0].vat_rate"
    assert target.label == "Line 1"
    assert target.wizard_step is None  # fixed in the editor, outside the wizard
    assert env.status(doc_id) is Status.DRAFT
    # The editor fixes the line; Next validates again and moves on.
    fixed = replace(broken, lines=(replace(broken.lines[0], vat_rate=VatRate.R23),))
    env.sales.register.save_draft(doc_id, recalculate(fixed))
    assert wizard.next() is Step.VALIDATION
    assert wizard.can_next()


def test_an_fa3_rule_failure_names_its_field_and_blocks_next(env: SalesEnv) -> None:
    late = draft_invoice(issue_date=date(2099, 1, 2), sale_date=date(2099, 1, 2))
    doc_id = env.draft(late)
    wizard = env.sales.open_wizard(doc_id)
    wizard.set_print_data(PrintData(PaymentMethod.CASH))
    assert wizard.next() is Step.DATA
    codes = {p.code for p in wizard.problems}
    assert "date-future" in codes
    problem = next(p for p in wizard.problems if p.code == "date-future")
    assert wizard.go_to(problem).field == "issue_date"
    assert "future" in problem.message


def test_go_to_problem_leads_payment_problems_to_the_data_page(env: SalesEnv) -> None:
    wizard = env.sales.open_wizard(env.draft())
    cases = {
        "payment.method": PrintField.METHOD,
        "payment.due[0].on": PrintField.DUE_DATE,
        "payment.accounts[0].number": PrintField.BANK_ACCOUNT,
    }
    for field, expected in cases.items():
        target = wizard.go_to(Problem(Severity.ERROR, "x", "m", field=field))
        assert (target.place, target.field) == (FixPlace.PRINT_DATA, expected.value)
        assert target.wizard_step == Step.DATA
    whole = wizard.go_to(Problem(Severity.ERROR, "xml-malformed", "m"))
    assert whole.place is FixPlace.NONE


@pytest.mark.parametrize("step", [Step.DATA, Step.VALIDATION, Step.APPROVE, Step.SEND, Step.PRINT])
def test_cancel_at_each_step_leaves_the_document_as_it_was(env: SalesEnv, step: Step) -> None:
    doc_id = env.draft()
    wizard = wizard_at(env, doc_id, step)
    if step is Step.DATA:
        wizard.set_print_data(PrintData(PaymentMethod.CHEQUE))
    before = snapshot(env.documents, doc_id)
    wizard.cancel()
    assert wizard.finished
    assert snapshot(env.documents, doc_id) == before
    with pytest.raises(WizardError):
        wizard.next()


def test_cancelling_the_send_before_it_starts_changes_nothing(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard = wizard_at(env, doc_id, Step.SEND)
    before = snapshot(env.documents, doc_id)
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        wizard.send(token)
    assert snapshot(env.documents, doc_id) == before
    assert env.status(doc_id) is Status.APPROVED


def test_an_approved_unsent_document_reopens_at_send_and_cannot_be_printed(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard_at(env, doc_id, Step.SEND).cancel()
    again = env.sales.open_wizard(doc_id)
    assert again.current is Step.SEND
    with pytest.raises(WizardError):
        again.printout()
    stored = env.documents.get(doc_id)
    with pytest.raises(IllegalTransitionError):
        env.sales.wizard_services.printouts.build(stored, env.lifecycle)
    with pytest.raises(IllegalTransitionError):
        env.documents.record_print(doc_id, env.lifecycle)
    assert not env.sales.register.can_print(Status.APPROVED)


def test_after_sending_the_document_can_no_longer_be_edited_or_deleted(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard = wizard_at(env, doc_id, Step.PRINT)
    assert env.status(doc_id) is Status.AWAITING
    with pytest.raises(DocumentLockedError):
        env.sales.register.save_draft(doc_id, draft_invoice())
    with pytest.raises(DocumentLockedError):
        env.sales.register.delete(doc_id)
    assert wizard.printout().ksef_number is None


def test_a_reprint_starts_at_the_print_step(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard_at(env, doc_id, Step.PRINT).printed()
    again = env.sales.open_wizard(doc_id)
    assert again.current is Step.PRINT
    again.print_data = replace(again.print_data, copy_kind=again.print_data.copy_kind.COPY)
    assert again.printout().copy_label == "COPY"
    again.printed()
    assert env.documents.get(doc_id).meta.print_count == 2


def test_a_rejected_document_must_be_reopened_first(env: SalesEnv) -> None:
    doc_id = env.draft()
    wizard_at(env, doc_id, Step.SEND).cancel()
    env.documents.transition(doc_id, env.lifecycle, [Event.SEND, Event.REJECT], {"ksef_code": 440})
    with pytest.raises(DocumentLockedError):
        env.sales.open_wizard(doc_id)
    assert env.sales.register.reopen(doc_id) is Status.DRAFT
    wizard = env.sales.open_wizard(doc_id)
    assert wizard.current is Step.DATA
    assert wizard.summary().number == "FV/2026/11/0001"  # it keeps its number


def test_with_the_module_off_the_ksef_steps_are_skipped(env: SalesEnv) -> None:
    env.set_active(False)
    doc_id = env.draft()
    wizard = env.sales.open_wizard(doc_id)
    assert wizard.steps == (Step.DATA, Step.PRINT)
    before = snapshot(env.documents, doc_id)
    assert wizard.next() is Step.PRINT
    assert snapshot(env.documents, doc_id) != before
    stored = env.documents.get(doc_id)
    assert (stored.status, stored.meta.number) == (Status.APPROVED, "FV/2026/11/0001")
    printout = wizard.printout()
    assert printout.qr is None
    wizard.printed()
    assert env.documents.get(doc_id).meta.attempts == 0  # never sent


def test_turning_the_module_on_blocks_printing_an_approved_unsent_document(env: SalesEnv) -> None:
    env.set_active(False)
    doc_id = env.draft()
    env.sales.open_wizard(doc_id).next()
    env.set_active(True)
    wizard = env.sales.open_wizard(doc_id)
    assert wizard.current is Step.SEND  # the send comes before any print now
    with pytest.raises(IllegalTransitionError):
        env.documents.record_print(doc_id, env.lifecycle)


def test_an_undelivered_document_is_handed_to_the_awaiting_documents(tmp_path: Path) -> None:
    held: list[tuple[str, str | None, object]] = []

    def hold(
        document: ErpDocument,
        *,
        error: KsefDesktopError | None = None,
        status: DocumentStatus | None = None,
    ) -> None:
        held.append((document.id, error.code if error else None, status))

    env = make_env(tmp_path, on_unconfirmed=hold)
    try:
        doc_id = env.draft()
        wizard_at(env, doc_id, Step.SEND).send()
        assert held == [(doc_id, "ws-unreachable", None)]
    finally:
        env.close()
