"""Verification of one received invoice, as KSeF does it (notes §5.2), and its metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from ksef_desktop.domain.errors import KsefDesktopError
from ksef_desktop.fa3.schema import lxml_schema
from ksef_desktop.fa3.xmlsafe import parse_xml
from ksef_desktop.simulator.crypto import sha256_b64
from ksef_desktop.simulator.store import WARSAW

_INVOICE_TYPES = {
    "VAT": "Vat",
    "ZAL": "Zal",
    "KOR": "Kor",
    "ROZ": "Roz",
    "UPR": "Upr",
    "KOR_ZAL": "KorZal",
    "KOR_ROZ": "KorRoz",
}
_NET = re.compile(r"P_13_\d+(_\d+)?$")
_VAT = re.compile(r"P_14_\d+$")
_MAX_XSD_MESSAGES = 5


@dataclass
class Outcome:
    """The verdict on one invoice; ``code`` 200 means it gets a KSeF number."""

    code: int
    description: str
    details: list[str] = field(default_factory=list)
    invoice_number: str | None = None
    seller_nip: str | None = None
    dup_key: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _fail(code: int, description: str, *details: str, **known: Any) -> Outcome:
    return Outcome(code, description, list(details), **known)


def _text(root: etree._Element, path: str) -> str | None:
    ns = etree.QName(root).namespace or ""
    node = root.find("/".join(f"{{{ns}}}{part}" for part in path.split("/")))
    return None if node is None or node.text is None else node.text.strip()


def _amount(text: str | None) -> Decimal:
    try:
        return Decimal(text or "0")
    except InvalidOperation:
        return Decimal(0)


def _buyer(root: etree._Element) -> dict[str, Any]:
    nip = _text(root, "Podmiot2/DaneIdentyfikacyjne/NIP")
    vat_ue = _text(root, "Podmiot2/DaneIdentyfikacyjne/NrVatUE")
    other = _text(root, "Podmiot2/DaneIdentyfikacyjne/NrID")
    identifier: dict[str, Any]
    if nip:
        identifier = {"type": "Nip", "value": nip}
    elif vat_ue:
        prefix = _text(root, "Podmiot2/DaneIdentyfikacyjne/KodUE") or ""
        identifier = {"type": "VatUe", "value": prefix + vat_ue}
    elif other:
        identifier = {"type": "Other", "value": other}
    else:
        identifier = {"type": "None", "value": None}
    return {"identifier": identifier, "name": _text(root, "Podmiot2/DaneIdentyfikacyjne/Nazwa")}


def metadata(root: etree._Element, invoice_hash: str) -> dict[str, Any]:
    """The invoice's fields that ``InvoiceMetadata`` reports."""
    ns = etree.QName(root).namespace or ""
    fa = root.find(f"{{{ns}}}Fa")
    net = vat = Decimal(0)
    if fa is not None:
        for child in fa:
            name = etree.QName(child).localname
            if _NET.match(name):
                net += _amount(child.text)
            elif _VAT.match(name):
                vat += _amount(child.text)
    kind = _text(root, "Fa/RodzajFaktury") or "VAT"
    return {
        "invoiceNumber": _text(root, "Fa/P_2"),
        "issueDate": _text(root, "Fa/P_1"),
        "seller": {
            "nip": _text(root, "Podmiot1/DaneIdentyfikacyjne/NIP"),
            "name": _text(root, "Podmiot1/DaneIdentyfikacyjne/Nazwa"),
        },
        "buyer": _buyer(root),
        "netAmount": float(net),
        "grossAmount": float(_amount(_text(root, "Fa/P_15"))),
        "vatAmount": float(vat),
        "currency": _text(root, "Fa/KodWaluty") or "PLN",
        "invoiceType": _INVOICE_TYPES.get(kind, "Vat"),
        "formCode": {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"},
        "isSelfInvoicing": _text(root, "Fa/Adnotacje/P_17") == "1",
        "hasAttachment": root.find(f"{{{ns}}}Zalacznik") is not None,
        "invoiceHash": invoice_hash,
    }


def examine(  # noqa: PLR0911 -- one return per verification step, in KSeF's order
    xml: bytes,
    *,
    context_nip: str,
    declared_size: int | None,
    declared_hash: str | None,
    now: datetime,
    max_size: int,
    max_size_with_attachment: int,
) -> Outcome:
    """Verify a decrypted invoice: declared size/hash, XML, XSD, limits, seller, dates."""
    file_error = "Błąd weryfikacji pliku faktury"
    semantic = "Błąd weryfikacji semantyki dokumentu faktury"
    if declared_size is not None and len(xml) != declared_size:
        return _fail(
            430,
            file_error,
            "Rozmiar przesłanego pliku faktury nie zgadza się z "
            f"zadeklarowaną wartością: {declared_size}.",
        )
    invoice_hash = sha256_b64(xml)
    if declared_hash is not None and invoice_hash != declared_hash:
        return _fail(
            430,
            file_error,
            "Skrót przesłanego pliku faktury nie zgadza się z "
            f"zadeklarowaną wartością: {declared_hash}.",
        )
    if xml.startswith(b"\xef\xbb\xbf"):
        return _fail(450, semantic, "Nieprawidłowy XML: plik zawiera znacznik BOM.")
    try:
        root = parse_xml(xml, what="invoice")
    except KsefDesktopError as exc:
        return _fail(450, semantic, f"Nieprawidłowy XML: {exc.message}")
    schema = lxml_schema()
    if not schema.validate(root):
        messages = [
            f"Linia {err.line}: {err.message}"
            for err in list(schema.error_log)[:_MAX_XSD_MESSAGES]
        ]
        return _fail(450, semantic, "Dokument nie jest zgodny ze schematem XSD.", *messages)
    meta = metadata(root, invoice_hash)
    number = meta["invoiceNumber"]
    seller = meta["seller"]["nip"]
    known = {"invoice_number": number, "seller_nip": seller}
    limit = max_size_with_attachment if meta["hasAttachment"] else max_size
    if len(xml) > limit:
        return _fail(
            430,
            file_error,
            f"Rozmiar faktury ({len(xml)} B) przekracza dopuszczalny limit {limit} B.",
            **known,
        )
    if seller != context_nip:
        return _fail(
            410,
            "Nieprawidłowy zakres uprawnień",
            f"Brak uprawnień do wystawiania "
            f"faktur w imieniu podmiotu {seller} w kontekście {context_nip}.",
            **known,
        )
    if meta["issueDate"] and meta["issueDate"] > now.astimezone(WARSAW).date().isoformat():
        return _fail(
            450,
            semantic,
            "Data wystawienia faktury (P_1) jest późniejsza niż data przyjęcia.",
            **known,
        )
    kind = _text(root, "Fa/RodzajFaktury") or ""
    return Outcome(200, "Sukces", [], number, seller, f"{seller}|{kind}|{number}", meta)
