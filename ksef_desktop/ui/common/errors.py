"""The one place that shows errors: expected ones in a box, unexpected ones in a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.support.logs import redact

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc``: its user-safe message for our errors, the crash dialog for anything else."""
    # Message boxes load on first use: they are not needed to show the main window.
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from ksef_desktop.ui.common.msgbox import message  # noqa: PLC0415

    if isinstance(exc, KsefDesktopError):
        log.warning("%s: %s", exc.code, exc.message)
        message(parent, _tr("KSeF"), exc.message, icon=QMessageBox.Icon.Warning)
        return
    show_crash(type(exc), exc, exc.__traceback__, parent)


class CrashReporter:
    """Remembers where the log is, so the crash dialog can point there."""

    log_file: str | None = None
    showing = False


def show_crash(
    kind: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    parent: QWidget | None = None,
) -> None:
    text = redact("".join(traceback.format_exception(kind, exc, tb)))
    log.error("unexpected error:\n%s", text)
    if QApplication.instance() is None or CrashReporter.showing:
        return
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from ksef_desktop.ui.common.msgbox import message  # noqa: PLC0415

    CrashReporter.showing = True
    where = CrashReporter.log_file or _tr("the log")
    box = message(
        parent,
        _tr("Unexpected error"),
        _tr(
            "Something went wrong that the program did not expect. Your data is safe; you can "
            "continue working. The details are in {where} — please send them with a bug report."
        ).format(where=where),
        icon=QMessageBox.Icon.Critical,
        details=text,
        on_closed=_crash_closed,
    )
    box.setObjectName("crashDialog")


def _crash_closed() -> None:
    CrashReporter.showing = False


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    show_crash(kind, exc, tb)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if text.startswith("This plugin does not support"):
        # Platform plugins (offscreen, some Wayland compositors) lacking a window
        # feature: nothing a user can act on, so it must not look like a fault.
        level = logging.DEBUG
    qt_log.log(level, "%s (%s)", text, context.category)


def install_handlers(log_file: str | None) -> None:
    """The global excepthook (crash dialog + log) and Qt's messages routed to logging."""
    CrashReporter.log_file = log_file
    sys.excepthook = _excepthook
    qInstallMessageHandler(_qt_message)
