"""The authorization key: file store permissions, keyring detection, generate and regenerate."""

from __future__ import annotations

import stat
import types
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ksef_desktop.contract.authcode import AuthorizationCode, raw_public_key
from ksef_desktop.domain.errors import ConfigurationError, InvalidValueError
from ksef_desktop.services import keystore
from ksef_desktop.services.authorization import AuthorizationService, NoAuthorizationKeyError
from ksef_desktop.services.keystore import FileKeyStore, KeyringKeyStore, default_key_stores
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.keys import KeyRecordRepository

NIP = "5261040828"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "store.sqlite3")
    yield database  # type: ignore[misc]
    database.close()


def service(db: Database, key_dir: Path) -> AuthorizationService:
    return AuthorizationService(KeyRecordRepository(db), [FileKeyStore(key_dir)])


def test_file_store_writes_pkcs8_pem_readable_only_by_the_user(tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path / "keys")
    key = Ed25519PrivateKey.generate()
    store.save("abc123", key)
    path = tmp_path / "keys" / "abc123.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    loaded = store.load("abc123")
    assert loaded is not None
    assert raw_public_key(loaded.public_key()) == raw_public_key(key.public_key())
    store.delete("abc123")
    assert store.load("abc123") is None


def test_a_damaged_key_file_gets_a_clear_error(tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path)
    (tmp_path / "abc.pem").write_bytes(b"not a key")
    with pytest.raises(ConfigurationError) as info:
        store.load("abc")
    assert info.value.code == "key-damaged"


def test_generate_binds_the_code_to_the_nip_and_signs_with_the_key(
    db: Database, tmp_path: Path
) -> None:
    auth = service(db, tmp_path / "keys")
    with pytest.raises(NoAuthorizationKeyError):
        auth.signing_key()
    info = auth.generate("PL 526-104-08-28")
    code = AuthorizationCode.parse(info.code)
    assert code.nip == NIP == info.nip
    assert code.key_id == info.key_id
    key_id, private_key = auth.signing_key()
    assert key_id == info.key_id
    assert raw_public_key(private_key.public_key()) == code.public_key
    assert auth.current() == info
    with pytest.raises(InvalidValueError):
        auth.generate("123")


def test_regenerate_retires_and_deletes_the_previous_key(db: Database, tmp_path: Path) -> None:
    auth = service(db, tmp_path / "keys")
    first = auth.generate(NIP)
    second = auth.generate(NIP)
    assert second.key_id != first.key_id
    assert auth.signing_key()[0] == second.key_id
    assert not (tmp_path / "keys" / f"{first.key_id}.pem").exists()
    rows = db.query("SELECT key_id, retired_at FROM auth_keys ORDER BY created_at, rowid")
    assert [(r["key_id"], r["retired_at"] is None) for r in rows] == [
        (first.key_id, False),
        (second.key_id, True),
    ]


def test_a_restarted_service_reads_the_key_from_the_store(db: Database, tmp_path: Path) -> None:
    info = service(db, tmp_path / "keys").generate(NIP)
    again = service(db, tmp_path / "keys")
    assert again.current() == info
    assert again.signing_key()[0] == info.key_id


def test_a_missing_private_key_says_to_generate_again(db: Database, tmp_path: Path) -> None:
    info = service(db, tmp_path / "keys").generate(NIP)
    (tmp_path / "keys" / f"{info.key_id}.pem").unlink()
    with pytest.raises(NoAuthorizationKeyError) as info_exc:
        service(db, tmp_path / "keys").signing_key()
    assert info_exc.value.code == "key-missing"


class _MemoryKeyring:
    priority = 5

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, secret: str) -> None:
        self.data[service, user] = secret

    def get_password(self, service: str, user: str) -> str | None:
        return self.data.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        del self.data[service, user]


def test_keyring_store_keeps_the_pem_under_the_key_id(db: Database, tmp_path: Path) -> None:
    backend = _MemoryKeyring()
    auth = AuthorizationService(
        KeyRecordRepository(db), [KeyringKeyStore(backend), FileKeyStore(tmp_path)]
    )
    info = auth.generate(NIP)
    assert info.backend == "keyring"
    pem = backend.data["ksef-desktop", info.key_id]
    key = serialization.load_pem_private_key(pem.encode(), None)
    assert isinstance(key, Ed25519PrivateKey)
    assert not list(tmp_path.glob("*.pem"))
    auth.generate(NIP)
    assert ("ksef-desktop", info.key_id) not in backend.data


def _fake_keyring(backend: object) -> types.ModuleType:
    module = types.ModuleType("keyring")
    module.get_keyring = lambda: backend  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("module_name", ["keyring.backends.fail", "keyring.backends.null"])
def test_fail_and_null_keyring_backends_fall_back_to_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module_name: str
) -> None:
    unusable = type("Keyring", (), {"priority": 0, "__module__": module_name})()
    monkeypatch.setattr(keystore.importlib, "import_module", lambda _n: _fake_keyring(unusable))
    stores = default_key_stores(tmp_path)
    assert [s.name for s in stores] == ["file"]


def test_a_real_keyring_backend_comes_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        keystore.importlib, "import_module", lambda _n: _fake_keyring(_MemoryKeyring())
    )
    assert [s.name for s in default_key_stores(tmp_path)] == ["keyring", "file"]
    assert [s.name for s in default_key_stores(tmp_path, use_keyring=False)] == ["file"]


def test_no_keyring_package_means_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing(_name: str) -> types.ModuleType:
        raise ModuleNotFoundError("keyring")

    monkeypatch.setattr(keystore.importlib, "import_module", missing)
    assert [s.name for s in default_key_stores(tmp_path)] == ["file"]
