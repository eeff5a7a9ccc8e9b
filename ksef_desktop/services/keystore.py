"""Where the private authorization key lives: the OS keyring where usable, else a 0600 file."""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

KEYRING_SERVICE = "ksef-desktop"


class KeyStore(Protocol):
    """Keeps private keys by key id; ``name`` is recorded with each key's metadata."""

    name: str

    def save(self, key_id: str, key: Ed25519PrivateKey) -> None: ...

    def load(self, key_id: str) -> Ed25519PrivateKey | None: ...

    def delete(self, key_id: str) -> None: ...


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _from_pem(data: bytes, where: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except ValueError:
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(
            tr(
                "The private key in {where} is damaged. Generate a new authorization code in "
                "KSEF > PARAMETERS and have it registered again."
            ).format(where=where),
            code="key-damaged",
        )
    return key


class FileKeyStore:
    """PEM (PKCS#8) files readable only by the user, in a 0700 directory."""

    name = "file"

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, key_id: str) -> Path:
        if not key_id.isalnum():
            raise ValueError(f"not a key id: {key_id!r}")
        return self.directory / f"{key_id}.pem"

    def save(self, key_id: str, key: Ed25519PrivateKey) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.directory.chmod(0o700)
        path = self.path(key_id)
        temp = path.with_suffix(".tmp")
        temp.unlink(missing_ok=True)
        # Created 0600 from the start: a chmod after writing would leave a window.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_pem(key))
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)

    def load(self, key_id: str) -> Ed25519PrivateKey | None:
        path = self.path(key_id)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        return _from_pem(data, str(path))

    def delete(self, key_id: str) -> None:
        self.path(key_id).unlink(missing_ok=True)


class KeyringKeyStore:
    """The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    name = "keyring"

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def save(self, key_id: str, key: Ed25519PrivateKey) -> None:
        self._backend.set_password(KEYRING_SERVICE, key_id, _pem(key).decode("ascii"))

    def load(self, key_id: str) -> Ed25519PrivateKey | None:
        text = self._backend.get_password(KEYRING_SERVICE, key_id)
        if text is None:
            return None
        return _from_pem(str(text).encode("ascii"), tr("the system keyring"))

    def delete(self, key_id: str) -> None:
        try:
            self._backend.delete_password(KEYRING_SERVICE, key_id)
        except Exception:  # noqa: BLE001 - keyring backends raise their own types
            log.warning("could not delete key %s from the keyring", key_id)


def usable_keyring() -> Any | None:
    """The keyring backend when a real one is available, else None.

    The ``keyring`` package is imported by name so that a missing package, or
    its fail/null backends (headless Linux, CI), simply mean "use the file".
    """
    try:
        keyring = importlib.import_module("keyring")
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - any failure means the keyring is not usable
        return None
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return None
    if getattr(backend, "priority", 1) <= 0:
        return None
    if module.startswith("keyring.backends.chainer") and not getattr(backend, "backends", []):
        return None
    return backend


def default_key_stores(key_dir: Path, *, use_keyring: bool = True) -> list[KeyStore]:
    """The stores in order of preference; new keys go to the first, old ones are found anywhere."""
    stores: list[KeyStore] = []
    backend = usable_keyring() if use_keyring else None
    if backend is not None:
        stores.append(KeyringKeyStore(backend))
    stores.append(FileKeyStore(key_dir))
    return stores
