"""The one-document actions of AWAITING DOCUMENTS: structure viewer, UPO, reopen for editing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from ksef_desktop.services.awaiting import AwaitingService
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.ui.awaiting.actions import UpoDialog
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import Task, TaskRunner

#: (number, FA(3) XML, KSeF's rejection messages) of one document.
Fetched = tuple[str, bytes, list[str]]


class DocumentActions(QObject):
    """Runs each action on the runner; the window shows ``status`` and forwards the signals."""

    structure_opened = Signal(object)  # the StructureWindow
    document_reopened = Signal(object)  # the ErpDocument
    upo_saved = Signal(object)  # Path
    status = Signal(str)  # a line for the window's summary

    def __init__(self, service: AwaitingService, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._service = service
        self._runner = runner
        self._window = window
        self._tasks: list[Task[Any]] = []

    def _run(self, name: str, operation: Any, on_returned: Any) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(
            self._runner.run(name, operation, on_returned=on_returned, on_errored=self._on_errored)
        )

    def shutdown(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()

    @Slot(object)
    def _on_errored(self, exc: BaseException) -> None:
        self.status.emit("")
        show_error(self._window, exc)

    # --- structure -----------------------------------------------------------------

    @Slot(str)
    def open_structure(self, document_id: str) -> None:
        """Fetch the FA(3) (the WS's copy when it has one) and open the structure viewer."""
        service = self._service

        def fetch(_cancel: CancelToken, _progress: Progress) -> Fetched:
            records = service.rows([document_id])
            number = records[0].entry.number if records else document_id
            described = records[0].reason.ksef_description if records else None
            messages = [m for m in (described or "").split("; ") if m]
            return number, service.fa3(document_id), messages

        self._run("FA(3) of an awaiting document", fetch, self._show_structure)

    def _show_structure(self, found: Fetched) -> None:
        # Loaded on first use: the viewer pulls in the XSD documentation machinery.
        from ksef_desktop.ui.structure.window import StructureWindow  # noqa: PLC0415

        number, xml, messages = found
        viewer = StructureWindow(self._runner, self._window)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open_bytes(xml, number, messages)
        viewer.show()
        self.structure_opened.emit(viewer)

    # --- UPO -------------------------------------------------------------------------

    def show_upo(self, document_id: str, number: str) -> None:
        service = self._service
        self.status.emit(self.tr("Asking the web service for the UPO…"))
        self._run(
            "UPO",
            lambda _c, _p: service.upo(document_id),
            lambda xml: self._show_upo(number, xml),
        )

    def _show_upo(self, number: str, xml: bytes) -> None:
        self.status.emit(
            self.tr("KSeF accepted {number}; its UPO is shown.").format(number=number)
        )
        dialog = UpoDialog(number, xml, self._window)
        dialog.save_requested.connect(lambda path: self._save_upo(path, dialog.xml))
        dialog.open()

    def _save_upo(self, path: Path, xml: bytes) -> None:
        self._run(
            "save UPO", lambda _c, _p: path.write_bytes(xml), lambda _n: self.upo_saved.emit(path)
        )

    # --- reopen ----------------------------------------------------------------------

    def reopen(self, document_id: str, number: str) -> None:
        """Ask first: the document leaves the list and goes back for correction."""
        Confirmation.ask(
            self._window,
            self.tr("Reopen for editing?"),
            self.tr(
                "{number} leaves the awaiting documents and goes back to the register for "
                "correction. After correcting it, approve and send it again.\n\nReopen it?"
            ).format(number=number),
            lambda yes: self._reopen(document_id) if yes else None,
            yes_text=self.tr("Reopen"),
        )

    def _reopen(self, document_id: str) -> None:
        service = self._service
        self._run(
            "reopen for editing", lambda _c, _p: service.reopen(document_id), self._on_reopened
        )

    def _on_reopened(self, document: Any) -> None:
        self.status.emit(
            self.tr("{number} is open for editing again.").format(number=document.number)
        )
        self.document_reopened.emit(document)
