"""The KSEF > PARAMETERS window: parameters form, authorization code, connection test."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.errors import InvalidValueError, KsefDesktopError
from ksef_desktop.services.authorization import AuthorizationInfo
from ksef_desktop.services.bundle import Services
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.connection import ConnectionReport
from ksef_desktop.services.parameters import KsefParameters, field_errors
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import Task, TaskRunner
from ksef_desktop.ui.parameters.form import ParametersForm
from ksef_desktop.ui.parameters.results import ConnectionResults

_OK_STYLE = "color: #1b7f3b; font-weight: bold;"
_FAIL_STYLE = "color: #b00020; font-weight: bold;"


class ParametersWindow(QDialog):
    """OK applies and closes, Apply saves, Cancel reverts; closing with changes asks first."""

    parameters_loaded = Signal()
    parameters_applied = Signal(object)  # KsefParameters, as saved
    auth_code_generated = Signal(object)  # AuthorizationInfo
    connection_tested = Signal(object)  # ConnectionReport
    connection_test_cancelled = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._saved = KsefParameters()
        self._auth: AuthorizationInfo | None = None
        self._tasks: list[Task[Any]] = []
        self._test: Task[ConnectionReport] | None = None
        self._close_after_apply = False
        self.setObjectName("parametersWindow")
        self.setWindowTitle(self.tr("KSEF > PARAMETERS"))
        self._build()
        self._connect_signals()
        self._set_busy(True)
        self._track(
            self._runner.run(
                "load parameters",
                self._load,
                on_returned=self._on_loaded,
                on_errored=self._on_task_errored,
            )
        )

    # --- construction ----------------------------------------------------------

    def _build(self) -> None:
        self.form = ParametersForm(self)
        params_box = QGroupBox(self.tr("PARAMETERS"), self)
        QVBoxLayout(params_box).addWidget(self.form)

        auth_box = self._build_auth_box()
        test_box = self._build_test_box()
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(params_box)
        layout.addWidget(auth_box)
        layout.addWidget(test_box, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 680)

    def _build_auth_box(self) -> QGroupBox:
        auth_box = QGroupBox(self.tr("AUTHORIZATION CODE"), self)
        auth = QFormLayout(auth_box)
        self.auth_code = QLineEdit(self)
        self.auth_code.setObjectName("authCode")
        self.auth_code.setReadOnly(True)
        self.auth_code.setPlaceholderText(self.tr("not generated yet"))
        self.auth_code.setAccessibleName(self.tr("Authorization code"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setObjectName("copyAuthCode")
        self.copy_button.setToolTip(self.tr("Copy the code for the web-service operator"))
        code_row = QHBoxLayout()
        code_row.addWidget(self.auth_code, 1)
        code_row.addWidget(self.copy_button)
        auth.addRow(self.tr("Code:"), code_row)
        self.auth_key_id = self._value_label("authKeyId")
        self.auth_created = self._value_label("authCreated")
        self.auth_nip = self._value_label("authNip")
        self.auth_backend = self._value_label("authBackend")
        auth.addRow(self.tr("Key id:"), self.auth_key_id)
        auth.addRow(self.tr("Created:"), self.auth_created)
        auth.addRow(self.tr("Bound to NIP:"), self.auth_nip)
        auth.addRow(self.tr("Private key kept in:"), self.auth_backend)
        self.auth_warning = QLabel(self)
        self.auth_warning.setObjectName("authWarning")
        self.auth_warning.setWordWrap(True)
        self.auth_warning.setStyleSheet("color: #9a6700;")
        self.auth_warning.hide()
        auth.addRow(self.auth_warning)
        self.generate_button = QPushButton(self.tr("&GENERATE"), self)
        self.generate_button.setObjectName("generateAuthCode")
        self.generate_button.setToolTip(
            self.tr("Create a new key pair for the company NIP (Ctrl+G)")
        )
        self.copy_feedback = QLabel(self)
        self.copy_feedback.setObjectName("copyFeedback")
        generate_row = QHBoxLayout()
        generate_row.addWidget(self.generate_button)
        generate_row.addWidget(self.copy_feedback, 1)
        auth.addRow(generate_row)
        return auth_box

    def _build_test_box(self) -> QGroupBox:
        test_box = QGroupBox(self.tr("CONNECTION TEST"), self)
        test = QVBoxLayout(test_box)
        self.test_button = QPushButton(self.tr("Run &test (F9)"), self)
        self.test_button.setObjectName("connectionTest")
        self.cancel_test_button = QPushButton(self.tr("&Stop waiting"), self)
        self.cancel_test_button.setObjectName("cancelConnectionTest")
        self.cancel_test_button.setEnabled(False)
        self.test_progress = QLabel(self)
        self.test_progress.setObjectName("connectionProgress")
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.test_button)
        buttons_row.addWidget(self.cancel_test_button)
        buttons_row.addWidget(self.test_progress, 1)
        test.addLayout(buttons_row)
        self.results = ConnectionResults(self)
        test.addWidget(self.results, 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("connectionSummary")
        self.summary.setWordWrap(True)
        test.addWidget(self.summary)
        return test_box

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.setObjectName("parametersButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("parametersOk")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("parametersCancel")
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("parametersApply")

    def _value_label(self, name: str) -> QLabel:
        label = QLabel("—", self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _connect_signals(self) -> None:
        self.form.edited.connect(self._on_form_edited)
        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.cancel_test_button.clicked.connect(self._on_cancel_test_clicked)
        self.ok_button.clicked.connect(self._on_ok_clicked)
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        for shortcut, slot in (
            (shortcuts.GENERATE, self._on_generate_clicked),
            (shortcuts.COPY_CODE, self._on_copy_clicked),
            (shortcuts.CONNECTION_TEST, self._on_test_clicked),
            (shortcuts.CANCEL_TEST, self._on_cancel_test_clicked),
            (shortcuts.APPLY, self._on_apply_clicked),
            (shortcuts.OK, self._on_ok_clicked),
        ):
            QShortcut(QKeySequence(shortcut.key), self, slot)

    # --- state -----------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """True when the form differs from what is saved."""
        return self.form.values() != self._saved

    @property
    def testing(self) -> bool:
        return self._test is not None

    def _track(self, task: Task[Any]) -> None:
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.form, self.generate_button, self.ok_button, self.apply_button):
            widget.setEnabled(not busy)
        self.apply_button.setEnabled(not busy and self.dirty)

    def _load(
        self, _cancel: CancelToken, _progress: Progress
    ) -> tuple[KsefParameters, AuthorizationInfo | None]:
        return self._services.parameters.load(), self._services.authorization.current()

    @Slot(object)
    def _on_loaded(self, loaded: tuple[KsefParameters, AuthorizationInfo | None]) -> None:
        parameters, auth = loaded
        self._saved = parameters
        self.form.set_values(parameters)
        self._show_auth(auth)
        self._set_busy(False)
        self.parameters_loaded.emit()

    def _show_auth(self, info: AuthorizationInfo | None) -> None:
        self._auth = info
        self.auth_code.setText(info.code if info else "")
        self.auth_code.setCursorPosition(0)
        self.copy_button.setEnabled(info is not None)
        self.auth_key_id.setText(info.key_id if info else "—")
        self.auth_created.setText(
            info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if info else "—"
        )
        self.auth_nip.setText(info.nip if info else "—")
        backend = {"keyring": self.tr("the system keyring"), "file": self.tr("a private file")}
        self.auth_backend.setText(backend.get(info.backend, info.backend) if info else "—")
        self._update_auth_warning()

    def _update_auth_warning(self) -> None:
        values = self.form.values()
        text = ""
        if self._auth is not None and "company_nip" not in field_errors(values):
            nip = "".join(ch for ch in values.company_nip if ch.isdigit())
            if nip and nip[-10:] != self._auth.nip:
                text = self.tr(
                    "The code is bound to NIP {old}; the COMPANY NIP is now {new}. Generate a "
                    "new code for the new NIP."
                ).format(old=self._auth.nip, new=nip[-10:])
        self.auth_warning.setText(text)
        self.auth_warning.setVisible(bool(text))

    @Slot()
    def _on_form_edited(self) -> None:
        self.apply_button.setEnabled(self.form.isEnabled() and self.dirty)
        self._update_auth_warning()

    @Slot(object)
    def _on_task_errored(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._close_after_apply = False
        if isinstance(exc, InvalidValueError) and exc.field in self.form.errors:
            self.form.show_errors({str(exc.field): exc.message})
            self.form.editor(str(exc.field)).setFocus()
            return
        show_error(self, exc)

    # --- authorization code ----------------------------------------------------

    @Slot()
    def _on_generate_clicked(self) -> None:
        if not self.generate_button.isEnabled():
            return
        values = self.form.values()
        errors = field_errors(values)
        if not values.company_nip or "company_nip" in errors:
            message = errors.get("company_nip") or self.tr(
                "Enter the COMPANY NIP first: the authorization code is bound to it."
            )
            self.form.show_errors({"company_nip": message})
            self.form.editor("company_nip").setFocus()
            return
        if self._auth is None:
            self._generate(values.company_nip)
            return
        Confirmation.ask(
            self,
            self.tr("Replace the authorization code?"),
            self.tr(
                "The web service knows the current code (key {key_id}). After generating a new "
                "one the current code stops working at once, until the operator registers the "
                "new code.\n\nGenerate a new authorization code?"
            ).format(key_id=self._auth.key_id),
            lambda yes: self._generate(values.company_nip) if yes else None,
            yes_text=self.tr("Generate new code"),
        )

    def _generate(self, nip: str) -> None:
        self.generate_button.setEnabled(False)
        self._track(
            self._runner.run(
                "generate authorization code",
                lambda _c, _p: self._services.authorization.generate(nip),
                on_returned=self._on_generated,
                on_errored=self._on_task_errored,
                on_finished=lambda: self.generate_button.setEnabled(True),
            )
        )

    @Slot(object)
    def _on_generated(self, info: AuthorizationInfo) -> None:
        # Enabled here, not only on "finished": that signal may arrive a moment later.
        self.generate_button.setEnabled(True)
        self._show_auth(info)
        self.copy_feedback.setText(
            self.tr("New code generated. Copy it and give it to the web-service operator.")
        )
        self.auth_code_generated.emit(info)

    @Slot()
    def _on_copy_clicked(self) -> None:
        if self._auth is None:
            return
        QGuiApplication.clipboard().setText(self._auth.code)
        self.copy_feedback.setText(self.tr("Copied to the clipboard."))

    # --- connection test -------------------------------------------------------

    @Slot()
    def _on_test_clicked(self) -> None:
        if self._test is not None:
            return
        address = self.form.values().ws_address
        connection = self._services.connection
        self.results.clear()
        self.summary.clear()
        self.test_button.setEnabled(False)
        self.cancel_test_button.setEnabled(True)
        self.test_progress.setText(self.tr("Starting…"))
        task = self._runner.run(
            "connection test",
            lambda cancel, progress: connection.test(address, cancel, progress),
            on_returned=self._on_tested,
            on_errored=self._on_test_errored,
            on_progress=self.test_progress.setText,
        )
        self._test = task
        self._track(task)

    def _end_test(self) -> None:
        self._test = None
        self.test_button.setEnabled(True)
        self.cancel_test_button.setEnabled(False)
        self.test_progress.clear()

    @Slot(object)
    def _on_tested(self, report: ConnectionReport) -> None:
        self._end_test()
        self.results.show_report(report)
        self.summary.setText(report.summary)
        self.summary.setStyleSheet(_OK_STYLE if report.ok else _FAIL_STYLE)
        self.connection_tested.emit(report)

    @Slot(object)
    def _on_test_errored(self, exc: BaseException) -> None:
        self._end_test()
        if isinstance(exc, KsefDesktopError):
            self.summary.setText(exc.message)
            self.summary.setStyleSheet(_FAIL_STYLE)
        show_error(self, exc)

    @Slot()
    def _on_cancel_test_clicked(self) -> None:
        if self._test is None:
            return
        self._test.cancel()
        self._end_test()
        self.summary.setText(self.tr("Connection test cancelled; its answer will be ignored."))
        self.summary.setStyleSheet("")
        self.connection_test_cancelled.emit()

    # --- OK / Apply / Cancel ---------------------------------------------------

    @Slot()
    def _on_apply_clicked(self) -> None:
        self._apply(close_after=False)

    @Slot()
    def _on_ok_clicked(self) -> None:
        if not self.dirty:
            self._finish(accepted=True)
            return
        self._apply(close_after=True)

    def _apply(self, *, close_after: bool) -> None:
        if not self.ok_button.isEnabled() or not self.form.check():
            return
        values = self.form.values()
        self._close_after_apply = close_after
        self._set_busy(True)
        self._track(
            self._runner.run(
                "save parameters",
                lambda _c, _p: self._services.parameters.save(values),
                on_returned=self._on_applied,
                on_errored=self._on_task_errored,
            )
        )

    @Slot(object)
    def _on_applied(self, saved: KsefParameters) -> None:
        self._saved = saved
        self.form.set_values(saved)
        self._set_busy(False)
        self._update_auth_warning()
        self.parameters_applied.emit(saved)
        if self._close_after_apply:
            self._finish(accepted=True)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.revert()
        self._finish(accepted=False)

    def revert(self) -> None:
        """Put the saved values back into the form."""
        self.form.set_values(self._saved)
        self._update_auth_warning()
        self.apply_button.setEnabled(False)

    def reject(self) -> None:
        """Esc and the window's close button: ask before discarding unsaved changes."""
        if not self.dirty or not self.form.isEnabled():
            self.revert()
            self._finish(accepted=False)
            return
        Confirmation.ask(
            self,
            self.tr("Discard changes?"),
            self.tr("The KSeF parameters have unsaved changes. Close and discard them?"),
            self._on_discard_answered,
            yes_text=self.tr("Discard"),
        )

    def _on_discard_answered(self, discard: bool) -> None:
        if discard:
            self.revert()
            self._finish(accepted=False)

    def _finish(self, *, accepted: bool) -> None:
        for task in self._tasks:
            if not task.done:
                task.cancel()
        self._tasks.clear()
        if self._test is not None:
            self._end_test()
        if accepted:
            super().accept()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.dirty and self.form.isEnabled():
            event.ignore()
            self.reject()
            return
        self._finish(accepted=False)
        super().closeEvent(event)
