"""Semantic comparison of two XML documents for tests: same elements, attributes and values.

Indentation, namespace prefixes and the spelling of numbers ("200" vs "200.00")
do not count; anything else does, and the first difference is reported by path.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lxml import etree

_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _same_value(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    if _NUMBER.fullmatch(a) and _NUMBER.fullmatch(b):
        return Decimal(a) == Decimal(b)
    return a == b


def _children(element: etree._Element) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str)]


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname


def first_difference(left: bytes, right: bytes) -> str | None:
    """None when the documents say the same; otherwise where and how they differ."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return _compare(etree.fromstring(left, parser), etree.fromstring(right, parser), "")


def _compare(a: etree._Element, b: etree._Element, path: str, index: int = 1) -> str | None:
    here = f"{path}/{_name(a)}[{index}]"
    if a.tag != b.tag:
        return f"{here}: element {a.tag} vs {b.tag}"
    if dict(a.attrib) != dict(b.attrib):
        return f"{here}: attributes {dict(a.attrib)} vs {dict(b.attrib)}"
    kids_a, kids_b = _children(a), _children(b)
    if not kids_a and not kids_b:
        same = _same_value(a.text or "", b.text or "")
        return None if same else f"{here}: text {a.text!r} vs {b.text!r}"
    if len(kids_a) != len(kids_b):
        names_a = [_name(c) for c in kids_a]
        names_b = [_name(c) for c in kids_b]
        return f"{here}: children {names_a} vs {names_b}"
    for n, (x, y) in enumerate(zip(kids_a, kids_b, strict=True), start=1):
        found = _compare(x, y, here, n)
        if found:
            return found
    return None
