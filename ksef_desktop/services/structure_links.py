"""Linking KSeF's rejection messages to the elements they name (path, line, or element name)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ksef_desktop.services.structure import StructureModel

_PATH = re.compile(r"/Faktura(?:/[A-Za-z_]\w*(?:\[\d+\])?)*")
_LINE = re.compile(r"\b(?:linia|linii|line|wiersz)\s*:?\s*(\d+)", re.IGNORECASE)
_QUALIFIED = re.compile(r"\{[^}]*\}([A-Za-z_]\w*)")
#: Identifier-like words (P_13_1, RodzajFaktury, Podmiot1): plain words in the
#: message text ("Dokument", "faktury") are never taken for element names.
_IDENTIFIER = re.compile(r"\b([A-Za-z]+_\w+|[A-Z][a-z]+[A-Z0-9]\w*)\b")


class _Index:
    def __init__(self, model: StructureModel) -> None:
        self.model = model
        self.first_by_name: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.lines: list[int] = []
        self.at_line: list[int] = []
        for node in model.nodes:
            self.first_by_name.setdefault(node.name, node.index)
            self.by_name.setdefault(node.name, []).append(node.index)
            if node.line is not None:
                self.lines.append(node.line)
                self.at_line.append(node.index)

    def by_line(self, line: int, name: str | None) -> int | None:
        """The named node nearest ``line``, else the last node starting at or before it.

        The name wins over the line: KSeF counts lines in the XML it received,
        which may be laid out differently from the copy shown here.
        """
        named = self.by_name.get(name or "")
        if named:
            return min(named, key=lambda i: abs((self.model.nodes[i].line or 0) - line))
        end = bisect.bisect_right(self.lines, line)
        return self.at_line[end - 1] if end else None


def _link_one(index: _Index, message: str) -> int | None:
    for match in _PATH.finditer(message):
        if match.group(0).count("/") > 1:
            found = index.model.find(match.group(0))
            if found is not None:
                return found
    qualified = _QUALIFIED.findall(message)
    name = qualified[0] if qualified else None
    line = _LINE.search(message)
    if line is not None:
        found = index.by_line(int(line.group(1)), name)
        if found is not None:
            return found
    if name is not None and name in index.first_by_name:
        return index.first_by_name[name]
    for word in _IDENTIFIER.findall(message):
        if word in index.first_by_name:
            return index.first_by_name[word]
    return None


def link_messages(model: StructureModel, messages: Sequence[str]) -> list[tuple[str, int | None]]:
    """Each message with the node it names, or None when it names none we can find."""
    index = _Index(model)
    return [(message, _link_one(index, message)) for message in messages]
