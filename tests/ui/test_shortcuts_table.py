"""The one shortcut table: no key means two things in one window, and views match keys from it."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from ksef_desktop.ui import shortcuts
from ksef_desktop.ui.help import HelpWindow

#: Main-window keys bound only while the main window is active; the rest work everywhere.
_MAIN_WINDOW_ONLY = {shortcuts.REFRESH_STATUS, shortcuts.NAVIGATION}


def _press(
    key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, modifiers)


def test_no_key_means_two_things_in_one_window() -> None:
    everywhere = {
        s.sequence.toString()
        for s in shortcuts.ALL
        if s.where == shortcuts.MAIN and s not in _MAIN_WINDOW_ONLY
    }
    for where in shortcuts.WHERE:
        keys = Counter(s.sequence.toString() for s in shortcuts.ALL if s.where == where)
        assert not [k for k, n in keys.items() if n > 1], where
        assert all(not k.isEmpty() for k in (s.sequence for s in shortcuts.ALL))
        if where != shortcuts.MAIN:
            assert not everywhere & set(keys), where


def test_every_shortcut_names_a_listed_window() -> None:
    assert {s.where for s in shortcuts.ALL} == set(shortcuts.WHERE)
    # ALL is grouped by window in WHERE's order, which is how the help reads.
    order = list(shortcuts.WHERE)
    positions = [order.index(s.where) for s in shortcuts.ALL]
    assert positions == sorted(positions)


def test_views_match_keys_from_the_table() -> None:
    assert shortcuts.matches(_press(Qt.Key.Key_Return), shortcuts.REGISTER_OPEN)
    # The keypad's Enter opens too, as it did before the keys moved into the table.
    keypad = _press(Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert shortcuts.matches(keypad, shortcuts.REGISTER_OPEN)
    assert not shortcuts.matches(_press(Qt.Key.Key_Return), shortcuts.REGISTER_DELETE)
    up = _press(Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert shortcuts.matches(up, shortcuts.EDITOR_LINE_DOWN, shortcuts.EDITOR_LINE_UP)
    assert not shortcuts.matches(_press(Qt.Key.Key_Up), shortcuts.EDITOR_LINE_UP)
    shift_tab = _press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert not shortcuts.matches(shift_tab, shortcuts.REGISTER_PRINT)


def test_the_help_names_each_window_once_above_its_keys(qtbot: QtBot) -> None:
    window = HelpWindow()
    qtbot.addWidget(window)
    table = window.table
    named = [table.item(row, 1).text() for row in range(table.rowCount())]  # type: ignore[union-attr]
    shown = [name for name in named if name]
    assert len(shown) == len(set(shown)) == len(shortcuts.WHERE)
    first = next(i for i, s in enumerate(shortcuts.ALL) if s is shortcuts.STRUCTURE_FIND)
    assert named[first] == "FA(3) structure viewer"
    assert table.item(first, 0).text() == "Ctrl+F"  # type: ignore[union-attr]
    window.close()


def test_the_register_and_awaiting_documents_share_their_keys() -> None:
    """An accountant moving between the two lists finds the same action on the same key."""
    pairs = [
        (shortcuts.REGISTER_REFRESH, shortcuts.AWAITING_REFRESH),
        (shortcuts.REGISTER_REOPEN, shortcuts.AWAITING_REOPEN),
        (shortcuts.REGISTER_SEARCH, shortcuts.AWAITING_SEARCH),
        (shortcuts.REGISTER_CLOSE, shortcuts.AWAITING_CANCEL),  # Esc backs out of both
    ]
    for register, awaiting in pairs:
        assert register.sequence == awaiting.sequence, register.action
    register_keys = {s.key for s in shortcuts.ALL if s.where == shortcuts.REGISTER_WINDOW}
    shared = {awaiting for _, awaiting in pairs}
    for s in shortcuts.ALL:
        if s.where == shortcuts.AWAITING_WINDOW and s.key in register_keys:
            assert s in shared, f"{s.key} means one thing in the register, another here"
