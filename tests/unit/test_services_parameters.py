"""WS address rules and the parameters service's validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.services.parameters import (
    KsefParameters,
    ParametersService,
    field_errors,
    validate_ws_address,
)
from ksef_desktop.storage.db import Database
from ksef_desktop.storage.parameters import ParametersRepository


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://ksef-ws.example.com", "https://ksef-ws.example.com"),
        (" HTTPS://KSeF-WS.Example.com:8765/ ", "https://ksef-ws.example.com:8765"),
        ("https://erp.example.com/ksef-ws/", "https://erp.example.com/ksef-ws"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://127.8.9.10:1", "http://127.8.9.10:1"),
        ("http://localhost:8765", "http://localhost:8765"),
        ("http://[::1]:8765", "http://[::1]:8765"),
        ("https://[2001:db8::1]:443", "https://[2001:db8::1]:443"),
    ],
)
def test_accepted_addresses_are_normalised(text: str, expected: str) -> None:
    assert validate_ws_address(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "ws-address-empty"),
        ("ksef-ws.example.com", "ws-address-scheme"),
        ("ftp://ksef-ws.example.com", "ws-address-scheme"),
        ("http://ksef-ws.example.com", "ws-address-insecure"),
        ("http://192.168.1.10:8765", "ws-address-insecure"),
        ("http://localhost.example.com", "ws-address-insecure"),
        ("https://", "ws-address-host"),
        ("https://user:pw@ksef-ws.example.com", "ws-address-credentials"),
        ("https://ksef-ws.example.com/?x=1", "ws-address-query"),
        ("https://ksef-ws.example.com:99999", "ws-address-invalid"),
        ("https://ksef-ws.example.com:port", "ws-address-invalid"),
    ],
)
def test_rejected_addresses_say_why(text: str, code: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        validate_ws_address(text)
    assert info.value.code == code
    assert info.value.field == "ws_address"


def test_active_needs_an_address_and_a_nip() -> None:
    errors = field_errors(KsefParameters(active=True))
    assert set(errors) == {"ws_address", "company_nip"}
    assert field_errors(KsefParameters(active=False)) == {}


def test_save_normalises_and_refuses_bad_values(tmp_path: Path) -> None:
    db = Database(tmp_path / "s.sqlite3")
    try:
        service = ParametersService(ParametersRepository(db))
        saved = service.save(KsefParameters(True, "HTTPS://WS.example.com/", "PL 526-104-08-28"))
        assert saved == KsefParameters(True, "https://ws.example.com", "5261040828")
        assert service.load() == saved
        with pytest.raises(InvalidValueError) as info:
            service.save(KsefParameters(True, "https://ws.example.com", "5261040829"))
        assert info.value.field == "company_nip"
        assert service.load() == saved
    finally:
        db.close()
