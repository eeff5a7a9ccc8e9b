"""pytest-qt fixtures: offscreen Qt, a desktop session in tmp_path, real servers, no leaks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ksef_desktop.app import Session, build_session
from ksef_desktop.services.connection import default_client_factory
from ksef_desktop.support.paths import AppDirs
from ksef_desktop.ui.common.msgbox import Confirmation
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.language_dialog import LanguageDialog
from ksef_desktop.ui.wizard.dialog import PrintWizardDialog
from tests.helpers.desktop_chain import Chain, running_chain

Answer = Callable[[bool], list[str]]
"""`answer(reply)`: from now on every confirmation gets `reply`; returns the titles asked."""


@pytest.fixture(autouse=True)
def _no_leaked_widgets(qapp: QApplication) -> Iterator[None]:
    """Every window a test opens must be closed and deleted by the end of it."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    leaked = QApplication.topLevelWidgets()
    assert leaked == [], (
        f"widgets left open: {[(type(w).__name__, w.objectName()) for w in leaked]}"
    )


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    with running_chain(tmp_path_factory.mktemp("servers")) as running:
        yield running


@pytest.fixture
def dirs(tmp_path: Path) -> AppDirs:
    return AppDirs.under(tmp_path / "desktop").ensure()


def open_session(dirs: AppDirs) -> Session:
    """A desktop session as app.main builds it, with the file key store and short timeouts."""
    return build_session(
        dirs,
        use_keyring=False,
        client_factory=default_client_factory(timeout=3.0),
        probe_factory=default_client_factory(timeout=2.0),
    )


@pytest.fixture
def session(dirs: AppDirs) -> Iterator[Session]:
    opened = open_session(dirs)
    yield opened
    opened.close()


@pytest.fixture
def runner(qapp: QApplication, session: Session) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    # Let abandoned work (a cancelled test waiting on a hung server) end before teardown.
    assert task_runner.shutdown(wait_ms=10_000)
    QApplication.processEvents()
    task_runner.deleteLater()


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Answer:
    """Replace `Confirmation.ask` so that a question is answered at once, without a box.

    `answer(reply)` installs `reply` (True = Yes) for every later question and returns the
    list of question titles asked in this test so far; calling it again changes the reply
    and returns the same list, which keeps growing.
    """
    asked: list[str] = []

    def install(reply: bool) -> list[str]:
        def ask(
            _cls: type[Confirmation],
            /,
            _parent: object,
            title: str,
            _text: str,
            on_answer: Callable[[bool], None],
            **_kw: object,
        ) -> None:
            asked.append(title)
            on_answer(reply)

        monkeypatch.setattr(Confirmation, "ask", classmethod(ask))
        return asked

    return install


def close_when_idle(
    qtbot: QtBot, dialog: LanguageDialog | PrintWizardDialog, timeout: int = 30_000
) -> None:
    """Let the dialog's background work end, then close and delete it (end of a test)."""
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=timeout)
    dialog.close()
    dialog.deleteLater()
