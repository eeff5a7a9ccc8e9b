"""Parses FA(3) XML into a Document, the inverse of build; nothing present is silently dropped."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from lxml import etree

from ksef_desktop.domain.document import (
    Annotations,
    BucketTotal,
    Document,
    DocumentKind,
    ExemptionBasis,
    MarginScheme,
    Totals,
)
from ksef_desktop.domain.errors import (
    InvalidValueError,
    UnsupportedConstructError,
    XmlInputError,
)
from ksef_desktop.domain.extras import (
    AdditionalInfo,
    AdvanceInvoiceRef,
    AdvancePart,
    Charge,
    CorrectedInvoice,
    Correction,
    CorrectionType,
    Order,
    Settlement,
)
from ksef_desktop.domain.lines import Line, Pricing
from ksef_desktop.domain.vat import BUCKET_ORDER, Bucket
from ksef_desktop.fa3 import elements as el
from ksef_desktop.fa3 import parse_parts as parts
from ksef_desktop.fa3 import values as v
from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from ksef_desktop.fa3.reader import Node, Reader
from ksef_desktop.fa3.xmlsafe import parse_xml
from ksef_desktop.support.i18n import tr

_T = TypeVar("_T")


def parse(xml: bytes) -> Document:
    """The Document an FA(3) invoice describes, amounts kept as the XML states them.

    Hostile or malformed XML raises :class:`XmlInputError`; valid FA(3) using a
    construct the model cannot hold raises :class:`UnsupportedConstructError`
    naming the element's path.
    """
    element = parse_xml(xml, what="FA(3) invoice")
    _check_root(element)
    reader = Reader()
    root = reader.root(element, el.ROOT)
    generated_at, system_info = _header(root.req("Naglowek"))
    seller = parts.read_seller(root.req("Podmiot1"))
    buyer = parts.read_buyer(root.req("Podmiot2"))
    third = tuple(parts.read_third_party(p) for p in root.all("Podmiot3"))
    stopka = root.one("Stopka")
    zalacznik = root.one("Zalacznik")
    fa = root.req("Fa")
    body = _body(fa)
    with fa.context():
        document = Document(
            seller=seller,
            buyer=buyer,
            third_parties=third,
            footer=parts.read_footer(stopka) if stopka else None,
            attachment=parts.read_attachment(zalacznik) if zalacznik else None,
            generated_at=generated_at,
            system_info=system_info,
            **body,
        )
    reader.finish()
    return document


def _check_root(element: etree._Element) -> None:
    qname = etree.QName(element)
    if qname.localname != el.ROOT:
        raise XmlInputError(
            tr("This is not an FA(3) invoice: the root element is {name}, not Faktura.").format(
                name=qname.localname
            ),
            code="fa3-wrong-root",
        )
    if qname.namespace == el.FA2_NAMESPACE:
        raise UnsupportedConstructError(
            tr("This is an FA(2) invoice; KSeF 2.0 and ksef-desktop take FA(3) only."),
            code="fa3-wrong-version",
        )
    if qname.namespace != FA3_NAMESPACE:
        raise XmlInputError(
            tr("The invoice's namespace is {found!r}; FA(3) uses {expected!r}.").format(
                found=qname.namespace, expected=FA3_NAMESPACE
            ),
            code="fa3-wrong-namespace",
        )


def _header(node: Node) -> tuple[datetime, str | None]:
    code = node.req("KodFormularza")
    system = code.attr("kodSystemowy")
    if system != el.SYSTEM_CODE:
        raise XmlInputError(
            tr("{path}/@kodSystemowy is {found!r}; an FA(3) invoice has {expected!r}.").format(
                path=code.path, found=system, expected=el.SYSTEM_CODE
            ),
            code="fa3-wrong-version",
        )
    version = code.attr("wersjaSchemy")
    if version != el.SCHEMA_VERSION:
        raise UnsupportedConstructError(
            tr("{path}/@wersjaSchemy is {found!r}; ksef-desktop reads schema {expected}.").format(
                path=code.path, found=version, expected=el.SCHEMA_VERSION
            ),
            code="fa3-wrong-version",
        )
    for tag, expected in (("KodFormularza", el.FORM_CODE), ("WariantFormularza", el.FORM_VARIANT)):
        found = (code if tag == "KodFormularza" else node.req(tag)).text.strip()
        if found != expected:
            raise XmlInputError(
                tr("{path}/{tag} is {found!r}; FA(3) has {expected!r}.").format(
                    path=node.path, tag=tag, found=found, expected=expected
                ),
                code="fa3-wrong-version",
            )
    return node.need("DataWytworzeniaFa", v.read_datetime), node.get("SystemInfo", str)


def _body(fa: Node) -> dict[str, Any]:
    kind = fa.need("RodzajFaktury", _kind)
    period_node = fa.one("OkresFa")
    lines, pricing = _lines(fa.all("FaWiersz"), fa.path)
    zamowienie = fa.one("Zamowienie")
    rozliczenie = fa.one("Rozliczenie")
    platnosc = fa.one("Platnosc")
    warunki = fa.one("WarunkiTransakcji")
    return {
        "kind": kind,
        "currency": fa.need("KodWaluty", str),
        "issue_date": fa.need("P_1", v.read_date),
        "place_of_issue": fa.get("P_1M", str),
        "number": fa.need("P_2", str),
        "dispatch_notes": tuple(n.text for n in fa.all("WZ")),
        "sale_date": fa.get("P_6", v.read_date),
        "period": (
            (period_node.need("P_6_Od", v.read_date), period_node.need("P_6_Do", v.read_date))
            if period_node
            else None
        ),
        "totals": Totals(_buckets(fa), fa.need("P_15", v.read_decimal)),
        "advance_rate": fa.get("KursWalutyZ", v.read_decimal),
        "annotations": _annotations(fa.req("Adnotacje")),
        "correction": _correction(fa),
        "advance_parts": tuple(
            p.make(AdvancePart, el.ADVANCE_PART) for p in fa.all("ZaliczkaCzesciowa")
        ),
        "receipt_based": bool(fa.get("FP", v.read_flag)),
        "related_parties": bool(fa.get("TP", v.read_flag)),
        "additional_info": tuple(
            d.make(AdditionalInfo, el.ADDITIONAL_INFO) for d in fa.all("DodatkowyOpis")
        ),
        "advance_invoices": tuple(_advance_ref(r) for r in fa.all("FakturaZaliczkowa")),
        "excise_refund": bool(fa.get("ZwrotAkcyzy", v.read_flag)),
        "lines": lines,
        "pricing": pricing,
        "settlement": _settlement(rozliczenie) if rozliczenie else None,
        "payment": parts.read_payment(platnosc) if platnosc else None,
        "terms": parts.read_terms(warunki) if warunki else None,
        "order": _order(zamowienie) if zamowienie else None,
    }


def _kind(text: str) -> DocumentKind:
    try:
        return DocumentKind(text.strip())
    except ValueError:
        raise InvalidValueError(
            tr("{text!r} is not an FA(3) invoice kind.").format(text=text)
        ) from None


def _lines(nodes: list[Node], path: str) -> tuple[tuple[Line, ...], Pricing]:
    lines: list[Line] = []
    seen: set[Pricing] = set()
    for node in nodes:
        kwargs, pricing = node.fields(el.INVOICE_LINE)
        seen |= pricing
        with node.context():
            lines.append(Line(**kwargs))
    if len(seen) > 1:
        raise UnsupportedConstructError(
            tr("{path}/FaWiersz mixes net (P_9A) and gross (P_9B) unit prices.").format(path=path)
        )
    if seen:
        return tuple(lines), seen.pop()
    only_gross = any(ln.gross_value is not None for ln in lines) and all(
        ln.net_value is None for ln in lines
    )
    return tuple(lines), Pricing.GROSS if only_gross else Pricing.NET


def _buckets(fa: Node) -> dict[Bucket, BucketTotal]:
    buckets: dict[Bucket, BucketTotal] = {}
    for bucket in BUCKET_ORDER:
        net = fa.get(el.net_tag(bucket), v.read_decimal)
        vat = fa.get(el.vat_tag(bucket), v.read_decimal) if bucket.has_vat else None
        vat_pln = fa.get(el.vat_pln_tag(bucket), v.read_decimal)
        if net is None:
            if vat is not None or vat_pln is not None:
                raise XmlInputError(
                    tr("{path}: P_14_{b} is given without P_13_{b}.").format(
                        path=fa.path, b=bucket.value
                    )
                )
            continue
        buckets[bucket] = BucketTotal(net, vat, vat_pln)
    return buckets


def _exactly_one(node: Node, found: list[_T], what: str) -> _T:
    if len(found) != 1:
        raise XmlInputError(
            tr("{path} must state exactly one of {what}.").format(path=node.path, what=what),
            details={"path": node.path},
        )
    return found[0]


def _annotations(node: Node) -> Annotations:
    exemption_node = node.req("Zwolnienie")
    exemption: tuple[ExemptionBasis, str] | None = None
    if exemption_node.get("P_19", v.read_flag):
        bases = [
            (basis, text)
            for basis in ExemptionBasis
            if (text := exemption_node.get("P_19" + basis.value, str)) is not None
        ]
        exemption = _exactly_one(exemption_node, bases, "P_19A/P_19B/P_19C")
    else:
        exemption_node.need("P_19N", v.read_flag)
    node.req("NoweSrodkiTransportu").get("P_22N", v.read_flag)
    margin_node = node.req("PMarzy")
    margin: MarginScheme | None = None
    if margin_node.get("P_PMarzy", v.read_flag):
        schemes = [
            scheme
            for scheme in MarginScheme
            if margin_node.get("P_PMarzy_" + scheme.value, v.read_flag)
        ]
        margin = _exactly_one(margin_node, schemes, "P_PMarzy_2/_3_1/_3_2/_3_3")
    else:
        margin_node.need("P_PMarzyN", v.read_flag)
    return Annotations(
        cash_accounting=node.need("P_16", v.read_yes_no),
        self_billing=node.need("P_17", v.read_yes_no),
        reverse_charge=node.need("P_18", v.read_yes_no),
        split_payment=node.need("P_18A", v.read_yes_no),
        exemption=exemption,
        triangular=node.need("P_23", v.read_yes_no),
        margin=margin,
    )


def _corrected(node: Node) -> CorrectedInvoice:
    kwargs, _ = node.fields(el.CORRECTED_INVOICE_HEAD)
    ksef = node.need("NrKSeFFaKorygowanej", str) if node.get("NrKSeF", v.read_flag) else None
    if ksef is None:
        node.need("NrKSeFN", v.read_flag)
    return CorrectedInvoice(ksef_number=ksef, **kwargs)


def _correction(fa: Node) -> Correction | None:
    corrected = tuple(_corrected(n) for n in fa.all("DaneFaKorygowanej"))
    reason = fa.get("PrzyczynaKorekty", str)
    typ = fa.get("TypKorekty", lambda t: v.read_int_enum(CorrectionType, t))
    for tag in ("Podmiot1K", "Podmiot2K"):
        if fa.has(tag):
            raise UnsupportedConstructError(
                tr("{path}/{tag} (party data before the correction) is not supported.").format(
                    path=fa.path, tag=tag
                ),
                details={"path": f"{fa.path}/{tag}"},
            )
    if not corrected:
        return None
    with fa.context():
        return Correction(
            reason=reason,
            corrected=corrected,
            type=typ,
            period=fa.get("OkresFaKorygowanej", str),
            corrected_number=fa.get("NrFaKorygowany", str),
            amount_before=fa.get("P_15ZK", v.read_decimal),
            rate_before=fa.get("KursWalutyZK", v.read_decimal),
        )


def _advance_ref(node: Node) -> AdvanceInvoiceRef:
    if node.get("NrKSeFZN", v.read_flag):
        number = node.need("NrFaZaliczkowej", str)
        with node.context():
            return AdvanceInvoiceRef(number=number)
    return AdvanceInvoiceRef(ksef_number=node.need("NrKSeFFaZaliczkowej", str))


def _settlement(node: Node) -> Settlement:
    return Settlement(
        charges=tuple(c.make(Charge, el.CHARGE) for c in node.all("Obciazenia")),
        charges_total=node.get("SumaObciazen", v.read_decimal),
        deductions=tuple(c.make(Charge, el.CHARGE) for c in node.all("Odliczenia")),
        deductions_total=node.get("SumaOdliczen", v.read_decimal),
        to_pay=node.get("DoZaplaty", v.read_decimal),
        to_settle=node.get("DoRozliczenia", v.read_decimal),
    )


def _order(node: Node) -> Order:
    value: Decimal = node.need("WartoscZamowienia", v.read_decimal)
    lines = tuple(n.make(Line, el.ORDER_LINE) for n in node.all("ZamowienieWiersz"))
    return Order(value, lines)
