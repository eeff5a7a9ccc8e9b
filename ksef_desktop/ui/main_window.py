"""The main window: cairo.ERP-style menus and navigation tree, and the KSeF status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ksef_desktop.support.paths import AppDirs
from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.common.errors import show_error
from ksef_desktop.ui.common.tasks import Task, TaskRunner

if TYPE_CHECKING:  # the service stack loads in the background while the window shows
    from ksef_desktop.services.bundle import Services
    from ksef_desktop.services.status import ShellStatus, WsProbe
    from ksef_desktop.ui.awaiting.autoretry import RetryDriver
    from ksef_desktop.ui.awaiting.window import AwaitingWindow
    from ksef_desktop.ui.customers import CustomerListWindow
    from ksef_desktop.ui.help import HelpWindow
    from ksef_desktop.ui.language_dialog import LanguageDialog
    from ksef_desktop.ui.parameters import ParametersWindow
    from ksef_desktop.ui.register import RegisterWindow
    from ksef_desktop.ui.register.wiring import RegisterWiring
    from ksef_desktop.ui.structure.window import StructureWindow

ACTION_ROLE = Qt.ItemDataRole.UserRole
W = TypeVar("W", bound=QWidget)


class MainWindow(QMainWindow):
    """Shows at once; the services arrive with :meth:`attach` once the store is open."""

    services_attached = Signal()
    status_refreshed = Signal(object)  # ShellStatus
    ws_checked = Signal(object)  # WsProbe
    awaiting_changed = Signal()  # from any thread: the outbox changed

    def __init__(
        self,
        services: Services | None,
        runner: TaskRunner,
        *,
        settings_file: Path | None = None,
        language_dir: Path | None = None,
        title_suffix: str = "",
    ) -> None:
        super().__init__()
        self._services: Services | None = None
        self._runner = runner
        # The language settings are the user's, shared by the demo and real work.
        self._language_dir = language_dir
        self._settings = (
            QSettings(str(settings_file), QSettings.Format.IniFormat) if settings_file else None
        )
        self._probe: Task[WsProbe] | None = None
        self.parameters_window: ParametersWindow | None = None
        self.help_window: HelpWindow | None = None
        self.register_window: RegisterWindow | None = None
        self.customers_window: CustomerListWindow | None = None
        self.awaiting_window: AwaitingWindow | None = None
        self.retry_driver: RetryDriver | None = None
        self.register_wiring: RegisterWiring | None = None
        self._unsubscribe_awaiting: Callable[[], None] | None = None
        self.last_status: ShellStatus | None = None
        self.last_probe: WsProbe | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ksef-desktop — cairo.ERP KSeF") + title_suffix)
        self._actions: dict[str, Callable[[], object]] = {
            "ksef_parameters": self.open_parameters,
            "sales_register": self.open_register,
            "customers": self.open_customers,
            "awaiting": self.open_awaiting,
            "structure_viewer": self.open_structure_file,
            "help": self.open_help,
        }
        self._build_menus()
        self._build_central()
        self._build_status_bar()
        self._connect_signals()
        self._restore_geometry()
        for action in self._service_actions:
            action.setEnabled(False)
        if services is not None:
            self.attach(services)

    @property
    def runner(self) -> TaskRunner:
        """The session's one task runner (windows opened from here share it)."""
        return self._runner

    def attach(self, services: Services) -> None:
        """The services are ready: enable the screens, start automatic retry, check status."""
        from ksef_desktop.services.autoretry import RetryScheduler  # noqa: PLC0415 - startup
        from ksef_desktop.ui.awaiting.autoretry import RetryDriver  # noqa: PLC0415

        self._services = services
        for action in self._service_actions:
            action.setEnabled(True)
        awaiting = services.awaiting
        # Retries run whether or not the AWAITING DOCUMENTS window is open.
        self.retry_driver = RetryDriver(
            RetryScheduler(awaiting), self._runner, awaiting.clock, self
        )
        self.retry_driver.start()
        self._unsubscribe_awaiting = awaiting.changes.subscribe(
            lambda _version: self.awaiting_changed.emit()
        )
        self.services_attached.emit()
        self.refresh_status()
        # The structure viewer's labels come from the XSD documentation (about half a
        # second to load): loaded now, in the background, the first document opens warm.
        QTimer.singleShot(1000, self._warm_up_structure)

    @Slot()
    def _warm_up_structure(self) -> None:
        def load(_cancel: object, _progress: object) -> None:
            from ksef_desktop.services.structure import warm_up  # noqa: PLC0415 - off the GUI

            warm_up()

        self._runner.run("load the FA(3) labels", load)

    # --- construction ----------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        erp = bar.addMenu(self.tr("&ERP"))
        erp.setObjectName("menuErp")
        sales = erp.addMenu(self.tr("&SALES"))
        sales.setObjectName("menuSales")
        register = self._action(
            sales,
            self.tr("&INVOICES / RECEIPTS"),
            "actionSalesRegister",
            shortcuts.SALES_REGISTER,
            self.open_register,
        )
        customers = self._action(
            sales,
            self.tr("&CUSTOMERS"),
            "actionCustomers",
            shortcuts.CUSTOMERS,
            self.open_customers,
        )
        ksef_menu = erp.addMenu(self.tr("&KSEF"))
        ksef_menu.setObjectName("menuErpKsef")
        awaiting = self._action(
            ksef_menu,
            self.tr("&AWAITING DOCUMENTS"),
            "actionAwaiting",
            shortcuts.AWAITING,
            self.open_awaiting,
        )
        self._action(
            ksef_menu,
            self.tr("&Open an FA(3) file in the structure viewer…"),
            "actionStructureViewer",
            shortcuts.STRUCTURE_VIEWER,
            self.open_structure_file,
        )
        admin = erp.addMenu(self.tr("&ADMINISTRATION"))
        admin.setObjectName("menuAdministration")
        params = admin.addMenu(self.tr("&PARAMETERS"))
        params.setObjectName("menuParameters")
        ksef = params.addMenu(self.tr("&KSEF"))
        ksef.setObjectName("menuKsef")
        self.parameters_action = self._action(
            ksef,
            self.tr("&PARAMETERS"),
            "actionKsefParameters",
            shortcuts.KSEF_PARAMETERS,
            self.open_parameters,
        )
        self._service_actions = (register, customers, awaiting, self.parameters_action)
        erp.addSeparator()
        self._action(erp, self.tr("&Quit"), "actionQuit", shortcuts.QUIT, self.close)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        self.help_action = self._action(
            help_menu, self.tr("&Keyboard shortcuts"), "actionHelp", shortcuts.HELP, self.open_help
        )
        self._action(
            help_menu,
            self.tr("&Language…"),
            "actionLanguage",
            shortcuts.LANGUAGE,
            self.open_language,
        )
        self.refresh_action = self._action(
            help_menu,
            self.tr("Check the &web service again"),
            "actionRefreshStatus",
            shortcuts.REFRESH_STATUS,
            self.refresh_status,
            # F5 refreshes the list in the windows that have one.
            context=Qt.ShortcutContext.WindowShortcut,
        )

    def _action(
        self,
        menu: QMenu,
        text: str,
        name: str,
        shortcut: shortcuts.Shortcut,
        slot: Callable[[], object],
        *,
        context: Qt.ShortcutContext = Qt.ShortcutContext.ApplicationShortcut,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut.sequence)
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_central(self) -> None:
        self.navigation = QTreeWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setHeaderHidden(True)
        self.navigation.setAccessibleName(self.tr("Navigation"))
        erp = QTreeWidgetItem([self.tr("ERP")])
        sales = QTreeWidgetItem([self.tr("SALES")])
        register = self._leaf(
            self.tr("INVOICES / RECEIPTS"), "sales_register", "ERP > SALES > INVOICES / RECEIPTS"
        )
        sales.addChildren(
            [
                register,
                self._leaf(self.tr("CUSTOMERS"), "customers", "ERP > SALES > CUSTOMERS"),
            ]
        )
        ksef_erp = QTreeWidgetItem([self.tr("KSEF")])
        ksef_erp.addChildren(
            [
                self._leaf(
                    self.tr("AWAITING DOCUMENTS"), "awaiting", "ERP > KSEF > AWAITING DOCUMENTS"
                ),
                self._leaf(
                    self.tr("FA(3) STRUCTURE VIEWER"),
                    "structure_viewer",
                    "Open an FA(3) XML file in the structure viewer",
                ),
            ]
        )
        erp.addChild(sales)
        erp.addChild(ksef_erp)
        admin = QTreeWidgetItem([self.tr("ADMINISTRATION")])
        params = QTreeWidgetItem([self.tr("PARAMETERS")])
        ksef = QTreeWidgetItem([self.tr("KSEF")])
        leaf = QTreeWidgetItem([self.tr("PARAMETERS")])
        leaf.setData(0, ACTION_ROLE, "ksef_parameters")
        leaf.setToolTip(0, self.tr("ERP > ADMINISTRATION > PARAMETERS > KSEF > PARAMETERS"))
        ksef.addChild(leaf)
        params.addChild(ksef)
        admin.addChild(params)
        erp.addChild(admin)
        help_item = QTreeWidgetItem([self.tr("HELP")])
        keys = QTreeWidgetItem([self.tr("Keyboard shortcuts")])
        keys.setData(0, ACTION_ROLE, "help")
        help_item.addChild(keys)
        self.navigation.addTopLevelItems([erp, help_item])
        self.navigation.expandAll()
        self.navigation.setCurrentItem(register)

        self.overview = QLabel(self)
        self.overview.setObjectName("overview")
        self.overview.setWordWrap(True)
        self.overview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.overview.setTextFormat(Qt.TextFormat.RichText)
        panel = QWidget(self)
        QVBoxLayout(panel).addWidget(self.overview)
        splitter = QSplitter(self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 600])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._render_overview()

    def _leaf(self, text: str, action: str, tooltip: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, ACTION_ROLE, action)
        item.setToolTip(0, tooltip)
        return item

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.module_label = QLabel(self.tr("KSeF: opening the data store…"), self)
        self.module_label.setObjectName("moduleStatus")
        self.ws_label = QLabel(self.tr("WS: …"), self)
        self.ws_label.setObjectName("wsStatus")
        self.awaiting_label = QLabel(self.tr("Awaiting documents: …"), self)
        self.awaiting_label.setObjectName("awaitingCount")
        for label in (self.module_label, self.ws_label, self.awaiting_label):
            bar.addPermanentWidget(label)

    def _connect_signals(self) -> None:
        self.navigation.itemActivated.connect(self._on_navigation_item_activated)
        QShortcut(QKeySequence(shortcuts.NAVIGATION.key), self, self.navigation.setFocus)
        self._runner.task_failed.connect(self._on_runner_task_failed)
        self.awaiting_changed.connect(self._on_awaiting_changed)
        self._awaiting_refresh = QTimer(self)
        self._awaiting_refresh.setSingleShot(True)
        self._awaiting_refresh.setInterval(300)  # a resend of 1,000 documents: one refresh
        self._awaiting_refresh.timeout.connect(self._refresh_snapshot)

    # --- navigation ------------------------------------------------------------

    @Slot(QTreeWidgetItem, int)
    def _on_navigation_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        action = item.data(0, ACTION_ROLE)
        if action in self._actions:
            self._actions[str(action)]()

    def _screen(self, attribute: str, build: Callable[[Services], W]) -> W | None:
        """The one window kept in ``attribute``: built on first use, shown and raised.

        Each screen exists once; closing deletes it (and clears ``attribute``), so the
        next opening starts from the store again.
        """
        if self._services is None:
            self.statusBar().showMessage(self.tr("Still opening the data store…"), 3000)
            return None
        window: W | None = getattr(self, attribute)
        if window is None:
            window = build(self._services)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: setattr(self, attribute, None))
            setattr(self, attribute, window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    @Slot()
    def open_parameters(self) -> ParametersWindow | None:
        from ksef_desktop.ui.parameters import ParametersWindow  # noqa: PLC0415 - startup time

        def build(services: Services) -> ParametersWindow:
            window = ParametersWindow(services, self._runner, self)
            window.parameters_applied.connect(self._on_parameters_applied)
            window.auth_code_generated.connect(self._on_parameters_applied)
            return window

        return self._screen("parameters_window", build)

    @Slot()
    def open_register(self) -> RegisterWindow | None:
        """ERP > SALES > INVOICES / RECEIPTS; [Ins]/[Enter] open the editor, [TAB] the wizard."""
        from ksef_desktop.ui.register import RegisterWindow  # noqa: PLC0415 - startup time
        from ksef_desktop.ui.register.wiring import RegisterWiring  # noqa: PLC0415

        def build(services: Services) -> RegisterWindow:
            window = RegisterWindow(services, self._runner, self)
            self.register_wiring = RegisterWiring(window, services, self._runner)
            return window

        return self._screen("register_window", build)

    @Slot()
    def open_customers(self) -> CustomerListWindow | None:
        """ERP > SALES > CUSTOMERS."""
        from ksef_desktop.ui.customers import CustomerListWindow  # noqa: PLC0415 - startup

        return self._screen(
            "customers_window", lambda services: CustomerListWindow(services, self._runner, self)
        )

    @Slot()
    def open_awaiting(self) -> AwaitingWindow | None:
        """ERP > KSEF > AWAITING DOCUMENTS."""
        from ksef_desktop.ui.awaiting.window import AwaitingWindow  # noqa: PLC0415 - startup

        def build(services: Services) -> AwaitingWindow:
            window = AwaitingWindow(services, self._runner, self, driver=self.retry_driver)
            window.count_changed.connect(self._show_awaiting_count)
            window.document_reopened.connect(self._on_document_reopened)
            return window

        return self._screen("awaiting_window", build)

    @Slot(object)
    def _on_document_reopened(self, document: object) -> None:
        """A rejected document is a draft again: open it in the editor to fix it."""
        doc_id = getattr(document, "id", None)
        opened = self.open_register() is not None and self.register_wiring is not None
        if opened and self.register_wiring is not None and isinstance(doc_id, str):
            self.register_wiring.open_document(doc_id)

    @Slot()
    def open_structure_file(self) -> StructureWindow | None:
        """Choose an FA(3) XML file and show it in a new structure viewer."""
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415 - startup time

        from ksef_desktop.ui.structure.window import StructureWindow  # noqa: PLC0415

        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an FA(3) file"),
            "",
            self.tr("FA(3) XML (*.xml);;All files (*)"),
        )
        if not name:
            return None
        viewer = StructureWindow(self._runner, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open_file(Path(name))
        viewer.show()
        return viewer

    @Slot()
    def open_language(self) -> LanguageDialog:
        """The interface language (from the next start) and the printouts' language."""
        from ksef_desktop.ui.language_dialog import LanguageDialog  # noqa: PLC0415 - startup

        config_dir = self._language_dir or AppDirs.default().config
        dialog = LanguageDialog(config_dir, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def open_help(self) -> HelpWindow:
        from ksef_desktop.ui.help import HelpWindow  # noqa: PLC0415 - startup time

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show()
        self.help_window.raise_()
        return self.help_window

    # --- status ----------------------------------------------------------------

    @Slot()
    def refresh_status(self) -> None:
        """Module status and awaiting count from the store, then the WS in the background."""
        if self._services is None:
            return
        status = self._services.status
        self._refresh_snapshot()
        if self._probe is not None:
            self._probe.cancel()
        self.ws_label.setText(self.tr("WS: checking…"))
        self._probe = self._runner.run(
            "ws probe", lambda cancel, _p: status.probe(cancel), on_returned=self._on_probe
        )

    @Slot()
    def _on_awaiting_changed(self) -> None:
        self._awaiting_refresh.start()

    @Slot()
    def _refresh_snapshot(self) -> None:
        if self._services is None:
            return
        status = self._services.status
        self._runner.run(
            "status snapshot", lambda _c, _p: status.snapshot(), on_returned=self._on_snapshot
        )

    @Slot(int)
    def _show_awaiting_count(self, count: int) -> None:
        self.awaiting_label.setText(self.tr("Awaiting documents: {n}").format(n=count))

    @Slot(object)
    def _on_snapshot(self, status: ShellStatus) -> None:
        self.last_status = status
        self.module_label.setText(
            self.tr("KSeF: ACTIVE") if status.active else self.tr("KSeF: inactive")
        )
        self.module_label.setStyleSheet("color: #1b7f3b;" if status.active else "color: gray;")
        self._show_awaiting_count(status.awaiting)
        self._render_overview()
        self.status_refreshed.emit(status)

    @Slot(object)
    def _on_probe(self, probe: WsProbe) -> None:
        self._probe = None
        self.last_probe = probe
        # Keyed by WsState values, so this module need not import the services at start.
        texts = {
            "connected": self.tr("WS: connected"),
            "unreachable": self.tr("WS: unreachable"),
            "not-configured": self.tr("WS: not configured"),
        }
        colours = {"connected": "#1b7f3b", "unreachable": "#b00020"}
        state = probe.state.value
        if self.retry_driver is not None:
            # Automatic retry pauses while the WS is unreachable and resumes when it answers.
            if state == "connected":
                self.retry_driver.ws_back()
            elif state == "unreachable":
                self.retry_driver.ws_lost()
        self.ws_label.setText(texts[state])
        self.ws_label.setToolTip(probe.text)
        self.ws_label.setStyleSheet(f"color: {colours.get(state, 'gray')};")
        self._render_overview()
        self.ws_checked.emit(probe)

    @Slot(object)
    def _on_parameters_applied(self, _value: object) -> None:
        self.refresh_status()

    @Slot(object)
    def _on_runner_task_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _render_overview(self) -> None:
        status, probe = self.last_status, self.last_probe
        module = (
            "…"
            if status is None
            else (self.tr("ACTIVE") if status.active else self.tr("inactive"))
        )
        ws = "…" if probe is None else probe.text
        awaiting = "…" if status is None else str(status.awaiting)
        rows = [
            (self.tr("KSeF module"), module),
            (self.tr("cairo.KSEF WS"), ws),
            (self.tr("Awaiting documents"), awaiting),
        ]
        table = "".join(
            f"<tr><td style='padding-right:16px'><b>{k}</b></td><td>{_escape(v)}</td></tr>"
            for k, v in rows
        )
        self.overview.setText(
            "<h2>"
            + self.tr("KSeF")
            + "</h2><table>"
            + table
            + "</table><p>"
            + self.tr(
                "Open <b>ERP &gt; ADMINISTRATION &gt; PARAMETERS &gt; KSEF &gt; PARAMETERS</b> "
                "(Ctrl+Shift+P) to set the web-service address, generate the authorization code "
                "and test the connection. F1 lists every keyboard shortcut."
            )
            + "</p><p>"
            + self.tr(
                "Sales documents are issued in <b>ERP &gt; SALES &gt; INVOICES / RECEIPTS</b> "
                "(Ctrl+Shift+F): [Ins] new, [Enter] open, [TAB] print, which validates, "
                "approves and sends the document to KSeF first. Documents KSeF has not "
                "confirmed wait in <b>ERP &gt; KSEF &gt; AWAITING DOCUMENTS</b> (Ctrl+Shift+A)."
            )
            + "</p>"
        )

    # --- geometry --------------------------------------------------------------

    def _restore_geometry(self) -> None:
        if self._settings is None:
            self.resize(980, 620)
            return
        geometry = self._settings.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(980, 620)
        splitter = self._settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        window = self.parameters_window
        if window is not None and window.isVisible() and window.dirty:
            # The parameters window asks whether to discard; quitting waits for the answer.
            event.ignore()
            window.reject()
            return
        if self._settings is not None:
            self._settings.setValue("main/geometry", self.saveGeometry())
            self._settings.setValue("main/splitter", self.splitter.saveState())
            self._settings.sync()
        if self._probe is not None:
            self._probe.cancel()
        if self._unsubscribe_awaiting is not None:
            self._unsubscribe_awaiting()
            self._unsubscribe_awaiting = None
        if self.retry_driver is not None:
            self.retry_driver.stop()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
