"""``--screenshots DIR``: render the main, parameters (with a connection test) and help windows."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QWidget

from ksef_desktop.services.connection import ConnectionReport
from ksef_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Give up (exit code 1) when a step has not finished by then.
DEADLINE_MS = 60_000


class ScreenshotRun(QObject):
    """A small state machine driven by the windows' own signals; quits the app at the end."""

    def __init__(self, window: MainWindow, directory: Path) -> None:
        super().__init__(window)
        self._window = window
        self._directory = directory
        self.exit_code = 1
        self.written: list[Path] = []
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._on_deadline_timeout)

    def start(self) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        self._deadline.start(DEADLINE_MS)
        self._window.ws_checked.connect(self._on_window_ws_checked)

    def _grab(self, widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        path = self._directory / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        self.written.append(path)
        log.info("screenshot written: %s", path)

    @Slot(object)
    def _on_window_ws_checked(self, _probe: object) -> None:
        self._window.ws_checked.disconnect(self._on_window_ws_checked)
        self._grab(self._window, "main-window")
        params = self._window.open_parameters()
        if params is None:  # cannot happen: ws_checked comes after the services attach
            QApplication.exit(1)
            return
        params.parameters_loaded.connect(self._on_parameters_loaded)

    @Slot()
    def _on_parameters_loaded(self) -> None:
        params = self._window.parameters_window
        if params is None:
            QApplication.exit(1)
            return
        params.connection_tested.connect(self._on_connection_tested)
        params.test_button.click()

    @Slot(object)
    def _on_connection_tested(self, report: ConnectionReport) -> None:
        log.info("screenshots: connection test: %s", report.summary)
        params = self._window.parameters_window
        if params is None:
            QApplication.exit(1)
            return
        self._grab(params, "parameters")
        params.close()
        help_window = self._window.open_help()
        self._grab(help_window, "help")
        help_window.close()
        self.exit_code = 0
        self._deadline.stop()
        QApplication.quit()

    @Slot()
    def _on_deadline_timeout(self) -> None:
        log.error("screenshots: a window did not get ready in time; wrote %s", self.written)
        QApplication.exit(1)
