"""``--screenshots DIR``: render every window a user meets, from the demo data, to PNG files.

The run walks the windows in the order a person meets them: the main window,
KSEF > PARAMETERS after a connection test, the keyboard help, the language dialog
(cancelled), the sales register,
the editor and the print wizard on the demo draft (data and KSeF-validation
pages, then cancelled: nothing is stored), the wizard's print page and the
printout of an accepted invoice (the print is not recorded), the customers,
AWAITING DOCUMENTS and the FA(3) structure of the awaiting invoice. Each step
waits for the window's own "loaded" signal; a step that never finishes ends the
run with exit code 1 at the deadline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, SignalInstance, Slot
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QWidget

from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.services.connection import ConnectionReport
from ksef_desktop.services.printout import Printout
from ksef_desktop.services.wizard import Step
from ksef_desktop.ui.main_window import MainWindow
from ksef_desktop.ui.printing.output import paint_preview
from ksef_desktop.ui.register import RegisterWindow
from ksef_desktop.ui.register.wiring import RegisterWiring
from ksef_desktop.ui.structure.window import StructureWindow
from ksef_desktop.ui.wizard.dialog import PrintWizardDialog

log = logging.getLogger(__name__)

#: Give up (exit code 1) when the run has not finished by then.
DEADLINE_MS = 60_000
#: The printout page alone: about A4's proportions, readable in a README.
PRINTOUT_SIZE = (820, 1140)


class ScreenshotRun(QObject):
    """A small state machine driven by the windows' own signals; quits the app at the end."""

    def __init__(self, window: MainWindow, directory: Path) -> None:
        super().__init__(window)
        self._window = window
        self._directory = directory
        self.exit_code = 1
        self.written: list[Path] = []
        self._draft_id: str | None = None
        self._accepted_id: str | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._on_deadline_timeout)

    def start(self) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        self._deadline.start(DEADLINE_MS)
        self._window.ws_checked.connect(self._on_window_ws_checked)

    # --- helpers -------------------------------------------------------------------

    def _grab(self, widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        path = self._directory / f"{name}.png"
        if not widget.grab().save(str(path), "PNG", 0):  # 0: the smallest file
            raise OSError(f"cannot write {path}")
        self.written.append(path)
        log.info("screenshot written: %s", path)

    def _when(
        self, signal: SignalInstance, ready: Callable[[], bool], then: Callable[[], None]
    ) -> None:
        """Call ``then`` once, after the first emission of ``signal`` that finds ``ready()``.

        The check runs from the event loop just after the emission, so the slot that
        emitted has finished its own work (e.g. the wizard clears its busy flag after
        the task runner reports the task done).
        """

        def check() -> None:
            if ready() and not done:
                done.append(True)
                signal.disconnect(fire)
                then()

        def fire(*_args: Any) -> None:
            QTimer.singleShot(0, check)

        done: list[bool] = []
        signal.connect(fire)

    def _fail(self, why: str) -> None:
        log.error("screenshots: %s; wrote %s", why, self.written)
        QApplication.exit(1)

    def _wiring(self) -> RegisterWiring | None:
        return self._window.register_wiring

    # --- main window, parameters, help ---------------------------------------------------

    @Slot(object)
    def _on_window_ws_checked(self, _probe: object) -> None:
        self._window.ws_checked.disconnect(self._on_window_ws_checked)
        self._grab(self._window, "main-window")
        params = self._window.open_parameters()
        if params is None:  # cannot happen: ws_checked comes after the services attach
            self._fail("the parameters window did not open")
            return
        params.parameters_loaded.connect(self._on_parameters_loaded)

    @Slot()
    def _on_parameters_loaded(self) -> None:
        params = self._window.parameters_window
        if params is None:
            self._fail("the parameters window closed")
            return
        params.connection_tested.connect(self._on_connection_tested)
        params.test_button.click()

    @Slot(object)
    def _on_connection_tested(self, report: ConnectionReport) -> None:
        log.info("screenshots: connection test: %s", report.summary)
        params = self._window.parameters_window
        if params is None:
            self._fail("the parameters window closed")
            return
        self._grab(params, "parameters")
        params.close()
        help_window = self._window.open_help()
        self._grab(help_window, "help")
        help_window.close()
        self._open_language()

    def _open_language(self) -> None:
        dialog = self._window.open_language()

        def loaded() -> None:
            self._grab(dialog, "language")
            dialog.reject()  # Cancel: nothing is written
            self._open_register()

        self._when(dialog.languages_loaded, lambda: True, loaded)

    # --- the sales register, the editor, the print wizard ----------------------------------

    def _open_register(self) -> None:
        register = self._window.open_register()
        if register is None:
            self._fail("the register did not open")
            return
        self._when(register.refreshed, lambda: not register.model.loading, self._on_register)

    def _on_register(self) -> None:
        register = self._window.register_window
        if register is None:
            self._fail("the register closed")
            return
        model = register.model
        best = Decimal(0)
        for row in range(model.rowCount()):
            found = model.register_row(row)
            if found is None or found.register_kind != "invoice":
                continue
            if found.status is Status.DRAFT and self._draft_id is None:
                self._draft_id = found.id
            if found.status is Status.ACCEPTED and found.gross > best:
                # The largest accepted invoice: in the demo, the one with two VAT rates.
                self._accepted_id, best = found.id, found.gross
        if self._draft_id is None or self._accepted_id is None:
            self._fail("the demo's draft or accepted invoice is not in the register")
            return
        register.select(self._draft_id)
        self._grab(register, "register")
        self._open_editor(register)

    def _open_editor(self, register: RegisterWindow) -> None:
        wiring, doc_id = self._wiring(), self._draft_id
        if wiring is None or doc_id is None:
            self._fail("the register's editor wiring is missing")
            return
        editor = wiring.open_document(doc_id)
        editor.load_failed.connect(lambda exc: self._fail(f"the editor failed: {exc}"))

        def loaded() -> None:
            self._grab(editor, "editor")
            editor.close()
            self._open_wizard(register)

        self._when(editor.loaded, lambda: True, loaded)

    def _wizard_at(self, wizard: PrintWizardDialog, step: Step, then: Callable[[], None]) -> None:
        runner = self._window.runner

        def ready() -> bool:
            return wizard.view is not None and not wizard.is_busy and wizard.current_page() is step

        self._when(runner.task_done, ready, then)

    def _open_wizard(self, register: RegisterWindow) -> None:
        wiring, doc_id = self._wiring(), self._draft_id
        if wiring is None or doc_id is None:
            self._fail("the register's wizard wiring is missing")
            return
        wizard = wiring.open_wizard(doc_id)

        def validated() -> None:
            self._grab(wizard, "wizard-validation")
            wizard.reject()  # cancelled before approval: the draft stays as it was
            self._open_print(register)

        def data_shown() -> None:
            self._grab(wizard, "wizard-data")
            # Leaving the data page checks the document; nothing is stored unless it changed.
            self._wizard_at(wizard, Step.VALIDATION, validated)
            wizard.next_button.click()

        self._wizard_at(wizard, Step.DATA, data_shown)

    def _open_print(self, register: RegisterWindow) -> None:
        """An accepted invoice opens on the print page; cancelled, so no print is recorded."""
        wiring, doc_id = self._wiring(), self._accepted_id
        if wiring is None or doc_id is None:
            self._fail("the register's wizard wiring is missing")
            return
        wizard = wiring.open_wizard(doc_id)

        def print_shown() -> None:
            self._grab(wizard, "wizard-print")
            printout = wizard.print_page.current()
            wizard.reject()
            if printout is None:
                self._fail("the print page has no printout")
                return
            self._grab_printout(printout)
            register.close()
            self._open_customers()

        self._wizard_at(wizard, Step.PRINT, print_shown)

    def _grab_printout(self, printout: Printout) -> None:
        """The page as printed and saved as PDF, painted by the same code into a preview."""
        preview = QPrintPreviewWidget()
        preview.setObjectName("printoutPage")

        @Slot(QPrinter)
        def paint(printer: QPrinter) -> None:
            paint_preview(printer, printout)

        preview.paintRequested.connect(paint)
        preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)
        preview.resize(*PRINTOUT_SIZE)
        preview.show()
        preview.updatePreview()
        self._grab(preview, "printout")
        preview.close()
        preview.deleteLater()

    # --- customers, awaiting documents, structure viewer ------------------------------------

    def _open_customers(self) -> None:
        customers = self._window.open_customers()
        if customers is None:
            self._fail("the customer list did not open")
            return

        def loaded() -> None:
            self._grab(customers, "customers")
            customers.close()
            self._open_awaiting()

        self._when(customers.customers_loaded, lambda: True, loaded)

    def _open_awaiting(self) -> None:
        awaiting = self._window.open_awaiting()
        if awaiting is None:
            self._fail("AWAITING DOCUMENTS did not open")
            return

        def listed() -> None:
            # A fresh demo has one invoice waiting for KSeF; automatic retry delivers it
            # about a minute later, so an older demo shows an empty list.
            if awaiting.model.rowCount() > 0:
                awaiting.table.selectRow(0)
            self._grab(awaiting, "awaiting")
            ids = awaiting.selected_ids()
            if not ids:
                log.warning(
                    "screenshots: no awaiting document, so no structure viewer "
                    "(start the demo afresh with --reset)"
                )
                awaiting.close()
                self._finish()
                return
            # As a person would: Show structure on the selected document.
            awaiting.structure_opened.connect(self._on_structure_opened)
            awaiting.open_structure(ids[0])

        self._when(awaiting.list_refreshed, lambda: True, listed)

    @Slot(object)
    def _on_structure_opened(self, viewer: QWidget) -> None:
        if not isinstance(viewer, StructureWindow):
            self._fail("the structure viewer did not open")
            return
        viewer.structure_failed.connect(lambda exc: self._fail(f"the structure viewer: {exc}"))

        def loaded() -> None:
            # Open the invoice body and find the amount due, as a person would.
            viewer.tree.expandToDepth(0)
            viewer.search.setText("P_15")
            viewer.find_next()
            self._grab(viewer, "structure")
            viewer.close()
            awaiting = self._window.awaiting_window
            if awaiting is not None:
                awaiting.close()
            self._finish()

        self._when(viewer.structure_loaded, lambda: True, loaded)

    def _finish(self) -> None:
        self.exit_code = 0
        self._deadline.stop()
        QApplication.quit()

    @Slot()
    def _on_deadline_timeout(self) -> None:
        self._fail("a window did not get ready in time")
