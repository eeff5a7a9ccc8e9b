"""Reads FA(3) sections around the body: parties, payment, terms, footer, attachment."""

from __future__ import annotations

from ksef_desktop.domain.errors import XmlInputError
from ksef_desktop.domain.extras import (
    Attachment,
    ColumnType,
    DataBlock,
    DatedReference,
    Footer,
    Register,
    Table,
    TransactionTerms,
)
from ksef_desktop.domain.party import (
    Address,
    Contact,
    IdKind,
    Party,
    TaxId,
    TaxpayerStatus,
    ThirdParty,
    ThirdPartyRole,
)
from ksef_desktop.domain.payment import (
    BankAccount,
    DueTerm,
    PartialMarker,
    PartialPayment,
    Payment,
    PaymentMethod,
)
from ksef_desktop.fa3 import elements as el
from ksef_desktop.fa3 import values as v
from ksef_desktop.fa3.reader import Node
from ksef_desktop.support.i18n import tr


def _tax_id(ids: Node) -> TaxId:
    found: list[TaxId] = []
    if (nip := ids.one("NIP")) is not None:
        found.append(TaxId(IdKind.NIP, nip.text.strip()))
    if (internal := ids.one("IDWew")) is not None:
        found.append(TaxId(IdKind.INTERNAL, internal.text.strip()))
    if (eu := ids.one("KodUE")) is not None:
        found.append(TaxId(IdKind.EU_VAT, ids.need("NrVatUE", str).strip(), eu.text.strip()))
    if (foreign := ids.one("NrID")) is not None:
        country = ids.get("KodKraju", str)
        found.append(TaxId(IdKind.FOREIGN, foreign.text, country.strip() if country else None))
    if (none := ids.one("BrakID")) is not None:
        none.value(v.read_flag)
        found.append(TaxId(IdKind.NONE))
    if len(found) != 1:
        raise XmlInputError(
            tr(
                "{path} must hold exactly one identifier (NIP, EU VAT, foreign id or BrakID)."
            ).format(path=ids.path),
            details={"path": ids.path},
        )
    return found[0]


def _party(node: Node, **extra: object) -> Party:
    ids = node.req("DaneIdentyfikacyjne")
    tax_id = _tax_id(ids)
    name = ids.get("Nazwa", str)
    address = node.one("Adres")
    correspondence = node.one("AdresKoresp")
    contacts = tuple(c.make(Contact, el.CONTACT) for c in node.all("DaneKontaktowe"))
    with node.context():
        return Party(
            tax_id,
            name=name,
            address=address.make(Address, el.ADDRESS) if address else None,
            correspondence_address=(
                correspondence.make(Address, el.ADDRESS) if correspondence else None
            ),
            contacts=contacts,
            eori=node.get("NrEORI", str),
            **extra,  # type: ignore[arg-type]
        )


def read_seller(node: Node) -> Party:
    prefix = node.get("PrefiksPodatnika", str)
    if prefix is not None and prefix.strip() != "PL":
        raise XmlInputError(
            tr("{path}/PrefiksPodatnika of the seller can only be PL.").format(path=node.path)
        )
    status = node.get("StatusInfoPodatnika", lambda t: v.read_int_enum(TaxpayerStatus, t))
    return _party(node, vat_prefix_pl=prefix is not None, taxpayer_status=status)


def read_buyer(node: Node) -> Party:
    return _party(
        node,
        customer_number=node.get("NrKlienta", str),
        buyer_id=node.get("IDNabywcy", str),
        jst=node.need("JST", v.read_yes_no),
        vat_group=node.need("GV", v.read_yes_no),
    )


def read_third_party(node: Node) -> ThirdParty:
    party = _party(
        node, customer_number=node.get("NrKlienta", str), buyer_id=node.get("IDNabywcy", str)
    )
    role = node.get("Rola", lambda t: v.read_int_enum(ThirdPartyRole, t))
    other = None
    if node.get("RolaInna", v.read_flag):
        other = node.need("OpisRoli", str)
    with node.context():
        return ThirdParty(party, role, other, node.get("Udzial", v.read_decimal))


def _method(node: Node) -> tuple[PaymentMethod | None, str | None]:
    method = node.get("FormaPlatnosci", lambda t: v.read_int_enum(PaymentMethod, t))
    other = node.need("OpisPlatnosci", str) if node.get("PlatnoscInna", v.read_flag) else None
    return method, other


def _partial(node: Node) -> PartialPayment:
    method, other = _method(node)
    return PartialPayment(
        node.need("KwotaZaplatyCzesciowej", v.read_decimal),
        node.need("DataZaplatyCzesciowej", v.read_date),
        method,
        other,
    )


def _due(node: Node) -> DueTerm:
    described = node.one("TerminOpis")
    with node.context():
        if described is None:
            return DueTerm(on=node.get("Termin", v.read_date))
        return DueTerm(
            on=node.get("Termin", v.read_date),
            count=described.need("Ilosc", v.read_int),
            unit=described.need("Jednostka", str),
            start_event=described.need("ZdarzeniePoczatkowe", str),
        )


def read_payment(node: Node) -> Payment:
    paid_on = node.need("DataZaplaty", v.read_date) if node.get("Zaplacono", v.read_flag) else None
    marker = node.get("ZnacznikZaplatyCzesciowej", lambda t: v.read_int_enum(PartialMarker, t))
    partials = tuple(_partial(p) for p in node.all("ZaplataCzesciowa"))
    due = tuple(_due(d) for d in node.all("TerminPlatnosci"))
    method, other = _method(node)
    accounts = tuple(a.make(BankAccount, el.BANK_ACCOUNT) for a in node.all("RachunekBankowy"))
    factor = tuple(
        a.make(BankAccount, el.BANK_ACCOUNT) for a in node.all("RachunekBankowyFaktora")
    )
    skonto = node.one("Skonto")
    with node.context():
        return Payment(
            method=method,
            other_method=other,
            paid_on=paid_on,
            partial_marker=marker,
            partial_payments=partials,
            due=due,
            accounts=accounts,
            factor_accounts=factor,
            discount_conditions=skonto.need("WarunkiSkonta", str) if skonto else None,
            discount_amount=skonto.need("WysokoscSkonta", str) if skonto else None,
            payment_link=node.get("LinkDoPlatnosci", str),
            ip_ksef=node.get("IPKSeF", str),
        )


def _refs(node: Node, group: str, date_tag: str, number_tag: str) -> tuple[DatedReference, ...]:
    return tuple(
        DatedReference(item.get(date_tag, v.read_date), item.get(number_tag, str))
        for item in node.all(group)
    )


def read_terms(node: Node) -> TransactionTerms:
    return TransactionTerms(
        contracts=_refs(node, "Umowy", "DataUmowy", "NrUmowy"),
        orders=_refs(node, "Zamowienia", "DataZamowienia", "NrZamowienia"),
        batch_numbers=tuple(b.text for b in node.all("NrPartiiTowaru")),
        delivery_terms=node.get("WarunkiDostawy", str),
        contract_rate=node.get("KursUmowny", v.read_decimal),
        contract_currency=node.get("WalutaUmowna", str),
        intermediary=bool(node.get("PodmiotPosredniczacy", v.read_flag)),
    )


def read_footer(node: Node) -> Footer:
    return Footer(
        texts=tuple(info.need("StopkaFaktury", str) for info in node.all("Informacje")),
        registers=tuple(r.make(Register, el.REGISTER) for r in node.all("Rejestry")),
    )


def _pairs(node: Node, tag: str, key: str, value: str) -> tuple[tuple[str, str], ...]:
    return tuple((item.need(key, str), item.need(value, str)) for item in node.all(tag))


def _column(col: Node) -> tuple[ColumnType, str]:
    typ = col.attr("Typ")
    try:
        column_type = ColumnType(typ or "")
    except ValueError:
        raise XmlInputError(
            tr("{path}/@Typ {typ!r} is not a column type of FA(3).").format(path=col.path, typ=typ)
        ) from None
    return column_type, col.need("NKom", str)


def _table(tab: Node) -> Table:
    suma = tab.one("Suma")
    return Table(
        metadata=_pairs(tab, "TMetaDane", "TKlucz", "TWartosc"),
        description=tab.get("Opis", str),
        columns=tuple(_column(col) for col in tab.req("TNaglowek").all("Kol")),
        rows=tuple(tuple(c.text for c in row.all("WKom")) for row in tab.all("Wiersz")),
        sums=tuple(c.text for c in suma.all("SKom")) if suma is not None else None,
    )


def read_attachment(node: Node) -> Attachment:
    blocks = []
    for block in node.all("BlokDanych"):
        text = block.one("Tekst")
        blocks.append(
            DataBlock(
                header=block.get("ZNaglowek", str),
                metadata=_pairs(block, "MetaDane", "ZKlucz", "ZWartosc"),
                paragraphs=tuple(p.text for p in text.all("Akapit")) if text else (),
                tables=tuple(_table(t) for t in block.all("Tabela")),
            )
        )
    return Attachment(tuple(blocks))
