"""Every keyboard shortcut in one table: windows bind from it and the F1 help lists it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


@dataclass(frozen=True)
class Shortcut:
    key: str  # QKeySequence portable text
    where: str
    action: str

    @property
    def sequence(self) -> QKeySequence:
        return QKeySequence(self.key)


MAIN = "main"
PARAMETERS = "parameters"

HELP = Shortcut("F1", MAIN, "Keyboard shortcuts (this window)")
KSEF_PARAMETERS = Shortcut(
    "Ctrl+Shift+P", MAIN, "ERP > ADMINISTRATION > PARAMETERS > KSEF > PARAMETERS"
)
REFRESH_STATUS = Shortcut("F5", MAIN, "Check the web-service connection again")
NAVIGATION = Shortcut("Ctrl+L", MAIN, "Move to the navigation tree (arrows move, Enter opens)")
QUIT = Shortcut("Ctrl+Q", MAIN, "Quit")
GENERATE = Shortcut("Ctrl+G", PARAMETERS, "GENERATE the authorization code")
COPY_CODE = Shortcut("Ctrl+Shift+C", PARAMETERS, "Copy the authorization code to the clipboard")
CONNECTION_TEST = Shortcut("F9", PARAMETERS, "Run the CONNECTION TEST")
CANCEL_TEST = Shortcut("Shift+F9", PARAMETERS, "Stop waiting for the connection test")
APPLY = Shortcut("Ctrl+S", PARAMETERS, "Apply (save without closing)")
OK = Shortcut("Ctrl+Return", PARAMETERS, "OK (save and close)")
CANCEL = Shortcut("Esc", PARAMETERS, "Cancel (asks before discarding unsaved changes)")

ALL: tuple[Shortcut, ...] = (
    HELP,
    KSEF_PARAMETERS,
    REFRESH_STATUS,
    NAVIGATION,
    QUIT,
    GENERATE,
    COPY_CODE,
    CONNECTION_TEST,
    CANCEL_TEST,
    APPLY,
    OK,
    CANCEL,
)

WHERE = {MAIN: "Main window", PARAMETERS: "KSEF > PARAMETERS"}


def describe(shortcut: Shortcut) -> tuple[str, str, str]:
    """(key as the platform writes it, where, what) for the help window."""
    key = shortcut.sequence.toString(QKeySequence.SequenceFormat.NativeText) or shortcut.key
    return key, _tr(WHERE[shortcut.where]), _tr(shortcut.action)
