"""The company's authorization code: generating the key pair and signing with it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ksef_desktop.contract import authcode
from ksef_desktop.contract.authcode import AuthorizationCode
from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.services.keystore import KeyStore
from ksef_desktop.storage.keys import KeyRecord, KeyRecordRepository
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuthorizationInfo:
    """What KSEF > PARAMETERS shows about the current key (all public)."""

    code: str
    key_id: str
    nip: str
    created_at: datetime
    backend: str


def _info(record: KeyRecord) -> AuthorizationInfo:
    code = AuthorizationCode(record.nip, record.public_key)
    return AuthorizationInfo(code.text, code.key_id, record.nip, record.created_at, record.backend)


class NoAuthorizationKeyError(ConfigurationError):
    code = "no-authorization-key"


class AuthorizationService:
    """Generates keys, keeps their metadata, and lends the private key to the WS client.

    ``key_source`` is read by the client at each request, so a key generated
    here signs the very next request: nothing has to be rebuilt or restarted.
    """

    def __init__(self, records: KeyRecordRepository, stores: Sequence[KeyStore]) -> None:
        if not stores:
            raise ValueError("at least one key store is required")
        self._records = records
        self._stores = list(stores)
        self._lock = threading.Lock()
        self._cached: tuple[str, Ed25519PrivateKey] | None = None

    def current(self) -> AuthorizationInfo | None:
        record = self._records.current()
        return _info(record) if record else None

    def generate(self, nip: str) -> AuthorizationInfo:
        """A new key pair bound to ``nip``; the previous key is retired and deleted."""
        nip = normalize_nip(nip, field="company_nip")
        private_key, code = authcode.generate(nip)
        store = self._stores[0]
        record = KeyRecord(
            code.key_id, nip, code.public_key, store.name, datetime.now(UTC).replace(microsecond=0)
        )
        with self._lock:
            store.save(code.key_id, private_key)
            previous = self._records.replace_current(record)
            self._cached = (code.key_id, private_key)
        if previous is not None and previous.key_id != record.key_id:
            self._store_named(previous.backend).delete(previous.key_id)
        log.info("generated authorization key %s for NIP %s (%s)", code.key_id, nip, store.name)
        return _info(record)

    def _store_named(self, name: str) -> KeyStore:
        for store in self._stores:
            if store.name == name:
                return store
        raise ConfigurationError(
            tr(
                "The private key is kept in the {backend} store, which is not available on "
                "this computer now. Generate a new authorization code."
            ).format(backend=name),
            code="key-store-unavailable",
        )

    def signing_key(self) -> tuple[str, Ed25519PrivateKey]:
        """(key id, private key) of the current key; the WS client's ``KeySource``."""
        with self._lock:
            record = self._records.current()
            if record is None:
                raise NoAuthorizationKeyError(
                    tr("There is no authorization code yet. Generate one in KSEF > PARAMETERS.")
                )
            if self._cached is not None and self._cached[0] == record.key_id:
                return self._cached
            key = self._store_named(record.backend).load(record.key_id)
            if key is None:
                raise NoAuthorizationKeyError(
                    tr(
                        "The private key of authorization code {key_id} is missing from this "
                        "computer. Generate a new code and have it registered again."
                    ).format(key_id=record.key_id),
                    code="key-missing",
                )
            self._cached = (record.key_id, key)
            return self._cached
