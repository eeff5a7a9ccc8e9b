"""Reading FA(3) elements with bookkeeping: every element read is marked, the rest is refused.

A :class:`Reader` hands out :class:`Node` wrappers; each records which children
and attributes the parser consumed. :meth:`Reader.finish` then reports the first
element nobody mapped, by its path, so nothing in an invoice is silently lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from lxml import etree

from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError, XmlInputError
from ksef_desktop.domain.lines import Pricing
from ksef_desktop.fa3.elements import NS, Field
from ksef_desktop.support.i18n import tr

_T = TypeVar("_T")
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"


class Reader:
    def __init__(self) -> None:
        self.nodes: list[Node] = []

    def root(self, element: etree._Element, name: str) -> Node:
        node = Node(self, element, "/" + name)
        # Schema hints say nothing about the invoice; everything else must be mapped.
        node.attr(XSI + "schemaLocation")
        node.attr(XSI + "noNamespaceSchemaLocation")
        self.nodes.append(node)
        return node

    def finish(self) -> None:
        leftovers = [path for node in self.nodes for path in node.unconsumed()]
        if leftovers:
            raise UnsupportedConstructError(
                tr(
                    "{path} is not supported: ksef-desktop cannot represent it, and it refuses "
                    "to drop it silently."
                ).format(path=leftovers[0]),
                details={"path": leftovers[0], "all": leftovers},
            )


class Node:
    """One element of the input and the children the parser has taken from it."""

    def __init__(self, reader: Reader, element: etree._Element, path: str) -> None:
        self.reader = reader
        self.element = element
        self.path = path
        self._children: list[etree._Element] = []
        # Positions of each tag among the children, so that looking up a name is a
        # dict access: Fa has thousands of FaWiersz and is asked for dozens of names.
        self._positions: dict[str, list[int]] = {}
        for child in element:
            tag = child.tag
            if isinstance(tag, str):  # not a comment or processing instruction
                self._positions.setdefault(tag, []).append(len(self._children))
                self._children.append(child)
        self._taken: set[int] = set()
        self._attrs: set[str] = set()

    def _matching(self, tag: str) -> list[int]:
        return self._positions.get(NS + tag, [])

    def _wrap(self, index: int, path: str) -> Node:
        self._taken.add(index)
        node = Node(self.reader, self._children[index], path)
        self.reader.nodes.append(node)
        return node

    def all(self, tag: str) -> list[Node]:
        """Every ``tag`` child, in document order, indexed in its path from 1."""
        return [
            self._wrap(i, f"{self.path}/{tag}[{n}]")
            for n, i in enumerate(self._matching(tag), start=1)
        ]

    def one(self, tag: str) -> Node | None:
        found = self._matching(tag)
        if len(found) > 1:
            raise XmlInputError(
                tr("{path}/{tag} appears {n} times; FA(3) allows it once.").format(
                    path=self.path, tag=tag, n=len(found)
                ),
                details={"path": f"{self.path}/{tag}"},
            )
        return self._wrap(found[0], f"{self.path}/{tag}") if found else None

    def has(self, tag: str) -> bool:
        return bool(self._matching(tag))

    def req(self, tag: str) -> Node:
        node = self.one(tag)
        if node is None:
            raise XmlInputError(
                tr("{path}/{tag} is missing; FA(3) requires it.").format(path=self.path, tag=tag),
                code="fa3-missing-element",
                details={"path": f"{self.path}/{tag}"},
            )
        return node

    def attr(self, name: str) -> str | None:
        self._attrs.add(name)
        return self.element.get(name)

    @property
    def text(self) -> str:
        """The element's text; an element of text must not hold child elements."""
        if self._children:
            raise XmlInputError(
                tr("{path} should hold text, not elements.").format(path=self.path),
                details={"path": self.path},
            )
        return self.element.text or ""

    def value(self, read: Callable[[str], _T]) -> _T:
        # What context() does, without a context manager: this runs for every value.
        try:
            return read(self.text)
        except InvalidValueError as exc:
            raise self._located(exc) from exc

    @contextmanager
    def context(self) -> Iterator[None]:
        """Turn a domain refusal of a value into an error that names this element."""
        try:
            yield
        except InvalidValueError as exc:
            raise self._located(exc) from exc

    def _located(self, exc: InvalidValueError) -> XmlInputError:
        return XmlInputError(
            f"{self.path}: {exc.message}",
            code="fa3-invalid-value",
            details={**exc.details, "path": self.path},
        )

    def get(self, tag: str, read: Callable[[str], _T]) -> _T | None:
        node = self.one(tag)
        return None if node is None else node.value(read)

    def need(self, tag: str, read: Callable[[str], _T]) -> _T:
        return self.req(tag).value(read)

    def fields(self, fields: Iterable[Field]) -> tuple[dict[str, Any], set[Pricing]]:
        """Keyword arguments for a domain object, and which pricing the price tags show."""
        kwargs: dict[str, Any] = {}
        pricing: set[Pricing] = set()
        present = self._positions
        for field in fields:
            if NS + field.tag not in present:
                continue  # most fields of a table are absent: skip one()'s work
            node = self.one(field.tag)
            if node is None:  # pragma: no cover - present, so one() finds it
                continue
            if field.attr in kwargs:
                raise UnsupportedConstructError(
                    tr("{path} states both a net and a gross unit price.").format(path=self.path),
                    details={"path": self.path},
                )
            kwargs[field.attr] = node.value(field.codec.read)
            if field.pricing is not None:
                pricing.add(field.pricing)
        return kwargs, pricing

    def make(self, cls: Callable[..., _T], fields: Iterable[Field], **extra: Any) -> _T:
        kwargs, _ = self.fields(fields)
        with self.context():
            return cls(**kwargs, **extra)

    def unconsumed(self) -> list[str]:
        paths: list[str] = []
        for i, child in enumerate(self._children):
            if i in self._taken:
                continue
            qname = etree.QName(child)
            name = qname.localname if qname.namespace == NS[1:-1] else qname.text
            same = self._positions[qname.text]
            suffix = f"[{same.index(i) + 1}]" if len(same) > 1 else ""
            paths.append(f"{self.path}/{name}{suffix}")
        paths.extend(
            f"{self.path}/@{name}" for name in self.element.attrib if name not in self._attrs
        )
        tails = any(c.tail and c.tail.strip() for c in self.element)
        if tails or (self.element.text and self.element.text.strip() and self._children):
            paths.append(f"{self.path}/text()")
        return paths
