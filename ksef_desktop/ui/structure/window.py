"""The FA(3) structure viewer window: element tree, raw XML, details, problems and search."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.structure import StructureModel
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.tasks import Task, TaskRunner
from ksef_desktop.ui.structure.details import DetailsPane
from ksef_desktop.ui.structure.loading import Loaded, load, read_file
from ksef_desktop.ui.structure.problems import Entry, ProblemList
from ksef_desktop.ui.structure.tree_model import NAME, NODE_ROLE, VALUE, StructureTreeModel
from ksef_desktop.ui.structure.xml_view import XmlView

#: The viewer's own keys (listed for the lead's shortcut table and the F1 help).

_LOADING, _ERROR, _CONTENT = range(3)


class StructureWindow(QMainWindow):
    """Opens one FA(3) document at a time; all parsing and checking runs in the task runner."""

    structure_loaded = Signal(object)  # StructureModel, once shown
    structure_failed = Signal(object)  # the exception, shown in the window
    path_copied = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._task: Task[Any] | None = None
        self._loaded: Loaded | None = None
        self._hits: list[int] = []
        self._hit = -1
        self.setObjectName("structureWindow")
        self.setWindowTitle(self.tr("FA(3) structure"))
        self._build()
        self._connect_signals()
        self.resize(1280, 820)

    # --- construction ----------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._build_search_row())
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("structurePages")
        self.pages.addWidget(self._build_loading_page())
        self.pages.addWidget(self._build_error_page())
        self.pages.addWidget(self._build_content_page())
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().setObjectName("structureStatus")

    def _build_search_row(self) -> QHBoxLayout:
        self.search = QLineEdit(self)
        self.search.setObjectName("structureSearch")
        self.search.setPlaceholderText(self.tr("Find an element by name, label or value (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Find"))
        self.search.setClearButtonEnabled(True)
        self.previous_button = QPushButton(self.tr("&Previous"), self)
        self.previous_button.setObjectName("findPrevious")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.next_button.setObjectName("findNext")
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.search_status = QLabel(self)
        self.search_status.setObjectName("searchStatus")
        self.search_status.setMinimumWidth(150)
        self.copy_button = QPushButton(self.tr("Copy &path"), self)
        self.copy_button.setObjectName("copyPath")
        self.copy_button.setToolTip(self.tr("Copy the selected element's path (Ctrl+Shift+C)"))
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(self.search_status)
        row.addSpacing(12)
        row.addWidget(self.copy_button)
        return row

    def _build_loading_page(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.busy_text = QLabel(self.tr("Opening…"), page)
        self.busy_text.setObjectName("structureBusyText")
        self.busy_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar(page)
        self.busy.setObjectName("structureBusy")
        self.busy.setRange(0, 0)  # indeterminate: the task reports steps, not fractions
        self.busy.setFixedWidth(360)
        box.addWidget(self.busy_text)
        box.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_error_page(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        heading = QLabel(self.tr("This file cannot be shown"), page)
        heading.setStyleSheet("font-size: 15pt; font-weight: bold; color: #b00020;")
        self.error_text = QLabel(page)
        self.error_text.setObjectName("structureError")
        self.error_text.setWordWrap(True)
        self.error_text.setTextFormat(Qt.TextFormat.PlainText)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addStretch(1)
        box.addWidget(heading)
        box.addWidget(self.error_text)
        box.addStretch(2)
        return page

    def _build_content_page(self) -> QWidget:
        self.tree_model = StructureTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("structureTree")
        self.tree.setAccessibleName(self.tr("FA(3) elements"))
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)  # lets the view skip measuring 30,000 rows
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(NAME, 170)
        self.tree.setColumnWidth(VALUE, 240)
        self.copy_action = QAction(self.tr("Copy path"), self.tree)
        self.copy_action.setObjectName("copyPathAction")
        self.tree.addAction(self.copy_action)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.raw = XmlView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("structureTabs")
        self.tabs.addTab(self.tree, self.tr("&Structure"))
        self.tabs.addTab(self.raw, self.tr("&Raw XML"))
        self.details = DetailsPane(self)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.tabs)
        upper.addWidget(self.details)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setSizes([780, 480])
        self.problems_heading = QLabel(self)
        self.problems_heading.setObjectName("problemsHeading")
        self.problems = ProblemList(self)
        lower = QWidget(self)
        lower_box = QVBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.addWidget(self.problems_heading)
        lower_box.addWidget(self.problems)
        page = QSplitter(Qt.Orientation.Vertical, self)
        page.addWidget(upper)
        page.addWidget(lower)
        page.setStretchFactor(0, 4)
        page.setStretchFactor(1, 1)
        page.setSizes([620, 160])
        return page

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.problems.entry_selected.connect(self._on_problems_entry_selected)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.copy_button.clicked.connect(self.copy_path)
        self.copy_action.triggered.connect(self.copy_path)
        for key, slot in (
            (shortcuts.STRUCTURE_FIND, self._on_find_shortcut),
            (shortcuts.STRUCTURE_FIND_NEXT, self.find_next),
            (shortcuts.STRUCTURE_FIND_PREVIOUS, self.find_previous),
            (shortcuts.STRUCTURE_COPY_PATH, self.copy_path),
            (shortcuts.STRUCTURE_CLOSE, self.close),
        ):
            QShortcut(key.sequence, self, slot)

    # --- opening ---------------------------------------------------------------

    @property
    def structure(self) -> StructureModel | None:
        return self._loaded.model if self._loaded else None

    @property
    def loading(self) -> bool:
        return self._task is not None

    def open_bytes(self, xml: bytes, title: str, ksef_messages: Sequence[str] = ()) -> None:
        """Show ``xml``; KSeF's rejection messages are linked to the elements they name."""
        messages, font = tuple(ksef_messages), self.raw.font()
        self._start(title, lambda cancel, progress: load(xml, messages, font, cancel, progress))

    def open_source(self, title: str, fetch: Callable[[], tuple[bytes, Sequence[str]]]) -> None:
        """Show what ``fetch`` returns (XML, KSeF messages); it runs in the task runner.

        For documents whose XML comes from a service that may touch SQLite or
        the web service, e.g. ``lambda: (services.awaiting.fa3(id), messages)``.
        """
        font = self.raw.font()

        def operation(cancel: CancelToken, progress: Progress) -> Loaded:
            xml, messages = fetch()
            cancel.raise_if_cancelled()
            return load(xml, tuple(messages), font, cancel, progress)

        self._start(title, operation)

    def open_file(self, path: str | Path) -> None:
        file, font = Path(path), self.raw.font()

        def operation(cancel: CancelToken, progress: Progress) -> Loaded:
            return load(read_file(file), (), font, cancel, progress)

        self._start(file.name, operation)

    def _start(self, title: str, operation: Any) -> None:
        if self._task is not None:
            self._task.cancel()
        self.setWindowTitle(self.tr("FA(3) structure — {title}").format(title=title))
        self._show_loaded(None)
        self.busy_text.setText(self.tr("Opening {title}…").format(title=title))
        self.pages.setCurrentIndex(_LOADING)
        self._set_actions_enabled(False)
        task: Task[Loaded] = self._runner.run(
            "open FA(3) structure",
            operation,
            on_returned=self._on_load_returned,
            on_errored=self._on_load_errored,
            on_progress=self.busy_text.setText,
        )
        self._task = task

    @Slot(object)
    def _on_load_returned(self, loaded: Loaded) -> None:
        self._task = None
        self._show_loaded(loaded)
        self.pages.setCurrentIndex(_CONTENT)
        self._set_actions_enabled(True)
        model = loaded.model
        errors = sum(1 for e in loaded.entries if e.kind != "warning")
        warnings = len(loaded.entries) - errors
        self.problems_heading.setText(
            self.tr("Problems: {errors} errors or KSeF messages, {warnings} warnings").format(
                errors=errors, warnings=warnings
            )
            if loaded.entries
            else self.tr("No problems found.")
        )
        self.statusBar().showMessage(
            self.tr("{count:,} elements, {size:,} bytes").format(
                count=len(model.nodes), size=model.size
            )
        )
        self.tree.expandToDepth(0)
        self._select_node(0)
        self.tree.setFocus()
        self.structure_loaded.emit(model)

    @Slot(object)
    def _on_load_errored(self, exc: BaseException) -> None:
        self._task = None
        if not isinstance(exc, KsefDesktopError):
            self.pages.setCurrentIndex(_ERROR)
            self.error_text.setText(self.tr("An unexpected error stopped the viewer."))
            show_error(self, exc)  # the crash dialog: logged with its traceback
        else:
            self.error_text.setText(exc.message)
            self.pages.setCurrentIndex(_ERROR)
        self.statusBar().clearMessage()
        self.structure_failed.emit(exc)

    def _show_loaded(self, loaded: Loaded | None) -> None:
        self._loaded = loaded
        self._hits, self._hit = [], -1
        self.search_status.clear()
        self.tree_model.set_structure(
            loaded.model if loaded else None, loaded.below if loaded else None
        )
        if loaded is None:
            self.raw.set_xml("")
        else:
            self.raw.show_document(loaded.document, loaded.highlighter)
        self.problems.show_entries(loaded.entries if loaded else [])
        self.details.show_node(None, None)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.previous_button, self.next_button, self.copy_button):
            widget.setEnabled(enabled)
        self.copy_action.setEnabled(enabled)

    # --- selection -------------------------------------------------------------

    def current_node(self) -> int | None:
        index = self.tree.currentIndex()
        value = index.data(NODE_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else None

    def _select_node(self, node: int) -> None:
        index = self.tree_model.index_of(node)
        if not index.isValid():
            return
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.structure
        node = current.data(NODE_ROLE) if current.isValid() else None
        if model is None or not isinstance(node, int):
            self.details.show_node(None, None)
            return
        self.details.show_node(model, node)
        line = model.node(node).line
        if line is not None:
            self.raw.go_to_line(line)

    @Slot(object)
    def _on_problems_entry_selected(self, entry: Entry) -> None:
        if entry.node is not None:
            self._select_node(entry.node)
        # The line the problem names wins: it may be a child the schema expected there.
        if entry.line is not None:
            self.raw.go_to_line(entry.line)

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        # A hidden view cannot centre: its size is known only once it shows.
        if self.tabs.currentWidget() is self.raw:
            self.raw.centerCursor()

    # --- search and copy -------------------------------------------------------

    @Slot(str)
    def _on_search_text_changed(self, _text: str) -> None:
        self._hits, self._hit = [], -1
        self.search_status.clear()

    @Slot()
    def _on_find_shortcut(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_search(self, step: int) -> None:
        """Move ``step`` (+1 or -1) through the matches, starting from the selected element."""
        model = self.structure
        if model is None or not self.search.text().strip():
            return
        if not self._hits:
            # A few tens of ms over a 1 MB invoice: labels were read by the loading task.
            self._hits = model.search(self.search.text())
            current = self.current_node()
            before = sum(1 for hit in self._hits if current is not None and hit <= current)
            # Next goes to the first match after the selection, previous to the last before it.
            on_match = current in self._hits
            self._hit = before - 1 if step > 0 or on_match else before
        if not self._hits:
            self.search_status.setText(self.tr("No match"))
            return
        self._hit = (self._hit + step) % len(self._hits)
        self._show_hit()

    @Slot()
    def find_next(self) -> None:
        self._run_search(+1)

    @Slot()
    def find_previous(self) -> None:
        self._run_search(-1)

    def _show_hit(self) -> None:
        self._select_node(self._hits[self._hit])
        self.search_status.setText(
            self.tr("{n} of {total}").format(n=self._hit + 1, total=len(self._hits))
        )

    @Slot()
    def copy_path(self) -> None:
        model, node = self.structure, self.current_node()
        if model is None or node is None:
            return
        path = model.copy_path(node)
        QGuiApplication.clipboard().setText(path)
        self.statusBar().showMessage(self.tr("Copied {path}").format(path=path), 5000)
        self.path_copied.emit(path)

    # --- closing ---------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._task is not None:  # nothing to save; a late result is simply dropped
            self._task.cancel()
            self._task = None
        super().closeEvent(event)
