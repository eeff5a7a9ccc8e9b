"""Import of ERP JSON files into the register: good files become drafts, bad ones store nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ksef_desktop.domain.lifecycle import Status
from tests.helpers.sales_env import SalesEnv, make_env

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def example(name: str = "invoice-vat.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_every_published_example_imports_as_a_draft(env: SalesEnv, name: str) -> None:
    result = env.sales.imports.import_file(EXAMPLES / name)
    assert result.ok, result.errors
    (doc_id,) = result.ids
    stored = env.documents.get(doc_id)
    assert stored.status is Status.DRAFT
    assert stored.meta.source == "import"
    assert stored.meta.erp_id == example(name)["id"] == doc_id
    assert stored.content().number == example(name)["number"]
    row = env.sales.register.rows([doc_id])[0]
    assert str(row.gross) == example(name).get("totals", {}).get("gross", str(row.gross))


def test_the_example_invoice_keeps_its_content(env: SalesEnv) -> None:
    result = env.sales.imports.import_file(EXAMPLES / "invoice-vat.json")
    document = env.documents.get(result.ids[0]).content()
    assert document.buyer.nip == "7740001454"  # normalised from 774-000-14-54
    assert document.lines[0].name == "Cement CEM II 25 kg"
    assert str(document.totals.due) == "1356.48"


def test_an_array_file_is_all_or_nothing(env: SalesEnv, tmp_path: Path) -> None:
    good = example()
    second = {**example(), "id": "ERP-2", "number": "FV/2026/11/0124"}
    bad = {**example(), "id": "ERP-3", "number": "FV/2026/11/0125"}
    bad["lines"] = [{**bad["lines"][0], "unit_price": "12,50"}]
    path = write(tmp_path, "three.json", [good, second, bad])
    result = env.sales.imports.import_file(path)
    assert not result.ok
    assert result.ids == ()
    assert [e.field for e in result.errors] == ["[2].lines[0].unit_price"]
    assert env.sales.register.count() == 0
    fixed = write(tmp_path, "two.json", [good, second])
    assert len(env.sales.imports.import_file(fixed).ids) == 2


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d["buyer"].update(nip="7740001455"), "buyer.nip", "check digit"),
        (lambda d: d["seller"].pop("name"), "seller.name", "required"),
        (lambda d: d.update(colour="red"), "colour", "not permitted"),
        (lambda d: d["totals"].update(gross="1356.49"), "totals.gross", "add up"),
        (
            lambda d: d["payment"].update(bank_account="61 1090 1014 0000 0712 1981 2875"),
            "payment.bank_account",
            "check digits",
        ),
        (lambda d: d.update(lines=[]), "lines", "at least 1"),
    ],
    ids=["nip", "missing", "unknown", "totals", "account", "no-lines"],
)
def test_a_bad_file_names_the_field_and_stores_nothing(
    env: SalesEnv, tmp_path: Path, change: Any, field: str, words: str
) -> None:
    data = example()
    change(data)
    result = env.sales.imports.import_file(write(tmp_path, "bad.json", data))
    assert not result.ok
    assert result.errors[0].field == field
    assert words in result.errors[0].message
    assert env.sales.register.count() == 0


def test_malformed_json_is_reported_with_its_position(env: SalesEnv, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"id": "A",\n "number": }', encoding="utf-8")
    result = env.sales.imports.import_file(path)
    assert not result.ok
    assert "line 2" in result.errors[0].message
    assert env.sales.imports.import_file(tmp_path / "missing.json").errors
    empty = write(tmp_path, "empty.json", [])
    assert "no document" in env.sales.imports.import_file(empty).errors[0].message


def test_the_same_document_twice_is_refused(env: SalesEnv, tmp_path: Path) -> None:
    assert env.sales.imports.import_file(EXAMPLES / "invoice-vat.json").ok
    again = env.sales.imports.import_file(EXAMPLES / "invoice-vat.json")
    assert [e.field for e in again.errors] == ["id"]
    same_number = {**example(), "id": "ANOTHER-ID"}
    clash = env.sales.imports.import_file(write(tmp_path, "clash.json", same_number))
    assert [e.field for e in clash.errors] == ["number"]
    assert "FV/2026/11/0123" in clash.errors[0].message
    assert env.sales.register.count() == 1


def test_an_imported_document_goes_through_the_wizard_with_its_own_number(env: SalesEnv) -> None:
    doc_id = env.sales.imports.import_file(EXAMPLES / "invoice-vat.json").ids[0]
    wizard = env.sales.open_wizard(doc_id)
    wizard.next()
    wizard.next()
    assert wizard.summary().number == "FV/2026/11/0123"
    wizard.next()
    assert env.documents.get(doc_id).meta.number == "FV/2026/11/0123"
