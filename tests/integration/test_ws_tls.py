"""tls_cert / tls_key in ksef.ini: the service speaks HTTPS and the signed client trusts it."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from ksef_desktop.contract.client import WsClient
from ksef_desktop.domain.errors import TransportError
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws import config
from ksef_desktop.ws.server import start_in_thread
from tests.helpers.tls import self_signed
from tests.helpers.ws_env import FAST, SELLER, TOKENS, client_for, new_key, register, write_ini


def test_https_with_the_configured_certificate(tmp_path: Path) -> None:
    cert, key_file = self_signed(tmp_path)
    with start_sim(tokens=TOKENS) as sim:
        ini = write_ini(
            tmp_path,
            sim.base_url,
            {SELLER: "immediate"},
            extra_ws=f"tls_cert = {cert}\ntls_key = {key_file}",
        )
        cfg = config.load(ini)
        with start_in_thread(cfg, tuning=FAST) as ws:
            assert ws.base_url.startswith("https://")
            key, code = new_key(SELLER)
            register(cfg.data_dir, code)
            with WsClient(
                ws.base_url,
                lambda: (code.key_id, key),
                verify=ssl.create_default_context(cafile=str(cert)),
            ) as client:
                assert client.connection_test().ok
            with (
                client_for(ws.base_url, key, code) as untrusting,
                pytest.raises(TransportError) as info,
            ):
                untrusting.health()
    assert info.value.code == "ws-tls"


def test_tls_needs_both_files(tmp_path: Path) -> None:
    cert, _ = self_signed(tmp_path)
    ini = write_ini(
        tmp_path, "http://127.0.0.1:9", {SELLER: "immediate"}, extra_ws=f"tls_cert = {cert}"
    )
    with pytest.raises(config.ConfigurationError) as info:
        config.load(ini)
    assert info.value.details["key"] == "tls_key"
