"""The one table from FA(3) element paths to document fields, so a problem can lead to the editor.

Keys are element paths without positional indexes; ``{0}``, ``{1}`` in a value
are filled with the zero-based positions of the repeating elements on the path
(``/Faktura/Fa/FaWiersz[2]/P_11`` -> ``lines[1].net_value``). A path with no
entry of its own maps to its nearest ancestor's field.
"""

from __future__ import annotations

import re

_STEP = re.compile(r"([^/\[\]]+)(?:\[(\d+)\])?")

_PARTY = {
    "": "",
    "/PrefiksPodatnika": ".vat_prefix_pl",
    "/NrEORI": ".eori",
    "/IDNabywcy": ".buyer_id",
    "/DaneIdentyfikacyjne": ".tax_id",
    "/DaneIdentyfikacyjne/Nazwa": ".name",
    "/Adres": ".address",
    "/Adres/KodKraju": ".address.country",
    "/Adres/AdresL1": ".address.line1",
    "/Adres/AdresL2": ".address.line2",
    "/Adres/GLN": ".address.gln",
    "/AdresKoresp": ".correspondence_address",
    "/AdresKoresp/KodKraju": ".correspondence_address.country",
    "/AdresKoresp/AdresL1": ".correspondence_address.line1",
    "/AdresKoresp/AdresL2": ".correspondence_address.line2",
    "/AdresKoresp/GLN": ".correspondence_address.gln",
    "/DaneKontaktowe": ".contacts[{n}]",
    "/DaneKontaktowe/Email": ".contacts[{n}].email",
    "/DaneKontaktowe/Telefon": ".contacts[{n}].phone",
    "/StatusInfoPodatnika": ".taxpayer_status",
    "/NrKlienta": ".customer_number",
    "/JST": ".jst",
    "/GV": ".vat_group",
}

_LINE = {
    "NrWierszaFa": "number",
    "UU_ID": "uu_id",
    "P_6A": "delivery_date",
    "P_7": "name",
    "Indeks": "index",
    "GTIN": "gtin",
    "PKWiU": "pkwiu",
    "CN": "cn",
    "PKOB": "pkob",
    "P_8A": "unit",
    "P_8B": "quantity",
    "P_9A": "unit_price",
    "P_9B": "unit_price",
    "P_10": "discount",
    "P_11": "net_value",
    "P_11A": "gross_value",
    "P_11Vat": "vat_amount",
    "P_12": "vat_rate",
    "P_12_XII": "oss_rate",
    "P_12_Zal_15": "annex15",
    "KwotaAkcyzy": "excise",
    "GTU": "gtu",
    "Procedura": "procedure",
    "KursWaluty": "exchange_rate",
    "StanPrzed": "before",
}

_ORDER_LINE = {
    "NrWierszaZam": "number",
    "UU_IDZ": "uu_id",
    "P_7Z": "name",
    "IndeksZ": "index",
    "GTINZ": "gtin",
    "PKWiUZ": "pkwiu",
    "CNZ": "cn",
    "PKOBZ": "pkob",
    "P_8AZ": "unit",
    "P_8BZ": "quantity",
    "P_9AZ": "unit_price",
    "P_11NettoZ": "net_value",
    "P_11VatZ": "vat_amount",
    "P_12Z": "vat_rate",
    "P_12Z_XII": "oss_rate",
    "P_12Z_Zal_15": "annex15",
    "GTUZ": "gtu",
    "ProceduraZ": "procedure",
    "KwotaAkcyzyZ": "excise",
    "StanPrzedZ": "before",
}

_ACCOUNT = {
    "": "",
    "/NrRB": ".number",
    "/SWIFT": ".swift",
    "/RachunekWlasnyBanku": ".own_bank_account",
    "/NazwaBanku": ".bank_name",
    "/OpisRachunku": ".description",
}

_FA_SIMPLE = {
    "KodWaluty": "currency",
    "P_1": "issue_date",
    "P_1M": "place_of_issue",
    "P_2": "number",
    "WZ": "dispatch_notes[{0}]",
    "P_6": "sale_date",
    "OkresFa": "period",
    "P_15": "totals.P_15",
    "KursWalutyZ": "advance_rate",
    "Adnotacje": "annotations",
    "Adnotacje/P_16": "annotations.cash_accounting",
    "Adnotacje/P_17": "annotations.self_billing",
    "Adnotacje/P_18": "annotations.reverse_charge",
    "Adnotacje/P_18A": "annotations.split_payment",
    "Adnotacje/Zwolnienie": "annotations.exemption",
    "Adnotacje/P_23": "annotations.triangular",
    "Adnotacje/PMarzy": "annotations.margin",
    "RodzajFaktury": "kind",
    "PrzyczynaKorekty": "correction.reason",
    "TypKorekty": "correction.type",
    "DaneFaKorygowanej": "correction.corrected[{0}]",
    "DaneFaKorygowanej/DataWystFaKorygowanej": "correction.corrected[{0}].issue_date",
    "DaneFaKorygowanej/NrFaKorygowanej": "correction.corrected[{0}].number",
    "DaneFaKorygowanej/NrKSeF": "correction.corrected[{0}].ksef_number",
    "DaneFaKorygowanej/NrKSeFFaKorygowanej": "correction.corrected[{0}].ksef_number",
    "DaneFaKorygowanej/NrKSeFN": "correction.corrected[{0}].ksef_number",
    "OkresFaKorygowanej": "correction.period",
    "NrFaKorygowany": "correction.corrected_number",
    "Podmiot1K": "correction",
    "Podmiot2K": "correction",
    "P_15ZK": "correction.amount_before",
    "KursWalutyZK": "correction.rate_before",
    "ZaliczkaCzesciowa": "advance_parts[{0}]",
    "ZaliczkaCzesciowa/P_6Z": "advance_parts[{0}].on",
    "ZaliczkaCzesciowa/P_15Z": "advance_parts[{0}].amount",
    "ZaliczkaCzesciowa/KursWalutyZW": "advance_parts[{0}].rate",
    "FP": "receipt_based",
    "TP": "related_parties",
    "DodatkowyOpis": "additional_info[{0}]",
    "DodatkowyOpis/NrWiersza": "additional_info[{0}].line_number",
    "DodatkowyOpis/Klucz": "additional_info[{0}].key",
    "DodatkowyOpis/Wartosc": "additional_info[{0}].value",
    "FakturaZaliczkowa": "advance_invoices[{0}]",
    "FakturaZaliczkowa/NrKSeFFaZaliczkowej": "advance_invoices[{0}].ksef_number",
    "FakturaZaliczkowa/NrKSeFZN": "advance_invoices[{0}].number",
    "FakturaZaliczkowa/NrFaZaliczkowej": "advance_invoices[{0}].number",
    "ZwrotAkcyzy": "excise_refund",
    "FaWiersz": "lines[{0}]",
    "Rozliczenie": "settlement",
    "Rozliczenie/Obciazenia": "settlement.charges[{0}]",
    "Rozliczenie/Obciazenia/Kwota": "settlement.charges[{0}].amount",
    "Rozliczenie/Obciazenia/Powod": "settlement.charges[{0}].reason",
    "Rozliczenie/SumaObciazen": "settlement.charges_total",
    "Rozliczenie/Odliczenia": "settlement.deductions[{0}]",
    "Rozliczenie/Odliczenia/Kwota": "settlement.deductions[{0}].amount",
    "Rozliczenie/Odliczenia/Powod": "settlement.deductions[{0}].reason",
    "Rozliczenie/SumaOdliczen": "settlement.deductions_total",
    "Rozliczenie/DoZaplaty": "settlement.to_pay",
    "Rozliczenie/DoRozliczenia": "settlement.to_settle",
    "Platnosc": "payment",
    "Platnosc/Zaplacono": "payment.paid_on",
    "Platnosc/DataZaplaty": "payment.paid_on",
    "Platnosc/ZnacznikZaplatyCzesciowej": "payment.partial_marker",
    "Platnosc/ZaplataCzesciowa": "payment.partial_payments[{0}]",
    "Platnosc/ZaplataCzesciowa/KwotaZaplatyCzesciowej": "payment.partial_payments[{0}].amount",
    "Platnosc/ZaplataCzesciowa/DataZaplatyCzesciowej": "payment.partial_payments[{0}].on",
    "Platnosc/ZaplataCzesciowa/FormaPlatnosci": "payment.partial_payments[{0}].method",
    "Platnosc/ZaplataCzesciowa/PlatnoscInna": "payment.partial_payments[{0}].other_method",
    "Platnosc/ZaplataCzesciowa/OpisPlatnosci": "payment.partial_payments[{0}].other_method",
    "Platnosc/TerminPlatnosci": "payment.due[{0}]",
    "Platnosc/TerminPlatnosci/Termin": "payment.due[{0}].on",
    "Platnosc/TerminPlatnosci/TerminOpis/Ilosc": "payment.due[{0}].count",
    "Platnosc/TerminPlatnosci/TerminOpis/Jednostka": "payment.due[{0}].unit",
    "Platnosc/TerminPlatnosci/TerminOpis/ZdarzeniePoczatkowe": "payment.due[{0}].start_event",
    "Platnosc/FormaPlatnosci": "payment.method",
    "Platnosc/PlatnoscInna": "payment.other_method",
    "Platnosc/OpisPlatnosci": "payment.other_method",
    "Platnosc/Skonto/WarunkiSkonta": "payment.discount_conditions",
    "Platnosc/Skonto/WysokoscSkonta": "payment.discount_amount",
    "Platnosc/LinkDoPlatnosci": "payment.payment_link",
    "Platnosc/IPKSeF": "payment.ip_ksef",
    "WarunkiTransakcji": "terms",
    "WarunkiTransakcji/Umowy": "terms.contracts[{0}]",
    "WarunkiTransakcji/Umowy/DataUmowy": "terms.contracts[{0}].on",
    "WarunkiTransakcji/Umowy/NrUmowy": "terms.contracts[{0}].number",
    "WarunkiTransakcji/Zamowienia": "terms.orders[{0}]",
    "WarunkiTransakcji/Zamowienia/DataZamowienia": "terms.orders[{0}].on",
    "WarunkiTransakcji/Zamowienia/NrZamowienia": "terms.orders[{0}].number",
    "WarunkiTransakcji/NrPartiiTowaru": "terms.batch_numbers[{0}]",
    "WarunkiTransakcji/WarunkiDostawy": "terms.delivery_terms",
    "WarunkiTransakcji/KursUmowny": "terms.contract_rate",
    "WarunkiTransakcji/WalutaUmowna": "terms.contract_currency",
    "WarunkiTransakcji/PodmiotPosredniczacy": "terms.intermediary",
    "Zamowienie": "order",
    "Zamowienie/WartoscZamowienia": "order.value",
    "Zamowienie/ZamowienieWiersz": "order.lines[{0}]",
}


def _build() -> dict[str, str]:
    table: dict[str, str] = {
        "/Faktura/Naglowek/DataWytworzeniaFa": "generated_at",
        "/Faktura/Naglowek/SystemInfo": "system_info",
        "/Faktura/Stopka": "footer",
        "/Faktura/Stopka/Informacje": "footer.texts[{0}]",
        "/Faktura/Stopka/Rejestry": "footer.registers[{0}]",
        "/Faktura/Stopka/Rejestry/PelnaNazwa": "footer.registers[{0}].full_name",
        "/Faktura/Stopka/Rejestry/KRS": "footer.registers[{0}].krs",
        "/Faktura/Stopka/Rejestry/REGON": "footer.registers[{0}].regon",
        "/Faktura/Stopka/Rejestry/BDO": "footer.registers[{0}].bdo",
        "/Faktura/Zalacznik": "attachment",
        "/Faktura/Zalacznik/BlokDanych": "attachment.blocks[{0}]",
        "/Faktura/Podmiot3/Rola": "third_parties[{0}].role",
        "/Faktura/Podmiot3/RolaInna": "third_parties[{0}].other_role",
        "/Faktura/Podmiot3/OpisRoli": "third_parties[{0}].other_role",
        "/Faktura/Podmiot3/Udzial": "third_parties[{0}].share",
    }
    parties = {
        "Podmiot1": ("seller", "{0}"),
        "Podmiot2": ("buyer", "{0}"),
        "Podmiot3": ("third_parties[{0}].party", "{1}"),
    }
    for element, (field, contact_index) in parties.items():
        for suffix, tail in _PARTY.items():
            table[f"/Faktura/{element}{suffix}"] = field + tail.replace("{n}", contact_index)
    table["/Faktura/Podmiot3"] = "third_parties[{0}]"
    for suffix, tail in _FA_SIMPLE.items():
        table[f"/Faktura/Fa/{suffix}"] = tail
    for bucket in ("1", "2", "3", "4", "5", "6_1", "6_2", "6_3", "7", "8", "9", "10", "11"):
        for prefix in ("P_13_", "P_14_"):
            table[f"/Faktura/Fa/{prefix}{bucket}"] = f"totals.{prefix}{bucket}"
        table[f"/Faktura/Fa/P_14_{bucket}W"] = f"totals.P_14_{bucket}W"
    for element in ("P_6_Od", "P_6_Do"):
        table[f"/Faktura/Fa/OkresFa/{element}"] = "period"
    for element, attr in _LINE.items():
        table[f"/Faktura/Fa/FaWiersz/{element}"] = f"lines[{{0}}].{attr}"
    for element, attr in _ORDER_LINE.items():
        table[f"/Faktura/Fa/Zamowienie/ZamowienieWiersz/{element}"] = f"order.lines[{{0}}].{attr}"
    for element, field in (
        ("RachunekBankowy", "accounts"),
        ("RachunekBankowyFaktora", "factor_accounts"),
    ):
        for suffix, tail in _ACCOUNT.items():
            table[f"/Faktura/Fa/Platnosc/{element}{suffix}"] = f"payment.{field}[{{0}}]{tail}"
    return table


#: Index-free element path -> document field template.
FIELD_TABLE: dict[str, str] = _build()


def field_for(path: str) -> str | None:
    """The document field an element path maps to, or None outside the mapped content."""
    steps = [(m.group(1), m.group(2)) for m in _STEP.finditer(path)]
    for length in range(len(steps), 0, -1):
        key = "/" + "/".join(name for name, _ in steps[:length])
        template = FIELD_TABLE.get(key)
        if template is None:
            continue
        positions = [int(index) - 1 for _, index in steps[:length] if index is not None]
        # A path written without an index (by hand) means the first occurrence.
        positions += [0] * 3
        return template.format(*positions)
    return None
