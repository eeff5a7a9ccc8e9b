"""What the dialog shows after each step's work: read in the worker thread, drawn in the GUI."""

from __future__ import annotations

from dataclasses import dataclass

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.printdata import PrintData
from ksef_desktop.services.printout import Printout
from ksef_desktop.services.register import RegisterService
from ksef_desktop.services.sending import SendResult
from ksef_desktop.services.validation import ProblemTarget, has_errors
from ksef_desktop.services.wizard import ApprovalSummary, PrintWizard, Step


@dataclass(frozen=True)
class ProblemRow:
    """One validation finding as the problems page lists it."""

    error: bool
    message: str
    target: ProblemTarget  # where activating it leads


@dataclass(frozen=True)
class WizardView:
    step: Step  # where the wizard is
    page: Step  # the page to show: validation errors are shown while the wizard is on DATA
    steps: tuple[Step, ...]
    status: Status
    reason: str | None  # why the document waits or was rejected, as the register keeps it
    can_next: bool
    can_back: bool
    notice: str
    problems: tuple[ProblemRow, ...]
    data: PrintData
    document: Document  # for checking the data page as the person types
    summary: ApprovalSummary | None
    send_result: SendResult | None
    printout: Printout | None

    @property
    def blocked(self) -> bool:
        """Validation found errors: the wizard cannot go on until they are corrected."""
        return self.step is Step.DATA and any(p.error for p in self.problems)


def snapshot(wizard: PrintWizard, register: RegisterService) -> WizardView:
    """Everything the pages need, read at once (touches SQLite: call it from a task)."""
    step = wizard.current
    blocked = step is Step.DATA and has_errors(wizard.problems)
    summary = wizard.summary() if step in (Step.APPROVE, Step.SEND) else None
    printout = wizard.printout() if step is Step.PRINT else None
    stored = register.get(wizard.doc_id)
    return WizardView(
        step=step,
        page=Step.VALIDATION if blocked else step,
        steps=wizard.steps,
        status=stored.status,
        reason=stored.meta.reason,
        can_next=False if blocked else (not wizard.finished and wizard.can_next()),
        can_back=True if blocked else wizard.can_back(),
        notice=wizard.notice,
        problems=tuple(
            ProblemRow(p.is_error, p.message, wizard.go_to(p)) for p in wizard.problems
        ),
        data=wizard.print_data,
        document=stored.content(),
        summary=summary,
        send_result=wizard.send_result,
        printout=printout,
    )
