"""The print-approval wizard as plain Python: steps, transitions and guards, tested without Qt.

Steps: 1 print data → 2 KSeF validation → 3 approve → 4 send to KSeF → 5 print.
Each step's work happens when the person moves on from it, so cancelling on
any step leaves the document as it was when that step was shown. With STATUS
(ACTIVE) off, steps 2-4 are skipped: leaving the data page approves the
document (number and lock) and the printout carries no QR code. The state
machine in :mod:`ksef_desktop.domain.lifecycle` enforces the order on every
write, so no path prints an approved document before its send was attempted.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import DocumentLockedError, KsefDesktopError
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.fa3 import Problem
from ksef_desktop.services.cancel import CancelToken, Progress, no_progress
from ksef_desktop.services.printdata import (
    PrintData,
    PrintField,
    apply_print_data,
    field_errors,
    print_data_of,
)
from ksef_desktop.services.printout import Printout, PrintoutService
from ksef_desktop.services.register import RegisterService
from ksef_desktop.services.sending import SendResult, SendService
from ksef_desktop.services.validation import (
    ProblemTarget,
    fix_target,
    has_errors,
    ksef_problems,
)
from ksef_desktop.storage.documents import DocumentRepository
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.language import Language


class Step(enum.StrEnum):
    DATA = "data"
    VALIDATION = "validation"
    APPROVE = "approve"
    SEND = "send"
    PRINT = "print"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def heading(self) -> str:
        return _TITLES[self]


_TITLES = {
    Step.DATA: tr("Print data"),
    Step.VALIDATION: tr("KSeF validation"),
    Step.APPROVE: tr("Approve"),
    Step.SEND: tr("Send to KSeF"),
    Step.PRINT: tr("Print"),
    Step.DONE: tr("Done"),
    Step.CANCELLED: tr("Cancelled"),
}
_ACTIVE_STEPS = (Step.DATA, Step.VALIDATION, Step.APPROVE, Step.SEND, Step.PRINT)
_INACTIVE_STEPS = (Step.DATA, Step.PRINT)


class WizardError(KsefDesktopError):
    """A wizard action the current step does not allow (the shell disables it)."""

    code = "wizard-step"


def polish_printouts() -> Language:
    return Language.PL


@dataclass(frozen=True)
class ApprovalSummary:
    """What step 3 shows before the person approves."""

    number: str  # the number approval gives (a preview until approved)
    numbered: bool  # True once approval fixed it
    issue_date: str
    buyer: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    currency: str
    payment_method: str
    warnings: int


@dataclass(frozen=True)
class WizardServices:
    """What the wizard works through; built once by the composition root."""

    register: RegisterService
    documents: DocumentRepository
    sending: SendService
    printouts: PrintoutService
    #: The saved printout language (reads settings.ini: call it off the GUI thread).
    printout_language: Callable[[], Language] = polish_printouts


class PrintWizard:
    """One run of the wizard over one document."""

    def __init__(self, services: WizardServices, doc_id: str, lifecycle: Lifecycle) -> None:
        self._s = services
        self.doc_id = doc_id
        self.lifecycle = lifecycle
        stored = services.documents.get(doc_id)
        document = stored.content()
        self.print_data: PrintData = replace(
            print_data_of(document), language=services.printout_language()
        )
        self.problems: tuple[Problem, ...] = ()
        self.notice = ""
        self.send_result: SendResult | None = None
        self.current = self._start(stored.status)

    # --- what the shell reads ----------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        return _ACTIVE_STEPS if self.lifecycle.ksef_active else _INACTIVE_STEPS

    @property
    def status(self) -> Status:
        return self._s.documents.get(self.doc_id).status

    @property
    def finished(self) -> bool:
        return self.current in (Step.DONE, Step.CANCELLED)

    def data_errors(self) -> dict[PrintField, str]:
        return field_errors(self.print_data, self._document())

    def can_back(self) -> bool:
        return self.current in (Step.VALIDATION, Step.APPROVE)

    def can_next(self) -> bool:
        if self.current is Step.DATA:
            return not self.data_errors()
        if self.current is Step.VALIDATION:
            return not has_errors(self.problems)
        if self.current is Step.APPROVE:
            return self.status is Status.VALID
        if self.current is Step.SEND:
            return self.lifecycle.can_print(self.status)
        return False

    def summary(self) -> ApprovalSummary:
        stored = self._s.documents.get(self.doc_id)
        document = stored.content()
        number = document.number or self._s.register.number_preview(self.doc_id)
        payment = document.payment
        return ApprovalSummary(
            number=number,
            numbered=stored.status not in (Status.DRAFT, Status.VALID),
            issue_date=document.issue_date.isoformat(),
            buyer=document.buyer.name or document.buyer.tax_id.display(),
            net=document.totals.net,
            vat=document.totals.vat,
            gross=document.totals.due,
            currency=document.currency,
            payment_method=payment.method.label if payment and payment.method else "",
            warnings=sum(1 for p in self.problems if not p.is_error),
        )

    def go_to(self, problem: Problem) -> ProblemTarget:
        """Where the field that fixes ``problem`` is: the data page or the editor."""
        return fix_target(problem)

    # --- actions -----------------------------------------------------------------

    def set_print_data(self, data: PrintData) -> dict[PrintField, str]:
        """Take the data page's values (nothing is stored before Next)."""
        self._expect(Step.DATA)
        self.print_data = data
        return self.data_errors()

    def next(self) -> Step:
        """Do the current step's work and move on; the send step's work is :meth:`send`."""
        step = self.current
        if step is Step.DATA:
            return self._leave_data()
        if step is Step.VALIDATION:
            return self._leave_validation()
        if step is Step.APPROVE:
            return self._approve()
        if step is Step.SEND:
            if not self.can_next():
                raise WizardError(self._cannot_print_text())
            return self._move(Step.PRINT)
        raise WizardError(tr("There is no next step here."))

    def back(self) -> Step:
        if not self.can_back():
            raise WizardError(
                tr("The document is approved; going back to change it is no longer possible.")
            )
        index = self.steps.index(self.current)
        self.notice = ""
        return self._move(self.steps[index - 1])

    def cancel(self) -> None:
        """Abandon the wizard; the current step's work is not done."""
        self.current = Step.CANCELLED

    def send(
        self, cancel: CancelToken | None = None, progress: Progress = no_progress
    ) -> SendResult:
        """Step 4's work: send to KSeF through the WS and wait for its answer."""
        self._expect(Step.SEND)
        if self.status.send_attempted:
            raise WizardError(tr("This document was already sent."))
        result = self._s.sending.send(self.doc_id, self.lifecycle, cancel, progress)
        self.send_result = result
        self.notice = result.message
        return result

    def printout(self) -> Printout:
        self._expect(Step.PRINT)
        stored = self._s.documents.get(self.doc_id)
        return self._s.printouts.build(stored, self.lifecycle, self.print_data)

    def printed(self) -> None:
        """The shell printed (or saved the PDF): record it and finish."""
        self._expect(Step.PRINT)
        self._s.documents.record_print(self.doc_id, self.lifecycle)
        self.current = Step.DONE

    # --- steps' work ---------------------------------------------------------------

    def _start(self, status: Status) -> Step:
        if status.editable:
            return Step.DATA
        if status is Status.REJECTED:
            raise DocumentLockedError(
                tr(
                    "KSeF rejected this document. Reopen it from the register and correct it "
                    "before printing."
                ),
                code="document-rejected",
            )
        if status is Status.APPROVED and self.lifecycle.ksef_active:
            return Step.SEND  # approved earlier, never sent: sending comes before printing
        return Step.PRINT

    def _leave_data(self) -> Step:
        errors = self.data_errors()
        if errors:
            raise WizardError(next(iter(errors.values())))
        document = apply_print_data(self._document(), self.print_data)
        stored = self._s.documents.get(self.doc_id)
        if document != stored.document or stored.status is not Status.DRAFT:
            self._s.documents.save_content(self.doc_id, self.lifecycle, document, Event.EDIT)
        if not self.lifecycle.ksef_active:
            self._lock(document)
            return self._move(Step.PRINT)
        number = self._s.register.number_preview(self.doc_id)
        self.problems = tuple(ksef_problems(document, number))
        if has_errors(self.problems):
            count = sum(1 for p in self.problems if p.is_error)
            self.notice = tr(
                "KSeF validation found {n} error(s). Correct them (go to each problem) and "
                "click Next again."
            ).format(n=count)
            return self._move(Step.DATA)
        self.notice = (
            tr("The document passes KSeF validation.")
            if not self.problems
            else tr("The document passes KSeF validation, with {n} warning(s).").format(
                n=len(self.problems)
            )
        )
        return self._move(Step.VALIDATION)

    def _leave_validation(self) -> Step:
        if has_errors(self.problems):
            return self._move(Step.DATA)
        self._s.documents.save_content(
            self.doc_id, self.lifecycle, self._document(), Event.VALIDATE
        )
        self.notice = tr("Approving gives the document its number and locks its content.")
        return self._move(Step.APPROVE)

    def _approve(self) -> Step:
        document = self._document()
        locked = self._lock(document)
        self.notice = tr("Approved as {number}. Send it to KSeF next.").format(
            number=locked.number
        )
        return self._move(Step.SEND)

    def _lock(self, document: Document) -> Document:
        generated = datetime.now(UTC).replace(microsecond=0)
        return self._s.documents.approve(self.doc_id, self.lifecycle, document, generated)

    # --- helpers -------------------------------------------------------------------

    def _document(self) -> Document:
        return self._s.documents.get(self.doc_id).content()

    def _move(self, step: Step) -> Step:
        self.current = step
        return step

    def _expect(self, step: Step) -> None:
        if self.current is not step:
            raise WizardError(
                tr("That belongs to the step “{want}”; the wizard is at “{now}”.").format(
                    want=step.heading, now=self.current.heading
                )
            )

    def _cannot_print_text(self) -> str:
        status = self.status
        if status is Status.REJECTED:
            return self.notice or tr("KSeF rejected the document; it cannot be printed.")
        return tr("Send the document to KSeF before printing it.")
