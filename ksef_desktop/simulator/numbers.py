"""KSeF numbers and reference numbers with their CRC-8 checksum (notes §2.2, §5.4)."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")

KSEF_NUMBER = re.compile(r"^(\d{10})-(\d{8})-([0-9A-F]{12})-([0-9A-F]{2})$")
REFERENCE_NUMBER = re.compile(
    r"^(\d{8})-([0-9A-Z]{2})-([0-9A-F]{10})-([0-9A-F]{10})-([0-9A-F]{2})$"
)


def crc8(data: bytes) -> int:
    """CRC-8, polynomial 0x07, init 0, no reflection, no final XOR."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _with_checksum(body: str) -> str:
    return f"{body}-{crc8(body.encode('ascii')):02X}"


def ksef_number(seller_nip: str, when: datetime) -> str:
    """A fresh KSeF number ``NIP-yyyymmdd-hhhhhhhhhhhh-cc`` for an accepted invoice.

    Twelve random hex digits, then the CRC-8 of everything before it.
    """
    technical = secrets.token_hex(6).upper()
    day = when.astimezone(WARSAW) if when.tzinfo else when
    return _with_checksum(f"{seller_nip}-{day:%Y%m%d}-{technical}")


def is_valid_ksef_number(value: str) -> bool:
    """True when ``value`` has the 35-character form and a matching checksum."""
    if not KSEF_NUMBER.match(value):
        return False
    return _with_checksum(value[:32]) == value


def reference_number(kind: str, when: datetime) -> str:
    """A 36-character reference ``yyyymmdd-tt-hhhhhhhhhh-hhhhhhhhhh-cc`` of type ``kind``."""
    if len(kind) != 2:
        raise ValueError("a reference type is two characters")
    first = secrets.token_hex(5).upper()
    second = secrets.token_hex(5).upper()
    return _with_checksum(f"{when:%Y%m%d}-{kind}-{first}-{second}")


def is_valid_reference_number(value: str) -> bool:
    """True for the 36-character reference form (checksum included)."""
    if not REFERENCE_NUMBER.match(value):
        return False
    return _with_checksum(value[:33]) == value
