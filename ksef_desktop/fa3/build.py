"""Builds FA(3) XML from a Document: every element in schema order, deterministic bytes."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, getcontext

from ksef_desktop.domain.document import Annotations, Document, Totals
from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.domain.extras import Correction, Order
from ksef_desktop.domain.vat import BUCKET_ORDER
from ksef_desktop.fa3 import build_parts as parts
from ksef_desktop.fa3 import elements as el
from ksef_desktop.fa3 import values as v
from ksef_desktop.fa3.build_lines import write_lines
from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from ksef_desktop.fa3.writer import (
    Element,
    checked,
    leaf,
    put,
    refuse_unmapped,
    require,
    serialize,
    sub,
    write_fields,
)
from ksef_desktop.support.i18n import tr

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

_AMOUNT = el.Field("", "amount", v.AMOUNT)
_RATE = el.Field("", "rate", v.QUANTITY)


# The parts of every document that never change, rendered once by the writer
# itself: the root's namespace and the header's form code and variant.
def _constant_parts() -> tuple[str, str]:
    root = Element(el.ROOT)
    root.set("xmlns", FA3_NAMESPACE)
    header = sub(root, "Naglowek")
    leaf(
        header,
        "KodFormularza",
        el.FORM_CODE,
        {"kodSystemowy": el.SYSTEM_CODE, "wersjaSchemy": el.SCHEMA_VERSION},
    )
    leaf(header, "WariantFormularza", el.FORM_VARIANT)
    return root.attributes, "".join(header.content)  # type: ignore[arg-type]  # text only


_ROOT_ATTRIBUTES, _FORM_LINES = _constant_parts()


def build(document: Document) -> bytes:
    """The FA(3) XML of ``document``, UTF-8 without BOM, indented by two spaces.

    The same document always gives the same bytes. ``generated_at`` becomes
    DataWytworzeniaFa; a document without one (not yet approved) gets the
    current time. Anything FA(3) cannot express raises
    :class:`UnsupportedConstructError` or :class:`InvalidValueError`.
    """
    root = Element(el.ROOT)
    root.attributes = _ROOT_ATTRIBUTES
    _header(root, document)
    parts.write_seller(root, document.seller)
    parts.write_buyer(root, document.buyer)
    require(len(document.third_parties) <= 100, tr("FA(3) allows at most 100 third parties."))
    for third in document.third_parties:
        parts.write_third_party(root, third)
    _body(root, document)
    if document.footer is not None:
        parts.write_footer(root, document.footer)
    if document.attachment is not None:
        parts.write_attachment(root, document.attachment)
    return serialize(root, XML_DECLARATION)


def _header(root: Element, document: Document) -> None:
    header = sub(root, "Naglowek")
    header.content.append(_FORM_LINES)
    generated = document.generated_at or datetime.now(UTC).replace(microsecond=0)
    leaf(header, "DataWytworzeniaFa", v.write_datetime(generated))
    if document.system_info is not None:
        leaf(header, "SystemInfo", document.system_info)


def _body(root: Element, doc: Document) -> None:
    fa = sub(root, "Fa")
    leaf(fa, "KodWaluty", doc.currency)
    leaf(fa, "P_1", doc.issue_date.isoformat())
    if doc.place_of_issue is not None:
        leaf(fa, "P_1M", doc.place_of_issue)
    if doc.number is None:
        raise InvalidValueError(
            tr("The document has no number yet; it gets one when it is approved."),
            field="number",
        )
    leaf(fa, "P_2", doc.number)
    for note in doc.dispatch_notes:
        leaf(fa, "WZ", note)
    if doc.sale_date is not None:
        leaf(fa, "P_6", doc.sale_date.isoformat())
    elif doc.period is not None:
        period = sub(fa, "OkresFa")
        leaf(period, "P_6_Od", doc.period[0].isoformat())
        leaf(period, "P_6_Do", doc.period[1].isoformat())
    _totals(fa, doc.totals)
    _amount(fa, "P_15", doc.totals.due)
    put(fa, "KursWalutyZ", _RATE, doc.advance_rate)
    _annotations(fa, doc.annotations)
    leaf(fa, "RodzajFaktury", doc.kind.value)
    if doc.correction is not None:
        _correction(fa, doc.correction)
    require(len(doc.advance_parts) <= 31, tr("FA(3) allows at most 31 partial advances."))
    for part in doc.advance_parts:
        write_fields(sub(fa, "ZaliczkaCzesciowa"), part, el.ADVANCE_PART)
    _marker(fa, "FP", doc.receipt_based)
    _marker(fa, "TP", doc.related_parties)
    for info in doc.additional_info:
        write_fields(sub(fa, "DodatkowyOpis"), info, el.ADDITIONAL_INFO)
    for ref in doc.advance_invoices:
        item = sub(fa, "FakturaZaliczkowa")
        if ref.ksef_number is not None:
            leaf(item, "NrKSeFFaZaliczkowej", ref.ksef_number)
        else:
            leaf(item, "NrKSeFZN", "1")
            leaf(item, "NrFaZaliczkowej", ref.number)
    _marker(fa, "ZwrotAkcyzy", doc.excise_refund)
    write_lines(fa, doc.lines, doc.pricing)
    _rest(fa, doc)


def _marker(parent: Element, tag: str, value: bool) -> None:
    """A TWybor1 element: present with 1 when set, absent otherwise."""
    if value:
        leaf(parent, tag, "1")


def _rest(fa: Element, doc: Document) -> None:
    if doc.settlement is not None:
        s = doc.settlement
        node = sub(fa, "Rozliczenie")
        for charge in s.charges:
            write_fields(sub(node, "Obciazenia"), charge, el.CHARGE)
        put(node, "SumaObciazen", _AMOUNT, s.charges_total)
        for deduction in s.deductions:
            write_fields(sub(node, "Odliczenia"), deduction, el.CHARGE)
        put(node, "SumaOdliczen", _AMOUNT, s.deductions_total)
        require(
            s.to_pay is None or s.to_settle is None,
            tr("A settlement states an amount to pay or one to settle, not both."),
        )
        put(node, "DoZaplaty", _AMOUNT, s.to_pay)
        put(node, "DoRozliczenia", _AMOUNT, s.to_settle)
    if doc.payment is not None:
        parts.write_payment(fa, doc.payment)
    if doc.terms is not None:
        parts.write_terms(fa, doc.terms)
    if doc.order is not None:
        _order(fa, doc.order)


#: Each bucket with its P_13_x, P_14_x and P_14_xW element names, in schema order.
_BUCKET_TAGS = tuple(
    (b, el.net_tag(b), el.vat_tag(b), el.vat_pln_tag(b), b.has_vat) for b in BUCKET_ORDER
)


def _totals(fa: Element, totals: Totals) -> None:
    buckets = totals.buckets
    for bucket, net_tag, vat_tag, vat_pln_tag, has_vat in _BUCKET_TAGS:
        total = buckets.get(bucket)
        if total is None:
            continue
        _amount(fa, net_tag, total.net)
        if has_vat:
            if total.vat is None and bucket in el.VAT_REQUIRED:
                raise InvalidValueError(
                    tr("The VAT total of group {b} (P_14_{b}) is missing.").format(b=bucket.value)
                )
            _amount(fa, vat_tag, total.vat)
        elif total.vat is not None and total.vat != 0:
            raise InvalidValueError(
                tr("Group {b} (P_13_{b}) carries no VAT, yet a VAT total is given.").format(
                    b=bucket.value
                )
            )
        if total.vat_pln is not None:
            if bucket not in el.VAT_PLN_ALLOWED:
                raise InvalidValueError(
                    tr("FA(3) has no VAT-in-PLN total for group {b}.").format(b=bucket.value)
                )
            _amount(fa, vat_pln_tag, total.vat_pln)


def _amount(parent: Element, tag: str, value: Decimal | None) -> None:
    """put() of an amount, with values.amount's first test inline: totals are many."""
    if value is None:
        return
    text = str(value)
    if text[-3:-2] == "." and len(text) <= 19 and value and len(text) <= getcontext().prec:
        parent.content.append(f"{parent.inner}<{tag}>{text}</{tag}>\n")
    else:
        put(parent, tag, _AMOUNT, value)


def _annotations(fa: Element, a: Annotations) -> None:
    # Fourteen elements, mostly fixed, written as one text into Adnotacje in
    # the writer's layout (the golden files hold it) instead of one call each.
    node = sub(fa, "Adnotacje")
    i = node.inner
    j = i + "  "
    yes_no = v.write_yes_no
    if a.exemption is not None:
        basis, text = a.exemption
        tag = "P_19" + basis.value
        text = checked(Element("Zwolnienie", node), tag, text)  # refused with its path
        exemption = f"{j}<P_19>1</P_19>\n{j}<{tag}>{text}</{tag}>\n"
    else:
        exemption = f"{j}<P_19N>1</P_19N>\n"
    if a.margin is not None:
        tag = "P_PMarzy_" + a.margin.value
        margin = f"{j}<P_PMarzy>1</P_PMarzy>\n{j}<{tag}>1</{tag}>\n"
    else:
        margin = f"{j}<P_PMarzyN>1</P_PMarzyN>\n"
    node.content.append(
        f"{i}<P_16>{yes_no(a.cash_accounting)}</P_16>\n"
        f"{i}<P_17>{yes_no(a.self_billing)}</P_17>\n"
        f"{i}<P_18>{yes_no(a.reverse_charge)}</P_18>\n"
        f"{i}<P_18A>{yes_no(a.split_payment)}</P_18A>\n"
        f"{i}<Zwolnienie>\n{exemption}{i}</Zwolnienie>\n"
        f"{i}<NoweSrodkiTransportu>\n{j}<P_22N>1</P_22N>\n{i}</NoweSrodkiTransportu>\n"
        f"{i}<P_23>{yes_no(a.triangular)}</P_23>\n"
        f"{i}<PMarzy>\n{margin}{i}</PMarzy>\n"
    )


def _correction(fa: Element, c: Correction) -> None:
    if c.reason is not None:
        leaf(fa, "PrzyczynaKorekty", c.reason)
    if c.type is not None:
        leaf(fa, "TypKorekty", str(int(c.type)))
    require(len(c.corrected) <= 50000, tr("A correction names at most 50000 invoices."))
    for invoice in c.corrected:
        item = sub(fa, "DaneFaKorygowanej")
        write_fields(item, invoice, el.CORRECTED_INVOICE_HEAD)
        if invoice.ksef_number is not None:
            leaf(item, "NrKSeF", "1")
            leaf(item, "NrKSeFFaKorygowanej", invoice.ksef_number)
        else:
            leaf(item, "NrKSeFN", "1")
    if c.period is not None:
        leaf(fa, "OkresFaKorygowanej", c.period)
    if c.corrected_number is not None:
        leaf(fa, "NrFaKorygowany", c.corrected_number)
    if c.rate_before is not None and c.amount_before is None:
        raise InvalidValueError(
            tr("The exchange rate before correction (KursWalutyZK) needs the amount (P_15ZK).")
        )
    put(fa, "P_15ZK", _AMOUNT, c.amount_before)
    put(fa, "KursWalutyZK", _RATE, c.rate_before)


def _order(fa: Element, order: Order) -> None:
    node = sub(fa, "Zamowienie")
    put(node, "WartoscZamowienia", _AMOUNT, order.value)
    if not order.lines:
        raise UnsupportedConstructError(tr("An order (Zamowienie) needs at least one line."))
    for line in order.lines:
        refuse_unmapped(line, el.ORDER_LINE, tr("An order line"))
        write_fields(sub(node, "ZamowienieWiersz"), line, el.ORDER_LINE)
