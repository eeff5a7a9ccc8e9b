"""ksef-ws test set-up: an ini file against a ksef-sim, signed clients, sample ERP documents."""

from __future__ import annotations

import datetime as dt
import json
import socket
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ksef_desktop.contract import authcode
from ksef_desktop.contract.client import WsClient
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.ksef.retry import RetryPolicy
from ksef_desktop.ws.ksefgate import Tuning
from ksef_desktop.ws.registry import KeyRegistry

SELLER = "5261040828"
OTHER = "7740001454"
TOKENS = {SELLER: "ws-test-token-" + SELLER, OTHER: "ws-test-token-" + OTHER}
EXAMPLE = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "invoice-vat.json"

#: Tiny waits so tests spend their time on work, not on sleeping.
FAST = Tuning(
    poll_initial=0.01,
    retry=RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05, max_total=5),
    timeout_seconds=10,
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def erp_data(index: int, *, nip: str = SELLER, buyer: str = OTHER) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    today = dt.date.today().isoformat()
    data.update(id=f"ERP-{nip}-{index:05d}", number=f"FV/{index:05d}", issue_date=today)
    data["sale_date"] = today
    data["seller"]["nip"] = nip
    data["buyer"]["nip"] = buyer
    data["payment"]["due_date"] = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    return data


def erp_doc(index: int, *, nip: str = SELLER, buyer: str = OTHER) -> ErpDocument:
    return ErpDocument.model_validate(erp_data(index, nip=nip, buyer=buyer))


def number_clash(index: int) -> tuple[ErpDocument, ErpDocument]:
    """Documents ``index`` and ``index + 1`` under one number: KSeF refuses the second."""
    first = erp_doc(index)
    data = erp_data(index + 1)
    data["number"] = first.number
    data["lines"][0]["quantity"] = "3"
    data.pop("totals", None)
    return first, ErpDocument.model_validate(data)


def write_ini(
    directory: Path,
    ksef_url: str,
    modes: Mapping[str, str],
    *,
    port: int = 0,
    extra_ws: str = "",
    extra_company: str = "",
) -> Path:
    """A ksef.ini with one section per NIP in ``modes`` (token files mode 600)."""
    directory.mkdir(parents=True, exist_ok=True)
    text = f"[ws]\nlisten = 127.0.0.1:{port}\ndata_dir = {directory / 'data'}\n{extra_ws}\n"
    for nip, mode in modes.items():
        token = directory / f"{nip}.token"
        token.write_text(TOKENS[nip] + "\n", encoding="utf-8")
        token.chmod(0o600)
        text += (
            f"[company {nip}]\nenvironment = {ksef_url}\ntoken_file = {token}\n"
            f"session_mode = {mode}\n{extra_company}\n"
        )
    path = directory / "ksef.ini"
    path.write_text(text, encoding="utf-8")
    return path


def new_key(nip: str = SELLER) -> tuple[Ed25519PrivateKey, authcode.AuthorizationCode]:
    return authcode.generate(nip)


def register(data_dir: Path, code: authcode.AuthorizationCode) -> None:
    registry = KeyRegistry(data_dir)
    try:
        registry.add(code.text)
    finally:
        registry.close()


def client_for(
    base_url: str, private: Ed25519PrivateKey, code: authcode.AuthorizationCode
) -> WsClient:
    return WsClient(base_url, lambda: (code.key_id, private), timeout=30)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
    """Poll ``condition`` (every 20 ms) until true; fail with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.02)
