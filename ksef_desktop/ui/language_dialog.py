"""The language settings: the interface language (next start) and the printout language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.language import (
    SETTINGS_FILE,
    Language,
    choose_interface_language,
    choose_printout_language,
    chosen_interface_language,
    parse_language,
    printout_language,
)
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.printing.wording import NATIVE_NAMES

#: Both choices: the interface language (None: follow the system) and the printout language.
Choice = tuple[Language | None, Language]

_SYSTEM = ""  # the interface box's item data for "follow the system"


class LanguageSettingsError(KsefDesktopError):
    """settings.ini could not be written."""

    code = "language-settings"


def read_choice(config_dir: Path) -> Choice:
    return chosen_interface_language(config_dir), printout_language(config_dir)


def save_choice(config_dir: Path, choice: Choice) -> Choice:
    """Write both choices; a failure becomes a message that names the file."""
    interface, printout = choice
    try:
        choose_interface_language(config_dir, interface)
        choose_printout_language(config_dir, printout)
    except OSError as exc:
        raise LanguageSettingsError(
            tr("The language settings could not be saved to {path}: {reason}").format(
                path=config_dir / SETTINGS_FILE, reason=exc.strerror or exc
            )
        ) from exc
    return read_choice(config_dir)


class LanguageDialog(QDialog):
    """OK saves both choices and closes; Cancel closes without writing anything."""

    languages_loaded = Signal()
    languages_saved = Signal(object)  # the Choice as read back from settings.ini

    def __init__(self, config_dir: Path, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._config_dir = config_dir
        self._runner = runner
        self._busy = False
        self.setObjectName("languageDialog")
        self.setWindowTitle(self.tr("Language"))
        self._build()
        self._connect_signals()
        self._set_busy(True)
        self._runner.run(
            "read language settings",
            lambda _c, _p: read_choice(self._config_dir),
            on_returned=self._on_loaded,
            on_errored=self._on_failed,
        )

    def _build(self) -> None:
        self.interface = QComboBox()
        self.interface.setObjectName("interfaceLanguage")
        self.interface.addItem(self.tr("System default"), _SYSTEM)
        self.printout = QComboBox()
        self.printout.setObjectName("printoutLanguage")
        for language in Language:
            self.interface.addItem(NATIVE_NAMES[language], language.value)
            self.printout.addItem(NATIVE_NAMES[language], language.value)
        form = QFormLayout()
        interface_label = QLabel(self.tr("&Interface language:"))
        interface_label.setBuddy(self.interface)
        printout_label = QLabel(self.tr("&Printout language:"))
        printout_label.setBuddy(self.printout)
        form.addRow(interface_label, self.interface)
        form.addRow(printout_label, self.printout)
        self.note = QLabel(
            self.tr(
                "The interface language takes effect the next time the program starts. "
                "New printouts use the printout language; the print wizard lets you "
                "change it for one printout."
            )
        )
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("languageButtons")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addStretch(1)
        box.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # --- what the form says -------------------------------------------------------

    def choice(self) -> Choice:
        return (
            parse_language(self.interface.currentData()),
            Language(self.printout.currentData()),
        )

    def set_choice(self, choice: Choice) -> None:
        interface, printout = choice
        self.interface.setCurrentIndex(
            self.interface.findData(interface.value if interface is not None else _SYSTEM)
        )
        self.printout.setCurrentIndex(self.printout.findData(printout.value))

    @property
    def is_busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.interface, self.printout, self.buttons):
            widget.setEnabled(not busy)

    # --- reading and saving on the runner ------------------------------------------

    @Slot(object)
    def _on_loaded(self, choice: Choice) -> None:
        self.set_choice(choice)
        self._set_busy(False)
        self.interface.setFocus()
        self.languages_loaded.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        if self._busy:
            return
        choice = self.choice()
        self._set_busy(True)

        def save(_c: CancelToken, _p: Progress) -> Choice:
            return save_choice(self._config_dir, choice)

        self._runner.run(
            "save language settings", save, on_returned=self._on_saved, on_errored=self._on_failed
        )

    @Slot(object)
    def _on_saved(self, choice: Choice) -> None:
        self._set_busy(False)
        self.languages_saved.emit(choice)
        self.accept()

    def reject(self) -> None:
        if self._busy:  # a write in progress ends by itself; closing now would hide its outcome
            return
        super().reject()
