"""The printout model: parties, lines, VAT per rate, payment, notes and the KOD I code."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from ksef_desktop import fa3
from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import IllegalTransitionError
from ksef_desktop.domain.extras import Footer
from ksef_desktop.domain.lifecycle import Event, Lifecycle, Status
from ksef_desktop.domain.lines import Line
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.services.printdata import CopyKind, Output, PrintData
from ksef_desktop.services.printout import vat_summary
from ksef_desktop.services.wizard import Step
from tests.helpers import factories
from tests.helpers.sales_env import SalesEnv, draft_invoice, make_env

KSEF_NUMBER = "5261040828-20261102-0123456789AB-5C"


@pytest.fixture
def env(tmp_path: Path) -> Iterator[SalesEnv]:
    environment = make_env(tmp_path)
    yield environment
    environment.close()


def _sent(env: SalesEnv, document: Document | None = None) -> str:
    """A document taken through the wizard to the print step (the WS is down: AWAITING)."""
    doc_id = env.draft(document or draft_invoice())
    wizard = env.sales.open_wizard(doc_id)
    while wizard.current is not Step.PRINT:
        if wizard.current is Step.SEND:
            wizard.send()
        wizard.next()
    return doc_id


def _b64url_sha256(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")


def test_the_printout_carries_what_the_visualisation_needs(env: SalesEnv) -> None:
    document = replace(draft_invoice(), footer=Footer(texts=("Dziękujemy za zakupy.",)))
    doc_id = _sent(env, document)
    stored = env.documents.get(doc_id)
    data = PrintData(copies=3, output=Output.PDF, copy_kind=CopyKind.COPY)
    p = env.sales.wizard_services.printouts.build(stored, env.lifecycle, data)
    assert (p.title, p.number, p.copy_label, p.copies, p.output) == (
        "VAT invoice",
        "FV/2026/11/0001",
        "COPY",
        3,
        Output.PDF,
    )
    assert p.seller.tax_id == "NIP 5261040828"
    assert p.seller.address == ("ul. Prosta 51", "00-838 Warszawa")
    assert p.buyer.name == "Hurtownia Budowlana Kowalski S.A."
    assert [(ln.number, ln.name, ln.vat_rate, ln.value) for ln in p.lines] == [
        (1, "Towar 1", "23%", Decimal("101.50")),
        (2, "Towar 2", "8%", Decimal("205.00")),
    ]
    assert (p.net, p.vat, p.gross) == (Decimal("306.50"), Decimal("39.75"), Decimal("346.25"))
    assert p.payment is not None
    assert (p.payment.method, str(p.payment.due_date)) == ("bank transfer", "2026-11-16")
    assert p.payment.bank_account == "61109010140000071219812874"
    assert p.notes == ("Dziękujemy za zakupy.",)
    assert p.ksef_number is None


def test_the_vat_summary_is_per_rate_and_adds_up_to_the_totals() -> None:
    base = factories.invoice(lines=4)
    extra = Line(
        5, name="Taxi", quantity=Decimal(1), unit_price=Decimal("10.00"), vat_rate=VatRate.R22
    )
    document = recalculate(replace(base, lines=(*base.lines, extra)))
    rows = vat_summary(document)
    assert [r.rate for r in rows] == ["23%", "22%", "8%"]  # 22% has a row of its own
    assert sum(r.net for r in rows) == document.totals.net
    assert sum(r.vat for r in rows) == document.totals.vat
    assert rows[1].vat == Decimal("2.20")
    assert all(r.gross == r.net + r.vat for r in rows)


def test_kod_i_links_the_xml_as_delivered_and_is_labelled_offline_until_numbered(
    env: SalesEnv,
) -> None:
    doc_id = _sent(env)
    stored = env.documents.get(doc_id)
    printouts = env.sales.wizard_services.printouts
    local = printouts.build(stored, env.lifecycle).qr
    assert local is not None
    expected_xml = fa3.build(stored.content())  # the locked content's XML, deterministic
    assert local.link == (
        "https://qr-test.ksef.mf.gov.pl/invoice/5261040828/02-11-2026/"
        + _b64url_sha256(expected_xml)
    )
    assert local.label == "OFFLINE"
    # Once the WS's XML is known, the code links to those exact bytes.
    delivered = expected_xml.replace(b"ksef-desktop tests", b"as the WS built it")
    env.documents.set_fa3(doc_id, delivered)
    env.documents.transition(doc_id, env.lifecycle, [Event.ACCEPT], {"ksef_number": KSEF_NUMBER})
    accepted = printouts.build(env.documents.get(doc_id), env.lifecycle)
    assert accepted.qr is not None
    assert accepted.qr.link.endswith("/" + _b64url_sha256(delivered))
    assert accepted.qr.label == KSEF_NUMBER
    assert accepted.ksef_number == KSEF_NUMBER


def test_the_qr_matrix_is_a_real_qr_code(env: SalesEnv) -> None:
    stored = env.documents.get(_sent(env))
    qr = env.sales.wizard_services.printouts.build(stored, env.lifecycle).qr
    assert qr is not None
    size = len(qr.matrix)
    assert (size - 17) % 4 == 0  # a QR code of version (size - 17) / 4
    assert all(len(row) == size for row in qr.matrix)
    # The three finder patterns: dark 7x7 rings in three corners.
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        ring = [qr.matrix[top][left + i] for i in range(7)]
        assert all(ring)
        assert qr.matrix[top + 1][left + 1] is False


def test_without_the_module_the_printout_has_no_qr_code(env: SalesEnv) -> None:
    doc_id = _sent(env)
    inactive = Lifecycle(ksef_active=False)
    printout = env.sales.wizard_services.printouts.build(env.documents.get(doc_id), inactive)
    assert printout.qr is None


def test_a_rejected_document_gets_no_printout(env: SalesEnv) -> None:
    doc_id = _sent(env)
    env.documents.transition(doc_id, env.lifecycle, [Event.SEND, Event.REJECT])
    assert env.status(doc_id) is Status.REJECTED
    with pytest.raises(IllegalTransitionError, match="cannot be printed"):
        env.sales.wizard_services.printouts.build(env.documents.get(doc_id), env.lifecycle)
