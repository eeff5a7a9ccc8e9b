"""Tax and bank identifiers: NIP with its checksum, EU VAT numbers, NRB and IBAN."""

from __future__ import annotations

import re

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.support.i18n import tr

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_SEPARATORS = re.compile(r"[\s\-\u00a0.]")

#: EU VAT prefixes KodUE accepts: the member states, EL for Greece, XI for Northern Ireland.
EU_VAT_PREFIXES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "EL",
        "ES",
        "FI",
        "FR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "XI",
    ]
)
_EU_VAT_NUMBER = re.compile(r"(\d|[A-Z]|\+|\*){1,12}")


def nip_checksum_ok(digits: str) -> bool:
    """True for ten digits whose last one is the weighted sum mod 11 of the first nine."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, _NIP_WEIGHTS, strict=False))
    check = total % 11
    return check != 10 and check == int(digits[9])


def normalize_nip(text: str, *, field: str = "nip") -> str:
    """The bare ten-digit NIP from what a person typed; raises if it is not valid.

    Spaces, dashes and dots are dropped and a ``PL`` prefix is accepted, so
    ``PL 526-104-08-28`` becomes ``5261040828``.
    """
    cleaned = _SEPARATORS.sub("", text).upper()
    if cleaned.startswith("PL"):
        cleaned = cleaned[2:]
    if not cleaned:
        raise InvalidValueError(tr("The NIP is empty."), field=field, code="nip-empty")
    if len(cleaned) != 10 or not cleaned.isdigit():
        raise InvalidValueError(
            tr("A NIP has exactly 10 digits; {text!r} does not.").format(text=text),
            field=field,
            code="nip-format",
        )
    if not nip_checksum_ok(cleaned):
        raise InvalidValueError(
            tr("The NIP {nip} has a wrong check digit; look for a typing error.").format(
                nip=cleaned
            ),
            field=field,
            code="nip-checksum",
        )
    return cleaned


def is_valid_nip(text: str) -> bool:
    try:
        normalize_nip(text)
    except InvalidValueError:
        return False
    return True


def normalize_eu_vat(prefix: str, number: str, *, field: str = "eu_vat") -> tuple[str, str]:
    """A (KodUE, NrVatUE) pair; the number may still carry its country prefix."""
    prefix = prefix.strip().upper()
    if prefix == "GR":
        prefix = "EL"
    number = _SEPARATORS.sub("", number).upper()
    if number.startswith(prefix):
        number = number[len(prefix) :]
    if prefix not in EU_VAT_PREFIXES:
        raise InvalidValueError(
            tr("{prefix!r} is not an EU VAT country prefix.").format(prefix=prefix),
            field=field,
            code="eu-vat-prefix",
        )
    if prefix == "PL":
        raise InvalidValueError(
            tr("A Polish buyer is identified by NIP, not by an EU VAT number."),
            field=field,
            code="eu-vat-polish",
        )
    if not _EU_VAT_NUMBER.fullmatch(number):
        raise InvalidValueError(
            tr("{number!r} is not a valid EU VAT number (1-12 letters or digits).").format(
                number=number
            ),
            field=field,
            code="eu-vat-format",
        )
    return prefix, number


def _iban_mod97(iban: str) -> int:
    rearranged = iban[4:] + iban[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97


def normalize_account(text: str, *, field: str = "bank_account") -> str:
    """A bank account as FA(3) stores it: NRB (26 digits) for Polish, IBAN for others.

    Polish accounts may be typed with or without the ``PL`` prefix; the NRB
    checksum is the IBAN one with the ``PL`` country code.
    """
    cleaned = _SEPARATORS.sub("", text).upper()
    if not cleaned:
        raise InvalidValueError(tr("The bank account number is empty."), field=field)
    if cleaned.isdigit():
        if len(cleaned) != 26:
            raise InvalidValueError(
                tr("A Polish account number (NRB) has 26 digits; this one has {n}.").format(
                    n=len(cleaned)
                ),
                field=field,
                code="nrb-format",
            )
        if _iban_mod97("PL" + cleaned) != 1:
            raise InvalidValueError(
                tr("The account number {nrb} has wrong check digits.").format(nrb=cleaned),
                field=field,
                code="nrb-checksum",
            )
        return cleaned
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", cleaned):
        raise InvalidValueError(
            tr("{text!r} is neither a 26-digit NRB nor an IBAN.").format(text=text),
            field=field,
            code="iban-format",
        )
    if _iban_mod97(cleaned) != 1:
        raise InvalidValueError(
            tr("The IBAN {iban} has wrong check digits.").format(iban=cleaned),
            field=field,
            code="iban-checksum",
        )
    if cleaned.startswith("PL"):
        return cleaned[2:]
    return cleaned
