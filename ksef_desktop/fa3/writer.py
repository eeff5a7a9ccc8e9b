"""Small helpers for building FA(3) elements: namespaced children, field tables, refusals."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from lxml import etree

from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.domain.lines import Pricing
from ksef_desktop.fa3.elements import NS, Field
from ksef_desktop.support.i18n import tr


def where(parent: etree._Element, tag: str) -> str:
    """A readable path of the element about to be written, for error messages."""
    names = [etree.QName(el).localname for el in (parent, *parent.iterancestors())]
    return "/" + "/".join([*reversed(names), tag])


def sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    """Append ``tag`` to ``parent``; text that XML cannot carry is refused with its path."""
    child = etree.SubElement(parent, NS + tag)
    if text is not None:
        try:
            child.text = text
        except ValueError:
            parent.remove(child)
            raise InvalidValueError(
                tr("{path}: the text contains characters XML cannot carry: {text!r}").format(
                    path=where(parent, tag), text=text
                ),
                details={"path": where(parent, tag)},
            ) from None
    return child


def value_text(parent: etree._Element, tag: str, field: Field, value: Any) -> str | None:
    try:
        return field.codec.write(value)
    except InvalidValueError as exc:
        path = where(parent, tag)
        raise InvalidValueError(
            f"{path}: {exc.message}", field=field.attr, details={"path": path}
        ) from exc


def put(parent: etree._Element, tag: str, field: Field, value: Any) -> None:
    """Write one value with its field's codec; None (and a false flag) leave it out."""
    if value is None:
        return
    text = value_text(parent, tag, field, value)
    if text is not None:
        sub(parent, tag, text)


def write_fields(
    parent: etree._Element,
    obj: object,
    fields: Iterable[Field],
    pricing: Pricing | None = None,
) -> None:
    """Write ``obj``'s attributes in table (schema) order."""
    for field in fields:
        if field.pricing is not None and field.pricing is not pricing:
            continue
        put(parent, field.tag, field, getattr(obj, field.attr))


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
