"""Every keyboard shortcut in one table: windows bind from it and the F1 help lists it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence


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
REGISTER_WINDOW = "register"
CUSTOMERS_WINDOW = "customers"
EDITOR_WINDOW = "editor"
WIZARD_WINDOW = "wizard"
AWAITING_WINDOW = "awaiting"
STRUCTURE_WINDOW = "structure"

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
LANGUAGE = Shortcut(
    "Ctrl+Shift+L", MAIN, QT_TRANSLATE_NOOP("shortcuts", "Language of the interface and printouts")
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

# --- ERP > SALES > INVOICES / RECEIPTS (ui/register) ---------------------------------
REGISTER_NEW = Shortcut("Ins", REGISTER_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "New document"))
REGISTER_OPEN = Shortcut(
    "Return", REGISTER_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Open the selected document")
)
REGISTER_DELETE = Shortcut(
    "Del", REGISTER_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Delete the selected draft")
)
REGISTER_PRINT = Shortcut(
    "Tab",
    REGISTER_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Print wizard for the selected document (in the list)"),
)
REGISTER_IMPORT = Shortcut(
    "Ctrl+I", REGISTER_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Import documents from JSON")
)
REGISTER_REFRESH = Shortcut(
    "F5", REGISTER_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Read the list again")
)
REGISTER_SEARCH = Shortcut(
    "Ctrl+F", REGISTER_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Move to the search field")
)
REGISTER_REOPEN = Shortcut(
    "Ctrl+E",
    REGISTER_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Reopen a rejected document for editing"),
)
REGISTER_CLOSE = Shortcut(
    "Esc",
    REGISTER_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Clear the search being typed, otherwise close the window"),
)

# --- CUSTOMERS (ui/customers) ------------------------------------------------------------
CUSTOMERS_NEW = Shortcut("Ins", CUSTOMERS_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "New customer"))
CUSTOMERS_SAVE = Shortcut(
    "Ctrl+S", CUSTOMERS_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Save the customer")
)
CUSTOMERS_SEARCH = Shortcut(
    "Ctrl+F", CUSTOMERS_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Move to the search field")
)
CUSTOMERS_CHOOSE = Shortcut(
    "Return",
    CUSTOMERS_WINDOW,
    QT_TRANSLATE_NOOP(
        "shortcuts", "Choose the customer (when picking a buyer), otherwise edit it"
    ),
)
CUSTOMERS_DELETE = Shortcut(
    "Del", CUSTOMERS_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Delete the selected customer")
)
CUSTOMERS_CLOSE = Shortcut(
    "Esc", CUSTOMERS_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Close (or cancel picking)")
)

# --- Document editor (ui/editor) --------------------------------------------------------
EDITOR_SAVE = Shortcut("Ctrl+S", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Save the draft"))
EDITOR_PICK_BUYER = Shortcut(
    "F4", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Pick the buyer from CUSTOMERS")
)
EDITOR_UNDO = Shortcut(
    "Ctrl+Z", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Undo a change to the lines")
)
EDITOR_REDO = Shortcut(
    "Ctrl+Y", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Redo a change to the lines")
)
EDITOR_REDO_ALT = Shortcut(
    "Ctrl+Shift+Z", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Redo a change to the lines")
)
EDITOR_ADD_LINE = Shortcut(
    "Ins", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Add a line (in the lines table)")
)
EDITOR_REMOVE_LINE = Shortcut(
    "Del", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Remove the line (in the lines table)")
)
EDITOR_LINE_UP = Shortcut(
    "Ctrl+Up", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Move the line up")
)
EDITOR_LINE_DOWN = Shortcut(
    "Ctrl+Down", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Move the line down")
)
EDITOR_EDIT_CELL = Shortcut(
    "Return", EDITOR_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Edit the cell (in the lines table)")
)
EDITOR_CLOSE = Shortcut(
    "Esc",
    EDITOR_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Close (asks before discarding unsaved changes)"),
)

# --- Print wizard (ui/wizard): the dialog's default button and reject() -----------------
WIZARD_NEXT = Shortcut(
    "Return",
    WIZARD_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Next step (the highlighted button; Alt + underlined letter)"),
)
WIZARD_CANCEL = Shortcut(
    "Esc", WIZARD_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Cancel (or stop waiting for KSeF)")
)

# --- ERP > KSEF > AWAITING DOCUMENTS (ui/awaiting) ---------------------------------------
AWAITING_RESEND = Shortcut(
    "Ctrl+R", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Resend the selected documents")
)
AWAITING_RESEND_ALL = Shortcut(
    "Ctrl+Shift+R",
    AWAITING_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Resend every document that matches the filter"),
)
AWAITING_STRUCTURE = Shortcut(
    "F3", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Show the FA(3) structure")
)
AWAITING_UPO = Shortcut("Ctrl+U", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Show the UPO"))
AWAITING_EXPORT = Shortcut(
    "Ctrl+Shift+E", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Export the FA(3) XML")
)
AWAITING_REOPEN = Shortcut(
    "Ctrl+E",
    AWAITING_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Reopen a rejected document for editing"),
)
AWAITING_REFRESH = Shortcut(
    "F5", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Read the list again")
)
AWAITING_SEARCH = Shortcut(
    "Ctrl+F", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Move to the search field")
)
AWAITING_CANCEL = Shortcut(
    "Esc", AWAITING_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Cancel the running operation")
)

# --- FA(3) structure viewer (ui/structure) ------------------------------------------------
STRUCTURE_FIND = Shortcut("Ctrl+F", STRUCTURE_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Find"))
STRUCTURE_FIND_NEXT = Shortcut(
    "F3", STRUCTURE_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Find the next match")
)
STRUCTURE_FIND_PREVIOUS = Shortcut(
    "Shift+F3", STRUCTURE_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Find the previous match")
)
STRUCTURE_COPY_PATH = Shortcut(
    "Ctrl+Shift+C",
    STRUCTURE_WINDOW,
    QT_TRANSLATE_NOOP("shortcuts", "Copy the path of the selected element"),
)
STRUCTURE_CLOSE = Shortcut("Esc", STRUCTURE_WINDOW, QT_TRANSLATE_NOOP("shortcuts", "Close"))


ALL: tuple[Shortcut, ...] = (
    HELP,
    SALES_REGISTER,
    CUSTOMERS,
    AWAITING,
    STRUCTURE_VIEWER,
    KSEF_PARAMETERS,
    REFRESH_STATUS,
    NAVIGATION,
    LANGUAGE,
    QUIT,
    GENERATE,
    COPY_CODE,
    CONNECTION_TEST,
    CANCEL_TEST,
    APPLY,
    OK,
    CANCEL,
    REGISTER_NEW,
    REGISTER_OPEN,
    REGISTER_DELETE,
    REGISTER_PRINT,
    REGISTER_IMPORT,
    REGISTER_REFRESH,
    REGISTER_SEARCH,
    REGISTER_REOPEN,
    REGISTER_CLOSE,
    CUSTOMERS_NEW,
    CUSTOMERS_CHOOSE,
    CUSTOMERS_DELETE,
    CUSTOMERS_SAVE,
    CUSTOMERS_SEARCH,
    CUSTOMERS_CLOSE,
    EDITOR_SAVE,
    EDITOR_PICK_BUYER,
    EDITOR_ADD_LINE,
    EDITOR_REMOVE_LINE,
    EDITOR_EDIT_CELL,
    EDITOR_LINE_UP,
    EDITOR_LINE_DOWN,
    EDITOR_UNDO,
    EDITOR_REDO,
    EDITOR_REDO_ALT,
    EDITOR_CLOSE,
    WIZARD_NEXT,
    WIZARD_CANCEL,
    AWAITING_RESEND,
    AWAITING_RESEND_ALL,
    AWAITING_STRUCTURE,
    AWAITING_UPO,
    AWAITING_EXPORT,
    AWAITING_REOPEN,
    AWAITING_REFRESH,
    AWAITING_SEARCH,
    AWAITING_CANCEL,
    STRUCTURE_FIND,
    STRUCTURE_FIND_NEXT,
    STRUCTURE_FIND_PREVIOUS,
    STRUCTURE_COPY_PATH,
    STRUCTURE_CLOSE,
)

# Window names in the order the help lists them (ALL is grouped the same way).
WHERE: dict[str, object] = {
    MAIN: QT_TRANSLATE_NOOP("shortcuts", "Main window"),
    PARAMETERS: QT_TRANSLATE_NOOP("shortcuts", "KSEF > PARAMETERS"),
    REGISTER_WINDOW: QT_TRANSLATE_NOOP("shortcuts", "ERP > SALES > INVOICES / RECEIPTS"),
    CUSTOMERS_WINDOW: QT_TRANSLATE_NOOP("shortcuts", "CUSTOMERS"),
    EDITOR_WINDOW: QT_TRANSLATE_NOOP("shortcuts", "Document editor"),
    WIZARD_WINDOW: QT_TRANSLATE_NOOP("shortcuts", "Print wizard"),
    AWAITING_WINDOW: QT_TRANSLATE_NOOP("shortcuts", "ERP > KSEF > AWAITING DOCUMENTS"),
    STRUCTURE_WINDOW: QT_TRANSLATE_NOOP("shortcuts", "FA(3) structure viewer"),
}


def describe(shortcut: Shortcut) -> tuple[str, str, str]:
    """(key as the platform writes it, where, what) for the help window."""
    key = shortcut.sequence.toString(QKeySequence.SequenceFormat.NativeText) or shortcut.key
    return key, _tr(str(WHERE[shortcut.where])), _tr(str(shortcut.action))


def matches(event: QKeyEvent, *candidates: Shortcut) -> bool:
    """Whether a key press is one of these shortcuts (for keys a view handles itself).

    The keypad's Enter counts as Return, and the keypad modifier is ignored, as users expect.
    """
    combo = event.keyCombination()
    key = combo.key()
    if key == Qt.Key.Key_Enter:
        key = Qt.Key.Key_Return
    modifiers = combo.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
    pressed = QKeySequence(QKeyCombination(modifiers, key))
    return any(pressed == shortcut.sequence for shortcut in candidates)
