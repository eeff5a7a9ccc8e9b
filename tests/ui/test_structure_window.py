"""The FA(3) structure viewer: tree, raw XML, problems, search, copy path, hostile XML, CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ksef_desktop.cli import main
from ksef_desktop.fa3 import build
from ksef_desktop.services.structure import StructureModel
from ksef_desktop.ui.common.tasks import TaskRunner
from ksef_desktop.ui.structure.standalone import SCREENSHOT
from ksef_desktop.ui.structure.tree_model import LABEL, NAME, NODE_ROLE, VALUE
from ksef_desktop.ui.structure.window import StructureWindow
from ksef_desktop.ui.structure.xml_view import XmlView
from tests.helpers import factories
from tests.helpers.fa3cases import DOCUMENTS
from tests.helpers.fa3mutate import ministry, set_text, to_bytes
from tests.helpers.hostile_xml import BOMB, XXE

ROOT = Path(__file__).resolve().parents[2]
MALFORMED = b"<?xml version='1.0'?>\n<Faktura>\n  <Fa><P_2>FV/1</Fa>\n</Faktura>"
LOAD_TIMEOUT = 60_000  # the first open loads both schemas; a shared machine may be slow


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner) -> StructureWindow:
    viewer = StructureWindow(runner)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


def open_xml(
    qtbot: QtBot, window: StructureWindow, xml: bytes, messages: Sequence[str] = ()
) -> StructureModel:
    with qtbot.waitSignal(window.structure_loaded, timeout=LOAD_TIMEOUT) as loaded:
        window.open_bytes(xml, "test.xml", messages)
    model = loaded.args[0]
    assert isinstance(model, StructureModel)
    return model


def refuse(qtbot: QtBot, window: StructureWindow, xml: bytes) -> str:
    with qtbot.waitSignal(window.structure_failed, timeout=LOAD_TIMEOUT):
        window.open_bytes(xml, "hostile.xml")
    return window.error_text.text()


def invalid_invoice() -> bytes:
    root = ministry(1)
    set_text(root, "Fa/P_1", "25.11.2026")  # not an xsd:date
    return to_bytes(root)


def current_path(window: StructureWindow) -> str:
    node = window.current_node()
    assert node is not None
    return window.tree_model.structure.node(node).path  # type: ignore[union-attr]


def cell(window: StructureWindow, node: int, column: int) -> str:
    index = window.tree_model.index_of(node).siblingAtColumn(column)
    return str(index.data())


def test_tree_model_passes_the_model_tester(
    qtbot: QtBot, window: StructureWindow, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(window.tree_model)  # empty, before anything is open
    open_xml(
        qtbot,
        window,
        invalid_invoice(),
        ["Element {http://crd.gov.pl/wzor/2025/06/25/13775/}P_2: zła wartość"],
    )
    qtmodeltester.check(window.tree_model)


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_kind_of_invoice_opens(qtbot: QtBot, window: StructureWindow, kind: str) -> None:
    document = DOCUMENTS[kind]()
    xml = build(document)
    model = open_xml(qtbot, window, xml)
    assert window.pages.currentWidget() is not window.error_text.parentWidget()
    assert window.tree_model.rowCount(QModelIndex()) == 1
    number = model.by_path["/Faktura/Fa/P_2"]
    assert cell(window, number, NAME) == "P_2"
    assert cell(window, number, VALUE) == document.number
    label = cell(window, number, LABEL)
    assert label not in ("", "P_2")  # the Polish label from the XSD documentation
    assert window.tree.currentIndex().data(NODE_ROLE) == 0  # the root is selected
    assert window.raw.blockCount() == xml.decode().count("\n") + 1
    assert not [e for e in window.problems.shown if e.kind == "error"]


def test_details_pane_describes_the_selected_element(
    qtbot: QtBot, window: StructureWindow, tmp_path: Path
) -> None:
    model = open_xml(qtbot, window, build(factories.invoice()))
    form = model.by_path["/Faktura/Naglowek/KodFormularza"]
    window.tree.setCurrentIndex(window.tree_model.index_of(form))
    fields = window.details.fields
    assert fields["detailsName"].text() == "KodFormularza"
    assert fields["detailsValue"].text() == "FA"
    assert "kodSystemowy = FA (3)" in fields["detailsAttributes"].text()
    assert fields["detailsType"].text()
    assert fields["detailsDocumentation"].text()
    assert fields["detailsLabel"].text() == model.label(form)
    # The raw XML follows the tree to the element's line.
    assert window.raw.current_line() == model.node(form).line
    window.tabs.setCurrentWidget(window.raw)
    assert window.grab().save(str(tmp_path / "raw.png"))  # paints the gutter and colours


def test_problems_are_marked_listed_and_lead_to_their_element(
    qtbot: QtBot, window: StructureWindow
) -> None:
    xml = invalid_invoice()
    model = open_xml(qtbot, window, xml)
    date_node = model.by_path["/Faktura/Fa/P_1"]
    index = window.tree_model.index_of(date_node)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the error icon
    assert "P_1" in index.data(Qt.ItemDataRole.ToolTipRole)
    errors = [e for e in window.problems.shown if e.kind == "error"]
    assert errors
    assert errors[0].node == date_node
    window.tree.setCurrentIndex(window.tree_model.index_of(0))
    window.problems.setCurrentItem(window.problems.topLevelItem(0))
    assert current_path(window) == "/Faktura/Fa/P_1"
    assert window.raw.current_line() == model.node(date_node).line
    assert "P_1" in window.details.fields["detailsProblems"].text()
    # A collapsed ancestor shows that something inside it is wrong.
    fa = window.tree_model.index_of(model.by_path["/Faktura/Fa"])
    assert "Problems inside" in fa.data(Qt.ItemDataRole.ToolTipRole)


def test_ksef_messages_naming_an_element_are_linked(qtbot: QtBot, window: StructureWindow) -> None:
    xml = build(factories.invoice(lines=2))
    message = "Nieprawidłowa wartość elementu P_13_1"
    model = open_xml(qtbot, window, xml, [message, "Dokument odrzucony"])
    ksef = [e for e in window.problems.shown if e.kind == "ksef"]
    assert [e.message for e in ksef] == [message, "Dokument odrzucony"]
    target = model.by_path["/Faktura/Fa/P_13_1"]
    assert ksef[0].node == target
    assert ksef[1].node is None  # names no element: listed, about the whole file
    window.problems.setCurrentItem(window.problems.topLevelItem(0))
    assert current_path(window) == "/Faktura/Fa/P_13_1"
    assert window.tree_model.index_of(target).data(Qt.ItemDataRole.DecorationRole) is not None


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (MALFORMED, "not well-formed"),
        (BOMB, "DOCTYPE"),
        (XXE, "DOCTYPE"),
        (b"", "empty"),
    ],
    ids=["malformed", "entity-bomb", "xxe", "empty"],
)
def test_bad_or_hostile_xml_shows_a_clear_error_and_nothing_else(
    qtbot: QtBot, window: StructureWindow, xml: bytes, expected: str
) -> None:
    text = refuse(qtbot, window, xml)
    assert expected in text
    assert "Traceback" not in text
    assert window.error_text.isVisible()
    assert window.tree_model.rowCount(QModelIndex()) == 0
    assert window.raw.toPlainText() == ""
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]


def test_a_source_runs_off_the_gui_thread(qtbot: QtBot, window: StructureWindow) -> None:
    gui = threading.get_ident()
    fetched_on: list[int] = []
    xml = build(factories.invoice())

    def fetch() -> tuple[bytes, list[str]]:
        fetched_on.append(threading.get_ident())
        return xml, ["Błędna wartość P_15"]

    with qtbot.waitSignal(window.structure_loaded, timeout=LOAD_TIMEOUT):
        window.open_source("FV/2026/11/0001", fetch)
    assert fetched_on
    assert fetched_on[0] != gui
    assert "FV/2026/11/0001" in window.windowTitle()
    [ksef] = [e for e in window.problems.shown if e.kind == "ksef"]
    assert ksef.path == "/Faktura/Fa/P_15"


def test_raw_xml_is_coloured_as_it_comes_into_view(qtbot: QtBot) -> None:
    view = XmlView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    comment = "<!-- a comment\n   over two lines -->"
    body = "\n".join(f'  <P_7 a="{n}">Towar {n}</P_7>' for n in range(3000))
    view.set_xml(f"<Faktura>\n{comment}\n{body}\n</Faktura>")
    document = view.document()

    def coloured(line: int) -> bool:
        layout = document.findBlockByNumber(line - 1).layout()
        return bool(layout is not None and layout.formats())

    # The second line of the comment keeps the comment's colour.
    qtbot.waitUntil(lambda: coloured(1) and coloured(3))
    assert not coloured(2900)  # not shown yet: not coloured yet
    view.go_to_line(2900)
    qtbot.waitUntil(lambda: coloured(2900))
    assert view.blockCount() == 3004  # <Faktura>, two comment lines, 3000 lines, </Faktura>


def test_many_qt_calls_do_not_use_up_none() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call (pyproject pin)."""
    probe = QObject()
    for _ in range(100_000):  # with that release the interpreter aborts long before the end
        probe.setObjectName("probe")
    assert probe.objectName() == "probe"


def test_a_missing_file_shows_why(qtbot: QtBot, window: StructureWindow, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.structure_failed, timeout=LOAD_TIMEOUT):
        window.open_file(tmp_path / "nope.xml")
    assert "Cannot read" in window.error_text.text()


def test_search_by_name_label_and_value_with_f3(qtbot: QtBot, window: StructureWindow) -> None:
    model = open_xml(qtbot, window, build(factories.invoice(lines=3)))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClicks(window.search, "towar 2")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert current_path(window) == "/Faktura/Fa/FaWiersz[2]/P_7"
    assert window.search_status.text() == "1 of 1"
    window.search.setText("p_7")
    qtbot.keyClick(window, Qt.Key.Key_F3)
    first = current_path(window)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    second = current_path(window)
    assert [first, second] == ["/Faktura/Fa/FaWiersz[3]/P_7", "/Faktura/Fa/FaWiersz[1]/P_7"]
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert current_path(window) == "/Faktura/Fa/FaWiersz[3]/P_7"
    window.search.setText(model.label(model.by_path["/Faktura/Fa/P_1"])[:12].upper())
    window.tree.setCurrentIndex(window.tree_model.index_of(0))
    window.find_next()
    assert model.by_path["/Faktura/Fa/P_1"] in model.search(window.search.text())
    window.search.setText("no such thing anywhere")
    window.find_next()
    assert window.search_status.text() == "No match"


def test_copy_path_puts_the_element_path_on_the_clipboard(
    qtbot: QtBot, window: StructureWindow
) -> None:
    model = open_xml(qtbot, window, build(factories.invoice(lines=2)))
    window.tree.setCurrentIndex(window.tree_model.index_of(model.by_path["/Faktura/Fa/P_2"]))
    window.tree.setFocus()
    with qtbot.waitSignal(window.path_copied) as copied:
        qtbot.keyClick(
            window.tree,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert copied.args == ["/Faktura/Fa/P_2"]
    assert QGuiApplication.clipboard().text() == "/Faktura/Fa/P_2"
    window.tree.setCurrentIndex(window.tree_model.index_of(model.by_path["/Faktura/Fa"]))
    window.copy_action.trigger()  # the tree's context-menu action
    assert QGuiApplication.clipboard().text() == "/Faktura/Fa"


def test_escape_closes_the_window(qtbot: QtBot, window: StructureWindow) -> None:
    open_xml(qtbot, window, build(factories.invoice()))
    qtbot.keyClick(window.tree, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_a_megabyte_invoice_opens_while_the_window_keeps_working(
    qtbot: QtBot, window: StructureWindow
) -> None:
    lines = 4200  # about 0.94 MB: just under KSeF's 1,000,000-byte limit
    xml = build(factories.invoice(lines=lines))
    assert 900_000 < len(xml) < 1_000_000
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(window.structure_loaded, timeout=LOAD_TIMEOUT):
        window.open_bytes(xml, "big.xml")
        # open_bytes returned at once: the busy page is up and the work is elsewhere.
        assert window.loading
        assert window.busy.isVisible()
    timer.stop()
    assert ticks  # the event loop kept turning while the document was read
    model = window.structure
    assert model is not None
    assert len(model.nodes) > 30_000
    assert window.raw.blockCount() > 35_000
    window.search.setText("Towar 4200")
    window.find_next()
    assert current_path(window) == "/Faktura/Fa/FaWiersz[4200]/P_7"
    assert window.raw.current_line() == model.node(window.current_node() or 0).line


def test_a_second_open_replaces_the_first(qtbot: QtBot, window: StructureWindow) -> None:
    window.open_bytes(build(factories.invoice(lines=50)), "first.xml")
    second = build(factories.correction())
    model = open_xml(qtbot, window, second)
    assert model.size == len(second)
    qtbot.waitUntil(lambda: window._runner.active == 0)
    assert window.structure is model
    assert "test.xml" in window.windowTitle()


def test_view_command_renders_and_exits(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(build(factories.invoice()))
    shots = tmp_path / "shots"
    assert main(["view", str(good), "--screenshots", str(shots)]) == 0
    assert (shots / SCREENSHOT).stat().st_size > 10_000
    bad = tmp_path / "bad.xml"
    bad.write_bytes(XXE)
    assert main(["view", str(bad), "--screenshots", str(tmp_path / "bad")]) == 1
    assert main(["view", str(tmp_path / "missing.xml")]) == 2


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    """This interpreter run as a separate process from the project root, Qt offscreen."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_view_command_as_a_process_and_validate_stays_without_qt(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(build(factories.invoice()))
    viewed = run_python(
        "-m", "ksef_desktop.cli", "view", str(good), "--screenshots", str(tmp_path)
    )
    assert viewed.returncode == 0, viewed.stderr
    assert (tmp_path / SCREENSHOT).exists()
    probe = (
        "import sys; from ksef_desktop.cli import main; "
        f"code = main(['validate', {str(good)!r}]); "
        "assert 'PySide6' not in sys.modules, 'validate loaded Qt'; sys.exit(code)"
    )
    validated = run_python("-c", probe)
    assert validated.returncode == 0, validated.stdout + validated.stderr
