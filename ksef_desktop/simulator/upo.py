"""UPO v4-3 documents (urzędowe poświadczenie odbioru) for one invoice or a whole session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

UPO_NS = "http://upo.schematy.mf.gov.pl/KSeF/v4-3"
RECEIVER = "Ministerstwo Finansów"
PAGE_SIZE = 10_000


@dataclass(frozen=True)
class UpoDocument:
    """One ``Dokument`` entry: an invoice that received a KSeF number."""

    seller_nip: str
    ksef_number: str
    invoice_number: str
    issue_date: str
    sent_at: str
    numbered_at: str
    invoice_hash: str
    mode: str


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{UPO_NS}}}{name}")
    if text is not None:
        child.text = text
    return child


def build_upo(
    *,
    session_ref: str,
    context_nip: str,
    token_ref: str | None,
    auth_digest: str,
    documents: Sequence[UpoDocument],
    page: tuple[int, int, int, int] | None = None,
) -> bytes:
    """The UPO XML; ``page`` = (page, pages, first ordinal, total) for a session UPO."""
    root = etree.Element(f"{{{UPO_NS}}}Potwierdzenie", nsmap={None: UPO_NS})
    _sub(root, "NazwaPodmiotuPrzyjmujacego", RECEIVER)
    _sub(root, "NumerReferencyjnySesji", session_ref)
    auth = _sub(root, "Uwierzytelnienie")
    _sub(_sub(auth, "IdKontekstu"), "Nip", context_nip)
    if token_ref is not None:
        _sub(auth, "NumerReferencyjnyTokenaKSeF", token_ref)
    else:
        _sub(auth, "SkrotDokumentuUwierzytelniajacego", auth_digest)
    if page is not None:
        number, pages, first, total = page
        desc = _sub(root, "OpisPotwierdzenia")
        _sub(desc, "Strona", str(number))
        _sub(desc, "LiczbaStron", str(pages))
        _sub(desc, "ZakresDokumentowOd", str(first))
        _sub(desc, "ZakresDokumentowDo", str(first + len(documents) - 1))
        _sub(desc, "CalkowitaLiczbaDokumentow", str(total))
    _sub(root, "NazwaStrukturyLogicznej", "Schemat_FA(3)_v1-0E.xsd")
    _sub(root, "KodFormularza", "FA (3)")
    for doc in documents:
        entry = _sub(root, "Dokument")
        _sub(entry, "NipSprzedawcy", doc.seller_nip)
        _sub(entry, "NumerKSeFDokumentu", doc.ksef_number)
        _sub(entry, "NumerFaktury", doc.invoice_number)
        _sub(entry, "DataWystawieniaFaktury", doc.issue_date)
        _sub(entry, "DataPrzeslaniaDokumentu", doc.sent_at)
        _sub(entry, "DataNadaniaNumeruKSeF", doc.numbered_at)
        _sub(entry, "SkrotDokumentu", doc.invoice_hash)
        _sub(entry, "TrybWysylki", doc.mode)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
