"""ERP JSON ⇄ domain Document: what the WS builds FA(3) from, and what the desktop sends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from ksef_desktop.contract.documents import (
    AddressIn,
    AdvanceInvoiceIn,
    BuyerIdKind,
    BuyerIn,
    CorrectedIn,
    CorrectionIn,
    DocumentKindIn,
    ErpDocument,
    LineIn,
    PaymentIn,
    PaymentMethodIn,
    SellerIn,
    TotalsIn,
)
from ksef_desktop.domain.document import (
    Annotations,
    Document,
    DocumentKind,
    ExemptionBasis,
    Totals,
)
from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.extras import (
    AdvanceInvoiceRef,
    CorrectedInvoice,
    Correction,
    CorrectionType,
    Footer,
)
from ksef_desktop.domain.lines import Line, Pricing, line_value
from ksef_desktop.domain.party import Address, Contact, IdKind, Party, TaxId
from ksef_desktop.domain.payment import BankAccount, DueTerm, Payment, PaymentMethod
from ksef_desktop.domain.totals import recalculate
from ksef_desktop.domain.vat import VatRate
from ksef_desktop.support.i18n import tr

T = TypeVar("T")

_METHODS = {
    PaymentMethodIn.CASH: PaymentMethod.CASH,
    PaymentMethodIn.CARD: PaymentMethod.CARD,
    PaymentMethodIn.VOUCHER: PaymentMethod.VOUCHER,
    PaymentMethodIn.CHEQUE: PaymentMethod.CHEQUE,
    PaymentMethodIn.CREDIT: PaymentMethod.CREDIT,
    PaymentMethodIn.TRANSFER: PaymentMethod.TRANSFER,
    PaymentMethodIn.MOBILE: PaymentMethod.MOBILE,
}
_METHODS_BACK = {v: k for k, v in _METHODS.items()}


def _at(field: str, make: Callable[[], T]) -> T:
    """Run ``make`` and re-raise a domain error with the JSON field path it concerns."""
    try:
        return make()
    except InvalidValueError as exc:
        inner = f".{exc.field}" if exc.field and exc.field not in field else ""
        raise InvalidValueError(exc.message, field=field + inner, code=exc.code) from exc


def _address(a: AddressIn | None) -> Address | None:
    return None if a is None else Address(a.country, a.line1, a.line2)


def _contacts(email: str | None, phone: str | None) -> tuple[Contact, ...]:
    return (Contact(email, phone),) if email or phone else ()


def _seller(s: SellerIn) -> Party:
    return Party(
        _at("seller.nip", lambda: TaxId.nip(s.nip)),
        name=s.name,
        address=_at("seller.address", lambda: _address(s.address)),
        contacts=_at("seller.email", lambda: _contacts(s.email, s.phone)),
    )


def _buyer_id(b: BuyerIn) -> TaxId:
    if b.id_kind is BuyerIdKind.NIP:
        if not b.nip:
            raise InvalidValueError(tr("A buyer identified by NIP needs the NIP."), field="nip")
        return TaxId.nip(b.nip)
    if b.id_kind is BuyerIdKind.EU_VAT:
        if not (b.eu_vat_country and b.eu_vat_number):
            raise InvalidValueError(
                tr("An EU buyer needs the VAT country prefix and number."), field="eu_vat_number"
            )
        return TaxId.eu_vat(b.eu_vat_country, b.eu_vat_number)
    if b.id_kind is BuyerIdKind.FOREIGN:
        if not b.foreign_id:
            raise InvalidValueError(tr("A foreign buyer needs a tax id."), field="foreign_id")
        return TaxId.foreign(b.foreign_id, b.foreign_country)
    return TaxId.none()


def _buyer(b: BuyerIn) -> Party:
    return Party(
        _at("buyer", lambda: _buyer_id(b)),
        name=b.name,
        address=_at("buyer.address", lambda: _address(b.address)),
        contacts=_at("buyer.email", lambda: _contacts(b.email, b.phone)),
        customer_number=b.customer_number,
    )


def _line(i: int, item: LineIn, rate: Decimal | None, pricing: Pricing) -> Line:
    quantity, price = Decimal(item.quantity), Decimal(item.unit_price)
    discount = Decimal(item.discount) if item.discount else None
    value = line_value(quantity, price, discount)  # as recalculate() prices it
    return Line(
        i,
        name=item.name,
        quantity=quantity,
        unit=item.unit,
        unit_price=price,
        discount=discount,
        net_value=value if pricing is Pricing.NET else None,
        gross_value=value if pricing is Pricing.GROSS else None,
        vat_rate=VatRate(item.vat_rate),
        gtu=item.gtu,
        pkwiu=item.pkwiu,
        cn=item.cn,
        index=item.index,
        exchange_rate=rate,
        before=item.before,
    )


def _lines(erp: ErpDocument, rate: Decimal | None) -> tuple[Line, ...]:
    result = []
    for i, item in enumerate(erp.lines):
        try:
            result.append(_line(item.number or i + 1, item, rate, Pricing(erp.pricing)))
        except InvalidValueError as exc:
            raise InvalidValueError(exc.message, field=f"lines[{i}]", code=exc.code) from exc
    return tuple(result)


def _payment(p: PaymentIn | None) -> Payment | None:
    if p is None:
        return None
    method = _METHODS[p.method]
    accounts: tuple[BankAccount, ...] = ()
    if p.bank_account:
        number = _at("payment.bank_account", lambda: BankAccount.checked(p.bank_account or ""))
        accounts = (BankAccount(number.number, bank_name=p.bank_name),)
    elif method.needs_bank_account:
        raise InvalidValueError(
            tr("A bank transfer needs the bank account to pay into."),
            field="payment.bank_account",
            code="bank-account-missing",
        )
    due = (DueTerm(on=p.due_date),) if p.due_date else ()
    return Payment(method=method, paid_on=p.paid_on, due=due, accounts=accounts)


def _correction(c: CorrectionIn | None) -> Correction | None:
    if c is None:
        return None
    corrected = tuple(CorrectedInvoice(x.number, x.issue_date, x.ksef_number) for x in c.corrected)
    kind = CorrectionType(c.type) if c.type else None
    return Correction(reason=c.reason, corrected=corrected, type=kind)


def _check_totals(declared: TotalsIn | None, totals: Totals) -> None:
    if declared is None:
        return
    ours = {"net": totals.net, "vat": totals.vat, "gross": totals.due}
    for name, value in ours.items():
        theirs = Decimal(getattr(declared, name))
        if theirs != value:
            raise InvalidValueError(
                tr(
                    "The document's {name} total is {theirs} but its lines add up to {ours} "
                    "(VAT is computed on each rate's total). Correct the lines or the totals."
                ).format(name=name, theirs=theirs, ours=value),
                field=f"totals.{name}",
                code="totals-mismatch",
            )


def to_document(erp: ErpDocument, *, generated_at: datetime | None = None) -> Document:
    """The domain document an ERP submission describes, with totals computed here.

    Raises :class:`InvalidValueError` naming the JSON field for a bad NIP,
    account, missing correction data or totals that disagree with the lines.
    """
    rate = Decimal(erp.exchange_rate) if erp.exchange_rate else None
    if erp.currency != "PLN" and rate is None:
        raise InvalidValueError(
            tr("A foreign-currency document needs the exchange rate to PLN."),
            field="exchange_rate",
            code="exchange-rate-missing",
        )
    exemption = (ExemptionBasis.POLISH_ACT, erp.exemption_basis) if erp.exemption_basis else None
    if exemption is None and any(item.vat_rate == "zw" for item in erp.lines):
        raise InvalidValueError(
            tr("An exempt ('zw') line needs the legal basis of the exemption."),
            field="exemption_basis",
            code="exemption-basis-missing",
        )
    seller = _seller(erp.seller)
    buyer = _buyer(erp.buyer)
    lines = _lines(erp, rate)
    payment = _payment(erp.payment)
    try:
        document = Document(
            kind=DocumentKind(erp.kind.value),
            number=erp.number,
            issue_date=erp.issue_date,
            seller=seller,
            buyer=buyer,
            lines=lines,
            totals=Totals({}, Decimal(0)),
            currency=erp.currency,
            pricing=Pricing(erp.pricing),
            place_of_issue=erp.place_of_issue,
            sale_date=erp.sale_date,
            annotations=Annotations(
                cash_accounting=erp.cash_accounting,
                reverse_charge=erp.reverse_charge,
                split_payment=erp.split_payment,
                exemption=exemption,
            ),
            payment=payment,
            correction=_correction(erp.correction),
            advance_invoices=tuple(
                AdvanceInvoiceRef(ksef_number=a.ksef_number, number=a.number)
                for a in erp.advance_invoices or ()
            ),
            footer=Footer(texts=tuple(erp.notes)) if erp.notes else None,
            generated_at=generated_at,
        )
    except InvalidValueError as exc:
        raise InvalidValueError(exc.message, field=exc.field or "document", code=exc.code) from exc
    document = recalculate(document)
    _check_totals(erp.totals, document.totals)
    return document


def _address_out(a: Address | None) -> AddressIn | None:
    return None if a is None else AddressIn(country=a.country, line1=a.line1, line2=a.line2)


def _buyer_out(p: Party) -> BuyerIn:
    contact = p.contacts[0] if p.contacts else Contact()
    tid = p.tax_id
    return BuyerIn(
        name=p.name or "",
        address=_address_out(p.address),
        email=contact.email,
        phone=contact.phone,
        id_kind=BuyerIdKind(tid.kind.value)
        if tid.kind is not IdKind.INTERNAL
        else BuyerIdKind.NONE,
        nip=tid.value if tid.kind is IdKind.NIP else None,
        eu_vat_country=tid.country if tid.kind is IdKind.EU_VAT else None,
        eu_vat_number=tid.value if tid.kind is IdKind.EU_VAT else None,
        foreign_id=tid.value if tid.kind is IdKind.FOREIGN else None,
        foreign_country=tid.country if tid.kind is IdKind.FOREIGN else None,
        customer_number=p.customer_number,
    )


def _s(value: Decimal) -> str:
    """A plain decimal string, never exponent notation."""
    return format(value, "f")


def _required(value: Decimal | None, line: Line, name: str) -> Decimal:
    if value is None:
        raise InvalidValueError(
            tr("Line {n} has no {name}; every line sent to the WS needs one.").format(
                n=line.number, name=name
            ),
            field=f"lines[{line.number - 1}].{name}",
        )
    return value


def _required_rate(line: Line) -> VatRate:
    if line.vat_rate is None:
        raise InvalidValueError(
            tr("Line {n} has no VAT rate.").format(n=line.number),
            field=f"lines[{line.number - 1}].vat_rate",
        )
    return line.vat_rate


def from_document(document: Document, erp_id: str) -> ErpDocument:
    """The ERP JSON for a desktop document (its content, not its stated totals)."""
    seller = document.seller
    contact = seller.contacts[0] if seller.contacts else Contact()
    if seller.address is None or seller.nip is None:
        raise InvalidValueError(tr("The seller needs a NIP and an address."), field="seller")
    payment = document.payment
    pay_in = None
    if payment is not None and payment.method is not None:
        pay_in = PaymentIn(
            method=_METHODS_BACK[payment.method],
            due_date=payment.due[0].on if payment.due else None,
            bank_account=payment.accounts[0].number if payment.accounts else None,
            bank_name=payment.accounts[0].bank_name if payment.accounts else None,
            paid_on=payment.paid_on,
        )
    correction = document.correction
    rates = {ln.exchange_rate for ln in document.lines if ln.exchange_rate is not None}
    return ErpDocument(
        id=erp_id,
        kind=DocumentKindIn(document.kind.value),
        number=document.number or "",
        issue_date=document.issue_date,
        place_of_issue=document.place_of_issue,
        sale_date=document.sale_date,
        currency=document.currency,
        exchange_rate=_s(rates.pop()) if len(rates) == 1 else None,
        pricing="net" if document.pricing is Pricing.NET else "gross",
        seller=SellerIn(
            nip=seller.nip,
            name=seller.name or "",
            address=_address_out(seller.address) or AddressIn(line1="-"),
            email=contact.email,
            phone=contact.phone,
        ),
        buyer=_buyer_out(document.buyer),
        lines=[
            LineIn(
                number=ln.number,
                name=ln.name or "",
                quantity=_s(_required(ln.quantity, ln, "quantity")),
                unit=ln.unit or "szt.",
                unit_price=_s(_required(ln.unit_price, ln, "unit_price")),
                discount=_s(ln.discount) if ln.discount is not None else None,
                vat_rate=_required_rate(ln).value,
                gtu=ln.gtu,
                pkwiu=ln.pkwiu,
                cn=ln.cn,
                index=ln.index,
                before=ln.before,
            )
            for ln in document.lines
        ],
        payment=pay_in,
        correction=None
        if correction is None
        else CorrectionIn(
            reason=correction.reason or "",
            type=int(correction.type) if correction.type else None,  # type: ignore[arg-type]
            corrected=[
                CorrectedIn(number=c.number, issue_date=c.issue_date, ksef_number=c.ksef_number)
                for c in correction.corrected
            ],
        ),
        advance_invoices=[
            AdvanceInvoiceIn(ksef_number=a.ksef_number, number=a.number)
            for a in document.advance_invoices
        ]
        or None,
        split_payment=document.annotations.split_payment,
        cash_accounting=document.annotations.cash_accounting,
        reverse_charge=document.annotations.reverse_charge,
        exemption_basis=document.annotations.exemption[1]
        if document.annotations.exemption
        else None,
        notes=list(document.footer.texts) if document.footer else [],
        totals=TotalsIn(
            net=_s(document.totals.net),
            vat=_s(document.totals.vat),
            gross=_s(document.totals.due),
        ),
    )
