"""FA(3) sections other than the invoice body: parties, payment, terms, footer, attachment."""

from __future__ import annotations

from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.domain.extras import Attachment, Footer, TransactionTerms
from ksef_desktop.domain.party import IdKind, Party, TaxId, ThirdParty
from ksef_desktop.domain.payment import BankAccount, PartialPayment, Payment, PaymentMethod
from ksef_desktop.fa3 import elements as el
from ksef_desktop.fa3 import values as v
from ksef_desktop.fa3.writer import Element, leaf, put, require, sub, write_fields
from ksef_desktop.support.i18n import tr


def _text(parent: Element, tag: str, value: str | None) -> None:
    if value is not None:
        leaf(parent, tag, value)


def _ids(parent: Element, tax_id: TaxId, name: str | None, *, internal: bool) -> None:
    ids = sub(parent, "DaneIdentyfikacyjne")
    kind = tax_id.kind
    if kind is IdKind.NIP:
        leaf(ids, "NIP", tax_id.value)
    elif kind is IdKind.INTERNAL and internal:
        leaf(ids, "IDWew", tax_id.value)
    elif kind is IdKind.EU_VAT:
        leaf(ids, "KodUE", tax_id.country)
        leaf(ids, "NrVatUE", tax_id.value)
    elif kind is IdKind.FOREIGN:
        _text(ids, "KodKraju", tax_id.country)
        leaf(ids, "NrID", tax_id.value)
    elif kind is IdKind.NONE:
        leaf(ids, "BrakID", "1")
    else:
        raise UnsupportedConstructError(
            tr("Only a third party can be identified by an internal id (IDWew)."),
            details={"kind": kind.value},
        )
    _text(ids, "Nazwa", name)


def _addresses_and_contacts(parent: Element, party: Party) -> None:
    for tag, address in (("Adres", party.address), ("AdresKoresp", party.correspondence_address)):
        if address is not None:
            write_fields(sub(parent, tag), address, el.ADDRESS)
    for contact in party.contacts:
        write_fields(sub(parent, "DaneKontaktowe"), contact, el.CONTACT)


def _refuse_role_fields(party: Party, role: str, *, buyer: bool = False) -> None:
    seller_only = party.vat_prefix_pl or party.taxpayer_status is not None
    buyer_only = (party.jst or party.vat_group) and not buyer
    if seller_only or buyer_only:
        raise UnsupportedConstructError(
            tr(
                "The {role} has data FA(3) only records for another party "
                "(PL prefix, taxpayer status, JST or VAT-group marker)."
            ).format(role=role)
        )


def write_seller(root: Element, party: Party) -> None:
    p1 = sub(root, "Podmiot1")
    require(party.tax_id.kind is IdKind.NIP, tr("The seller must be identified by a NIP."))
    require(bool(party.name), tr("The seller's name is required."))
    require(party.address is not None, tr("The seller's address is required."))
    if party.customer_number or party.buyer_id or party.jst or party.vat_group:
        raise UnsupportedConstructError(
            tr(
                "FA(3) records no customer number, buyer id, JST or VAT-group marker "
                "for the seller."
            )
        )
    if party.vat_prefix_pl:
        leaf(p1, "PrefiksPodatnika", "PL")
    _text(p1, "NrEORI", party.eori)
    _ids(p1, party.tax_id, party.name, internal=False)
    _addresses_and_contacts(p1, party)
    if party.taxpayer_status is not None:
        leaf(p1, "StatusInfoPodatnika", str(int(party.taxpayer_status)))


def write_buyer(root: Element, party: Party) -> None:
    p2 = sub(root, "Podmiot2")
    _refuse_role_fields(party, tr("buyer"), buyer=True)
    _text(p2, "NrEORI", party.eori)
    _ids(p2, party.tax_id, party.name, internal=False)
    _addresses_and_contacts(p2, party)
    _text(p2, "NrKlienta", party.customer_number)
    _text(p2, "IDNabywcy", party.buyer_id)
    leaf(p2, "JST", v.write_yes_no(party.jst))
    leaf(p2, "GV", v.write_yes_no(party.vat_group))


def write_third_party(root: Element, third: ThirdParty) -> None:
    party = third.party
    p3 = sub(root, "Podmiot3")
    _refuse_role_fields(party, tr("third party"))
    _text(p3, "IDNabywcy", party.buyer_id)
    _text(p3, "NrEORI", party.eori)
    _ids(p3, party.tax_id, party.name, internal=True)
    _addresses_and_contacts(p3, party)
    if third.role is not None:
        leaf(p3, "Rola", str(int(third.role)))
    else:
        leaf(p3, "RolaInna", "1")
        leaf(p3, "OpisRoli", third.other_role)
    put(p3, "Udzial", el.Field("Udzial", "share", v.PERCENT), third.share)
    _text(p3, "NrKlienta", party.customer_number)


def _method(parent: Element, method: PaymentMethod | None, other: str | None) -> None:
    if method is not None:
        leaf(parent, "FormaPlatnosci", str(int(method)))
    elif other is not None:
        leaf(parent, "PlatnoscInna", "1")
        leaf(parent, "OpisPlatnosci", other)


def _partial(parent: Element, part: PartialPayment) -> None:
    node = sub(parent, "ZaplataCzesciowa")
    put(node, "KwotaZaplatyCzesciowej", el.Field("", "amount", v.AMOUNT), part.amount)
    leaf(node, "DataZaplatyCzesciowej", part.on.isoformat())
    if part.method is not None and part.other_method is not None:
        raise InvalidValueError(tr("A partial payment has one method or another, not both."))
    _method(node, part.method, part.other_method)


def _accounts(parent: Element, tag: str, accounts: tuple[BankAccount, ...]) -> None:
    for account in accounts:
        write_fields(sub(parent, tag), account, el.BANK_ACCOUNT)


def write_payment(fa: Element, payment: Payment) -> None:
    node = sub(fa, "Platnosc")
    if payment.paid_on is not None:
        leaf(node, "Zaplacono", "1")
        leaf(node, "DataZaplaty", payment.paid_on.isoformat())
    elif payment.partial_marker is not None:
        leaf(node, "ZnacznikZaplatyCzesciowej", str(int(payment.partial_marker)))
        for part in payment.partial_payments:
            _partial(node, part)
    for term in payment.due:
        due = sub(node, "TerminPlatnosci")
        if term.on is not None:
            leaf(due, "Termin", term.on.isoformat())
        if term.count is not None:
            described = sub(due, "TerminOpis")
            leaf(described, "Ilosc", str(term.count))
            leaf(described, "Jednostka", term.unit)
            leaf(described, "ZdarzeniePoczatkowe", term.start_event)
    _method(node, payment.method, payment.other_method)
    _accounts(node, "RachunekBankowy", payment.accounts)
    _accounts(node, "RachunekBankowyFaktora", payment.factor_accounts)
    if payment.discount_conditions is not None:
        skonto = sub(node, "Skonto")
        leaf(skonto, "WarunkiSkonta", payment.discount_conditions)
        leaf(skonto, "WysokoscSkonta", payment.discount_amount)
    _text(node, "LinkDoPlatnosci", payment.payment_link)
    _text(node, "IPKSeF", payment.ip_ksef)


def write_terms(fa: Element, terms: TransactionTerms) -> None:
    node = sub(fa, "WarunkiTransakcji")
    for group, date_tag, number_tag, refs in (
        ("Umowy", "DataUmowy", "NrUmowy", terms.contracts),
        ("Zamowienia", "DataZamowienia", "NrZamowienia", terms.orders),
    ):
        for ref in refs:
            item = sub(node, group)
            if ref.on is not None:
                leaf(item, date_tag, ref.on.isoformat())
            _text(item, number_tag, ref.number)
    for batch in terms.batch_numbers:
        leaf(node, "NrPartiiTowaru", batch)
    _text(node, "WarunkiDostawy", terms.delivery_terms)
    if (terms.contract_rate is None) != (terms.contract_currency is None):
        raise InvalidValueError(tr("A contract exchange rate needs its currency, and back."))
    put(node, "KursUmowny", el.Field("", "contract_rate", v.QUANTITY), terms.contract_rate)
    _text(node, "WalutaUmowna", terms.contract_currency)
    if terms.intermediary:
        leaf(node, "PodmiotPosredniczacy", "1")


def write_footer(root: Element, footer: Footer) -> None:
    node = sub(root, "Stopka")
    for text in footer.texts:
        leaf(sub(node, "Informacje"), "StopkaFaktury", text)
    for register in footer.registers:
        write_fields(sub(node, "Rejestry"), register, el.REGISTER)


def _pairs(
    parent: Element, tag: str, keys: tuple[str, str], pairs: tuple[tuple[str, str], ...]
) -> None:
    for key, value in pairs:
        item = sub(parent, tag)
        leaf(item, keys[0], key)
        leaf(item, keys[1], value)


def write_attachment(root: Element, attachment: Attachment) -> None:
    node = sub(root, "Zalacznik")
    require(bool(attachment.blocks), tr("An attachment needs at least one data block."))
    for block in attachment.blocks:
        item = sub(node, "BlokDanych")
        _text(item, "ZNaglowek", block.header)
        require(bool(block.metadata), tr("Each attachment data block needs metadata."))
        _pairs(item, "MetaDane", ("ZKlucz", "ZWartosc"), block.metadata)
        if block.paragraphs:
            text = sub(item, "Tekst")
            for paragraph in block.paragraphs:
                leaf(text, "Akapit", paragraph)
        for table in block.tables:
            tab = sub(item, "Tabela")
            _pairs(tab, "TMetaDane", ("TKlucz", "TWartosc"), table.metadata)
            _text(tab, "Opis", table.description)
            header = sub(tab, "TNaglowek")
            require(bool(table.columns), tr("An attachment table needs columns."))
            for column_type, label in table.columns:
                col = sub(header, "Kol")
                col.set("Typ", column_type.value)
                leaf(col, "NKom", label)
            require(bool(table.rows), tr("An attachment table needs at least one row."))
            for row in table.rows:
                cells = sub(tab, "Wiersz")
                for cell in row:
                    leaf(cells, "WKom", cell)
            if table.sums is not None:
                sums = sub(tab, "Suma")
                for cell in table.sums:
                    leaf(sums, "SKom", cell)
