"""Connects the register's requests to the document editor and the print wizard."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from ksef_desktop.services.bundle import Services
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.editor import DocumentEditor
from ksef_desktop.ui.register.window import RegisterWindow
from ksef_desktop.ui.wizard.dialog import PrintWizardDialog


class RegisterWiring(QObject):
    """Opens the editor ([Ins], [Enter]) and the wizard ([TAB]); lives as long as the register."""

    def __init__(self, register: RegisterWindow, services: Services, runner: TaskRunner) -> None:
        super().__init__(register)
        self.register = register
        self._services = services
        self._runner = runner
        register.new_requested.connect(self.open_new)
        register.open_requested.connect(self.open_document)
        register.print_requested.connect(self.open_wizard)

    def open_new(self, register_kind: str) -> DocumentEditor:
        return self._editor(None, register_kind)

    def open_document(self, doc_id: str) -> DocumentEditor:
        return self._editor(doc_id, "invoice")

    def _editor(self, doc_id: str | None, register_kind: str) -> DocumentEditor:
        editor = DocumentEditor(self._services, self._runner, doc_id, register_kind, self.register)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._on_saved)
        editor.show()
        return editor

    def open_wizard(self, doc_id: str) -> PrintWizardDialog:
        wizard = PrintWizardDialog(self._services, self._runner, doc_id, self.register)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished_with.connect(self._on_wizard_finished)
        wizard.edit_requested.connect(self._on_edit_requested)
        wizard.show()
        return wizard

    def _on_saved(self, doc_id: str) -> None:
        self.register.select(doc_id)
        self.register.refresh()

    def _on_wizard_finished(self, doc_id: str, _status: str) -> None:
        self.register.select(doc_id)
        self.register.refresh()

    def _on_edit_requested(self, doc_id: str, _field: str) -> None:
        self.open_document(doc_id)
