"""pytest-qt fixtures: offscreen Qt, a desktop session in tmp_path, real servers, no leaks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from ksef_desktop.app import Session, build_session
from ksef_desktop.services.connection import default_client_factory
from ksef_desktop.support.paths import AppDirs
from ksef_desktop.ui.common.tasks import TaskRunner
from tests.helpers.desktop_chain import Chain, running_chain


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
