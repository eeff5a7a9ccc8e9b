"""The raw XML pane: a read-only text view with syntax colours and a line-number gutter."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QWidget

#: One pass over a line finds every token; the group name picks the colour.
_TOKENS = re.compile(
    r"(?P<comment><!--.*?(?:-->|$))"
    r"|(?P<pi><\?.*?(?:\?>|$))"
    r"|(?P<tag></?[\w:.-]+|/?>)"
    r"|(?P<attr>[\w:.-]+)(?==)"
    r"|(?P<value>\"[^\"]*\"?|'[^']*'?)"
    r"|(?P<entity>&[#\w]+;)"
)
_COMMENT_END = re.compile(r"-->")
_IN_COMMENT = 1


def _format(colour: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class XmlHighlighter(QSyntaxHighlighter):
    """Colours tags, attributes, values, entities, comments; comments may span lines.

    Colouring all 38,000 lines of a 1 MB invoice takes over half a second, so
    blocks are coloured only once they come into view (``highlight``); until
    then ``highlightBlock`` returns at once.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._done: set[int] = set()
        self._armed = -1
        self._formats = {
            "comment": _format("#6a737d", italic=True),
            "pi": _format("#8250df"),
            "tag": _format("#0550ae", bold=True),
            "attr": _format("#953800"),
            "value": _format("#0a3069"),
            "entity": _format("#cf222e"),
        }

    def highlight(self, block: QTextBlock) -> None:
        """Colour ``block`` now, once."""
        number = block.blockNumber()
        if number in self._done:
            return
        self._done.add(number)
        # Only this block: Qt would go on to the next one while block states change.
        self._armed = number
        try:
            self.rehighlightBlock(block)
        finally:
            self._armed = -1

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if self._armed < 0 or self.currentBlock().blockNumber() != self._armed:
            return
        start = 0
        if self.previousBlockState() == _IN_COMMENT:
            end = _COMMENT_END.search(text)
            stop = end.end() if end else len(text)
            self.setFormat(0, stop, self._formats["comment"])
            if end is None:
                self.setCurrentBlockState(_IN_COMMENT)
                return
            start = stop
        self.setCurrentBlockState(0)
        for match in _TOKENS.finditer(text, start):
            kind = match.lastgroup
            if kind is None:
                continue
            begin, stop = match.span(kind)
            self.setFormat(begin, stop - begin, self._formats[kind])
            if kind == "comment" and not match.group(kind).endswith("-->"):
                self.setCurrentBlockState(_IN_COMMENT)


def prepare_document(text: str, font: QFont) -> tuple[QTextDocument, XmlHighlighter]:
    """The raw view's document for ``text``, built on the calling thread, given to the GUI's.

    Filling a document with 1 MB of text takes 100-300 ms; on a worker that
    time does not freeze the window (QTextDocument may be built off the GUI
    thread as long as only one thread uses it at a time).
    """
    document = QTextDocument()
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    document.setDefaultFont(font)
    # Attached while the document is empty, the highlighter schedules no pass
    # over the whole text on the GUI thread; blocks are coloured as they show.
    highlighter = XmlHighlighter(document)
    document.setPlainText(text)
    app = QCoreApplication.instance()
    if app is not None:
        document.moveToThread(app.thread())  # its children (layout, highlighter) go along
    return document, highlighter


class _Gutter(QWidget):
    def __init__(self, view: XmlView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self._view.paint_gutter(event)


class XmlView(QPlainTextEdit):
    """Read-only XML with line numbers; ``go_to_line`` selects and centres a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rawXml")
        self.setAccessibleName(self.tr("Raw XML"))
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._gutter = _Gutter(self)
        self.highlighter = XmlHighlighter(self.document())
        # Colouring waits for the event loop: never inside a paint or a scroll.
        self._colour_timer = QTimer(self)
        self._colour_timer.setSingleShot(True)
        self._colour_timer.setInterval(0)
        self._colour_timer.timeout.connect(self._on_colour_timer_timeout)
        self.blockCountChanged.connect(self._on_block_count_changed)
        self.updateRequest.connect(self._on_update_request)
        self._on_block_count_changed(1)

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    @Slot(int)
    def _on_block_count_changed(self, _count: int) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def set_xml(self, text: str) -> None:
        """Show ``text``; a large one is better built on a worker with ``prepare_document``."""
        self.show_document(*prepare_document(text, self.font()))

    def show_document(self, document: QTextDocument, highlighter: XmlHighlighter) -> None:
        """Show a document from ``prepare_document``; the view owns it from now on."""
        old = self.document()
        ours = old is not document and old.parent() is self  # else Qt deletes it itself
        document.setParent(self)
        self.setDocument(document)
        self.highlighter = highlighter
        # Ministry examples indent with tabs; eight columns push the values off screen.
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        if ours:
            old.deleteLater()
        self._on_block_count_changed(self.blockCount())
        self._colour_timer.start()

    @Slot()
    def _on_colour_timer_timeout(self) -> None:
        block = self.firstVisibleBlock()
        bottom = self.viewport().height()
        offset = self.contentOffset()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            self.highlighter.highlight(block)
            block = block.next()

    @Slot(QRect, int)
    def _on_update_request(self, rect: QRect, dy: int) -> None:
        self._colour_timer.start()
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        area = self.contentsRect()
        self._gutter.setGeometry(
            QRect(area.left(), area.top(), self.gutter_width(), area.height())
        )

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Numbers for the visible blocks only: the cost does not grow with the file."""
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), QColor("#f3f3f3"))
        painter.setPen(QColor("#8c8c8c"))
        current = self.textCursor().blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width() - 6
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber()
                painter.setPen(QColor("#1f2328") if number == current else QColor("#8c8c8c"))
                painter.drawText(
                    0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number + 1)
                )
            block = block.next()
            top = bottom
        painter.end()

    def go_to_line(self, line: int) -> None:
        """Select line ``line`` (1-based), mark it and scroll it to the middle."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        self.setTextCursor(QTextCursor(block))
        self.centerCursor()
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(QColor("#fff3bf"))
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        mark.cursor = QTextCursor(block)
        self.setExtraSelections([mark])
        self._gutter.update()

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1
