"""ksef-ws end to end over loopback: signed WsClient → ksef-ws → ksef-sim, both session modes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ksef_desktop.contract.api import (
    API_PREFIX,
    CheckId,
    CheckStatus,
    DocumentState,
    DocumentStatus,
    Problem,
    ProblemType,
)
from ksef_desktop.contract.client import WsClient, WsError
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.simulator.server import RunningSimulator
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws import config
from ksef_desktop.ws.export import openapi_text
from ksef_desktop.ws.server import RunningWs, start_in_thread
from tests.helpers.ws_env import (
    FAST,
    OTHER,
    SELLER,
    TOKENS,
    client_for,
    erp_data,
    erp_doc,
    new_key,
    register,
    wait_until,
    write_ini,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


@dataclass
class Env:
    sim: RunningSimulator
    ws: RunningWs
    data_dir: Path
    client: WsClient  # SELLER, immediate mode
    other: WsClient  # OTHER, batch mode

    def store_snapshot(self) -> list[tuple[object, ...]]:
        return self.ws.service.store.snapshot()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    tmp = tmp_path_factory.mktemp("ws")
    with start_sim(tokens=TOKENS) as sim:
        ini = write_ini(
            tmp,
            sim.base_url,
            {SELLER: "immediate", OTHER: "batch"},
            extra_ws="max_body_bytes = 200000",
            extra_company="batch_window_minutes = 0.01\nbatch_max_documents = 50",
        )
        cfg = config.load(ini)
        with start_in_thread(cfg, tuning=FAST) as ws:
            key, code = new_key(SELLER)
            other_key, other_code = new_key(OTHER)
            register(cfg.data_dir, code)
            register(cfg.data_dir, other_code)
            with (
                client_for(ws.base_url, key, code) as client,
                client_for(ws.base_url, other_key, other_code) as other,
            ):
                yield Env(sim, ws, cfg.data_dir, client, other)


def _accepted(client: WsClient, ids: list[str], *, upo: bool = True) -> list[DocumentStatus]:
    def done() -> bool:
        items = client.statuses(ids)
        return len(items) == len(ids) and all(
            s.state is DocumentState.ACCEPTED and (s.upo_available or not upo) for s in items
        )

    wait_until(done, 60, f"{ids} accepted")
    return client.statuses(ids)


def test_health_needs_no_signature(env: Env) -> None:
    with WsClient(env.ws.base_url, None) as anonymous:
        health = anonymous.health()
    assert health.status == "ok"
    assert health.api_version == 1


def test_connection_test_runs_every_check_in_order(env: Env) -> None:
    result = env.client.connection_test()
    assert [c.id for c in result.checks] == list(CheckId)
    assert all(c.status is CheckStatus.OK for c in result.checks), result.checks
    assert result.ok
    assert result.company_nip == SELLER
    assert result.session_mode == "immediate"


def test_connection_test_reports_an_unconfigured_company(env: Env) -> None:
    key, code = new_key("1234563218")
    register(env.data_dir, code)
    with client_for(env.ws.base_url, key, code) as stranger:
        result = stranger.connection_test()
    company = next(c for c in result.checks if c.id is CheckId.COMPANY)
    assert company.status is CheckStatus.FAILED
    assert company.hint
    assert not result.ok


def test_immediate_mode_delivers_each_document_in_its_own_session(env: Env) -> None:
    docs = [erp_doc(100 + i) for i in range(5)]
    for doc in docs:
        status = env.client.submit(doc)
        assert status.state in (DocumentState.QUEUED, DocumentState.SENDING)
    final = _accepted(env.client, [d.id for d in docs])
    assert all(s.ksef_number and s.ksef_number.startswith(SELLER) for s in final)
    assert len({s.session_reference for s in final}) == len(docs)  # one session each
    assert all(s.ksef_code == 200 and s.attempts == 1 for s in final)
    numbers = {inv["ksef_number"] for inv in env.sim.sim.invoices(SELLER)}
    assert {s.ksef_number for s in final} <= numbers
    upo = env.client.upo(docs[0].id)
    assert final[0].ksef_number is not None
    assert final[0].ksef_number.encode() in upo
    assert env.client.fa3(docs[0].id).startswith(b"<?xml")


def test_batch_mode_shares_a_session_and_fetches_the_collective_upo(env: Env) -> None:
    docs = [erp_doc(200 + i, nip=OTHER, buyer=SELLER) for i in range(6)]
    items = env.other.submit_many(docs)
    assert all(isinstance(i, DocumentStatus) for i in items)
    numbered = _accepted(env.other, [d.id for d in docs], upo=False)
    assert all(s.ksef_number for s in numbered)
    final = _accepted(env.other, [d.id for d in docs])
    assert len({s.session_reference for s in final}) < len(docs)
    upo = env.other.upo(docs[0].id)
    assert final[0].ksef_number is not None
    assert final[0].ksef_number.encode() in upo


def test_resubmitting_the_same_content_returns_the_same_record(env: Env) -> None:
    doc = erp_doc(300)
    first = env.client.submit(doc)
    again = env.client.submit(ErpDocument.model_validate(erp_data(300)))
    assert again.id == first.id
    assert again.content_sha256 == first.content_sha256
    assert again.received_at == first.received_at
    accepted = _accepted(env.client, [doc.id])[0]
    assert env.client.submit(doc).ksef_number == accepted.ksef_number
    assert env.sim.sim.invoice_count(SELLER) == len(env.sim.sim.invoices(SELLER))


def test_different_content_for_an_accepted_document_is_a_conflict(env: Env) -> None:
    doc = erp_doc(310)
    _accepted(env.client, [env.client.submit(doc).id])
    changed = erp_data(310)
    changed["lines"][0]["quantity"] = "41"
    changed.pop("totals", None)
    before = env.store_snapshot()
    with pytest.raises(WsError) as info:
        env.client.submit(ErpDocument.model_validate(changed))
    assert info.value.status == 409
    assert info.value.problem_type is ProblemType.CONFLICT
    assert "accepted" in info.value.message
    assert env.store_snapshot() == before


def test_ksef_rejection_is_reported_with_its_code(env: Env) -> None:
    """Another ERP id with an already used invoice number: KSeF says 440 (duplicate)."""
    first = erp_doc(320)
    _accepted(env.client, [env.client.submit(first).id])
    clash = erp_data(321)
    clash["number"] = first.number
    clash["lines"][0]["quantity"] = "3"
    clash.pop("totals", None)
    doc = ErpDocument.model_validate(clash)
    env.client.submit(doc)
    wait_until(lambda: env.client.status(doc.id).state is DocumentState.REJECTED, 30)
    status = env.client.status(doc.id)
    assert status.ksef_code == 440
    assert status.error
    assert status.ksef_number is None
    # A rejected document may be corrected and resubmitted under the same id.
    clash["number"] = "FV/00321-B"
    fixed = env.client.submit(ErpDocument.model_validate(clash))
    assert fixed.state is DocumentState.QUEUED
    _accepted(env.client, [doc.id])


def test_a_company_cannot_see_another_companys_document(env: Env) -> None:
    doc = erp_doc(330)
    env.client.submit(doc)
    for call in (env.other.status, env.other.fa3, env.other.upo):
        with pytest.raises(WsError) as info:
            call(doc.id)
        assert info.value.status == 404
        assert info.value.problem_type is ProblemType.NOT_FOUND
    assert env.other.statuses([doc.id]) == []


def test_seller_must_be_the_signing_keys_company(env: Env) -> None:
    before = env.store_snapshot()
    with pytest.raises(WsError) as info:
        env.other.submit(erp_doc(340))  # seller SELLER, signed by OTHER's key
    assert info.value.status == 403
    assert info.value.problem_type is ProblemType.SELLER_MISMATCH
    assert env.store_snapshot() == before


def test_batch_reports_each_item(env: Env) -> None:
    good = erp_doc(350)
    bad = erp_data(351)
    bad["totals"] = {"net": "1.00", "vat": "0.23", "gross": "1.23"}
    items = env.client.submit_many([good, ErpDocument.model_validate(bad)])
    assert isinstance(items[0], DocumentStatus)
    assert isinstance(items[1], Problem)
    assert items[1].code is ProblemType.INVALID_DOCUMENT
    assert items[1].errors[0].loc.startswith("documents[1].totals.")
    with pytest.raises(WsError):
        env.client.status(bad["id"])


def test_a_large_batch_is_checked_in_intake_processes_and_answered_in_order(env: Env) -> None:
    assert env.ws.service.intake.processes >= 1  # ksef.ini default on a multi-core machine
    datas = [erp_data(500 + i, nip=OTHER, buyer=SELLER) for i in range(45)]
    datas[22]["totals"] = {"net": "1.00", "vat": "0.23", "gross": "1.23"}
    items = env.other.submit_many([ErpDocument.model_validate(d) for d in datas])
    assert env.ws.service.intake.started
    assert len(items) == 45
    refused = items[22]
    assert isinstance(refused, Problem)
    assert refused.errors[0].loc.startswith("documents[22].totals.")
    good = [d["id"] for i, d in enumerate(datas) if i != 22]
    assert [i.id for i in items if isinstance(i, DocumentStatus)] == good
    assert all(s.ksef_number for s in _accepted(env.other, good, upo=False))


def test_listing_pages_with_a_cursor(env: Env) -> None:
    ids = [env.client.submit(erp_doc(400 + i)).id for i in range(5)]
    seen: list[str] = []
    cursor = None
    while True:
        page = env.client.list(cursor=cursor, limit=2)
        assert len(page.items) <= 2
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert set(ids) <= set(seen)
    assert len(seen) == len(set(seen))
    rejected = env.client.list(status=DocumentState.REJECTED, limit=100)
    assert all(item.state is DocumentState.REJECTED for item in rejected.items)
    future = env.client.list(since="2999-01-01T00:00:00Z")
    assert future.items == []


def test_validate_previews_fa3_and_stores_nothing(env: Env) -> None:
    before = env.store_snapshot()
    result = env.client.validate(erp_doc(500))
    assert result.valid
    assert result.fa3 is not None
    assert "<P_2>FV/00500</P_2>" in result.fa3
    assert env.store_snapshot() == before


def _raw_post(env: Env, path: str, body: bytes) -> httpx.Response:
    """A signed request with an arbitrary body (the client only sends valid models)."""
    key_id, private = env.client._http.auth._keys()  # type: ignore[union-attr]
    from ksef_desktop.contract.signing import sign_request

    request = httpx.Request(
        "POST",
        env.ws.base_url + API_PREFIX + path,
        content=body,
        headers={"Content-Type": "application/json"},
    )
    sign_request(request, key_id=key_id, private_key=private)
    with httpx.Client() as http:
        return http.send(request)


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        (b"{not json", "body"),
        (json.dumps({**erp_data(600), "colour": "red"}).encode(), "colour"),
        (
            json.dumps(
                {**erp_data(601), "lines": [{**erp_data(601)["lines"][0], "unit_price": 21.9}]}
            ).encode(),
            "lines[0].unit_price",
        ),
    ],
    ids=["malformed-json", "unknown-field", "float-amount"],
)
def test_malformed_bodies_name_the_field_and_change_nothing(
    env: Env, body: bytes, loc: str
) -> None:
    before = env.store_snapshot()
    response = _raw_post(env, "/documents", body)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = Problem.model_validate(response.json())
    assert problem.code is ProblemType.MALFORMED_BODY
    assert problem.errors[0].loc == loc
    assert env.store_snapshot() == before


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"seller_nip": "5261040829"}, "seller.nip"),
        ({"buyer_nip": "1234567890"}, "buyer.nip"),
        ({"totals": {"net": "1.00", "vat": "0.23", "gross": "1.23"}}, "totals.net"),
    ],
    ids=["invalid-seller-nip", "invalid-buyer-nip", "totals-mismatch"],
)
def test_invalid_documents_get_422_with_the_field(
    env: Env, change: dict[str, object], loc: str
) -> None:
    data = erp_data(610)
    if "seller_nip" in change:
        data["seller"]["nip"] = change["seller_nip"]
    if "buyer_nip" in change:
        data["buyer"]["nip"] = change["buyer_nip"]
    if "totals" in change:
        data["totals"] = change["totals"]
    before = env.store_snapshot()
    response = _raw_post(env, "/documents", json.dumps(data).encode())
    assert response.status_code == 422
    problem = Problem.model_validate(response.json())
    assert problem.code is ProblemType.INVALID_DOCUMENT
    assert problem.errors[0].loc.startswith(loc)
    assert env.store_snapshot() == before


def test_oversize_body_is_refused_with_413(env: Env) -> None:
    before = env.store_snapshot()
    response = _raw_post(env, "/documents", b'{"pad": "' + b"x" * 300_000 + b'"}')
    assert response.status_code == 413
    assert Problem.model_validate(response.json()).code is ProblemType.BODY_TOO_LARGE
    # Also when the size is not announced up front (chunked upload).
    key_id, _ = env.client._http.auth._keys()  # type: ignore[union-attr]

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 10_000

    with httpx.Client() as http:
        streamed = http.post(
            env.ws.base_url + API_PREFIX + "/documents",
            content=chunks(),
            headers={
                "Content-Type": "application/json",
                "Signature": "sig1=:AA==:",
                "Signature-Input": f'sig1=();keyid="{key_id}"',
            },
        )
    assert streamed.status_code == 413
    assert env.store_snapshot() == before


def test_published_openapi_is_what_the_service_serves(env: Env) -> None:
    served = httpx.get(env.ws.base_url + "/openapi.json").json()
    published = (SCHEMAS / "ws-openapi.json").read_text(encoding="utf-8")
    assert json.loads(published) == served
    assert published == openapi_text()


def test_tokens_never_reach_the_log(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    env.client.connection_test()
    doc = erp_doc(700)
    env.client.submit(doc)
    _accepted(env.client, [doc.id])
    assert caplog.records  # the service did log its work
    for token in TOKENS.values():
        assert token not in caplog.text


def test_ids_with_slashes_and_non_ascii_round_trip(env: Env) -> None:
    data = erp_data(710)
    data["id"] = "FV/2026/11 żółw#1?"
    doc = ErpDocument.model_validate(data)
    assert env.client.submit(doc).id == doc.id
    assert env.client.status(doc.id).id == doc.id
    assert b"FV/00710" in env.client.fa3(doc.id)


def test_a_settlement_invoice_reaches_ksef_with_the_advance_invoices_it_settles(env: Env) -> None:
    data = erp_data(620)
    data["kind"] = "ROZ"
    data["advance_invoices"] = [
        {"ksef_number": "5261040828-20261102-0123456789AB-CA"},
        {"number": "FZ/7/2026"},
    ]
    doc = ErpDocument.model_validate(data)
    env.client.submit(doc)
    [final] = _accepted(env.client, [doc.id])
    assert final.ksef_number
    fa3 = env.client.fa3(doc.id)
    assert b"<NrKSeFFaZaliczkowej>5261040828-20261102-0123456789AB-CA<" in fa3
    assert b"<NrFaZaliczkowej>FZ/7/2026<" in fa3
    either = dict(data, id="ERP-both", advance_invoices=[{"ksef_number": "x" * 35, "number": "1"}])
    response = _raw_post(env, "/documents", json.dumps(either).encode())
    assert response.status_code == 422
    problem = Problem.model_validate(response.json())
    assert problem.errors[0].loc.startswith("advance_invoices")
