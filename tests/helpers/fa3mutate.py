"""Load a Ministry example, change it with lxml and validate the result (FA(3) validator tests)."""

from __future__ import annotations

from datetime import date

from lxml import etree

from ksef_desktop.fa3 import Problem, validate
from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from tests.helpers.factories import FIXTURES

NS = "{" + FA3_NAMESPACE + "}"
TODAY = date(2026, 11, 25)


def ministry(number: int) -> etree._Element:
    """The root of Ministry example ``number`` (file names differ in case).

    The tree is serialised and read back once, so that each element's
    ``sourceline`` is its line in what :func:`to_bytes` writes (the original
    spreads the root's attributes over several lines).
    """
    for path in (FIXTURES / "ministry").glob("*.xml"):
        if path.stem.lower() == f"fa_3_przyklad_{number}":
            return etree.fromstring(to_bytes(etree.fromstring(path.read_bytes())))
    raise LookupError(number)


def find(root: etree._Element, path: str) -> etree._Element:
    """The element at a slash path of local names, with optional 1-based [n]."""
    node = root
    for step in path.strip("/").split("/"):
        name, _, rest = step.partition("[")
        position = int(rest.rstrip("]")) if rest else 1
        node = list(node.iterchildren(NS + name))[position - 1]
    return node


def set_text(root: etree._Element, path: str, text: str) -> etree._Element:
    element = find(root, path)
    element.text = text
    return element


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def check(root: etree._Element, *, today: date = TODAY) -> list[Problem]:
    return validate(to_bytes(root), today=today)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def only(problems: list[Problem], code: str) -> Problem:
    """The single problem with ``code``; fails the test when there are none or several."""
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    return found[0]
