"""Non-blocking message boxes; ``Confirmation.ask`` is the one confirmation tests replace."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

#: Parentless boxes would be garbage-collected the moment they are shown; they stay
#: here until closed.
_open_boxes: set[QMessageBox] = set()


def _keep_alive(box: QMessageBox) -> None:
    if box.parent() is None:
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))


def message(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    details: str | None = None,
    on_closed: Callable[[], None] | None = None,
) -> QMessageBox:
    """Show a window-modal box without blocking; ``on_closed`` runs when it is dismissed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    if on_closed is not None:
        box.finished.connect(lambda _result: on_closed())
    _keep_alive(box)
    box.open()
    return box


class Confirmation:
    """Asks a yes/no question without blocking the event loop."""

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        on_answer: Callable[[bool], None],
        *,
        yes_text: str | None = None,
    ) -> None:
        """Show the question; ``on_answer(True)`` only when the person confirms.

        Tests monkeypatch this classmethod to answer at once.
        """
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setObjectName("confirmation")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if yes_text:
            box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
        box.finished.connect(lambda result: on_answer(result == QMessageBox.StandardButton.Yes))
        _keep_alive(box)
        box.open()
