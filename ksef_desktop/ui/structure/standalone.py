"""``ksef-desktop view FILE``: the structure viewer on its own, optionally rendered and closed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ksef_desktop.ui.common.errors import install_handlers
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.structure.window import StructureWindow

log = logging.getLogger(__name__)

EXIT_SHOWN = 0
EXIT_NOT_SHOWN = 1  # with --screenshots: the window shows an error instead of the document
SCREENSHOT = "structure-viewer.png"


def run_viewer(path: Path, screenshots: Path | None = None) -> int:
    """Open ``path`` in the viewer; with ``screenshots`` save the window there and return."""
    app = QApplication.instance()
    own_app = app is None
    if not isinstance(app, QApplication):
        app = QApplication(["ksef-desktop"])
        install_handlers(None)  # only for our own process: tests keep their hooks
    runner = TaskRunner()
    window = StructureWindow(runner)
    outcome: list[int] = []

    def finish(code: int) -> None:
        if screenshots is not None and not outcome:
            outcome.append(code)
            screenshots.mkdir(parents=True, exist_ok=True)
            # One more turn of the event loop, so the freshly shown page is laid out.
            QTimer.singleShot(0, lambda: _save_and_close(window, screenshots / SCREENSHOT))

    window.structure_loaded.connect(lambda _model: finish(EXIT_SHOWN))
    window.structure_failed.connect(lambda _exc: finish(EXIT_NOT_SHOWN))
    window.show()
    window.open_file(path)
    if screenshots is not None:
        window.destroyed.connect(app.quit)
    app.exec()
    runner.shutdown()
    runner.deleteLater()
    if not own_app:
        QApplication.processEvents()
    return outcome[0] if outcome else EXIT_SHOWN


def _save_and_close(window: StructureWindow, target: Path) -> None:
    if not window.grab().save(str(target)):
        log.warning("could not save %s", target)
    window.close()
    window.deleteLater()
