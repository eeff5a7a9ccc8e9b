"""Import of ERP JSON files into the register: choose files, import in the runner, show results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.importer import ImportResult, ImportService
from ksef_desktop.ui.common.tasks import Task, TaskRunner

_OK = QColor("#1b7f3b")
_FAILED = QColor("#b00020")


def _tr(text: str) -> str:
    return QCoreApplication.translate("importing", text)


class JsonFiles:
    """Asks which JSON files to import, without blocking; tests replace ``choose``."""

    @classmethod
    def choose(cls, parent: QWidget | None, on_chosen: Callable[[list[Path]], None]) -> None:
        dialog = QFileDialog(parent, _tr("Import documents from JSON"))
        dialog.setObjectName("importFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                _tr("ERP documents (*.json)"),
                _tr("All files (*)"),
            ]
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda files: on_chosen([Path(f) for f in files]))
        dialog.open()


class ImportResultsDialog(QDialog):
    """One row per file (imported or refused), its errors beneath with their field paths."""

    def __init__(self, results: Sequence[ImportResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = list(results)
        self.setObjectName("importResults")
        self.setWindowTitle(self.tr("Import results"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = QLabel(self._summary_text(), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("importResultsTree")
        self.tree.setAccessibleName(self.tr("Import results per file"))
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.results_model = QStandardItemModel(0, 2, self)
        self.results_model.setHorizontalHeaderLabels([self.tr("File / field"), self.tr("Result")])
        self.tree.setModel(self.results_model)
        self._fill()
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("importResultsButtons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _summary_text(self) -> str:
        good = [r for r in self.results if r.ok]
        documents = sum(len(r.ids) for r in good)
        refused = len(self.results) - len(good)
        text = self.tr(
            "{files} of {all} files imported: {docs} documents added as drafts."
        ).format(files=len(good), all=len(self.results), docs=documents)
        if refused:
            text += " " + self.tr(
                "{n} files were refused and nothing from them was stored; correct the fields "
                "listed below and import them again."
            ).format(n=refused)
        return text

    def _fill(self) -> None:
        style = self.style()
        for result in self.results:
            name = _item(result.path.name)
            name.setToolTip(str(result.path))
            if result.ok:
                name.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
                outcome = _item(
                    self.tr("Imported: {n} documents").format(n=len(result.ids))
                    if len(result.ids) != 1
                    else self.tr("Imported: 1 document")
                )
                outcome.setForeground(QBrush(_OK))
            else:
                name.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
                outcome = _item(
                    self.tr("Refused: {n} errors").format(n=len(result.errors))
                    if len(result.errors) != 1
                    else self.tr("Refused: 1 error")
                )
                outcome.setForeground(QBrush(_FAILED))
                for error in result.errors:
                    name.appendRow(
                        [_item(error.field or self.tr("(whole file)")), _item(error.message)]
                    )
            self.results_model.appendRow([name, outcome])
        self.tree.expandAll()

    def error_lines(self) -> list[tuple[str, str, str]]:
        """(file name, field path, message) for every error shown."""
        lines = []
        model = self.results_model
        for row in range(model.rowCount()):
            file_item = model.item(row, 0)
            for child in range(file_item.rowCount()):
                lines.append(
                    (
                        file_item.text(),
                        file_item.child(child, 0).text(),
                        file_item.child(child, 1).text(),
                    )
                )
        return lines


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


class Importer(QObject):
    """Runs an import in the task runner; ``imported`` carries the results when done."""

    imported = Signal(list)  # list[ImportResult]
    failed = Signal(object)

    def __init__(self, service: ImportService, runner: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._task: Task[list[ImportResult]] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, paths: Sequence[Path]) -> bool:
        """Import ``paths`` in the background; False when an import is already running."""
        if self._task is not None or not paths:
            return False
        service, files = self._service, list(paths)

        def run(cancel: CancelToken, progress: Progress) -> list[ImportResult]:
            results = []
            for n, path in enumerate(files, 1):
                cancel.raise_if_cancelled()
                progress(f"{n}/{len(files)} {path.name}")
                results.append(service.import_file(path))
            return results

        self._task = self._runner.run(
            "import documents", run, on_returned=self._on_returned, on_errored=self._on_errored
        )
        return True

    def _on_returned(self, results: list[ImportResult]) -> None:
        self._task = None
        self.imported.emit(results)

    def _on_errored(self, exc: BaseException) -> None:
        self._task = None
        self.failed.emit(exc)
