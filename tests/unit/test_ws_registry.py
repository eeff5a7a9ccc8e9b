"""The key registry and nonce store, and the ``ksef-ws keys`` commands (in-process and real)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ksef_desktop.contract import authcode
from ksef_desktop.contract.signing import KeyStatus
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.ws.cli import main as ws_cli
from ksef_desktop.ws.registry import NONCE_RETENTION_SECONDS, KeyRegistry

NIP = "5261040828"


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    path = tmp_path / "ksef.ini"
    # keys commands only need [ws] data_dir: they work before companies are configured.
    path.write_text("[ws]\nlisten = 127.0.0.1:8765\ndata_dir = state\n", encoding="utf-8")
    return path


def test_add_is_idempotent_and_revoke_is_final(tmp_path: Path) -> None:
    registry = KeyRegistry(tmp_path)
    _, code = authcode.generate(NIP)
    record, new = registry.add(code.text)
    assert new
    assert (record.key_id, record.nip, record.status) == (code.key_id, NIP, KeyStatus.ACTIVE)
    assert registry.add(code.text) == (record, False)
    found = registry.lookup(code.key_id)
    assert found is not None
    assert found.nip == NIP
    assert registry.revoke(code.key_id).status is KeyStatus.REVOKED
    revoked = registry.lookup(code.key_id)
    assert revoked is not None
    assert revoked.status is KeyStatus.REVOKED
    with pytest.raises(InvalidValueError) as info:
        registry.add(code.text)
    assert info.value.code == "key-revoked"
    with pytest.raises(InvalidValueError):
        registry.revoke("0000000000000000")
    assert registry.lookup("0000000000000000") is None
    registry.close()


def test_a_damaged_code_is_refused(tmp_path: Path) -> None:
    registry = KeyRegistry(tmp_path)
    with pytest.raises(InvalidValueError) as info:
        registry.add("KSEFWS1.5261040828.short")
    assert info.value.code == "authcode-key"
    assert registry.list() == []
    registry.close()


def test_nonces_are_single_use_and_pruned(tmp_path: Path) -> None:
    registry = KeyRegistry(tmp_path)
    now = int(time.time())
    assert registry.remember_nonce("k1", "n1", now)
    assert not registry.remember_nonce("k1", "n1", now)
    assert registry.remember_nonce("k2", "n1", now)  # nonces are per key
    assert registry.remember_nonce("k1", "old", now - NONCE_RETENTION_SECONDS - 10)
    assert registry.prune_nonces() == 1
    assert registry.nonce_count() == 2
    assert not registry.remember_nonce("k1", "n1", now)  # recent ones survive pruning
    registry.close()


def test_keys_commands_in_process(ini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, code = authcode.generate(NIP)
    assert ws_cli(["keys", "add", code.text, "--config", str(ini)]) == 0
    assert code.key_id in capsys.readouterr().out
    assert ws_cli(["keys", "list", "--config", str(ini)]) == 0
    listing = capsys.readouterr().out
    assert code.key_id in listing
    assert "active" in listing
    assert ws_cli(["keys", "revoke", code.key_id, "--config", str(ini)]) == 0
    assert ws_cli(["keys", "list", "--config", str(ini)]) == 0
    assert "revoked" in capsys.readouterr().out
    assert ws_cli(["keys", "add", "not-a-code", "--config", str(ini)]) == 1
    assert "KSEFWS1" in capsys.readouterr().err
    assert (ini.parent / "state" / "registry.sqlite").exists()


def test_keys_commands_as_a_real_process(ini: Path) -> None:
    script = Path(sys.executable).parent / "ksef-ws"
    _, code = authcode.generate(NIP)
    env = {**os.environ, "KSEF_WS_CONFIG": str(ini)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), "keys", *args],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )

    added = run("add", code.text)
    assert added.returncode == 0, added.stderr
    assert code.key_id in added.stdout
    revoked = run("revoke", code.key_id)
    assert revoked.returncode == 0, revoked.stderr
    listing = run("list")
    assert f"{code.key_id}  NIP {NIP}  revoked" in listing.stdout
    missing = subprocess.run(
        [str(script), "keys", "list", "--config", str(ini.parent / "none.ini")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert missing.returncode == 2
    assert "none.ini" in missing.stderr
