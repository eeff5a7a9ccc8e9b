"""The structure model on invalid and hostile XML: problems on the right nodes, clear refusals."""

from __future__ import annotations

import pytest

from ksef_desktop.domain.errors import XmlInputError
from ksef_desktop.fa3 import Problem, Severity, build
from ksef_desktop.services.structure import build_structure
from tests.helpers import factories
from tests.helpers.fa3mutate import NS, find, ministry, set_text, to_bytes
from tests.helpers.hostile_xml import BOMB, XXE


def test_a_wrong_line_value_sits_on_that_line() -> None:
    root = ministry(1)
    set_text(root, "Fa/FaWiersz[2]/P_11", "999999.00")
    model = build_structure(to_bytes(root), today=factories.GENERATED_AT.date())
    node = model.node(model.by_path["/Faktura/Fa/FaWiersz[2]/P_11"])
    assert node.problems
    assert all(p.path == node.path for p in node.problems)
    first = model.node(model.by_path["/Faktura/Fa/FaWiersz[1]/P_11"])
    assert not first.problems


def test_a_malformed_value_is_reported_on_its_element() -> None:
    root = ministry(1)
    set_text(root, "Fa/P_1", "25.11.2026")  # not an xsd:date
    model = build_structure(to_bytes(root))
    node = model.node(model.by_path["/Faktura/Fa/P_1"])
    assert any(p.is_error for p in node.problems)
    assert node.line == find(root, "Fa/P_1").sourceline


def test_a_missing_element_is_reported_where_the_schema_noticed_it() -> None:
    root = ministry(1)
    fa = find(root, "Fa")
    number = fa.find(NS + "P_2")
    assert number is not None
    fa.remove(number)
    model = build_structure(to_bytes(root))
    assert "/Faktura/Fa/P_2" not in model.by_path
    [index] = model.with_problems()
    [problem] = model.node(index).problems
    assert model.node(index).path == problem.path  # the element found in P_2's place
    assert "P_2" in problem.message


def test_a_problem_about_an_absent_element_goes_to_its_nearest_ancestor() -> None:
    model = build_structure(build(factories.invoice()), check=False)
    problem = Problem(Severity.ERROR, "rule", "WZ is missing", path="/Faktura/Fa/WZ[1]")
    model.attach([problem, Problem(Severity.WARNING, "size", "about the whole file")])
    assert model.node(model.by_path["/Faktura/Fa"]).problems == (problem,)
    assert [p.code for p in model.general] == ["size"]


def test_an_element_the_schema_lacks_is_shown_by_name() -> None:
    root = ministry(1)
    find(root, "Fa").append(root.makeelement(NS + "Nieznany"))
    model = build_structure(to_bytes(root))
    index = model.by_path["/Faktura/Fa/Nieznany"]
    info = model.info(index)
    assert not info.in_schema
    assert model.label(index) == "Nieznany"
    assert model.node(index).problems or model.node(model.by_path["/Faktura/Fa"]).problems


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (BOMB, "xml-doctype"),
        (XXE, "xml-doctype"),
        (b"<Faktura><Fa></Faktura>", "xml-malformed"),
        (b"   ", "xml-empty"),
        (b"<a>" * 20_000 + b"</a>" * 20_000, "xml-malformed"),  # deeper than libxml2 allows
    ],
)
def test_hostile_or_broken_xml_is_refused_clearly(data: bytes, code: str) -> None:
    with pytest.raises(XmlInputError) as info:
        build_structure(data)
    assert info.value.code == code
    assert info.value.message


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(XmlInputError) as info:
        build_structure(b"<Faktura>\n<Fa>\n<P_2>x</P_3>\n</Fa></Faktura>")
    assert info.value.details["line"] == 3
    assert "3" in info.value.message


def test_ksef_messages_link_to_the_elements_they_name() -> None:
    xml = build(factories.invoice(lines=3))
    path_line = build_structure(xml, check=False).node(
        build_structure(xml, check=False).by_path["/Faktura/Fa/FaWiersz[3]/P_8B"]
    )
    messages = [
        f"Linia {path_line.line}: Element '{NS}P_8B': [facet 'pattern'] Value not accepted.",
        "Data wystawienia faktury (P_1) jest późniejsza niż data przyjęcia.",
        "Błąd w /Faktura/Podmiot2/DaneIdentyfikacyjne/NIP: nieprawidłowy NIP.",
        "Duplikat faktury.",
    ]
    model = build_structure(xml, check=False, ksef_messages=messages)
    linked = {model.node(i).path: model.node(i).ksef_messages for i in model.with_problems()}
    assert linked == {
        "/Faktura/Fa/FaWiersz[3]/P_8B": (messages[0],),
        "/Faktura/Fa/P_1": (messages[1],),
        "/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP": (messages[2],),
    }
    assert model.unlinked == ["Duplikat faktury."]
