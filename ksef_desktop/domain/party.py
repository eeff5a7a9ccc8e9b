"""Parties of an invoice: seller, buyer and third parties, with their identifiers and addresses."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_eu_vat, normalize_nip
from ksef_desktop.support.i18n import tr

_COUNTRY = re.compile(r"[A-Z]{2}")
_INTERNAL_ID = re.compile(r"(\d{10})-(\d{5})")


class IdKind(enum.StrEnum):
    """How FA(3) identifies a party (DaneIdentyfikacyjne)."""

    NIP = "nip"
    EU_VAT = "eu_vat"
    FOREIGN = "foreign"
    INTERNAL = "internal"  # IDWew: NIP, hyphen, five digits; third parties only
    NONE = "none"  # BrakID: a consumer or a party with no identifier


@dataclass(frozen=True)
class TaxId:
    kind: IdKind
    value: str = ""
    country: str | None = None

    @classmethod
    def nip(cls, text: str) -> TaxId:
        return cls(IdKind.NIP, normalize_nip(text))

    @classmethod
    def eu_vat(cls, prefix: str, number: str) -> TaxId:
        code, digits = normalize_eu_vat(prefix, number)
        return cls(IdKind.EU_VAT, digits, code)

    @classmethod
    def foreign(cls, number: str, country: str | None = None) -> TaxId:
        number = number.strip()
        if not 1 <= len(number) <= 50:
            raise InvalidValueError(tr("A foreign tax id has 1 to 50 characters."), field="tax_id")
        return cls(IdKind.FOREIGN, number, _country(country) if country else None)

    @classmethod
    def internal(cls, text: str) -> TaxId:
        match = _INTERNAL_ID.fullmatch(text.strip())
        if not match:
            raise InvalidValueError(
                tr("An internal id is a NIP, a hyphen and five digits (1234567890-00001)."),
                field="tax_id",
            )
        normalize_nip(match.group(1), field="tax_id")
        return cls(IdKind.INTERNAL, text.strip())

    @classmethod
    def none(cls) -> TaxId:
        return cls(IdKind.NONE)

    @property
    def nip_value(self) -> str | None:
        """The NIP when the party is identified by one (also inside an internal id)."""
        if self.kind is IdKind.NIP:
            return self.value
        if self.kind is IdKind.INTERNAL:
            return self.value[:10]
        return None

    def display(self) -> str:
        if self.kind is IdKind.EU_VAT:
            return f"{self.country}{self.value}"
        if self.kind is IdKind.FOREIGN and self.country:
            return f"{self.country} {self.value}"
        return self.value


def _country(code: str) -> str:
    code = code.strip().upper()
    if not _COUNTRY.fullmatch(code):
        raise InvalidValueError(
            tr("{code!r} is not a two-letter country code.").format(code=code), field="country"
        )
    return code


@dataclass(frozen=True)
class Address:
    country: str
    line1: str
    line2: str | None = None
    gln: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", _country(self.country))
        if not self.line1.strip():
            raise InvalidValueError(tr("The first address line is empty."), field="address")


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        if self.email is not None and "@" not in self.email:
            raise InvalidValueError(
                tr("{email!r} is not an e-mail address.").format(email=self.email),
                field="email",
            )


class TaxpayerStatus(enum.IntEnum):
    """StatusInfoPodatnika of the seller."""

    LIQUIDATION = 1
    RESTRUCTURING = 2
    BANKRUPTCY = 3
    DECEASED_OWNER = 4


@dataclass(frozen=True)
class Party:
    """A seller, buyer or third party; role-specific fields stay at their defaults elsewhere."""

    tax_id: TaxId
    name: str | None = None
    address: Address | None = None
    correspondence_address: Address | None = None
    contacts: tuple[Contact, ...] = ()
    eori: str | None = None
    # seller (Podmiot1)
    vat_prefix_pl: bool = False
    taxpayer_status: TaxpayerStatus | None = None
    # buyer and third parties (Podmiot2 / Podmiot3)
    customer_number: str | None = None
    buyer_id: str | None = None
    # buyer only: a JST subordinate unit / a VAT-group member is concerned
    jst: bool = False
    vat_group: bool = False

    def __post_init__(self) -> None:
        if len(self.contacts) > 3:
            raise InvalidValueError(
                tr("FA(3) allows at most three contact entries per party."), field="contacts"
            )

    @property
    def nip(self) -> str | None:
        return self.tax_id.nip_value


class ThirdPartyRole(enum.IntEnum):
    """Rola of Podmiot3."""

    FACTOR = 1
    RECIPIENT = 2
    ORIGINAL_ENTITY = 3
    ADDITIONAL_BUYER = 4
    ISSUER = 5
    PAYER = 6
    JST_ISSUER = 7
    JST_RECIPIENT = 8
    VAT_GROUP_ISSUER = 9
    VAT_GROUP_RECIPIENT = 10
    EMPLOYEE = 11


@dataclass(frozen=True)
class ThirdParty:
    """Podmiot3: a party with a role, or a described other role, and an optional share."""

    party: Party
    role: ThirdPartyRole | None = None
    other_role: str | None = None
    share: Decimal | None = None

    def __post_init__(self) -> None:
        if (self.role is None) == (self.other_role is None):
            raise InvalidValueError(
                tr("A third party has either a role or a description of another role."),
                field="role",
            )
        if self.share is not None and not Decimal(0) <= self.share <= Decimal(100):
            raise InvalidValueError(tr("A share is a percentage from 0 to 100."), field="share")
