"""What the viewer's loading task prepares off the GUI thread: model, text, marks and problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QTextDocument

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.services.cancel import CancelToken, Progress
from ksef_desktop.services.structure import StructureModel, build_structure
from ksef_desktop.support.i18n import tr
from ksef_desktop.ui.structure.problems import Entry, entries
from ksef_desktop.ui.structure.tree_model import problem_ancestors
from ksef_desktop.ui.structure.xml_view import XmlHighlighter, prepare_document


@dataclass
class Loaded:
    model: StructureModel
    document: QTextDocument  # the raw view's, lines numbered as lxml numbers them
    highlighter: XmlHighlighter
    below: set[int]  # nodes with a problem somewhere inside
    entries: list[Entry]


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KsefDesktopError(
            tr("Cannot read {file}: {reason}").format(file=path, reason=exc.strerror or exc),
            code="file-unreadable",
        ) from exc


def load(
    xml: bytes, ksef_messages: Sequence[str], font: QFont, cancel: CancelToken, progress: Progress
) -> Loaded:
    """Parse, validate and index ``xml``; every step that costs time happens here."""
    progress(tr("Reading and checking the XML against the FA(3) schema and KSeF's rules…"))
    model = build_structure(xml, ksef_messages=ksef_messages)
    cancel.raise_if_cancelled()
    progress(tr("Reading the schema documentation…"))
    for node in model.nodes:  # one look-up per distinct element: later ones hit the cache
        model.info(node.index)
    cancel.raise_if_cancelled()
    # XML treats CR LF and a lone CR as a line end; so does lxml when it numbers lines.
    text = xml.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    below, found = problem_ancestors(model), entries(model)
    cancel.raise_if_cancelled()  # the document moves to the GUI thread only when wanted
    document, highlighter = prepare_document(text, font)
    return Loaded(model, document, highlighter, below, found)
