"""The print-approval wizard dialog: one page per step over services.wizard.PrintWizard."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.printdata import Output, PrintField
from ksef_desktop.services.printout import Printout
from ksef_desktop.services.validation import FixPlace
from ksef_desktop.services.wizard import PrintWizard, Step, WizardError
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.printing.output import pdf_bytes, print_on, save_pdf
from ksef_desktop.ui.wizard.data_page import DataPage
from ksef_desktop.ui.wizard.pages import ApprovePage, DonePage, ProblemsPage, SendPage
from ksef_desktop.ui.wizard.print_page import PrintPage, pdf_file_for
from ksef_desktop.ui.wizard.view import WizardView, snapshot

log = logging.getLogger(__name__)

#: Asks for a printer without blocking; calls back with the chosen printer. Tests replace it.
PrinterChooser = Callable[[QWidget, Callable[[QPrinter], None]], None]


def choose_printer(parent: QWidget, on_chosen: Callable[[QPrinter], None]) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: on_chosen(printer))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()  # not exec(): the event loop keeps running


class PrintWizardDialog(QDialog):
    """Validate, approve, send, print: the order the wizard service enforces, shown page by page.

    Every service call runs on the task runner; the dialog only reads the
    :class:`WizardView` each call returns. ``finished_with(doc_id, status)`` tells
    the register which document to refresh when the dialog closes.
    """

    finished_with = Signal(str, str)  # document id, its status value
    page_shown = Signal(str)  # the Step value of the page now shown (tests wait on it)
    edit_requested = Signal(str, str)  # document id, the editor field a problem names

    choose_printer: ClassVar[PrinterChooser] = staticmethod(choose_printer)

    def __init__(
        self, services: Services, runner: TaskRunner, doc_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.doc_id = doc_id
        self._wizard: PrintWizard | None = None
        self.view: WizardView | None = None
        self._busy = False
        self._send_token: CancelToken | None = None
        self._reported = False
        self.saved_pdf: Path | None = None
        self.setObjectName("printWizard")
        self.setWindowTitle(self.tr("Print — validate, approve, send, print"))
        self.resize(860, 640)
        self._build()
        self._connect_signals()
        self._run(self.tr("Opening the document"), self._open, self._on_view)

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.steps = QListWidget()
        self.steps.setObjectName("wizardSteps")
        self.steps.setAccessibleName(self.tr("Wizard steps"))
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.steps.setFixedWidth(170)
        self.heading = QLabel()
        self.heading.setObjectName("stepHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.busy = QLabel()
        self.busy.setObjectName("wizardBusy")
        self.data_page = DataPage()
        self.problems_page = ProblemsPage()
        self.approve_page = ApprovePage()
        self.send_page = SendPage()
        self.print_page = PrintPage()
        self.done_page = DonePage()
        self.loading = QLabel(self.tr("Opening the document…"))
        self.stack = QStackedWidget()
        self._pages: dict[Step, QWidget] = {
            Step.DATA: self.data_page,
            Step.VALIDATION: self.problems_page,
            Step.APPROVE: self.approve_page,
            Step.SEND: self.send_page,
            Step.PRINT: self.print_page,
            Step.DONE: self.done_page,
        }
        self.stack.addWidget(self.loading)
        for page in self._pages.values():
            self.stack.addWidget(page)
        self.buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.setObjectName("wizardBack")
        self.next_button = QPushButton(self.tr("&Next >"))
        self.next_button.setObjectName("wizardNext")
        self.next_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("wizardCancel")
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setEnabled(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setEnabled(True)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.stack, 1)
        right.addWidget(self.busy)
        right.addWidget(self.buttons)
        main = QHBoxLayout(self)
        main.addWidget(self.steps)
        main.addLayout(right, 1)

    def _connect_signals(self) -> None:
        self.next_button.clicked.connect(self._on_next_clicked)
        self.back_button.clicked.connect(self._on_back_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.data_page.changed.connect(self._update_buttons)
        self.print_page.output.changed.connect(self._update_buttons)
        self.problems_page.problem_activated.connect(self._on_problem_activated)
        self.problems_page.recheck_requested.connect(self._on_recheck)
        self.send_page.stop_requested.connect(self._on_stop_waiting)

    # --- work on the runner --------------------------------------------------------

    def _run(
        self,
        name: str,
        work: Callable[[CancelToken, Progress], WizardView],
        on_view: Callable[[WizardView], None],
        on_progress: Callable[[str], None] | None = None,
    ) -> None:
        self._set_busy(True, name)
        self._runner.run(
            name,
            work,
            on_returned=on_view,
            on_errored=self._on_failed,
            on_progress=on_progress,
            on_finished=lambda: self._set_busy(False, ""),
        )

    def _open(self, _cancel: CancelToken, _progress: Progress) -> WizardView:
        self._wizard = self._services.sales.open_wizard(self.doc_id)
        return self._snapshot()

    def _snapshot(self) -> WizardView:
        return snapshot(self.wizard, self._services.sales.register)

    @property
    def is_busy(self) -> bool:
        return self._busy

    @property
    def wizard(self) -> PrintWizard:
        if self._wizard is None:  # only tasks queued after the opening one reach here
            raise WizardError(self.tr("The document is still being opened."))
        return self._wizard

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.busy.setText(text + "…" if busy and text else "")
        if not busy and self.view is not None:
            self.send_page.sending(False)
        self._update_buttons()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        if self.view is None:  # the document could not be opened at all
            self._finish(QDialog.DialogCode.Rejected)

    # --- showing a view ------------------------------------------------------------

    def _on_view(self, view: WizardView) -> None:
        self.view = view
        self._show_steps(view)
        page = view.page
        if page is Step.DATA:
            self.data_page.load(view.data, view.document, view.notice)
        elif page is Step.VALIDATION:
            self.problems_page.load(view)
        elif page is Step.APPROVE:
            self.approve_page.load(view)
        elif page is Step.SEND:
            self.send_page.load(view)
        elif page is Step.PRINT and view.printout is not None:
            if self.print_page.output.path.text() != self.data_page.output.path.text():
                self.print_page.set_pdf_path(self.data_page.output.path.text())
            self.print_page.load(view.printout, view.data, view.notice)
        self._show_page(page)

    def _show_page(self, page: Step) -> None:
        self.stack.setCurrentWidget(self._pages.get(page, self.done_page))
        self.heading.setText(page.heading)
        self._mark_step(page)
        self._update_buttons()
        self.page_shown.emit(page.value)

    def _show_steps(self, view: WizardView) -> None:
        self.steps.clear()
        for number, step in enumerate(view.steps, start=1):
            item = QListWidgetItem(f"{number}. {step.heading}")
            item.setData(Qt.ItemDataRole.UserRole, step.value)
            self.steps.addItem(item)

    def _mark_step(self, page: Step) -> None:
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            font = QFont(item.font())
            font.setBold(item.data(Qt.ItemDataRole.UserRole) == page.value)
            item.setFont(font)

    def current_page(self) -> Step:
        widget = self.stack.currentWidget()
        return next((s for s, w in self._pages.items() if w is widget), Step.DATA)

    @Slot()
    def _update_buttons(self) -> None:
        view = self.view
        page = self.current_page() if view is not None else None
        idle = not self._busy and view is not None
        self.back_button.setEnabled(idle and page is not Step.DATA and self._can_back())
        self.next_button.setEnabled(idle and self._can_next(page))
        self.next_button.setVisible(page is not Step.DONE)
        self.back_button.setVisible(page is not Step.DONE)
        done = view is not None and (
            page is Step.DONE or (view.step is Step.SEND and view.status is Status.REJECTED)
        )
        self.cancel_button.setText(self.tr("&Close") if done else self.tr("Cancel"))
        self.cancel_button.setEnabled(not self._busy or self._send_token is not None)
        self.next_button.setText(self._next_text(page))

    def _can_back(self) -> bool:
        view = self.view
        return view is not None and view.can_back

    def _can_next(self, page: Step | None) -> bool:
        view = self.view
        if view is None or page is None:
            return False
        if page is Step.DATA:
            return not self.data_page.field_errors()
        if page is Step.SEND and view.status is Status.APPROVED and view.send_result is None:
            return True  # the button sends
        if page is Step.PRINT:
            return view.printout is not None
        return view.can_next and page is view.page

    def _next_text(self, page: Step | None) -> str:
        view = self.view
        if page is Step.APPROVE:
            return self.tr("&Approve")
        if page is Step.SEND and view is not None and view.status is Status.APPROVED:
            return self.tr("&Send to KSeF")
        if page is Step.PRINT:
            output = self.print_page.output_kind()
            return self.tr("&Save PDF") if output is Output.PDF else self.tr("&Print…")
        return self.tr("&Next >")

    # --- actions -------------------------------------------------------------------

    @Slot()
    def _on_next_clicked(self) -> None:
        view = self.view
        if view is None or self._busy:
            return
        page = self.current_page()
        if page is Step.DATA:
            data = self.data_page.value()
            self.print_page.set_pdf_path(self.data_page.output.path.text())

            def leave_data(_c: CancelToken, _p: Progress) -> WizardView:
                self.wizard.set_print_data(data)
                self.wizard.next()
                return self._snapshot()

            self._run(self.tr("Checking the document for KSeF"), leave_data, self._on_view)
        elif page is Step.SEND and view.status is Status.APPROVED:
            self._send()
        elif page is Step.PRINT:
            self._print()
        else:
            self._run(self.tr("Working"), self._next, self._on_view)

    def _next(self, _c: CancelToken, _p: Progress) -> WizardView:
        self.wizard.next()
        return self._snapshot()

    @Slot()
    def _on_back_clicked(self) -> None:
        view = self.view
        if view is None or self._busy:
            return
        if view.step is Step.DATA:  # the problems page over the data page: no step to undo
            self._show_page(Step.DATA)
            return

        def back(_c: CancelToken, _p: Progress) -> WizardView:
            self.wizard.back()
            return self._snapshot()

        self._run(self.tr("Going back"), back, self._on_view)

    @Slot()
    def _on_recheck(self) -> None:
        """After the editor fixed a problem: validate again with the data page's values."""
        self._show_page(Step.DATA)
        self._on_next_clicked()

    @Slot(int)
    def _on_problem_activated(self, index: int) -> None:
        view = self.view
        if view is None or self._busy:
            return
        problem = view.problems[index]
        target = problem.target
        if target.place is FixPlace.PRINT_DATA and target.field is not None:
            field = PrintField(target.field)
            if view.step is Step.DATA:
                self._show_page(Step.DATA)
                self.data_page.show_problem(field, problem.message)
            else:

                def back_to_data(_c: CancelToken, _p: Progress) -> WizardView:
                    while self.wizard.current is not Step.DATA:
                        self.wizard.back()
                    return self._snapshot()

                def shown(new: WizardView) -> None:
                    self._on_view(replace(new, page=Step.DATA))
                    self.data_page.show_problem(field, problem.message)

                self._run(self.tr("Going back"), back_to_data, shown)
        elif target.place is FixPlace.EDITOR and target.field is not None:
            self.problems_page.say(
                self.tr(
                    "“{label}” is corrected in the document editor. Correct it there, then "
                    "click Check again."
                ).format(label=target.label)
            )
            self.edit_requested.emit(self.doc_id, target.field)
        else:
            self.problems_page.say(
                self.tr("This problem concerns the document as a whole: {m}").format(
                    m=problem.message
                )
            )

    def _send(self) -> None:
        token = CancelToken()
        self._send_token = token

        def send(_c: CancelToken, progress: Progress) -> WizardView:
            # Our own token: stopping the wait still delivers the outcome (SENT, pending).
            self.wizard.send(token, progress)
            return self._snapshot()

        def sent(view: WizardView) -> None:
            self._send_token = None
            self._on_view(view)

        def refresh(_c: CancelToken, _p: Progress) -> WizardView:
            return self._snapshot()

        def finished() -> None:
            self._set_busy(False, "")
            if self._send_token is not None:  # stopped before the hand-over: nothing changed
                self._send_token = None
                self._run(self.tr("Reading the document"), refresh, self._on_view)

        self.send_page.sending(True)
        self._set_busy(True, self.tr("Sending to KSeF"))
        self._runner.run(
            "send",
            send,
            on_returned=sent,
            on_errored=self._on_failed,
            on_progress=self.send_page.progress,
            on_finished=finished,
        )

    @Slot()
    def _on_stop_waiting(self) -> None:
        if self._send_token is not None:
            self._send_token.cancel()

    def _print(self) -> None:
        printout = self.print_page.current()
        if printout is None:
            return
        if self.print_page.output_kind() is Output.PDF:
            text = self.print_page.output.path.text()
            try:
                data = pdf_bytes(printout)  # painted here: Qt text painting stays on this thread
            except Exception as exc:  # noqa: BLE001 - shown; the print is not recorded
                show_error(self, exc)
                return

            def save(_c: CancelToken, _p: Progress) -> WizardView:
                self.saved_pdf = save_pdf(data, pdf_file_for(text, printout.number))
                self.wizard.printed()
                return self._snapshot()

            self._run(self.tr("Saving the PDF"), save, self._on_done)
        else:
            type(self).choose_printer(self, lambda printer: self._print_on(printer, printout))

    def _print_on(self, printer: QPrinter, printout: Printout) -> None:
        try:
            print_on(printer, printout)
        except Exception as exc:  # noqa: BLE001 - shown; the print is not recorded
            show_error(self, exc)
            return

        def record(_c: CancelToken, _p: Progress) -> WizardView:
            self.wizard.printed()
            return self._snapshot()

        self._run(self.tr("Recording the print"), record, self._on_done)

    def _on_done(self, view: WizardView) -> None:
        if self.saved_pdf is not None:
            text = self.tr("The PDF was saved to {path}.").format(path=self.saved_pdf)
        else:
            text = self.tr("The document was sent to the printer.")
        self.done_page.text.setText(text)
        self._on_view(replace(view, page=Step.DONE))

    # --- closing -------------------------------------------------------------------

    def reject(self) -> None:
        if self._busy:
            self._on_stop_waiting()  # a send stops waiting; other work ends by itself
            return
        if self._wizard is not None and self._wizard.current is Step.DONE:
            self._finish(QDialog.DialogCode.Accepted)
            return
        if self._wizard is not None and not self._wizard.finished:
            self._wizard.cancel()  # the current step's work is not done
        self._finish(QDialog.DialogCode.Rejected)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._busy:
            self._on_stop_waiting()
            event.ignore()
            return
        self.reject()
        event.accept()

    def _finish(self, code: QDialog.DialogCode) -> None:
        if not self._reported:
            self._reported = True
            status = self.view.status.value if self.view is not None else ""
            self.finished_with.emit(self.doc_id, status)
        super().done(int(code.value))
