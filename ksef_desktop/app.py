"""The desktop's composition root: builds the store, key store, services and runner, then windows.

The main window shows first; the store, the key store and the service stack
(httpx, pydantic, cryptography) are built by the task runner meanwhile, so the
window appears at once and the GUI thread never waits on disk.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ksef_desktop.support import logs
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.language import Language, interface_language, parse_language
from ksef_desktop.support.paths import AppDirs
from ksef_desktop.ui.common.errors import install_handlers, show_error
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.main_window import MainWindow
from ksef_desktop.ui.translation import install_language, remove_language, system_locale_name

if TYPE_CHECKING:
    from ksef_desktop.contract.client import WsClient
    from ksef_desktop.demo import DemoEnvironment
    from ksef_desktop.services.bundle import Services
    from ksef_desktop.services.connection import ClientFactory
    from ksef_desktop.storage.db import Database
    from ksef_desktop.storage.documents import DocumentRepository

log = logging.getLogger(__name__)

#: A connection test waits for KSeF too; the status-bar probe only for the WS itself.
TEST_TIMEOUT = 30.0
PROBE_TIMEOUT = 5.0


@dataclass
class Session:
    """Everything one desktop session owns; closed in reverse order of creation."""

    dirs: AppDirs
    db: Database
    services: Services
    documents: DocumentRepository
    demo: DemoEnvironment | None = field(default=None)

    def close(self) -> None:
        self.db.close()
        if self.demo is not None:
            self.demo.stop()


def build_session(
    dirs: AppDirs,
    *,
    use_keyring: bool = True,
    client_factory: ClientFactory | None = None,
    probe_factory: ClientFactory | None = None,
) -> Session:
    """Wire the store, the key stores and the services (no Qt, no global state).

    The imports are here, not at the top, so the window can show before the
    service stack (httpx, pydantic, cryptography) has loaded.
    """
    from ksef_desktop.services.authorization import AuthorizationService  # noqa: PLC0415
    from ksef_desktop.services.awaiting import AwaitingService  # noqa: PLC0415
    from ksef_desktop.services.bundle import Services  # noqa: PLC0415
    from ksef_desktop.services.connection import ConnectionService, default_client_factory  # noqa: PLC0415
    from ksef_desktop.services.keystore import default_key_stores  # noqa: PLC0415
    from ksef_desktop.services.parameters import ParametersService  # noqa: PLC0415
    from ksef_desktop.services.sales import build_sales  # noqa: PLC0415
    from ksef_desktop.services.status import StatusService  # noqa: PLC0415
    from ksef_desktop.storage.db import open_database  # noqa: PLC0415
    from ksef_desktop.storage.documents import DocumentRepository  # noqa: PLC0415
    from ksef_desktop.storage.keys import KeyRecordRepository  # noqa: PLC0415
    from ksef_desktop.storage.outbox import OutboxRepository  # noqa: PLC0415
    from ksef_desktop.storage.parameters import ParametersRepository  # noqa: PLC0415
    from ksef_desktop.support.language import printout_language  # noqa: PLC0415

    dirs.ensure()
    db = open_database(dirs.data)
    parameters = ParametersService(ParametersRepository(db))
    authorization = AuthorizationService(
        KeyRecordRepository(db), default_key_stores(dirs.data / "keys", use_keyring=use_keyring)
    )
    connection = ConnectionService(
        authorization, client_factory or default_client_factory(TEST_TIMEOUT)
    )
    documents = DocumentRepository(db)

    def ws_client() -> WsClient:
        return connection.client(parameters.load().ws_address)

    awaiting = AwaitingService(OutboxRepository(db), ws_client)
    status = StatusService(
        parameters, awaiting.total, probe_factory or default_client_factory(PROBE_TIMEOUT)
    )
    # A document the wizard could not get confirmed joins the awaiting documents.
    sales = build_sales(
        db,
        parameters,
        ws_client,
        on_unconfirmed=awaiting.hold,
        printout_language=lambda: printout_language(AppDirs.default().config),
    )
    services = Services(parameters, authorization, connection, status, sales, awaiting)
    return Session(dirs, db, services, documents)


def build_demo_session(dirs: AppDirs) -> Session:
    """Start ksef-sim and ksef-ws, point the store at them, then build the session."""
    from ksef_desktop.demo import start_demo  # noqa: PLC0415 - servers load only for --demo

    demo = start_demo(dirs)
    try:
        session = build_session(dirs, use_keyring=False)
    except BaseException:
        demo.stop()
        raise
    session.demo = demo
    return session


def _language(text: str) -> Language:
    language = parse_language(text)
    if language is None:
        raise argparse.ArgumentTypeError(tr("{text!r} is not pl or en").format(text=text))
    return language


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ksef-desktop", description=tr("The desktop client."))
    parser.add_argument(
        "--demo",
        action="store_true",
        help=tr("start a local KSeF simulator and web service with a demo company"),
    )
    parser.add_argument(
        "--reset", action="store_true", help=tr("with --demo: start the demo afresh")
    )
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help=tr("render each window to a PNG file in DIR and exit"),
    )
    parser.add_argument(
        "--language",
        type=_language,
        choices=list(Language),
        help=tr(
            "the interface language for this run (default: the saved choice, else the system's)"
        ),
    )
    args = parser.parse_args(list(argv))
    if args.reset and not args.demo:
        parser.error(tr("--reset only applies to --demo"))
    return args


def _language_of(args: argparse.Namespace) -> Language:
    """--language, else the saved choice (user-wide, also for --demo), else the system's."""
    return interface_language(
        AppDirs.default().config, system_locale_name(), override=args.language
    )


def _application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["ksef-desktop"])
    app.setApplicationName("ksef-desktop")
    app.setOrganizationName("ksef-desktop")
    return app


def demo_root() -> Path:
    return AppDirs.default().data / "demo"


def main(
    argv: Sequence[str] | None = None,
    *,
    on_shown: Callable[[MainWindow], None] | None = None,
) -> int:
    """Run the desktop; returns the exit code. ``on_shown`` runs once the window is up."""
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else 2
    if args.demo:
        root = demo_root()
        if args.reset and root.exists():
            shutil.rmtree(root)
        dirs = AppDirs.under(root).ensure()
    else:
        dirs = AppDirs.default().ensure()
    log_file = logs.configure(dirs.logs)
    app = _application()
    install_handlers(getattr(log_file, "baseFilename", None))
    # Before any window exists: the language is chosen once per run (support.i18n).
    translators = install_language(app, _language_of(args), dirs.cache)

    runner = TaskRunner(app)
    runner.task_failed.connect(lambda exc: show_error(None, exc))
    suffix = tr(" — DEMO (local simulator)") if args.demo else ""
    window = MainWindow(
        None, runner, settings_file=dirs.config / "window.ini", title_suffix=suffix
    )
    sessions: list[Session] = []  # appended by the worker, so even an abandoned one is closed

    def open_session(_cancel: object, _progress: object) -> Session:
        session = build_demo_session(dirs) if args.demo else build_session(dirs)
        sessions.append(session)
        return session

    def opened(session: Session) -> None:
        window.attach(session.services)

    def failed(exc: BaseException) -> None:
        show_error(window, exc)
        if args.screenshots is not None:
            app.exit(1)

    screenshots = None
    code = 0
    try:
        window.show()
        # Started from the event loop, once the window is on screen, so the imports
        # and disk work of the service stack do not compete with showing it.
        QTimer.singleShot(
            0,
            lambda: runner.run(
                "open the store", open_session, on_returned=opened, on_errored=failed
            ),
        )
        if args.screenshots is not None:
            from ksef_desktop.ui.screenshots import ScreenshotRun  # noqa: PLC0415

            screenshots = ScreenshotRun(window, args.screenshots)
            screenshots.start()
        if on_shown is not None:
            QTimer.singleShot(0, lambda: on_shown(window))
        code = app.exec()
        if screenshots is not None and code == 0:
            code = screenshots.exit_code
    finally:
        window.close()
        runner.shutdown(wait_ms=30_000)
        for session in sessions:
            session.close()
        remove_language(app, translators)
    return code
