"""The AWAITING DOCUMENTS actions (toolbar, context menu, shortcuts) and the dialogs they ask."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.ui import shortcuts


def _tr(text: str) -> str:
    return QCoreApplication.translate("AwaitingActions", text)


@dataclass(frozen=True)
class ActionSpec:
    name: str  # objectName of the toolbar button; the QAction gets name + "Action"
    # English sources marked with QT_TRANSLATE_NOOP (typed as object): translated when
    # make_actions builds the window, after the catalog is installed, not at import.
    text: object
    shortcut: shortcuts.Shortcut  # from the one table the F1 help lists
    tip: object


#: The window's actions; their keys come from ui/shortcuts.py.
SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "resendSelected",
        QT_TRANSLATE_NOOP("AwaitingActions", "&Resend selected"),
        shortcuts.AWAITING_RESEND,
        QT_TRANSLATE_NOOP("AwaitingActions", "Send the selected documents again"),
    ),
    ActionSpec(
        "resendAll",
        QT_TRANSLATE_NOOP("AwaitingActions", "Resend &all matching"),
        shortcuts.AWAITING_RESEND_ALL,
        QT_TRANSLATE_NOOP("AwaitingActions", "Send again every document that matches the filter"),
    ),
    ActionSpec(
        "showStructure",
        QT_TRANSLATE_NOOP("AwaitingActions", "Show s&tructure"),
        shortcuts.AWAITING_STRUCTURE,
        QT_TRANSLATE_NOOP("AwaitingActions", "Open the FA(3) structure viewer"),
    ),
    ActionSpec(
        "showUpo",
        QT_TRANSLATE_NOOP("AwaitingActions", "Show &UPO"),
        shortcuts.AWAITING_UPO,
        QT_TRANSLATE_NOOP("AwaitingActions", "The UPO of a document KSeF accepted meanwhile"),
    ),
    ActionSpec(
        "exportXml",
        QT_TRANSLATE_NOOP("AwaitingActions", "&Export XML…"),
        shortcuts.AWAITING_EXPORT,
        QT_TRANSLATE_NOOP("AwaitingActions", "Save the FA(3) XML of the selection"),
    ),
    ActionSpec(
        "reopen",
        QT_TRANSLATE_NOOP("AwaitingActions", "Re&open for editing"),
        shortcuts.AWAITING_REOPEN,
        QT_TRANSLATE_NOOP("AwaitingActions", "Take a document KSeF rejected back for correction"),
    ),
    ActionSpec(
        "refreshList",
        QT_TRANSLATE_NOOP("AwaitingActions", "Re&fresh"),
        shortcuts.AWAITING_REFRESH,
        QT_TRANSLATE_NOOP("AwaitingActions", "Read the list again"),
    ),
)


def make_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(_tr(str(spec.text)), parent)
        action.setObjectName(f"{spec.name}Action")
        action.setShortcut(spec.shortcut.sequence)
        # The window may be a tab of the main window: its keys work only inside it.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = spec.shortcut.sequence.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{_tr(str(spec.tip))} ({shown})")
        parent.addAction(action)
        actions[spec.name] = action
    return actions


class FileDialogs:
    """The two questions the actions ask; tests replace these classmethods."""

    @classmethod
    def export_directory(cls, parent: QWidget | None) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, _tr("Export FA(3) XML to"))
        return Path(chosen) if chosen else None

    @classmethod
    def upo_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, _tr("Save the UPO"), suggested, _tr("XML files (*.xml)")
        )
        return Path(chosen) if chosen else None


class UpoDialog(QDialog):
    """Shows a UPO's XML; Save asks where and the window writes it (on the runner)."""

    save_requested = Signal(object)  # Path

    def __init__(self, number: str, xml: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upoDialog")
        self.setWindowTitle(self.tr("UPO of {number}").format(number=number))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.xml = xml
        self._number = number
        self.view = QPlainTextEdit(self)
        self.view.setObjectName("upoXml")
        self.view.setAccessibleName(self.tr("UPO XML"))
        self.view.setReadOnly(True)
        self.view.setFont(QFont("monospace"))
        self.view.setPlainText(xml.decode("utf-8", errors="replace"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.setObjectName("upoButtons")
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self._on_save_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _on_save_clicked(self) -> None:
        name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in self._number)
        path = FileDialogs.upo_path(self, f"UPO_{name}.xml")
        if path is not None:
            self.save_requested.emit(path)
