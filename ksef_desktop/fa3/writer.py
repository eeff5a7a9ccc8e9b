"""The builder's XML writer: a light element tree that serialises exactly as lxml pretty-prints.

Building through lxml costs more than a microsecond per element, and a
1,000-line invoice has about 8,000 of them. Here an element with children is a
small Python object, a text element is rendered to its final line the moment
it is written, and the document is joined once. The bytes are those of
``etree.tostring(tree, encoding="UTF-8", pretty_print=True)`` for the same tree
(``test_fa3_writer`` compares the two), and text that lxml would refuse (control
characters, surrogates, U+FFFE/U+FFFF) is refused here too, with its path.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.domain.lines import Pricing
from ksef_desktop.fa3.elements import Field
from ksef_desktop.support.i18n import tr

#: Characters XML 1.0 cannot carry, as lxml refuses them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Everything that is not copied verbatim: the characters above, and & < > CR,
#: which are escaped. Most texts have none, so one search settles them.
ATTENTION = re.compile(
    "[^\t\n\x20-\x25\x27-\x3b\x3d\x3f-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _escape_text(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


class Element:
    """An element that holds child elements: its name, attributes and content so far.

    ``content`` holds child elements and, already rendered as indented lines,
    the text elements written into this one. An element knows its path, not its
    parent, so a finished tree has no reference cycles and is freed at once.
    """

    __slots__ = ("attributes", "content", "indent", "inner", "name", "nested", "path")

    name: str
    path: str  # /Faktura/Fa/..., for error messages
    indent: str  # of its own tags
    inner: str  # of its children's tags
    attributes: str  # rendered: ' name="value"' for each
    content: list[Element | str]
    nested: bool  # whether content holds an Element, not only rendered text elements

    def __init__(self, name: str, parent: Element | None = None) -> None:
        self.name = name
        self.path = f"{parent.path}/{name}" if parent is not None else "/" + name
        self.indent = "" if parent is None else parent.inner
        self.inner = self.indent + "  "
        self.attributes = ""
        self.content = []
        self.nested = False

    def set(self, name: str, value: str) -> None:
        """Add the attribute ``name`` (``xmlns`` declares the default namespace)."""
        self.attributes += _attributes(self.path, {name: value})


def where(parent: Element, tag: str) -> str:
    """A readable path of the element about to be written, for error messages."""
    return f"{parent.path}/{tag}"


def _refuse_unless_xml(path: str, text: str) -> None:
    if _NOT_XML.search(text) is not None:
        raise InvalidValueError(
            tr("{path}: the text contains characters XML cannot carry: {text!r}").format(
                path=path, text=text
            ),
            details={"path": path},
        )


def escaped(text: str) -> str:
    """``text`` escaped for element content; refused (without a path) if XML cannot carry it."""
    if ATTENTION.search(text) is None:
        return text
    if _NOT_XML.search(text) is not None:
        raise InvalidValueError(
            tr("The text contains characters XML cannot carry: {text!r}").format(text=text)
        )
    return _escape_text(text)


def checked(parent: Element, tag: str, text: str) -> str:
    """``text`` escaped for element content; refused with its path if XML cannot carry it."""
    if ATTENTION.search(text) is None:
        return text
    _refuse_unless_xml(where(parent, tag), text)
    return _escape_text(text)


def _attributes(path: str, attributes: dict[str, str]) -> str:
    """Attributes rendered for the start tag of the element at ``path``, in the given order."""
    rendered = ""
    for name, value in attributes.items():
        _refuse_unless_xml(path, value)
        rendered += f' {name}="{_escape_attribute(value)}"'
    return rendered


def sub(parent: Element, tag: str) -> Element:
    """Append an element ``tag`` that will hold child elements (or stay empty: ``<tag/>``)."""
    child = Element(tag, parent)
    parent.content.append(child)
    parent.nested = True
    return child


def leaf(
    parent: Element, tag: str, text: str | None, attributes: dict[str, str] | None = None
) -> None:
    """Append a text element; None gives an empty ``<tag/>`` as lxml writes it."""
    start = tag if attributes is None else tag + _attributes(where(parent, tag), attributes)
    if text is None:
        parent.content.append(f"{parent.inner}<{start}/>\n")
    else:
        if ATTENTION.search(text) is not None:  # checked() inline for the usual text
            text = checked(parent, tag, text)
        parent.content.append(f"{parent.inner}<{start}>{text}</{tag}>\n")


def serialize(root: Element, head: str = "") -> bytes:
    """The UTF-8 bytes of ``head`` and then ``root``'s tree, indented by two spaces per level."""
    out: list[str] = [head]  # one encode of everything, no copy to prepend the head
    _render(root, out)
    return "".join(out).encode()


def _render(element: Element, out: list[str]) -> None:
    if not element.content:
        out.append(f"{element.indent}<{element.name}{element.attributes}/>\n")
        return
    out.append(f"{element.indent}<{element.name}{element.attributes}>\n")
    if not element.nested:
        out.extend(element.content)  # type: ignore[arg-type]  # only strings
    else:
        for item in element.content:
            if isinstance(item, str):
                out.append(item)
            else:
                _render(item, out)
    out.append(f"{element.indent}</{element.name}>\n")


def value_text(parent: Element, tag: str, field: Field, value: Any) -> str | None:
    """``value`` as element text by its field's codec, escaped; refusals name the path."""
    codec = field.codec
    try:
        text = codec.write(value)
    except InvalidValueError as exc:
        raise _at_path(parent, tag, field, exc) from exc
    return text if text is None or codec.plain else checked(parent, tag, text)


def _at_path(parent: Element, tag: str, field: Field, exc: InvalidValueError) -> InvalidValueError:
    path = where(parent, tag)
    return InvalidValueError(f"{path}: {exc.message}", field=field.attr, details={"path": path})


def put(parent: Element, tag: str, field: Field, value: Any) -> None:
    """Write one value with its field's codec; None (and a false flag) leave it out."""
    if value is None:
        return
    # value_text inline: this runs for most elements of a document.
    codec = field.codec
    try:
        text = codec.write(value)
    except InvalidValueError as exc:
        raise _at_path(parent, tag, field, exc) from exc
    if text is not None:
        if not codec.plain and ATTENTION.search(text) is not None:
            text = checked(parent, tag, text)
        parent.content.append(f"{parent.inner}<{tag}>{text}</{tag}>\n")


def write_fields(
    parent: Element,
    obj: object,
    fields: Iterable[Field],
    pricing: Pricing | None = None,
) -> None:
    """Write ``obj``'s attributes in table (schema) order."""
    for field in fields:
        if field.pricing is not None and field.pricing is not pricing:
            continue
        value = getattr(obj, field.attr)
        if value is not None:
            put(parent, field.tag, field, value)


def refuse_unmapped(obj: object, fields: Iterable[Field], what: str) -> None:
    """Refuse an object whose attributes outside ``fields`` differ from their defaults.

    This keeps the builder honest: anything the model holds but the target
    element cannot carry is reported instead of silently dropped.
    """
    mapped = {f.attr for f in fields}
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        if f.name in mapped:
            continue
        if f.default is not dataclasses.MISSING and getattr(obj, f.name) != f.default:
            raise UnsupportedConstructError(
                tr("{what} cannot carry {attr} in FA(3).").format(what=what, attr=f.name),
                details={"attribute": f.name},
            )


def require(condition: bool, message: str, **details: Any) -> None:
    if not condition:
        raise InvalidValueError(message, details=details)
