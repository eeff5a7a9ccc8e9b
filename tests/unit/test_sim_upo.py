"""The simulator's UPO documents: v4-3 structure, and the official XSD where it is available."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from ksef_desktop.simulator.upo import UPO_NS, UpoDocument, build_upo

# The UPO XSD is not shipped by any package; CI keeps the shared reference beside the checkout.
UPO_XSD = Path(__file__).resolve().parents[2].parent / "shared/reference/schemas/upo/upo-v4-3.xsd"
NS = {"u": UPO_NS}


def _doc(n: int) -> UpoDocument:
    return UpoDocument(
        seller_nip="5261040828",
        ksef_number=f"5261040828-20261102-0000000000{n:02X}-00",
        invoice_number=f"FV/{n}",
        issue_date="2026-11-02",
        sent_at="2026-11-02T09:30:00.1234567+00:00",
        numbered_at="2026-11-02T09:30:01.0000000+00:00",
        invoice_hash="kFc1X98hQ0FaP0pmOaBmTCA+tfp1BdqEOYAIAjFrh2s=",
        mode="Online",
    )


def _invoice_upo() -> bytes:
    return build_upo(
        session_ref="20261102-SO-0123456789-ABCDEF0123-4F",
        context_nip="5261040828",
        token_ref="20261102-EC-0123456789-ABCDEF0123-11",  # noqa: S106 -- a reference
        auth_digest="",
        documents=[_doc(1)],
    )


def _session_upo() -> bytes:
    return build_upo(
        session_ref="20261102-SO-0123456789-ABCDEF0123-4F",
        context_nip="5261040828",
        token_ref=None,
        auth_digest="kFc1X98hQ0FaP0pmOaBmTCA+tfp1BdqEOYAIAjFrh2s=",
        documents=[_doc(1), _doc(2), _doc(3)],
        page=(1, 1, 1, 3),
    )


def test_invoice_upo_structure() -> None:
    root = etree.fromstring(_invoice_upo())
    assert root.tag == f"{{{UPO_NS}}}Potwierdzenie"
    assert root.findtext("u:NazwaPodmiotuPrzyjmujacego", namespaces=NS) == "Ministerstwo Finansów"
    assert root.find("u:OpisPotwierdzenia", NS) is None
    token_ref = root.findtext("u:Uwierzytelnienie/u:NumerReferencyjnyTokenaKSeF", namespaces=NS)
    assert token_ref == "20261102-EC-0123456789-ABCDEF0123-11"  # noqa: S105
    (doc,) = root.findall("u:Dokument", NS)
    assert doc.findtext("u:NumerKSeFDokumentu", namespaces=NS) == _doc(1).ksef_number
    assert doc.findtext("u:SkrotDokumentu", namespaces=NS) == _doc(1).invoice_hash
    assert root.findtext("u:KodFormularza", namespaces=NS) == "FA (3)"


def test_session_upo_describes_its_page() -> None:
    root = etree.fromstring(_session_upo())
    desc = root.find("u:OpisPotwierdzenia", NS)
    assert desc is not None
    assert [
        desc.findtext(f"u:{n}", namespaces=NS)
        for n in (
            "Strona",
            "LiczbaStron",
            "ZakresDokumentowOd",
            "ZakresDokumentowDo",
            "CalkowitaLiczbaDokumentow",
        )
    ] == ["1", "1", "1", "3", "3"]
    assert len(root.findall("u:Dokument", NS)) == 3


@pytest.mark.parametrize("build", [_invoice_upo, _session_upo])
def test_upo_passes_the_official_xsd(build: object) -> None:
    if not UPO_XSD.exists():
        pytest.skip(f"the official UPO XSD is not beside the checkout ({UPO_XSD})")
    schema = etree.XMLSchema(etree.parse(str(UPO_XSD)))
    assert callable(build)
    document = etree.fromstring(build())
    assert schema.validate(document), schema.error_log
