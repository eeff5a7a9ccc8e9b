"""The FA(3) structure viewer's model on generated invoices of every kind and Ministry examples."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from ksef_desktop.domain.document import Document
from ksef_desktop.fa3 import build
from ksef_desktop.fa3.problems import element_path
from ksef_desktop.services.structure import StructureModel, build_structure
from tests.helpers import factories
from tests.helpers.fa3mutate import TODAY

KINDS: dict[str, Callable[[], Document]] = {
    "VAT": factories.invoice,
    "KOR": factories.correction,
    "ZAL": factories.advance,
    "ROZ": factories.settlement,
    "UPR": factories.simplified,
    "gross": factories.gross_invoice,
    "EUR": factories.eur_invoice,
    "consumer": factories.consumer_invoice,
}


def _agrees_with_lxml(model: StructureModel, xml: bytes) -> None:
    """Every element is a node, in document order, with lxml's own path, line and text."""
    elements = [e for e in etree.fromstring(xml).iter() if isinstance(e.tag, str)]
    assert len(model.nodes) == len(elements)
    for node, element in zip(model.nodes, elements, strict=True):
        assert node.path == element_path(element)
        assert node.line == element.sourceline
        if len(element) == 0:
            assert node.value == ((element.text or "").strip() or None)
        if node.parent is not None:
            assert model.nodes[node.parent].children[node.row] == node.index
    assert len(model.by_path) == len(model.nodes)  # paths are unique: "copy path" is exact


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_generated_invoices(kind: str) -> None:
    document = KINDS[kind]()
    xml = build(document)
    model = build_structure(xml, today=document.issue_date)
    _agrees_with_lxml(model, xml)
    assert model.root.name == "Faktura"
    assert not model.general
    assert not [
        i for i in model.with_problems() if any(p.is_error for p in model.node(i).problems)
    ]
    number = model.node(model.by_path["/Faktura/Fa/P_2"])
    assert number.value == document.number
    assert model.info(number.index).type_name  # the XSD type is known
    assert model.label(number.index) != "P_2"  # a Polish label from the XSD documentation
    assert model.copy_path(number.index) == "/Faktura/Fa/P_2"


@pytest.mark.parametrize("path", factories.MINISTRY_EXAMPLES, ids=lambda p: p.name)
def test_ministry_examples(path: Path) -> None:
    xml = path.read_bytes()
    model = build_structure(xml, today=TODAY)
    _agrees_with_lxml(model, xml)
    # Every element of an official example is in the schema; most are documented there.
    assert all(model.info(n.index).in_schema for n in model.nodes)
    documented = [n for n in model.nodes if model.info(n.index).documentation]
    assert len(documented) > len(model.nodes) * 0.8
    for index in model.with_problems():  # whatever was found sits on an element it names
        for problem in model.node(index).problems:
            assert problem.path.startswith(model.node(index).path)


def test_lines_are_indexed_and_searchable() -> None:
    xml = build(factories.invoice(lines=3))
    model = build_structure(xml, check=False)
    second = model.by_path["/Faktura/Fa/FaWiersz[2]/P_7"]
    assert model.node(second).value == "Towar 2"
    assert model.search("towar 2") == [second]
    by_name = model.search("p_7")
    assert [model.node(i).path for i in by_name] == [
        f"/Faktura/Fa/FaWiersz[{n}]/P_7" for n in (1, 2, 3)
    ]
    label = model.label(model.by_path["/Faktura/Fa/P_1"])
    hits = model.search(label[:15].upper())
    assert model.by_path["/Faktura/Fa/P_1"] in hits
    assert model.search("   ") == []


def test_attributes_are_kept() -> None:
    model = build_structure(build(factories.invoice()), check=False)
    form = model.node(model.by_path["/Faktura/Naglowek/KodFormularza"])
    assert dict(form.attributes) == {"kodSystemowy": "FA (3)", "wersjaSchemy": "1-0E"}
    assert form.value == "FA"
