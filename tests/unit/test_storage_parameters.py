"""The parameters repository returns the typed model and keeps unknown rows."""

from __future__ import annotations

from pathlib import Path

from ksef_desktop.storage.db import Database
from ksef_desktop.storage.parameters import (
    FieldKind,
    KsefParameters,
    ParametersRepository,
    parameter_fields,
)


def test_defaults_when_nothing_was_saved(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    try:
        assert ParametersRepository(db).load() == KsefParameters()
    finally:
        db.close()


def test_saved_values_come_back_typed_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    db = Database(path)
    ParametersRepository(db).save(KsefParameters(True, "http://127.0.0.1:8765", "5261040828"))
    ParametersRepository(db).save(KsefParameters(False, "http://127.0.0.1:8765", "5261040828"))
    db.close()
    db = Database(path)
    try:
        loaded = ParametersRepository(db).load()
        assert loaded == KsefParameters(False, "http://127.0.0.1:8765", "5261040828")
        assert loaded.active is False
    finally:
        db.close()


def test_the_form_description_comes_from_the_model() -> None:
    fields = parameter_fields()
    assert [f.name for f in fields] == ["active", "ws_address", "company_nip"]
    assert [f.kind for f in fields] == [FieldKind.FLAG, FieldKind.URL, FieldKind.NIP]
    assert [f.object_name for f in fields] == ["statusActive", "wsAddress", "companyNip"]
    assert fields[0].label == "STATUS (ACTIVE)"
