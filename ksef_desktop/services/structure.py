"""The FA(3) structure viewer's model: an element tree with XSD labels, problems and KSeF links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lxml import etree

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.fa3 import ElementInfo, Problem, element_info, validate
from ksef_desktop.fa3.problems import REPEATING, local_name
from ksef_desktop.fa3.xmlsafe import parse_xml
from ksef_desktop.services.structure_links import link_messages
from ksef_desktop.support.i18n import tr


@dataclass(eq=False, slots=True)
class StructureNode:
    """One element; ``index`` is its position in the model, ``row`` its place under its parent."""

    index: int
    name: str
    path: str  # readable, indexed where the name repeats: /Faktura/Fa/FaWiersz[2]/P_11
    schema_path: str  # without indexes, the key of the XSD documentation
    line: int | None
    value: str | None  # the text of a leaf element
    attributes: tuple[tuple[str, str], ...]
    parent: int | None
    row: int
    children: list[int]
    # Tuples, shared while empty: most nodes never get a problem or a KSeF message.
    problems: tuple[Problem, ...] = ()
    ksef_messages: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeInfo:
    label: str  # the short Polish label from the XSD, or the element name
    documentation: str
    type_name: str | None
    in_schema: bool = True  # False: the FA(3) schema has no such element here


class StructureModel:
    """Nodes in document order (0 is the root); labels come from the XSD on first use."""

    def __init__(self, nodes: list[StructureNode], size: int) -> None:
        self.nodes = nodes
        self.size = size
        self.by_path = {node.path: node.index for node in nodes}
        self.general: list[Problem] = []  # about the file as a whole
        self.unlinked: list[str] = []  # KSeF messages that name no element we can find
        self._info: dict[str, NodeInfo] = {}

    @property
    def root(self) -> StructureNode:
        return self.nodes[0]

    def node(self, index: int) -> StructureNode:
        return self.nodes[index]

    def info(self, index: int) -> NodeInfo:
        node = self.nodes[index]
        cached = self._info.get(node.schema_path)
        if cached is None:
            cached = _info_for(node.schema_path, node.name)
            self._info[node.schema_path] = cached
        return cached

    def label(self, index: int) -> str:
        return self.info(index).label or self.nodes[index].name

    def find(self, path: str) -> int | None:
        """The node at ``path``, or its nearest existing ancestor (a missing element's parent)."""
        steps = [s for s in path.split("/") if s]
        while steps:
            found = self.by_path.get("/" + "/".join(steps))
            if found is not None:
                return found
            steps.pop()
        return None

    def copy_path(self, index: int) -> str:
        return self.nodes[index].path

    def search(self, text: str) -> list[int]:
        """Nodes whose name, label or value contains ``text`` (case-insensitive), in order."""
        needle = text.casefold().strip()
        if not needle:
            return []
        labels: dict[str, bool] = {}
        hits = []
        for node in self.nodes:
            if needle in node.name.casefold() or (
                node.value is not None and needle in node.value.casefold()
            ):
                hits.append(node.index)
                continue
            matched = labels.get(node.schema_path)
            if matched is None:
                matched = needle in self.label(node.index).casefold()
                labels[node.schema_path] = matched
            if matched:
                hits.append(node.index)
        return hits

    def with_problems(self) -> list[int]:
        return [n.index for n in self.nodes if n.problems or n.ksef_messages]

    def attach(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            found = self.find(problem.path) if problem.path else None
            if found is None:
                self.general.append(problem)
            else:
                node = self.nodes[found]
                node.problems = (*node.problems, problem)

    def link(self, messages: Sequence[str]) -> None:
        for message, index in link_messages(self, messages):
            if index is None:
                self.unlinked.append(message)
            else:
                node = self.nodes[index]
                node.ksef_messages = (*node.ksef_messages, message)


def warm_up() -> None:
    """Load the XSD documentation now (about half a second, once per process).

    The viewer's first labels need it; the UI may call this on a worker at
    start-up so that opening the first document does not wait for it.
    """
    element_info("/Faktura")


def _info_for(schema_path: str, name: str) -> NodeInfo:
    try:
        info: ElementInfo = element_info(schema_path)
    except KsefDesktopError:  # not an element of FA(3): shown by name only
        return NodeInfo(name, "", None, in_schema=False)
    return NodeInfo(info.label, info.documentation, info.type_name)


def _nodes(root: etree._Element) -> list[StructureNode]:
    nodes: list[StructureNode] = []
    # Open elements: (node index, {name: how many so far}) for the [n] of repeating names.
    # iterwalk keeps no Python recursion, so a deep tree cannot blow the stack.
    open_: list[tuple[int, dict[str, int]]] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are not shown
        if event == "end":
            open_.pop()
            continue
        name = local_name(element.tag)
        index = len(nodes)
        parent: int | None = None
        if open_:
            parent, counts = open_[-1]
            above = nodes[parent]
            step = name
            if name in REPEATING:
                counts[name] = position = counts.get(name, 0) + 1
                step = f"{name}[{position}]"
            path, schema_path = f"{above.path}/{step}", f"{above.schema_path}/{name}"
            row = len(above.children)
            above.children.append(index)
        else:
            path, schema_path, row = "/" + name, "/" + name, 0
        text = element.text
        value = text.strip() if text is not None and len(element) == 0 else None
        attrib = element.attrib
        nodes.append(
            StructureNode(
                index,
                name,
                path,
                schema_path,
                element.sourceline or None,
                value or None,
                tuple((local_name(k), v) for k, v in attrib.items()) if attrib else (),
                parent,
                row,
                [],
            )
        )
        open_.append((index, {}))
    return nodes


def build_structure(
    xml: bytes,
    *,
    check: bool = True,
    ksef_messages: Sequence[str] = (),
    today: date | None = None,
) -> StructureModel:
    """The viewer's model of ``xml``; raises XmlInputError for malformed or hostile XML.

    ``check`` runs the full FA(3) validation and attaches each problem to its
    element; ``ksef_messages`` (KSeF's rejection details) are linked the same way.
    """
    root = parse_xml(xml, what=tr("FA(3) document"))
    model = StructureModel(_nodes(root), len(xml))
    if check:
        model.attach(validate(xml, today=today))
    if ksef_messages:
        model.link(ksef_messages)
    return model
