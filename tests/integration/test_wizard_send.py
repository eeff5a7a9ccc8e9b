"""The wizard's send step against a real ksef-ws and ksef-sim on loopback."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ksef_desktop import fa3
from ksef_desktop.contract.api import DocumentState
from ksef_desktop.contract.client import KeySource, WsClient
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.domain.document import Document, DocumentKind
from ksef_desktop.domain.errors import DocumentLockedError, IllegalTransitionError
from ksef_desktop.domain.extras import AdvanceInvoiceRef
from ksef_desktop.domain.lifecycle import Status
from ksef_desktop.domain.party import TaxId
from ksef_desktop.services.cancel import CancelToken
from ksef_desktop.services.wizard import PrintWizard, Step, WizardError
from ksef_desktop.simulator.server import RunningSimulator
from ksef_desktop.simulator.server import start_in_thread as start_sim
from ksef_desktop.ws import config
from ksef_desktop.ws.server import RunningWs, start_in_thread
from tests.helpers import factories
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env
from tests.helpers.ws_env import (
    FAST,
    OTHER,
    SELLER,
    TOKENS,
    erp_data,
    new_key,
    register,
    wait_until,
    write_ini,
)


@dataclass
class Chain:
    """ksef-sim and ksef-ws (fast retry tuning) with one immediate and one batch company."""

    sim: RunningSimulator
    ws: RunningWs
    keys: dict[str, KeySource]
    direct: WsClient  # the immediate company's own client, for set-up and checks


def _fixed_key(key_id: str, private: Ed25519PrivateKey) -> KeySource:
    return lambda: (key_id, private)


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    tmp = tmp_path_factory.mktemp("chain")
    with start_sim(tokens=TOKENS) as sim:
        ini = write_ini(
            tmp,
            sim.base_url,
            {SELLER: "immediate", OTHER: "batch"},
            extra_company="batch_window_minutes = 60",
        )
        cfg = config.load(ini)
        with start_in_thread(cfg, tuning=FAST) as ws:
            keys: dict[str, KeySource] = {}
            for nip in (SELLER, OTHER):
                private, code = new_key(nip)
                register(cfg.data_dir, code)
                keys[nip] = _fixed_key(code.key_id, private)
            with WsClient(ws.base_url, keys[SELLER], timeout=30) as direct:
                yield Chain(sim, ws, keys, direct)


@pytest.fixture
def env(chain: Chain, tmp_path: Path) -> Iterator[SalesEnv]:
    chain.sim.sim.clear_faults()
    environment = make_env(
        tmp_path,
        ws_address=chain.ws.base_url,
        client=lambda: WsClient(chain.ws.base_url, chain.keys[SELLER], timeout=30),
    )
    yield environment
    chain.sim.sim.clear_faults()
    environment.close()


def dated(month: int) -> Document:
    """A draft issued in ``month`` of 2026 (the chain is shared: each test its own series)."""
    day = date(2026, month, 2)
    return draft_invoice(issue_date=day, sale_date=day)


def to_send(env: SalesEnv, month: int) -> tuple[str, PrintWizard]:
    doc_id = env.draft(dated(month))
    wizard = env.sales.open_wizard(doc_id)
    while wizard.current is not Step.SEND:
        wizard.next()
    return doc_id, wizard


def b64url_sha256(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")


def test_an_accepted_invoice_gets_its_ksef_number_and_a_matching_kod_i(
    env: SalesEnv, chain: Chain
) -> None:
    doc_id, wizard = to_send(env, 11)
    messages: list[str] = []
    result = wizard.send(CancelToken(), messages.append)
    assert result.status is Status.ACCEPTED, result.message
    assert result.ksef_number is not None
    assert result.ksef_number.startswith(SELLER + "-")
    assert result.ksef_number in result.message
    assert messages  # progress was reported
    stored = env.documents.get(doc_id)
    assert (stored.status, stored.meta.ksef_number) == (Status.ACCEPTED, result.ksef_number)
    # The register keeps the XML exactly as the WS delivered it; KOD I links to it.
    delivered = chain.direct.fa3(stored.meta.erp_id or doc_id)
    assert stored.fa3 == delivered
    wizard.next()
    printout = wizard.printout()
    assert printout.qr is not None
    assert printout.qr.label == result.ksef_number
    assert printout.qr.link.endswith(f"/{SELLER}/02-11-2026/{b64url_sha256(delivered)}")
    wizard.printed()
    with pytest.raises(DocumentLockedError):
        env.sales.register.delete(doc_id)
    with pytest.raises(DocumentLockedError):
        env.sales.register.save_draft(doc_id, draft_invoice())


def test_a_ksef_rejection_leaves_the_document_rejected_with_the_code(
    env: SalesEnv, chain: Chain
) -> None:
    direct = chain.direct
    # Another system already used the number the wizard will give: KSeF answers 440.
    number = env.sales.register.number_preview(env.draft(dated(10)))
    assert number == "FV/2026/10/0001"
    data = erp_data(9001, nip=SELLER)
    data.update(id="OTHER-ERP-9001", number=number)
    data.pop("totals", None)
    taken = direct.submit(ErpDocument.model_validate(data))
    wait_until(lambda: direct.status(taken.id).state is DocumentState.ACCEPTED, 30, "accepted")

    doc_id, wizard = to_send(env, 10)
    result = wizard.send()
    assert result.status is Status.REJECTED
    assert result.ksef_code == 440
    assert "440" in result.message
    assert "reopen it from the register" in result.message
    stored = env.documents.get(doc_id)
    assert (stored.status, stored.meta.ksef_code) == (Status.REJECTED, 440)
    assert stored.meta.reason
    assert not wizard.can_next()
    with pytest.raises(WizardError):
        wizard.next()
    with pytest.raises(IllegalTransitionError):
        env.documents.record_print(doc_id, env.lifecycle)


def test_ksef_unavailable_puts_the_document_in_awaiting_with_the_reason(
    env: SalesEnv, chain: Chain
) -> None:
    chain.sim.sim.add_faults("send_invoice:503@count=1000000")
    doc_id, wizard = to_send(env, 9)
    result = wizard.send()
    assert result.status is Status.AWAITING, result.message
    assert result.reason
    assert "AWAITING DOCUMENTS" in result.message
    stored = env.documents.get(doc_id)
    assert stored.status is Status.AWAITING
    assert stored.meta.reason == result.reason
    wizard.next()
    printout = wizard.printout()  # printing is allowed once the send was attempted
    assert printout.qr is not None
    assert printout.qr.label == "OFFLINE"
    assert printout.qr.link.endswith(b64url_sha256(stored.fa3 or b""))


def test_cancelling_the_wait_leaves_the_document_with_the_ws(env: SalesEnv, chain: Chain) -> None:
    chain.sim.sim.add_faults("send_invoice:timeout@count=1;hold=2")
    doc_id, wizard = to_send(env, 8)
    token = CancelToken()

    def progress(message: str) -> None:
        if "Waiting" in message:
            token.cancel()

    result = wizard.send(token, progress)
    assert result.status is Status.SENT
    assert result.pending
    assert "stopped waiting" in result.message
    assert env.status(doc_id) is Status.SENT
    assert wizard.can_next()  # it was sent: it may be printed, marked OFFLINE


def test_in_batch_mode_the_outcome_says_the_number_comes_with_the_session(
    chain: Chain, tmp_path: Path
) -> None:
    batch = make_env(
        tmp_path,
        ws_address=chain.ws.base_url,
        client=lambda: WsClient(chain.ws.base_url, chain.keys[OTHER], timeout=30),
    )
    try:
        seller = replace(factories.seller(), tax_id=TaxId.nip(OTHER))
        buyer = replace(factories.buyer(), tax_id=TaxId.nip(SELLER))
        doc_id = batch.draft(replace(dated(7), seller=seller, buyer=buyer))
        wizard = batch.sales.open_wizard(doc_id)
        while wizard.current is not Step.SEND:
            wizard.next()
        result = wizard.send()
        assert result.status is Status.SENT
        assert result.session_mode == "batch"
        assert "batch session" in result.message
        assert batch.status(doc_id) is Status.SENT
        assert wizard.next() is Step.PRINT  # sent: printable, marked OFFLINE
        printout = wizard.printout()
        assert printout.qr is not None
        assert printout.qr.label == "OFFLINE"
    finally:
        batch.close()


def test_a_settlement_invoice_reaches_ksef_with_its_advance_invoices(
    env: SalesEnv, chain: Chain
) -> None:
    advances = (
        AdvanceInvoiceRef(ksef_number="5261040828-20261102-0123456789AB-CA"),
        AdvanceInvoiceRef(number="FZ/7/2026"),
    )
    day = date(2026, 10, 2)
    settlement = replace(
        draft_invoice(issue_date=day, sale_date=day),
        kind=DocumentKind.ROZ,
        advance_invoices=advances,
    )
    doc_id = env.draft(settlement)
    wizard = env.sales.open_wizard(doc_id)
    while wizard.current is not Step.SEND:
        wizard.next()
    result = wizard.send(CancelToken(), lambda _message: None)
    assert result.status is Status.ACCEPTED, result.message
    stored = env.documents.get(doc_id)
    assert stored.fa3 is not None  # the XML the WS built and KSeF accepted
    assert fa3.parse(stored.fa3).advance_invoices == advances
