"""Every keyboard shortcut in one table: windows bind from it and the F1 help lists it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence


def _tr(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


@dataclass(frozen=True)
class Shortcut:
    key: str  # QKeySequence portable text
    where: str
    action: object  # English source, marked with QT_TRANSLATE_NOOP (typed as object)

    @property
    def sequence(self) -> QKeySequence:
        return QKeySequence(self.key)


MAIN = "main"
PARAMETERS = "parameters"

HELP = Shortcut("F1", MAIN, QT_TRANSLATE_NOOP("shortcuts", "Keyboard shortcuts (this window)"))
KSEF_PARAMETERS = Shortcut(
    "Ctrl+Shift+P",
    MAIN,
    QT_TRANSLATE_NOOP("shortcuts", "ERP > ADMINISTRATION > PARAMETERS > KSEF > PARAMETERS"),
)
SALES_REGISTER = Shortcut(
    "Ctrl+Shift+F", MAIN, QT_TRANSLATE_NOOP("shortcuts", "ERP > SALES > INVOICES / RECEIPTS")
)
CUSTOMERS = Shortcut(
    "Ctrl+Shift+K", MAIN, QT_TRANSLATE_NOOP("shortcuts", "ERP > SALES > CUSTOMERS")
)
AWAITING = Shortcut(
    "Ctrl+Shift+A", MAIN, QT_TRANSLATE_NOOP("shortcuts", "ERP > KSEF > AWAITING DOCUMENTS")
)
STRUCTURE_VIEWER = Shortcut(
    "Ctrl+O",
    MAIN,
    QT_TRANSLATE_NOOP("shortcuts", "Open an FA(3) XML file in the structure viewer"),
)
REFRESH_STATUS = Shortcut(
    "F5", MAIN, QT_TRANSLATE_NOOP("shortcuts", "Check the web-service connection again")
)
NAVIGATION = Shortcut(
    "Ctrl+L",
    MAIN,
    QT_TRANSLATE_NOOP("shortcuts", "Move to the navigation tree (arrows move, Enter opens)"),
)
QUIT = Shortcut("Ctrl+Q", MAIN, QT_TRANSLATE_NOOP("shortcuts", "Quit"))
GENERATE = Shortcut(
    "Ctrl+G", PARAMETERS, QT_TRANSLATE_NOOP("shortcuts", "GENERATE the authorization code")
)
COPY_CODE = Shortcut(
    "Ctrl+Shift+C",
    PARAMETERS,
    QT_TRANSLATE_NOOP("shortcuts", "Copy the authorization code to the clipboard"),
)
CONNECTION_TEST = Shortcut(
    "F9", PARAMETERS, QT_TRANSLATE_NOOP("shortcuts", "Run the CONNECTION TEST")
)
CANCEL_TEST = Shortcut(
    "Shift+F9", PARAMETERS, QT_TRANSLATE_NOOP("shortcuts", "Stop waiting for the connection test")
)
APPLY = Shortcut(
    "Ctrl+S", PARAMETERS, QT_TRANSLATE_NOOP("shortcuts", "Apply (save without closing)")
)
OK = Shortcut("Ctrl+Return", PARAMETERS, QT_TRANSLATE_NOOP("shortcuts", "OK (save and close)"))
CANCEL = Shortcut(
    "Esc",
    PARAMETERS,
    QT_TRANSLATE_NOOP("shortcuts", "Cancel (asks before discarding unsaved changes)"),
)

ALL: tuple[Shortcut, ...] = (
    HELP,
    SALES_REGISTER,
    CUSTOMERS,
    AWAITING,
    STRUCTURE_VIEWER,
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

WHERE: dict[str, object] = {
    MAIN: QT_TRANSLATE_NOOP("shortcuts", "Main window"),
    PARAMETERS: QT_TRANSLATE_NOOP("shortcuts", "KSEF > PARAMETERS"),
}


def describe(shortcut: Shortcut) -> tuple[str, str, str]:
    """(key as the platform writes it, where, what) for the help window."""
    key = shortcut.sequence.toString(QKeySequence.SequenceFormat.NativeText) or shortcut.key
    return key, _tr(str(WHERE[shortcut.where])), _tr(str(shortcut.action))
