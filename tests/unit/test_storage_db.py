"""The desktop store: schema versions, forward-only migrations, WAL, persistence."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.storage.db import MIGRATIONS, SCHEMA_VERSION, Database
from ksef_desktop.storage.parameters import KsefParameters, ParametersRepository


def test_a_new_store_is_at_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    db = Database(tmp_path / "d" / "store.sqlite3")
    try:
        assert db.version == SCHEMA_VERSION == len(MIGRATIONS)
        assert db.query("PRAGMA journal_mode")[0][0] == "wal"
        tables = {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"parameters", "auth_keys", "documents"} <= tables
    finally:
        db.close()
    assert stat.S_IMODE((tmp_path / "d" / "store.sqlite3").stat().st_mode) == 0o600


def test_an_old_store_is_migrated_forward_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    v1 = Database(path, MIGRATIONS[:1])
    ParametersRepository(v1).save(KsefParameters(True, "https://ws.example.com", "5261040828"))
    v1.close()
    later = (*MIGRATIONS, "CREATE TABLE extra (x INTEGER)")
    db = Database(path, later)
    try:
        assert db.version == len(later)
        assert ParametersRepository(db).load().ws_address == "https://ws.example.com"
        assert db.query("SELECT COUNT(*) FROM extra")[0][0] == 0
    finally:
        db.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Database(path).close()
    broken = (*MIGRATIONS, "CREATE TABLE half (x INTEGER); THIS IS NOT SQL")
    with pytest.raises(sqlite3.OperationalError):
        Database(path, broken)
    db = Database(path)
    try:
        assert db.version == SCHEMA_VERSION
        assert not db.query("SELECT name FROM sqlite_master WHERE name = 'half'")
    finally:
        db.close()


def test_a_store_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Database(path, (*MIGRATIONS, "CREATE TABLE future (x INTEGER)")).close()
    with pytest.raises(ConfigurationError) as info:
        Database(path)
    assert info.value.code == "store-too-new"
    assert str(path) in info.value.message
