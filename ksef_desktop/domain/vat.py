"""VAT rate codes of FA(3) (P_12) and the per-rate totals they feed (P_13_x / P_14_x)."""

from __future__ import annotations

import enum
from decimal import Decimal

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.support.i18n import tr


class Bucket(enum.StrEnum):
    """The FA(3) total groups; the value is the suffix of P_13_x/P_14_x."""

    BASIC = "1"
    REDUCED_1 = "2"
    REDUCED_2 = "3"
    TAXI = "4"
    OSS = "5"
    ZERO_DOMESTIC = "6_1"
    ZERO_WDT = "6_2"
    ZERO_EXPORT = "6_3"
    EXEMPT = "7"
    OUTSIDE_PL = "8"
    ART_100 = "9"
    REVERSE_CHARGE = "10"
    MARGIN = "11"

    @property
    def has_vat(self) -> bool:
        """Groups 1-5 carry a VAT amount (P_14_x); the others a net value only."""
        return self in _TAXED_BUCKETS


_TAXED_BUCKETS = frozenset(
    {Bucket.BASIC, Bucket.REDUCED_1, Bucket.REDUCED_2, Bucket.TAXI, Bucket.OSS}
)

#: Buckets in the order their elements appear in the schema.
BUCKET_ORDER: tuple[Bucket, ...] = tuple(Bucket)


class VatRate(enum.StrEnum):
    """Every P_12 code of FA(3), spelt exactly as the schema requires."""

    R23 = "23"
    R22 = "22"
    R8 = "8"
    R7 = "7"
    R5 = "5"
    R4 = "4"
    R3 = "3"
    ZERO_KR = "0 KR"
    ZERO_WDT = "0 WDT"
    ZERO_EX = "0 EX"
    ZW = "zw"
    OO = "oo"
    NP_I = "np I"
    NP_II = "np II"

    @property
    def percent(self) -> Decimal:
        """The tax percentage; zero for the 0 %, exempt and non-taxed codes."""
        return _PERCENT.get(self, Decimal(0))

    @property
    def bucket(self) -> Bucket:
        return _BUCKET[self]

    @property
    def label(self) -> str:
        return _LABEL[self]

    @classmethod
    def parse(cls, text: str) -> VatRate:
        """Accept the exact code or the common spellings people type (``23%``, ``ZW``)."""
        cleaned = " ".join(text.replace("%", " ").split())
        for rate in cls:
            if rate.value == cleaned or rate.value.lower() == cleaned.lower():
                return rate
        raise InvalidValueError(
            tr("{text!r} is not a VAT rate code of FA(3) ({codes}).").format(
                text=text, codes=", ".join(r.value for r in cls)
            ),
            field="vat_rate",
        )


_PERCENT = {
    VatRate.R23: Decimal(23),
    VatRate.R22: Decimal(22),
    VatRate.R8: Decimal(8),
    VatRate.R7: Decimal(7),
    VatRate.R5: Decimal(5),
    VatRate.R4: Decimal(4),
    VatRate.R3: Decimal(3),
}

_BUCKET = {
    VatRate.R23: Bucket.BASIC,
    VatRate.R22: Bucket.BASIC,
    VatRate.R8: Bucket.REDUCED_1,
    VatRate.R7: Bucket.REDUCED_1,
    VatRate.R5: Bucket.REDUCED_2,
    # Codes 4 and 3 are the taxi flat-rate percentages that P_13_4/P_14_4 total.
    VatRate.R4: Bucket.TAXI,
    VatRate.R3: Bucket.TAXI,
    VatRate.ZERO_KR: Bucket.ZERO_DOMESTIC,
    VatRate.ZERO_WDT: Bucket.ZERO_WDT,
    VatRate.ZERO_EX: Bucket.ZERO_EXPORT,
    VatRate.ZW: Bucket.EXEMPT,
    VatRate.NP_I: Bucket.OUTSIDE_PL,
    VatRate.NP_II: Bucket.ART_100,
    VatRate.OO: Bucket.REVERSE_CHARGE,
}

_LABEL = {
    VatRate.R23: tr("23%"),
    VatRate.R22: tr("22%"),
    VatRate.R8: tr("8%"),
    VatRate.R7: tr("7%"),
    VatRate.R5: tr("5%"),
    VatRate.R4: tr("4% (taxi flat rate)"),
    VatRate.R3: tr("3% (taxi flat rate)"),
    VatRate.ZERO_KR: tr("0% domestic"),
    VatRate.ZERO_WDT: tr("0% intra-EU supply"),
    VatRate.ZERO_EX: tr("0% export"),
    VatRate.ZW: tr("exempt"),
    VatRate.OO: tr("reverse charge"),
    VatRate.NP_I: tr("not taxable in Poland"),
    VatRate.NP_II: tr("not taxable in Poland (art. 100(1)(4))"),
}
